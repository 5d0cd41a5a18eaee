/**
 * Case releases in the practice view, on every engine: a published release gives its year's point beside the
 * indicators that victims identified bear on (report card, compare page, public practice API), marked as drawn
 * from case data with its privacy method; a draft release and the raw records (canary dataset name, file name
 * and person references) appear on no public page or route; no count from 1 to 9 is shown (the 0–30 fixture,
 * and a dataset of 5 records whose total is shown as `< 10`).
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { publishCaseRelease } from '../../src/services/case-releases.ts';
import { importCases } from '../../src/services/cases.ts';
import { loadFieldKey } from '../../src/services/field-crypto.ts';
import { zeroToThirtyCsv } from '../cases-fixtures.ts';
import { iceland, texas } from '../coding-fixtures.ts';
import { describeEachEngine } from '../engines.ts';
import { portalDate, seedPortal } from '../portal-fixtures.ts';
import { startApp } from './helpers.ts';

const tag = randomBytes(5).toString('hex');
const canaries = [`CANARY-ds-${tag}`, `CANARY-file-${tag}`, `CANARY-p-${tag}`, `CANARY-draft-${tag}`];
const system = { kind: 'system', name: 'test' } as const;
const org = 'portal-coalition';
const caseLabel = 'Victims in case records (privacy-protected)';

interface PointJson {
  year: number;
  value: number | null;
  below: number | null;
  origin: string;
  privacy: { mechanism: string; k: number; epsilon: number } | null;
}
interface PracticeJson {
  indicators: Array<{ indicatorId: string; series: Array<{ origin: string; points: PointJson[] }> }>;
}

/** n records referred in `year`, each its own person (canary references). */
function smallCsv(n: number, year: number, prefix: string): string {
  const rows = Array.from({ length: n }, (_, i) => `${prefix}-${i},Feminine,${year}-03-01`);
  return `ext_PersonRef,prs_Gender,cas_IncomingReferralDate\n${rows.join('\n')}\n`;
}

beforeAll(() => {
  vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
  vi.setSystemTime(new Date(portalDate));
});
afterAll(() => {
  vi.useRealTimers();
});

describeEachEngine('case releases beside the law', (getStore) => {
  let app: FastifyInstance;
  const get = (url: string) => app.inject({ method: 'GET', url });
  const expectClean = (body: string, where: string) => {
    for (const c of canaries) expect(body, `${c} on ${where}`).not.toContain(c);
  };

  beforeAll(async () => {
    const store = getStore();
    await seedPortal(store);
    const started = await startApp(store, { env: { LAWGAP_SECRET_KEY: randomBytes(32).toString('base64') } });
    app = started.app;
    const ctx = { db: store.db, actor: system, fieldKey: loadFieldKey(started.deps.config) };
    const base = { organization: org, jurisdiction: 'IS', fileName: canaries[1] };
    // 2028: the 0–30 fixture (465 people), published.
    await importCases(ctx, {
      ...base,
      dataset: canaries[0] as string,
      csv: zeroToThirtyCsv(2028).replaceAll('P-', `${canaries[2]}-`),
    });
    await publishCaseRelease(ctx, {
      organization: org,
      dataset: canaries[0] as string,
      attributes: ['type_of_exploitation', 'gender'],
      epsilon: 1,
      year: 2028,
    });
    // 2027: five people, published: the total must show as `< 10`.
    await importCases(ctx, { ...base, dataset: 'small', csv: smallCsv(5, 2027, canaries[2] as string) });
    await publishCaseRelease(ctx, {
      organization: org,
      dataset: 'small',
      attributes: ['gender'],
      epsilon: 1,
      year: 2027,
    });
    // 2029: 777 people, a draft only.
    await importCases(ctx, { ...base, dataset: 'drafts', csv: smallCsv(777, 2029, canaries[3] as string) });
    const draft = await publishCaseRelease(ctx, {
      organization: org,
      dataset: 'drafts',
      attributes: ['gender'],
      epsilon: 1,
      year: 2029,
      draft: true,
    });
    expect(draft.publishedAt).toBeNull();
  }, 60_000);
  afterAll(async () => {
    await app?.close();
  });

  it('serves published case points, with their method, beside victims-identified indicators only', async () => {
    const res = await get(`/api/v1/public/practice?jurisdiction=${encodeURIComponent(iceland)}`);
    expect(res.statusCode, res.body).toBe(200);
    expectClean(res.body, 'the practice API');
    const view = res.json() as PracticeJson;
    const caseSeries = view.indicators.flatMap((i) =>
      i.series.filter((s) => s.origin === 'case_release').map((s) => ({ id: i.indicatorId, s })),
    );
    expect(caseSeries.map((c) => c.id)).toContain('VI-01');
    for (const { s } of caseSeries) {
      expect(s.points.map((p) => p.year)).toEqual([2027, 2028]);
      const [small, big] = s.points;
      expect(small).toMatchObject({ value: null, below: 10, origin: 'case_release' });
      expect(big?.value).toBeGreaterThanOrEqual(10);
      expect(big?.privacy).toEqual({ mechanism: 'suppressed', k: 10, epsilon: 0 });
      for (const p of s.points) if (p.value !== null) expect(p.value % 10).toBe(0);
    }
    const releases = await get('/api/v1/public/case-releases?jurisdiction=IS');
    expect(releases.statusCode).toBe(200);
    expectClean(releases.body, 'the public case releases');
    expect((releases.json() as { year: number }[]).map((r) => r.year).sort()).toEqual([2027, 2028]);
  });

  it('shows the case series on the report card and compare page, never a draft, a canary or a count 1–9', async () => {
    const pages = ['en', 'es', 'fr'].flatMap((lang) => [
      `/jurisdictions/${iceland}?lang=${lang}`,
      `/compare?j=${encodeURIComponent(iceland)}&j=${encodeURIComponent(texas)}&lang=${lang}`,
    ]);
    for (const url of pages) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(200);
      expectClean(res.body, url);
      const practice = res.body.slice(res.body.indexOf('id="practice"'));
      expect(practice, url).not.toMatch(/<t[hd][^>]*>2029<\/t[hd]>/);
      if (!url.includes('lang=en')) continue;
      expect(practice, url).toContain(caseLabel);
      expect(practice, url).toContain('counts below 10 are hidden');
      const rows = [...practice.matchAll(/<tr>(.*?)<\/tr>/g)].map((m) => m[1] ?? '');
      const caseRows = rows.filter((r) => r.includes(caseLabel));
      expect(caseRows.length, url).toBeGreaterThan(0);
      for (const row of caseRows) {
        const value = /<td class="num">([^<]*(?:&lt;[^<]*)?)<\/td>/.exec(row)?.[1];
        expect(value?.replace(/[,.\s\u00a0\u202f]/g, ''), row).toMatch(/^(&lt;10|[1-9]\d*0)$/);
      }
    }
    // Every page the card links to (one hop) stays clean too.
    const card = await get(`/jurisdictions/${iceland}?lang=en`);
    const links = [...card.body.matchAll(/href="(\/[^"#]*)"/g)].map((m) =>
      (m[1] ?? '').replace(/&amp;/g, '&'),
    );
    for (const link of [...new Set(links)]
      .filter((l) => !l.startsWith('/app/') && !l.startsWith('//'))
      .slice(0, 60)) {
      expectClean((await get(link)).body, link);
    }
  });
});

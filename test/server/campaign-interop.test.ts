/**
 * Campaign export and import (issue 6, part 7) on every engine: the OSDI document's shape (HAL+JSON, identifiers,
 * links), OSDI and CSV round trips into a fresh database (every identifier kept, foreign ones included, and a
 * re-import updates instead of duplicating), bad input refused with the place named and nothing stored, and
 * access (a viewer exports but cannot import; another coalition gets 404 and cannot reach the campaign by id).
 */
import fs from 'node:fs';
import { zipSync } from 'fflate';
import { beforeAll, expect, it } from 'vitest';
import { dictionaryMarkdown } from '../../src/core/campaigns/interop-dictionary.ts';
import { openZip } from '../../src/ingest/zip.ts';
import { importBills } from '../../src/services/bills.ts';
import { campaignBundle, importCampaign } from '../../src/services/campaign-interop.ts';
import { cliActor } from '../../src/services/context.ts';
import { importPeople } from '../../src/services/people.ts';
import { insertOrganization } from '../../src/store/accounts.repo.ts';
import type { Store } from '../../src/store/db.ts';
import { fixtureFile, tx } from '../bill-fixtures.ts';
import { describeEachEngine, openPreparedStore } from '../engines.ts';
import { expectError, okJson, useSignedInApp } from './helpers.ts';

const avery = 'ocd-person/0f3a7c2e-5b1d-4e8a-9c6f-2d4b8e1a7f30';
const billJson = JSON.stringify({
  _id: 'c0ffee00-1111-4222-8333-444455556677',
  legislative_session: '2091R',
  identifier: 'HB 78',
  title: 'An invented act relating to invented records',
  from_organization: '~{"classification": "lower"}',
  classification: ['bill'],
  subject: [],
  sponsorships: [],
  actions: [
    {
      date: '2091-02-01',
      description: 'Filed',
      classification: ['introduction'],
      organization: '~{"classification": "lower"}',
    },
  ],
  jurisdiction: tx,
});

type Doc = Record<string, unknown> & {
  identifiers: string[];
  targets: Array<Record<string, unknown> & { identifiers: string[] }>;
  _links: Record<string, unknown> & { curies: Array<{ name: string }>; self: { href: string } };
  _embedded: Record<string, Array<Record<string, unknown> & { identifiers: string[] }>>;
};

/** Loads what a campaign import refers to (people, the bill) into a store. */
async function loadReferences(store: Store): Promise<void> {
  const ctx = { db: store.db, actor: cliActor };
  const people = await importPeople(ctx, { files: [fixtureFile('people/avery-quill.yml')] });
  expect(people.totals.refusedFiles).toBe(0);
  await importBills(ctx, { format: 'openstates', files: [{ name: 'hb78.json', content: billJson }] });
}

/** Every identifier of the first list of resources appears on the matching resource of the second. */
function keepsIdentifiers(before: Array<{ identifiers: string[] }>, after: Array<{ identifiers: string[] }>) {
  expect(after).toHaveLength(before.length);
  for (const b of before) {
    const a = after.find((x) => x.identifiers.some((i) => b.identifiers.includes(i)));
    expect(a, JSON.stringify(b.identifiers)).toBeDefined();
    for (const id of b.identifiers) expect(a?.identifiers).toContain(id);
  }
}

describeEachEngine('campaign export and import', (getStore, dialect) => {
  const api = useSignedInApp(getStore);
  let id: string;
  let gaps: string[];
  let url: string;
  const counts = async (store: Store) => {
    const out: Record<string, number> = {};
    for (const t of [
      'campaigns',
      'campaign_custom_targets',
      'campaign_positions',
      'campaign_interactions',
      'campaign_identifiers',
    ] as const) {
      const r = await store.db
        .selectFrom(t)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      out[t] = Number(r.n);
    }
    return out;
  };
  const importAs = (who: 'campaigner' | 'viewer' | 'otherAdmin', body: unknown) =>
    api.send('POST', '/api/v1/campaigns/import', who, body);
  const osdi = async () => {
    const res = await api.send('GET', `${url}/export.osdi.json`, 'viewer');
    expect(res.statusCode, res.body).toBe(200);
    return JSON.parse(res.body) as Doc;
  };

  beforeAll(async () => {
    await loadReferences(getStore());
    const bill = await getStore()
      .db.selectFrom('bills')
      .select('id')
      .where('identifier', '=', 'HB 78')
      .executeTakeFirstOrThrow();
    const framework = okJson<{ indicators: Array<{ id: string }> }>(
      await api.send('GET', '/api/v1/framework', null),
    );
    gaps = [framework.indicators[0]!.id, framework.indicators[1]!.id];
    const created = okJson<{ id: string }>(
      await api.send('POST', '/api/v1/campaigns', 'campaigner', {
        title: 'Pass HB 78',
        summary: 'Records, invented',
        jurisdictionId: tx,
        gaps,
        billIds: [bill.id],
        startDate: '2091-01-15',
      }),
      201,
    );
    id = created.id;
    url = `/api/v1/campaigns/${id}`;
    const t = okJson<{ targets: Array<{ key: string; kind: string }> }>(
      await api.send('POST', `${url}/targets`, 'campaigner', {
        name: 'Clerk of Invented Affairs',
        office: 'Clerk',
      }),
      201,
    );
    const clerk = t.targets.find((x) => x.kind === 'custom')!.key;
    for (const body of [
      { target: `person:${avery}`, position: 'support', date: '2091-02-10', source: 'Floor speech' },
      { target: clerk, position: 'undecided', date: '2091-02-11' },
    ])
      okJson(await api.send('POST', `${url}/positions`, 'campaigner', body), 201);
    for (const body of [
      { target: `person:${avery}`, kind: 'meeting', date: '2091-02-12', note: 'Met the chief of staff' },
      { target: clerk, kind: 'call', date: '2091-02-13' },
    ])
      okJson(await api.send('POST', `${url}/interactions`, 'campaigner', body), 201);
  });

  it('exports an OSDI advocacy campaign as HAL+JSON with identifiers and links', async () => {
    const res = await api.send('GET', `${url}/export.osdi.json`, 'viewer');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/hal+json');
    const doc = JSON.parse(res.body) as Doc;
    expect(doc.identifiers).toEqual([`lawgap:${id}`]);
    expect(doc.title).toBe('Pass HB 78');
    expect(doc._links.curies[0]?.name).toBe('osdi');
    expect(doc._links.self.href).toBe(`${url}/export.osdi.json`);
    expect(doc['lawgap:bills']).toEqual([
      expect.objectContaining({ legislative_session: '2091R', identifier: 'HB 78' }),
    ]);
    expect(doc.targets.map((t) => t['lawgap:name']).sort()).toEqual([
      'Avery Quill',
      'Clerk of Invented Affairs',
    ]);
    const person = doc.targets.find((t) => t.ocdid === avery)!;
    expect(person.identifiers).toEqual([`lawgap:${avery}`]);
    expect(person['lawgap:positions']).toEqual([
      { position: 'support', date: '2091-02-10', source: 'Floor speech', note: null },
    ]);
    const outreaches = doc._embedded['osdi:outreaches']!;
    expect(outreaches.map((o) => o.type)).toEqual(['in-person', 'phone']);
    for (const o of outreaches) expect(o.identifiers[0]).toMatch(/^lawgap:/);
    expect(doc.total_outreaches).toBe(2);
    expect(doc._embedded['osdi:people']).toHaveLength(2);
    expect(doc._embedded['osdi:tags']!.map((t) => t.name)).toEqual([
      ...gaps.map((g) => `gap:${g}`),
      'status:planning',
    ]);
  });

  it('round-trips OSDI through a fresh database, keeping every identifier, and re-imports without duplicating', async () => {
    const first = await osdi();
    first.identifiers.push('action_network:1efc3644-af25-4253-90b8-a0baf12dbd1e');
    first.targets[0]!.identifiers.push('action_network:target-1');
    first._embedded['osdi:outreaches']![0]!.identifiers.push('action_network:outreach-1');
    const fresh = await openPreparedStore(dialect);
    try {
      await insertOrganization(fresh.db, 'Coalition A', 'coalition-a');
      await loadReferences(fresh);
      const ctx = { db: fresh.db, actor: cliActor };
      const made = await importCampaign(ctx, {
        organization: 'coalition-a',
        format: 'osdi',
        content: JSON.stringify(first),
      });
      expect(made).toMatchObject({
        created: true,
        targets: { created: 1 },
        positions: { created: 2 },
        outreaches: { created: 2 },
      });
      const again = (await import('../../src/services/campaign-interop.ts')).exportCampaignOsdi;
      const second = (await again(ctx, made.campaignId, { organization: 'coalition-a' })) as Doc;
      expect(second.identifiers[0]).toBe(`lawgap:${made.campaignId}`);
      for (const i of first.identifiers) expect(second.identifiers).toContain(i);
      keepsIdentifiers(first.targets, second.targets);
      keepsIdentifiers(first._embedded['osdi:outreaches']!, second._embedded['osdi:outreaches']!);
      for (const key of ['title', 'description', 'lawgap:start_date', 'total_outreaches'])
        expect(second[key], key).toEqual(first[key]);
      type Bill = { identifiers: string[]; identifier: string };
      keepsIdentifiers(first['lawgap:bills'] as Bill[], second['lawgap:bills'] as Bill[]);
      expect((second['lawgap:bills'] as Bill[])[0]?.identifier).toBe('HB 78');
      const strip = (d: Doc) =>
        d.targets
          .map(({ identifiers: _i, ...rest }) => rest)
          .sort((a, b) => String(a['lawgap:name']).localeCompare(String(b['lawgap:name'])));
      expect(strip(second)).toEqual(strip(first));
      expect(second._embedded['osdi:tags']!.map((t) => t.name)).toEqual(
        first._embedded['osdi:tags']!.map((t) => t.name),
      );

      const before = await counts(fresh);
      const re = await importCampaign(ctx, {
        organization: 'coalition-a',
        format: 'osdi',
        content: JSON.stringify(second),
      });
      expect(re).toMatchObject({
        campaignId: made.campaignId,
        created: false,
        targets: { created: 0, updated: 1 },
        positions: { created: 0, skipped: 2 },
        outreaches: { created: 0, updated: 2 },
      });
      expect(await counts(fresh)).toEqual(before);

      // Back home: the fresh database's export names our campaign by its old lawgap id, so it updates it.
      const home = await counts(getStore());
      const back = okJson<{ campaignId: string; created: boolean }>(
        await importAs('campaigner', { format: 'osdi', content: second }),
      );
      expect(back).toMatchObject({ campaignId: id, created: false });
      const after = await counts(getStore());
      expect(after.campaigns).toBe(home.campaigns);
      expect(after.campaign_interactions).toBe(home.campaign_interactions);
      const bundle = await campaignBundle({ db: getStore().db, actor: cliActor }, id, {
        organization: 'coalition-a',
      });
      expect(bundle.identifiers).toContain('action_network:1efc3644-af25-4253-90b8-a0baf12dbd1e');
    } finally {
      await fresh.destroy();
    }
  });

  it('round-trips the CSV zip with its data dictionary', async () => {
    const res = await api.send('GET', `${url}/export.csv.zip`, 'viewer');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/zip');
    const zip = openZip('export.zip', new Uint8Array(res.rawPayload));
    expect(zip.entries.map((e) => e.path).sort()).toEqual([
      'campaigns.csv',
      'data-dictionary.csv',
      'outreaches.csv',
      'people.csv',
      'positions.csv',
      'tags.csv',
      'targets.csv',
    ]);
    expect(zip.text('data-dictionary.csv')).toContain('targets.csv,kind,');
    expect(zip.text('campaigns.csv')).toContain(`lawgap:${id}`);
    const fresh = await openPreparedStore(dialect);
    try {
      await insertOrganization(fresh.db, 'Coalition A', 'coalition-a');
      await loadReferences(fresh);
      const ctx = { db: fresh.db, actor: cliActor };
      const made = await importCampaign(ctx, {
        organization: 'coalition-a',
        format: 'csv',
        content: new Uint8Array(res.rawPayload),
      });
      const original = await campaignBundle({ db: getStore().db, actor: cliActor }, id, {
        organization: 'coalition-a',
      });
      const copy = await campaignBundle(ctx, made.campaignId, { organization: 'coalition-a' });
      for (const i of original.identifiers) expect(copy.identifiers).toContain(i);
      keepsIdentifiers(original.targets, copy.targets);
      keepsIdentifiers(original.outreaches, copy.outreaches);
      const plain = (b: typeof copy) => ({
        ...b,
        identifiers: [],
        createdDate: null,
        modifiedDate: null,
        bills: b.bills.map((x) => ({ ...x, identifiers: [] })),
        targets: b.targets.map((t) => ({ ...t, identifiers: [] })),
        outreaches: b.outreaches.map((o) => ({ ...o, identifiers: [], targetIdentifier: '' })),
      });
      expect(plain(copy)).toEqual(plain(original));
    } finally {
      await fresh.destroy();
    }
    const before = await counts(getStore());
    const re = okJson<{ created: boolean }>(
      await importAs('campaigner', { format: 'csv', contentBase64: res.rawPayload.toString('base64') }),
    );
    expect(re.created).toBe(false);
    expect(await counts(getStore())).toEqual(before);
  });

  it('refuses bad input naming the place, and stores nothing', async () => {
    const before = await counts(getStore());
    const doc = await osdi();
    const refused = async (body: unknown, where: Record<string, unknown>, text: string) => {
      const res = await importAs('campaigner', body);
      expectError(res, 400, 'VALIDATION_FAILED');
      const error = (
        res.json() as { error: { message: string; details: { problems: Array<Record<string, unknown>> } } }
      ).error;
      expect(error.message).toContain(text);
      expect(error.details.problems).toContainEqual(expect.objectContaining(where));
    };
    await refused({ format: 'osdi', content: '{"title": ' }, { pointer: '' }, 'not valid JSON');
    await refused(
      { format: 'osdi', content: { given_name: 'Ada', email_addresses: [] } },
      { pointer: '' },
      'is an osdi:person, not an osdi:advocacy_campaign',
    );
    await refused(
      { format: 'osdi', content: { ...doc, title: undefined } },
      { pointer: '/title' },
      '/title: is required',
    );
    const tags = [...doc._embedded['osdi:tags']!, { name: 'gap:NOPE-99' }];
    await refused(
      { format: 'osdi', content: { ...doc, _embedded: { ...doc._embedded, 'osdi:tags': tags } } },
      { pointer: `/_embedded/osdi:tags/${tags.length - 1}/name` },
      'gap:NOPE-99 is not an indicator',
    );
    const csv = await api.send('GET', `${url}/export.csv.zip`, 'viewer');
    const zip = openZip('x.zip', new Uint8Array(csv.rawPayload));
    const files = Object.fromEntries(zip.entries.map((e) => [e.path, zip.bytes(e.path)]));
    const outreaches = zip.text('outreaches.csv').replace(',meeting,', ',lunch,');
    const broken = zipSync({ ...files, 'outreaches.csv': new TextEncoder().encode(outreaches) });
    await refused(
      { format: 'csv', contentBase64: Buffer.from(broken).toString('base64') },
      { file: 'outreaches.csv', row: 2, column: 'kind' },
      'outreaches.csv row 2 column kind: must be one of meeting',
    );
    const wrong = zipSync({ 'evil.txt': new TextEncoder().encode('hi') });
    await refused(
      { format: 'csv', contentBase64: Buffer.from(wrong).toString('base64') },
      { file: 'evil.txt' },
      'unexpected entry',
    );
    await refused(
      { format: 'csv', contentBase64: Buffer.from('hello').toString('base64') },
      { file: 'import.zip' },
      'not a readable zip',
    );
    expect(await counts(getStore())).toEqual(before);
  });

  it('lets a viewer export but not import; another coalition gets 404 and cannot reach the campaign by id', async () => {
    const doc = await osdi();
    expectError(await importAs('viewer', { format: 'osdi', content: doc }), 403, 'FORBIDDEN');
    for (const path of ['export.osdi.json', 'export.csv.zip'])
      expectError(await api.send('GET', `${url}/${path}`, 'otherAdmin'), 404, 'CAMPAIGN_NOT_FOUND');
    // Coalition B imports a document naming A's campaign: a new campaign of B; A's is neither changed nor shown.
    const theirs = okJson<{ campaignId: string; created: boolean }>(
      await importAs('otherAdmin', { format: 'osdi', content: { ...doc, title: 'Hijacked' } }),
    );
    expect(theirs.created).toBe(true);
    expect(theirs.campaignId).not.toBe(id);
    expect(okJson<{ title: string }>(await api.send('GET', url, 'viewer')).title).toBe('Pass HB 78');
    const list = okJson<Array<{ id: string }>>(await api.send('GET', '/api/v1/campaigns', 'otherAdmin'));
    expect(list.map((c) => c.id)).toEqual([theirs.campaignId]);
  });

  it('keeps docs/campaign-data-dictionary.md in step with the dictionary the zip ships', () => {
    const text = fs.readFileSync(new URL('../../docs/campaign-data-dictionary.md', import.meta.url), 'utf8');
    // The doc is formatted by Biome (padded table cells), so compare the tables cell by cell.
    expect(tableCells(text)).toContain(tableCells(dictionaryMarkdown()));
  });
});

/** The Markdown table rows of a text, each as its trimmed cells, separator rows dropped; one row per line. */
function tableCells(markdown: string): string {
  return markdown
    .split('\n')
    .filter((line) => line.trim().startsWith('|') && !/^\|[\s:|-]+\|$/.test(line.trim()))
    .map((line) =>
      line
        .trim()
        .split('|')
        .map((cell) => cell.trim())
        .join('|'),
    )
    .join('\n');
}

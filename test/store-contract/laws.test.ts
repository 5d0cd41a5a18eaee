/**
 * The law library on every engine: import, the law as of a date across version boundaries, provision diffs,
 * idempotent re-import, full-text search with snippets, filters and stemming, and refused input that leaves
 * the library unchanged.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { ImportLawResult } from '../../src/services/laws.ts';
import {
  diffLawVersions,
  getLaw,
  getLawVersionText,
  importLaw,
  listLaws,
  searchLaws,
} from '../../src/services/laws.ts';
import type { Store } from '../../src/store/db.ts';
import type { SearchHit } from '../../src/store/search/port.ts';
import { describeEachEngine } from '../engines.ts';
import { fixtureImports, france, importFixtures, lawCtx, spain, texas } from '../laws-fixtures.ts';
import { countRows } from '../server/helpers.ts';
import { rejected } from './actors.ts';
import { crossEngine } from './snapshot.ts';

const snapshots = crossEngine();

/** The words a hit's snippet marks. */
const marked = (hit: SearchHit) => hit.snippet.highlights.map((h) => hit.snippet.text.slice(h.start, h.end));

describeEachEngine('law library', (get, dialect) => {
  let imported: Awaited<ReturnType<typeof importFixtures>>;
  let store: Store;

  beforeAll(async () => {
    store = get();
    imported = await importFixtures(store);
  });

  it('imports text and JSON into documents, versions and provision trees', async () => {
    const { actV1, actV2, loi } = imported;
    expect(actV1.outcome).toBe('created');
    expect(actV1.document).toMatchObject({
      jurisdictionId: texas,
      type: 'statute',
      title: 'Fictional Anti-Trafficking Act 2031',
      citation: 'FATA 2031',
      language: 'en',
      sourceUrl: null,
    });
    expect(actV2.document.id).toBe(actV1.document.id);
    expect(actV2.closed).toEqual([{ versionId: actV1.version.id, effectiveTo: '2034-07-01' }]);
    expect(loi.document).toMatchObject({
      language: 'fr',
      citation: 'Loi fictive n° 2031-7',
      jurisdictionId: france,
    });
    const text = await getLawVersionText(lawCtx(store), actV1.document.id, actV1.version.id);
    expect(text.provisions.map((p) => `${'  '.repeat(p.depth)}${p.kind} ${p.citation}`)).toEqual([
      'preamble preamble',
      'part pt. 1',
      '  section s. 1',
      '  section s. 2',
      '    subsection s. 2(1)',
      '      paragraph s. 2(1)(a)',
      '      paragraph s. 2(1)(b)',
      '    subsection s. 2(2)',
      'part pt. 2',
      '  section s. 3',
      '    subsection s. 3(1)',
      '    subsection s. 3(2)',
      '  section s. 4',
      '  section s. 5',
    ]);
    const byCitation = new Map(text.provisions.map((p) => [p.citation, p]));
    expect(byCitation.get('s. 2(1)(a)')?.parentId).toBe(byCitation.get('s. 2(1)')?.id);
    expect(byCitation.get('s. 3')).toMatchObject({ heading: 'Trafficking in persons', text: '' });
    expect(byCitation.get('s. 3(1)')?.text).toBe(
      'A person who recruits, transports, transfers, harbours or receives another person by means of threat, force, fraud or deception, for the purpose of exploitation, commits an offence.',
    );
    expect(text.version.provisionCount).toBe(14);
    snapshots.record(dialect, 'version text', text);
  });

  it('answers the law as of a date across the version boundary, open-ended after it', async () => {
    const ctx = lawCtx(store);
    const versionOn = async (asOf: string) =>
      (await listLaws(ctx, { jurisdictionId: texas, asOf })).map((l) => l.version.effectiveFrom);
    expect(await versionOn('2030-12-31')).toEqual([]);
    expect(await versionOn('2031-01-01')).toEqual(['2031-01-01']);
    expect(await versionOn('2034-06-30')).toEqual(['2031-01-01']);
    expect(await versionOn('2034-07-01')).toEqual(['2034-07-01']);
    expect(await versionOn('2999-12-31')).toEqual(['2034-07-01']);
    const latest = await listLaws(ctx);
    expect(latest.map((l) => [l.document.jurisdictionId, l.version.effectiveFrom])).toEqual([
      [spain, '2031-02-01'],
      [france, '2031-03-01'],
      [texas, '2034-07-01'],
    ]);
    expect((await listLaws(ctx, { type: 'treaty' })).length).toBe(0);
    const law = await getLaw(ctx, imported.actV1.document.id);
    expect(law.versions.map((v) => [v.effectiveFrom, v.effectiveTo])).toEqual([
      ['2031-01-01', '2034-07-01'],
      ['2034-07-01', null],
    ]);
    snapshots.record(dialect, 'listings', { latest, law });
  });

  it('diffs two versions: added, removed and changed provisions with word diffs', async () => {
    const { actV1, actV2 } = imported;
    const diff = await diffLawVersions(lawCtx(store), actV1.document.id, actV1.version.id, actV2.version.id);
    expect(diff.counts).toEqual({ added: 1, removed: 1, changed: 2, unchanged: 11 });
    expect(diff.changes.map((c) => `${c.change} ${c.citation}`)).toEqual([
      'changed s. 2(1)(a)',
      'changed s. 3(2)',
      'removed s. 5',
      'added s. 6',
    ]);
    const penalty = diff.changes[1];
    if (penalty?.change !== 'changed') throw new Error('expected a change');
    expect(penalty.words.filter((w) => w.op !== 'equal')).toEqual([
      { op: 'delete', text: '10' },
      { op: 'insert', text: '15' },
    ]);
    expect(penalty.words.map((w) => (w.op === 'insert' ? '' : w.text)).join('')).toBe(penalty.before.text);
    const definition = diff.changes[0];
    if (definition?.change !== 'changed') throw new Error('expected a change');
    expect(definition.words.filter((w) => w.op === 'insert').map((w) => w.text)).toEqual([
      ', forced begging',
    ]);
    snapshots.record(dialect, 'diff', diff);
  });

  it('treats re-importing the same text and date as a no-op, and refuses overlapping versions', async () => {
    const ctx = lawCtx(store);
    const before = await countRows(store.db, 'law_provisions');
    const again = await importLaw(ctx, fixtureImports.actV1);
    expect(again).toMatchObject({ outcome: 'unchanged', version: { id: imported.actV1.version.id } });
    expect(await countRows(store.db, 'law_provisions')).toBe(before);
    const changed = {
      ...fixtureImports.actV1,
      content: `${fixtureImports.actV1.content}\nSection 9. New\nText.`,
    };
    expect((await rejected(importLaw(ctx, changed))).code).toBe('LAW_VERSION_OVERLAP');
    const inside = { ...changed, effectiveFrom: '2032-01-01', effectiveTo: '2040-01-01' };
    expect(await rejected(importLaw(ctx, inside))).toMatchObject({ code: 'LAW_VERSION_OVERLAP' });
    const mismatch = { ...fixtureImports.actV1, effectiveFrom: '2040-01-01', type: 'regulation' as const };
    expect((await rejected(importLaw(ctx, mismatch))).code).toBe('LAW_DOCUMENT_MISMATCH');
    expect(await countRows(store.db, 'law_provisions')).toBe(before);
    expect(await countRows(store.db, 'law_versions')).toBe(4);
  });

  it('imports an older version before the stored ones, closed where the next begins', async () => {
    const ctx = lawCtx(store);
    const older = await importLaw(ctx, { ...fixtureImports.ley, effectiveFrom: '2020-01-01' });
    expect(older.version).toMatchObject({ effectiveFrom: '2020-01-01', effectiveTo: '2031-02-01' });
    expect(older.closed).toEqual([]);
    const versions = await listLaws(ctx, { jurisdictionId: spain, asOf: '2031-01-31' });
    expect(versions.map((l) => l.version.id)).toEqual([older.version.id]);
  });

  it('finds provisions by stemmed words, best first, with snippets marking the matches', async () => {
    const ctx = lawCtx(store);
    const hits = await searchLaws(ctx, { query: 'trafficked persons' });
    expect(hits.length).toBeGreaterThan(0);
    expect(
      hits.every((h) => h.document.citation === 'FATA 2031' && h.version.effectiveFrom === '2034-07-01'),
    ).toBe(true);
    const definition = hits.find((h) => h.citation === 's. 2(1)(b)');
    expect(definition?.heading).toBeNull();
    expect(marked(definition!).map((w) => w.toLowerCase())).toEqual(['trafficked', 'person', 'person']);
    // English stemming: "confiscating" finds "Confiscation" (in the heading of s. 5, which only v1 has).
    expect(await searchLaws(ctx, { query: 'confiscating' })).toEqual([]);
    const old = await searchLaws(ctx, { query: 'confiscating', asOf: '2032-01-01' });
    expect(old.map((h) => [h.citation, h.version.effectiveFrom])).toEqual([['s. 5', '2031-01-01']]);
    // Snippets are the engine's own (ts_headline on PostgreSQL), so only the hits themselves are compared.
    const { snippet: _snippet, ...hit } = definition!;
    snapshots.record(dialect, 'search', { hit, old: old.map((h) => h.provisionId) });
  });

  it('stems Spanish and French in their own language', async () => {
    const ctx = lawCtx(store);
    const es = await searchLaws(ctx, { query: 'víctima', jurisdictionId: spain });
    expect(es.map((h) => h.citation).sort()).toEqual(['Art. 1', 'Art. 3']);
    expect(marked(es.find((h) => h.citation === 'Art. 3')!)).toEqual(['víctimas']);
    const fr = await searchLaws(ctx, { query: 'exploitées hébergement' });
    expect(fr.map((h) => h.citation)).toEqual(['Art. 2']);
    expect(marked(fr[0]!)).toEqual(['héberger', 'exploitation']);
    // A query is read in every language: "victime" stems like "víctimas" in Spanish and "victims" in English.
    const victims = await searchLaws(ctx, { query: 'victime' });
    expect(victims.map((h) => `${h.document.language} ${h.citation}`).sort()).toEqual([
      'en s. 6',
      'es Art. 1',
      'es Art. 3',
      'fr Art. 2(1)',
    ]);
  });

  it('filters by jurisdiction, document type and date', async () => {
    const ctx = lawCtx(store);
    expect((await searchLaws(ctx, { query: 'trata', jurisdictionId: texas })).length).toBe(0);
    expect((await searchLaws(ctx, { query: 'trata', jurisdictionId: spain })).length).toBeGreaterThan(0);
    expect((await searchLaws(ctx, { query: 'trafficking', type: 'treaty' })).length).toBe(0);
    expect((await searchLaws(ctx, { query: 'trafficking', asOf: '2030-01-01' })).length).toBe(0);
    expect((await searchLaws(ctx, { query: 'trafficking', limit: 2 })).length).toBe(2);
  });

  it('never lets search syntax in a query reach the engine', async () => {
    const ctx = lawCtx(store);
    for (const query of [
      '"',
      '*',
      'NEAR(',
      'title:',
      "'",
      'a AND',
      '(',
      ')',
      '-',
      '""trafficking',
      '^x',
      'OR OR',
      '{}',
    ]) {
      await expect(searchLaws(ctx, { query }), query).resolves.toBeInstanceOf(Array);
    }
    const hits = await searchLaws(ctx, { query: 'trafficking* "persons" : (' });
    expect(hits.length).toBeGreaterThan(0);
  });

  it('refuses bad input and stores nothing', async () => {
    const ctx = lawCtx(store);
    const before = await countRows(store.db, 'law_provisions');
    const base = fixtureImports.actV1;
    const cases: Array<[string, Parameters<typeof importLaw>[1], string]> = [
      [
        'unknown jurisdiction',
        { ...base, jurisdictionId: 'ocd-division/country:zz' },
        'JURISDICTION_NOT_FOUND',
      ],
      ['a bad date', { ...base, effectiveFrom: '2031-02-30' }, 'LAW_INVALID'],
      [
        'an end before the start',
        { ...base, effectiveFrom: '2040-01-01', effectiveTo: '2039-01-01' },
        'LAW_INVALID',
      ],
      ['empty text', { ...base, content: ' \n\n ' }, 'LAW_INVALID'],
      ['no citation', { ...base, citation: undefined }, 'LAW_INVALID'],
      ['malformed JSON', { ...base, format: 'json', content: '{"schema": ' }, 'LAW_INVALID'],
      [
        'a wrong JSON shape',
        { ...base, format: 'json', content: '{"schema":"lawgap.law/1","document":{},"provisions":{}}' },
        'LAW_INVALID',
      ],
      ['oversized content', { ...base, content: 'x'.repeat(8 * 1024 * 1024 + 1) }, 'LAW_INVALID'],
      ['no permission', { ...base, effectiveFrom: '2050-01-01' }, 'FORBIDDEN'],
    ];
    for (const [what, args, code] of cases) {
      const asViewer = what === 'no permission';
      const actor = asViewer
        ? ({ kind: 'user', userId: 'u', organizationId: 'o', role: 'viewer', instanceAdmin: false } as const)
        : undefined;
      expect((await rejected(importLaw(lawCtx(store, actor), args))).code, what).toBe(code);
    }
    expect(await countRows(store.db, 'law_provisions')).toBe(before);
    expect((await rejected(getLaw(ctx, 'no-such-law'))).code).toBe('LAW_NOT_FOUND');
    const { actV1 } = imported;
    expect((await rejected(diffLawVersions(ctx, actV1.document.id, actV1.version.id, 'nope'))).code).toBe(
      'LAW_VERSION_NOT_FOUND',
    );
    expect((await rejected(listLaws(ctx, { asOf: '31/12/2031' }))).code).toBe('LAW_INVALID');
  });

  it('imports text without recognizable sections as one provision, with a note', async () => {
    const result: ImportLawResult = await importLaw(lawCtx(store), {
      jurisdictionId: texas,
      format: 'text',
      content: 'A fictional decree of one paragraph\nwith no section headings at all.',
      citation: 'Fictional Decree 7',
      effectiveFrom: '2031-05-05',
    });
    expect(result.notes).toEqual([
      'no section headings were recognized: the text was imported as one provision',
    ]);
    const text = await getLawVersionText(lawCtx(store), result.document.id, result.version.id);
    expect(text.provisions.map((p) => [p.kind, p.citation, p.text])).toEqual([
      [
        'document',
        'Fictional Decree 7',
        'A fictional decree of one paragraph with no section headings at all.',
      ],
    ]);
  });
});

describe('law library across engines', () => {
  it('gives the same documents, versions, provisions, diffs and hits', (ctx) => {
    snapshots.assertIdentical(ctx);
  });
});

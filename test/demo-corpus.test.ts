/**
 * `lawgap demo` against the real corpus on every engine: the six documents land under the right jurisdictions
 * (treaties under the international `country:xz`, the US Code chapters under the United States) with their types,
 * citations and the start dates their files state, each version has one pending suggestion per indicator, and
 * running the demo again changes nothing. Only `treaties/` and `uslm/` are read (never the blind set).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { machineLabel } from '../src/core/analyzer/review.ts';
import { internationalJurisdictionId } from '../src/core/treaties/types.ts';
import { demoDocuments, demoText, runDemo } from '../src/services/demo.ts';
import { listLaws } from '../src/services/laws.ts';
import { listSuggestions } from '../src/services/suggestions.ts';
import { describeEachEngine } from './engines.ts';
import { lawCtx } from './laws-fixtures.ts';
import { countRows } from './server/helpers.ts';

const root = path.resolve(import.meta.dirname, '..');
const corpus = path.resolve(root, process.env.LAWGAP_CORPUS ?? '../shared/corpus');
const present = demoDocuments.every((d) => fs.existsSync(path.join(corpus, d.file)));
const required = process.env.REQUIRE_CORPUS === '1';
if (!present && !required) console.warn(`corpus not found at ${corpus}: skipping the demo`);

describe.skipIf(!present && !required)('demo corpus', () => {
  it('finds the corpus', () => {
    expect(present, `demo files not found under ${corpus} (REQUIRE_CORPUS=1)`).toBe(true);
  });

  it('imports only the English text of each treaty, and each date is stated in its file', () => {
    for (const doc of demoDocuments) {
      const text = demoText(corpus, doc);
      expect(text, doc.file).not.toMatch(/Artikel 1\b|HOOFDSTUK|VOLKENBOND|Treedt in werking/);
      const dateFile = fs.readFileSync(path.join(corpus, doc.dateFile ?? doc.file), 'utf8');
      expect(dateFile).toContain(doc.dateEvidence);
    }
  });
});

if (present) {
  describeEachEngine('demo content', (get) => {
    it('imports six documents with pending suggestions, and a second run changes nothing', async () => {
      const store = get();
      const ctx = lawCtx(store);
      const steps = await runDemo(ctx, corpus);
      expect(steps.map((s) => s.result.outcome)).toEqual(Array(6).fill('created'));
      const laws = await listLaws(ctx, {});
      const byCitation = new Map(laws.map((l) => [l.document.citation, l]));
      for (const doc of demoDocuments) {
        const listing = byCitation.get(doc.citation);
        expect(listing?.document, doc.citation).toMatchObject({
          jurisdictionId: doc.jurisdictionId,
          type: doc.type,
          language: 'en',
        });
        expect(listing?.version.effectiveFrom).toBe(doc.effectiveFrom);
        expect(listing?.version.provisionCount).toBeGreaterThan(0);
      }
      expect(byCitation.get('18 U.S.C. ch. 77')?.document.jurisdictionId).toBe('ocd-division/country:us');
      expect(byCitation.get('Forced Labour Convention, 1930')?.document.type).toBe('treaty');
      for (const jurisdictionId of ['ocd-division/country:us', internationalJurisdictionId]) {
        const pending = await listSuggestions(ctx, { jurisdictionId, reviewStatus: 'pending' });
        const versions = new Set(pending.map((s) => s.versionId));
        expect(versions.size).toBe(jurisdictionId === internationalJurisdictionId ? 4 : 2);
        expect(pending).toHaveLength(versions.size * 66);
        expect(pending.every((s) => s.label === machineLabel)).toBe(true);
      }
      const counts = async () => ({
        documents: await countRows(store.db, 'law_documents'),
        versions: await countRows(store.db, 'law_versions'),
        provisions: await countRows(store.db, 'law_provisions'),
        suggestions: await countRows(store.db, 'analyzer_suggestions'),
        answers: await countRows(store.db, 'coded_answers'),
        jurisdictions: await countRows(store.db, 'jurisdictions'),
      });
      const before = await counts();
      expect(before.answers).toBe(0);
      const again = await runDemo(ctx, corpus);
      expect(again.map((s) => s.result.outcome)).toEqual(Array(6).fill('unchanged'));
      expect(again.every((s) => s.result.analysis?.created === 0)).toBe(true);
      expect(await counts()).toEqual(before);
    }, 120_000);
  });
}

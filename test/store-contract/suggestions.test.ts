/**
 * Law files of any format and analyzer suggestions on every engine: import with the file's own metadata or the
 * person's, bad files refused with nothing stored, one pending suggestion per indicator (labelled
 * machine-suggested), idempotent analysis, and review: accept (value mapped to the indicator's type, provenance
 * in history), edit then accept (quotes still verbatim), reject, and every way a review can go wrong. A pending
 * suggestion never counts in a score.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { machineLabel } from '../../src/core/analyzer/review.ts';
import type { Actor } from '../../src/core/auth/permissions.ts';
import { getAnswerHistory } from '../../src/services/coding.ts';
import { getFramework } from '../../src/services/framework.ts';
import { type ImportLawFileArgs, importLawFile } from '../../src/services/law-files.ts';
import { scoreAsOf } from '../../src/services/scores.ts';
import { acceptSuggestion, rejectSuggestion } from '../../src/services/suggestion-review.ts';
import { analyzeVersion, listSuggestions, resolveEvidence } from '../../src/services/suggestions.ts';
import type { Store } from '../../src/store/db.ts';
import { insertJurisdiction } from '../../src/store/jurisdictions.repo.ts';
import { listProvisions } from '../../src/store/laws.repo.ts';
import { writeSuggestion } from '../../src/store/suggestions.repo.ts';
import { describeEachEngine } from '../engines.ts';
import { buildJurisdiction, insertTestOrganization } from '../factories.ts';
import { countRows } from '../server/helpers.ts';
import { person, rejected, system } from './actors.ts';

const us = 'ocd-division/country:us';
const text = fs.readFileSync(
  path.resolve(import.meta.dirname, '../fixtures/suggestions/safe-passage-act.txt'),
);

describeEachEngine('law files and analyzer suggestions', (get) => {
  let store: Store;
  const ctx = (actor: Actor = system) => ({ db: store.db, actor, dialect: store.dialect });
  const file = (over: Partial<ImportLawFileArgs> = {}): ImportLawFileArgs => ({
    jurisdictionId: us,
    fileName: 'safe-passage-act.txt',
    bytes: new Uint8Array(text),
    citation: 'Safe Passage Act',
    effectiveFrom: '2031-03-01',
    ...over,
  });
  const counts = async () => ({
    documents: await countRows(store.db, 'law_documents'),
    versions: await countRows(store.db, 'law_versions'),
    suggestions: await countRows(store.db, 'analyzer_suggestions'),
    answers: await countRows(store.db, 'coded_answers'),
  });

  beforeAll(() => {
    store = get();
  });

  it('imports a text file with --analyze: one pending, labelled suggestion per indicator; again changes nothing', async () => {
    const first = await importLawFile(ctx(), file({ analyze: true }));
    expect(first.outcome).toBe('created');
    expect(first.format).toBe('text');
    expect(first.document).toMatchObject({
      citation: 'Safe Passage Act',
      title: 'Safe Passage Act of Examplia',
    });
    expect(first.analysis).toMatchObject({ created: 66, replaced: 0, unchanged: 0, kept: 0 });
    const list = await listSuggestions(ctx(), { jurisdictionId: us, versionId: first.version.id });
    expect(list).toHaveLength(66);
    expect(new Set(list.map((s) => s.indicatorId)).size).toBe(66);
    for (const s of list) {
      expect(s).toMatchObject({
        reviewStatus: 'pending',
        label: machineLabel,
        documentCitation: 'Safe Passage Act',
      });
      expect(s.analyzerVersion).toMatch(/^lawgap-analyzer\//);
    }
    const before = await counts();
    const again = await importLawFile(ctx(), file({ analyze: true }));
    expect(again.outcome).toBe('unchanged');
    expect(again.analysis).toMatchObject({ created: 0, unchanged: 66 });
    expect(await counts()).toEqual(before);
    const analysed = await analyzeVersion(ctx(), {
      documentId: first.document.id,
      versionId: first.version.id,
    });
    expect(analysed).toMatchObject({ created: 0, unchanged: 66 });
  });

  it('takes the citation and date from flags only when the file does not state them, and says which is missing', async () => {
    const before = await counts();
    const noCitation = await rejected(importLawFile(ctx(), file({ citation: undefined as never })));
    expect(noCitation.code).toBe('LAW_INVALID');
    expect(noCitation.message).toContain('safe-passage-act.txt does not state a citation');
    const noDate = await rejected(
      importLawFile(ctx(), {
        jurisdictionId: us,
        fileName: 'a.txt',
        bytes: new Uint8Array(text),
        citation: 'X',
      }),
    );
    expect(noDate.message).toContain('does not state an effective date');
    expect(await counts()).toEqual(before);
  });

  it('refuses unsupported, corrupt and mis-declared files and a missing jurisdiction, storing nothing', async () => {
    const before = await counts();
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48]);
    expect((await rejected(importLawFile(ctx(), file({ fileName: 'x.png', bytes: png })))).code).toBe(
      'FORMAT_UNSUPPORTED',
    );
    const badUtf8 = new Uint8Array([...Buffer.from('Section 1. Offence\nA caf'), 0xc3, 0x28, 0x0a]);
    const utf = await rejected(importLawFile(ctx(), file({ fileName: 'bad.txt', bytes: badUtf8 })));
    expect(utf).toMatchObject({ code: 'DOCUMENT_UNREADABLE' });
    expect(utf.message).toMatch(/^bad\.txt: not valid UTF-8 at byte \d+/);
    const empty = await rejected(importLawFile(ctx(), file({ bytes: new Uint8Array() })));
    expect(empty.code).toBe('DOCUMENT_UNREADABLE');
    const corruptPdf = await rejected(
      importLawFile(
        ctx(),
        file({ fileName: 'act.pdf', bytes: new Uint8Array(Buffer.from('%PDF-1.7\n%garbage')) }),
      ),
    );
    expect(['DOCUMENT_UNREADABLE', 'FORMAT_UNSUPPORTED']).toContain(corruptPdf.code);
    expect(corruptPdf.message).toContain('act.pdf');
    const missing = await rejected(
      importLawFile(ctx(), file({ jurisdictionId: 'ocd-division/country:us/state:zz' })),
    );
    expect(missing.code).toBe('JURISDICTION_NOT_FOUND');
    expect(await counts()).toEqual(before);
  });

  it('needs laws:write to import and coding:write to analyze', async () => {
    expect((await rejected(importLawFile(ctx(person('viewer')), file()))).code).toBe('FORBIDDEN');
    const campaigner = await rejected(importLawFile(ctx(person('campaigner')), file({ analyze: true })));
    expect(campaigner.code).toBe('FORBIDDEN');
    const [one] = await listSuggestions(ctx(person('viewer')), { jurisdictionId: us });
    expect(one?.label).toBe(machineLabel);
  });

  it('resolves evidence to stored provisions and drops quotes that are not verbatim', async () => {
    const [listing] = await listSuggestions(ctx(), { jurisdictionId: us });
    const provisions = await listProvisions(store.db, listing?.versionId ?? '');
    const byCitation = new Map(provisions.map((p) => [p.citation, p]));
    const s1 = provisions.find((p) => p.text.startsWith('A person who recruits'));
    expect(s1).toBeDefined();
    const resolved = resolveEvidence(
      {
        indicator: 'CR-01',
        answer: 'yes',
        confidence: 0.9,
        rationale: 'test',
        evidence: [
          { citation: s1?.citation ?? '', quote: 'recruits,  transports\nor harbours', start: 0, end: 1 },
          { citation: s1?.citation ?? '', quote: 'recruits or kidnaps', start: 0, end: 1 },
          { citation: '§ 999', quote: 'recruits', start: 0, end: 1 },
        ],
      },
      byCitation,
    );
    expect(resolved.evidence).toEqual([
      { provisionId: s1?.id, citation: s1?.citation, quote: 'recruits,  transports\nor harbours' },
    ]);
    expect(resolved.dropped.map((d) => d.reason)).toEqual([
      'the quote does not appear in the provision text',
      'no stored provision has this citation',
    ]);
  });

  it('accepts a suggestion into a coded answer with the value of the indicator type and its provenance', async () => {
    const list = await listSuggestions(ctx(), { jurisdictionId: us, reviewStatus: 'pending' });
    const cr01 = list.find((s) => s.indicatorId === 'CR-01');
    if (!cr01) throw new Error('no CR-01 suggestion');
    const provisions = await listProvisions(store.db, cr01.versionId);
    const s1 = provisions.find((p) => p.text.startsWith('A person who recruits'));
    if (!s1) throw new Error('no offence provision');
    // What a real analyzer would store for a "yes": replace the placeholder's "no" proposal.
    await writeSuggestion(
      store.db,
      {
        jurisdictionId: us,
        versionId: cr01.versionId,
        frameworkId: cr01.frameworkId,
        indicatorId: 'CR-01',
        answer: 'yes',
        confidence: 0.9,
        evidence: [
          {
            provisionId: s1.id,
            citation: s1.citation,
            quote: 'recruits, transports or harbours another person',
          },
        ],
        dropped: [],
        rationale: 'act and purpose matched',
        analyzerVersion: 'lawgap-analyzer/test',
        createdBy: 'system:test',
      },
      cr01.id,
    );
    const beforeScore = await scoreAsOf(ctx(), us, '2031-06-01', { include: 'coded' });
    expect(beforeScore.status).toBe('not_coded');
    const analyst = person('analyst', 'u-ana');
    const { suggestion, answer } = await acceptSuggestion(ctx(analyst), cr01.id);
    expect(suggestion).toMatchObject({ reviewStatus: 'accepted', reviewedBy: 'user:u-ana', label: null });
    expect(answer).toMatchObject({
      indicatorId: 'CR-01',
      value: 'Y',
      status: 'coded',
      validFrom: '2031-03-01',
    });
    expect(suggestion.answerId).toBe(answer?.id);
    expect(answer?.citations.map((c) => c.quote)).toEqual([
      'recruits, transports or harbours another person',
    ]);
    const history = await getAnswerHistory(ctx(), answer?.id ?? '');
    expect(history[0]?.after.origin).toEqual({
      kind: 'analyzer',
      suggestionId: cr01.id,
      analyzerVersion: 'lawgap-analyzer/test',
      review: 'accepted',
      confirmedBy: 'user:u-ana',
    });
    const afterScore = await scoreAsOf(ctx(), us, '2031-06-01', { include: 'coded' });
    expect(afterScore.status).toBe('scored');
    expect(afterScore.answerCount).toBe(1);
    // Re-analysis never overwrites a reviewed suggestion.
    const again = await analyzeVersion(ctx(), {
      documentId: suggestion.documentId,
      versionId: suggestion.versionId,
    });
    expect(again.kept).toBe(1);
  });

  it('maps "no" to 0 on a 0-2 indicator and to N on a yes/partial/no one', async () => {
    const framework = await getFramework(ctx());
    const typeOf = new Map(framework.indicators.map((i) => [i.id, i.type]));
    const list = await listSuggestions(ctx(), { jurisdictionId: us, reviewStatus: 'pending' });
    const g = list.find((s) => typeOf.get(s.indicatorId) === 'G02' && s.answer === 'no');
    const ypn = list.find((s) => typeOf.get(s.indicatorId) === 'YPN' && s.answer === 'no');
    expect(g && ypn).toBeTruthy();
    const a = await acceptSuggestion(ctx(), g?.id ?? '');
    expect(a.answer?.value).toBe('0');
    const b = await acceptSuggestion(ctx(), ypn?.id ?? '');
    expect(b.answer?.value).toBe('N');
  });

  it('rejects with a reason; a reviewed suggestion cannot be accepted or rejected again', async () => {
    const list = await listSuggestions(ctx(), { jurisdictionId: us, reviewStatus: 'pending' });
    const target = list[0];
    if (!target) throw new Error('no pending suggestion');
    const before = await counts();
    const r = await rejectSuggestion(ctx(person('reviewer')), target.id, '  not relevant  ');
    expect(r.suggestion).toMatchObject({
      reviewStatus: 'rejected',
      reviewReason: 'not relevant',
      label: null,
    });
    expect(r.answer).toBeNull();
    const again = await rejected(acceptSuggestion(ctx(), target.id));
    expect(again.code).toBe('SUGGESTION_REVIEWED');
    expect(again.message).toContain('was already rejected');
    expect((await rejected(rejectSuggestion(ctx(), target.id))).code).toBe('SUGGESTION_REVIEWED');
    expect((await rejected(acceptSuggestion(ctx(), 'no-such-id'))).code).toBe('SUGGESTION_NOT_FOUND');
    expect((await rejected(acceptSuggestion(ctx(person('viewer')), target.id))).code).toBe('FORBIDDEN');
    expect(await counts()).toEqual(before);
  });

  it('edits then accepts with quotes checked verbatim; a fabricated quote stores nothing', async () => {
    const list = await listSuggestions(ctx(), { jurisdictionId: us, reviewStatus: 'pending' });
    const target =
      list.find((s) => s.indicatorId.startsWith('PR') || s.indicatorId.startsWith('CR')) ?? list[0];
    if (!target) throw new Error('no pending suggestion');
    const provisions = await listProvisions(store.db, target.versionId);
    const s3 = provisions.find((p) => p.text.startsWith('The Ministry shall provide'));
    if (!s3) throw new Error('no assistance provision');
    const before = await counts();
    const fabricated = await rejected(
      acceptSuggestion(ctx(), target.id, {
        value: 'NA',
        citations: [{ provisionId: s3.id, quote: 'shall provide housing and money' }],
      }),
    );
    expect(fabricated.code).toBe('EVIDENCE_NOT_FOUND');
    expect(await counts()).toEqual(before);
    const still = (await listSuggestions(ctx(), { jurisdictionId: us })).find((s) => s.id === target.id);
    expect(still?.reviewStatus).toBe('pending');
    const { suggestion, answer } = await acceptSuggestion(ctx(), target.id, {
      value: 'NA',
      citations: [{ provisionId: s3.id, quote: 'shall provide shelter and counselling' }],
    });
    expect(suggestion.reviewStatus).toBe('edited');
    expect(answer?.value).toBe('NA');
    const history = await getAnswerHistory(ctx(), answer?.id ?? '');
    expect(history[0]?.after.origin?.review).toBe('edited');
  });

  it('keeps an organization’s own jurisdiction’s suggestions to its members', async () => {
    const org = await insertTestOrganization(store.db);
    const other = await insertTestOrganization(store.db);
    const town = await insertJurisdiction(store.db, buildJurisdiction({ organizationId: org.id }));
    const member = (orgId: string): Actor => ({
      kind: 'user',
      userId: `u-${orgId}`,
      organizationId: orgId,
      role: 'analyst',
      instanceAdmin: false,
    });
    const imported = await importLawFile(
      ctx(member(org.id)),
      file({ jurisdictionId: town.id, analyze: true }),
    );
    expect(imported.analysis?.created).toBe(66);
    const own = await listSuggestions(ctx(member(org.id)), { jurisdictionId: town.id });
    expect(own).toHaveLength(66);
    const outsider = ctx(member(other.id));
    expect((await listSuggestions(outsider, {})).some((s) => s.jurisdictionId === town.id)).toBe(false);
    expect((await rejected(listSuggestions(outsider, { jurisdictionId: town.id }))).code).toBe(
      'JURISDICTION_NOT_FOUND',
    );
    expect((await rejected(acceptSuggestion(outsider, own[0]?.id ?? ''))).code).toBe('SUGGESTION_NOT_FOUND');
  });
});

/**
 * Editing negative-modifier findings on every engine: an edit is checked like a new finding (quotes, citations,
 * overlap) and writes nothing when refused; it sends a reviewed finding back to coded; a status in the same
 * patch moves it afterwards under the review rules; every step leaves a history row (who, when, before, after),
 * and a shortened interval stops capping the score on the days it no longer covers.
 */
import { beforeAll, expect, it } from 'vitest';
import type { Actor } from '../../src/core/auth/permissions.ts';
import {
  createFinding,
  getFindingHistory,
  setFindingStatus,
  updateFinding,
} from '../../src/services/modifier-findings.ts';
import { scoreAsOf } from '../../src/services/scores.ts';
import type { Store } from '../../src/store/db.ts';
import { type CodingFixtures, iceland, importCodingFixtures, pid } from '../coding-fixtures.ts';
import { describeEachEngine } from '../engines.ts';
import { countRows } from '../server/helpers.ts';
import { codeOf, person } from './actors.ts';

describeEachEngine('modifier finding edits', (get) => {
  let store: Store;
  let fx: CodingFixtures;
  const ctx = (actor: Actor = person('analyst')) => ({ db: store.db, actor });
  const quote = 'is not liable for “status offences”';

  beforeAll(async () => {
    store = get();
    fx = await importCodingFixtures(store);
  });

  it('edits evidence, note and interval with history, refusing bad edits without writing', async () => {
    const cite = [{ provisionId: pid(fx.v1, 's. 3'), quote }];
    const f = await createFinding(ctx(), {
      jurisdictionId: iceland,
      modifierId: 'NEG-2',
      applies: true,
      citations: cite,
      validFrom: '2030-01-01',
      validTo: '2034-01-01',
    });
    const other = await createFinding(ctx(), {
      jurisdictionId: iceland,
      modifierId: 'NEG-2',
      applies: false,
      citations: [],
      validFrom: '2034-01-01',
    });
    await setFindingStatus(ctx(person('reviewer')), f.id, 'reviewed');
    const snapshot = async () => ({
      rows: await countRows(store.db, 'modifier_finding_history'),
      finding: await getFindingHistory(ctx(), f.id).then((h) => h.at(-1)?.after),
    });
    const before = await snapshot();
    const fabricated = [{ provisionId: pid(fx.v1, 's. 3'), quote: 'is liable for everything' }];
    expect(await codeOf(updateFinding(ctx(), f.id, { citations: fabricated }))).toBe('EVIDENCE_NOT_FOUND');
    expect(await codeOf(updateFinding(ctx(), f.id, { citations: [] }))).toBe('ANSWER_INVALID');
    expect(await codeOf(updateFinding(ctx(), f.id, { validTo: '2035-01-01' }))).toBe('FINDING_OVERLAP');
    expect(await codeOf(updateFinding(ctx(), f.id, {}))).toBe('VALIDATION_FAILED');
    expect(await codeOf(updateFinding(ctx(person('viewer')), f.id, { cautionNote: 'x' }))).toBe('FORBIDDEN');
    expect(await codeOf(updateFinding(ctx(), 'no-such-id', { cautionNote: 'x' }))).toBe('FINDING_NOT_FOUND');
    // An edit by the coder followed by a review by the same person is refused as a whole.
    expect(await codeOf(updateFinding(ctx(), f.id, { cautionNote: 'narrower', status: 'reviewed' }))).toBe(
      'FORBIDDEN',
    );
    expect(await snapshot()).toEqual(before);

    const capped = await scoreAsOf(ctx(), iceland, '2033-06-01', { include: 'coded' });
    expect(capped.result.modifiers.find((m) => m.id === 'NEG-2')?.status).toBe('applies');
    const edited = await updateFinding(ctx(person('analyst', 'u-second')), f.id, {
      cautionNote: 'only until the 2033 reform',
      validTo: '2033-01-01',
    });
    expect(edited).toMatchObject({
      status: 'coded',
      validTo: '2033-01-01',
      cautionNote: 'only until the 2033 reform',
      coder: 'user:u-second',
      citations: [{ quote }],
    });
    const reviewed = await updateFinding(ctx(person('reviewer')), f.id, { status: 'reviewed' });
    expect(reviewed.status).toBe('reviewed');
    const history = await getFindingHistory(ctx(person('viewer')), f.id);
    expect(history.map((h) => [h.action, h.actor, h.before?.status ?? null, h.after.status])).toEqual([
      ['create', 'user:u-analyst', null, 'coded'],
      ['status', 'user:u-reviewer', 'coded', 'reviewed'],
      ['update', 'user:u-second', 'reviewed', 'coded'],
      ['status', 'user:u-reviewer', 'coded', 'reviewed'],
    ]);
    expect(history[2]).toMatchObject({
      before: { validTo: '2034-01-01', cautionNote: null },
      after: { validTo: '2033-01-01', cautionNote: 'only until the 2033 reform' },
      actorName: null,
    });
    // The gap left between the shortened finding and the next one is scored as not coded for NEG-2.
    const lifted = await scoreAsOf(ctx(), iceland, '2033-06-01', { include: 'coded' });
    expect(lifted.result.modifiers.find((m) => m.id === 'NEG-2')?.status).toBe('not_coded');
    expect(other.validFrom).toBe('2034-01-01');
  });
});

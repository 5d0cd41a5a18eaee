/**
 * Negative-modifier findings on every engine: the answers' evidence check (fabricated quotes refused, nothing
 * written), a citation required when a modifier applies, overlaps, review rules with history, and scores: a
 * published applying finding caps the grade without touching the total, and a jurisdiction with every indicator
 * and every modifier coded is complete.
 */
import { beforeAll, expect, it } from 'vitest';
import type { Actor } from '../../src/core/auth/permissions.ts';
import { createAnswer } from '../../src/services/coding.ts';
import { getFramework } from '../../src/services/framework.ts';
import {
  createFinding,
  getFindingHistory,
  listVisibleFindings,
  type NewFindingArgs,
  setFindingStatus,
} from '../../src/services/modifier-findings.ts';
import { scoreAsOf } from '../../src/services/scores.ts';
import type { Store } from '../../src/store/db.ts';
import { type CodingFixtures, iceland, importCodingFixtures, pid } from '../coding-fixtures.ts';
import { describeEachEngine } from '../engines.ts';
import { countRows } from '../server/helpers.ts';
import { codeOf, person, publicActor, system } from './actors.ts';
import { crossEngine } from './snapshot.ts';

const snapshots = crossEngine();

describeEachEngine('modifier findings', (get, dialect) => {
  let store: Store;
  let fx: CodingFixtures;
  const ctx = (actor: Actor = person('analyst')) => ({ db: store.db, actor });
  const quote = 'is not liable for “status offences”';
  const finding = (over: Partial<NewFindingArgs> = {}): NewFindingArgs => ({
    jurisdictionId: iceland,
    modifierId: 'NEG-2',
    applies: true,
    citations: [{ provisionId: pid(fx.v1, 's. 3'), quote }],
    ...over,
  });
  const counts = async () => ({
    findings: await countRows(store.db, 'modifier_findings'),
    citations: await countRows(store.db, 'modifier_finding_citations'),
    history: await countRows(store.db, 'modifier_finding_history'),
  });

  beforeAll(async () => {
    store = get();
    fx = await importCodingFixtures(store);
  });

  it('refuses fabricated quotes, missing citations, foreign provisions and unknown modifiers, writing nothing', async () => {
    const before = await counts();
    const fabricated = finding({ citations: [{ provisionId: pid(fx.v1, 's. 3'), quote: 'is liable' }] });
    expect(await codeOf(createFinding(ctx(), fabricated))).toBe('EVIDENCE_NOT_FOUND');
    expect(await codeOf(createFinding(ctx(), finding({ citations: [] })))).toBe('ANSWER_INVALID');
    const foreign = finding({ citations: [{ provisionId: pid(fx.texas, 's. 1'), quote: 'traffics' }] });
    expect(await codeOf(createFinding(ctx(), foreign))).toBe('CITATION_JURISDICTION_MISMATCH');
    expect(await codeOf(createFinding(ctx(), finding({ modifierId: 'NEG-9' })))).toBe('MODIFIER_NOT_FOUND');
    expect(await codeOf(createFinding(ctx(person('viewer')), finding()))).toBe('FORBIDDEN');
    expect(await counts()).toEqual(before);
  });

  it('stores a finding like an answer: interval from the cited law, review rules, history, overlap', async () => {
    const f = await createFinding(ctx(), finding({ validTo: '2035-01-01' }));
    expect(f).toMatchObject({
      modifierId: 'NEG-2',
      applies: true,
      validFrom: '2030-01-01',
      validTo: '2035-01-01',
      status: 'coded',
      coder: 'user:u-analyst',
      citations: [{ quote, citation: 'EPA 2030 s. 3' }],
    });
    expect(await codeOf(createFinding(ctx(), finding({ validFrom: '2034-01-01' })))).toBe('FINDING_OVERLAP');
    expect(await codeOf(setFindingStatus(ctx(person('reviewer', 'u-analyst')), f.id, 'reviewed'))).toBe(
      'FORBIDDEN',
    );
    expect(await codeOf(setFindingStatus(ctx(), f.id, 'published'))).toBe('ANSWER_STATUS_INVALID');
    await setFindingStatus(ctx(person('reviewer')), f.id, 'reviewed');
    const published = await setFindingStatus(ctx(person('admin')), f.id, 'published');
    expect(published.status).toBe('published');
    const history = await getFindingHistory(ctx(person('viewer')), f.id);
    expect(history.map((h) => [h.action, h.actor, h.after.status])).toEqual([
      ['create', 'user:u-analyst', 'coded'],
      ['status', 'user:u-reviewer', 'reviewed'],
      ['status', 'user:u-admin', 'published'],
    ]);
    expect(
      await listVisibleFindings(ctx(publicActor), { jurisdictionId: iceland, asOf: '2034-12-31' }),
    ).toEqual([published]);
    expect(await listVisibleFindings(ctx(publicActor), { asOf: '2035-01-01' })).toEqual([]);
    expect(await codeOf(listVisibleFindings(ctx(publicActor), { status: 'coded' }))).toBe('FORBIDDEN');
    // A later finding from the day the earlier one closes: no overlap.
    const later = await createFinding(
      ctx(),
      finding({ applies: false, citations: [], validFrom: '2035-01-01', status: 'suggested' }),
    );
    expect(later).toMatchObject({ applies: false, validTo: null, citations: [], status: 'suggested' });
    snapshots.record(dialect, 'finding', {
      ...published,
      id: '-',
      createdAt: '-',
      updatedAt: '-',
      citations: published.citations.map((c) => ({
        ...c,
        provisionId: '-',
        documentId: '-',
        versionId: '-',
      })),
    });
  });

  it('caps the grade with a published applying finding and is complete once everything is coded', async () => {
    const framework = await getFramework(ctx());
    const cite = [{ provisionId: pid(fx.v1, 's. 1(1)'), quote: 'recruits, transports or harbours' }];
    for (const indicator of framework.indicators) {
      const values = framework.responseTypes[indicator.type].values;
      const top = Object.entries(values).sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'NA';
      await createAnswer(ctx(system), {
        jurisdictionId: iceland,
        indicatorId: indicator.id,
        value: top,
        citations: cite,
      });
    }
    // 2031: NEG-2 applies (published above); the other modifiers are not coded yet.
    const capped = await scoreAsOf(ctx(person('viewer')), iceland, '2031-01-01', { include: 'coded' });
    expect(capped.result).toMatchObject({
      total: 100,
      grade: 'A',
      cappedGrade: 'C',
      tier: 2,
      capReasons: [{ modifierId: 'NEG-2', cap: 'C' }],
      complete: false,
    });
    for (const modifierId of ['NEG-1', 'NEG-3', 'NEG-4']) {
      await createFinding(
        ctx(system),
        finding({ modifierId, applies: false, citations: [], validFrom: '2030-01-01' }),
      );
    }
    const complete = await scoreAsOf(ctx(person('viewer')), iceland, '2031-01-01', { include: 'coded' });
    expect(complete.result).toMatchObject({ total: 100, cappedGrade: 'C', complete: true });
    expect(complete.result.modifiers.map((m) => m.status)).toEqual([
      'does_not_apply',
      'applies',
      'does_not_apply',
      'does_not_apply',
    ]);
    // 2036: the later NEG-2 finding is only a suggestion, so NEG-2 is not coded until a person confirms it.
    const suggested = await scoreAsOf(ctx(person('viewer')), iceland, '2036-01-01', { include: 'coded' });
    expect(suggested.result).toMatchObject({ cappedGrade: 'A', complete: false });
    const [later] = await listVisibleFindings(ctx(system), {
      asOf: '2036-01-01',
      jurisdictionId: iceland,
    }).then((l) => l.filter((f) => f.modifierId === 'NEG-2'));
    await setFindingStatus(ctx(system), later?.id ?? '-', 'coded');
    const uncapped = await scoreAsOf(ctx(person('viewer')), iceland, '2036-01-01', { include: 'coded' });
    expect(uncapped.result).toMatchObject({ total: 100, cappedGrade: 'A', capReasons: [], complete: true });
    // Published only: the answers are coded, so nothing is scored, but the published finding is still listed.
    const pub = await scoreAsOf(ctx(publicActor), iceland, '2031-01-01');
    expect(pub.status).toBe('not_coded');
    expect(pub.result.modifiers.find((m) => m.id === 'NEG-2')?.status).toBe('applies');
  });
});

it('stores the same finding on every engine', (ctx) => {
  snapshots.assertIdentical(ctx);
});

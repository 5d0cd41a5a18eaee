/**
 * Coding on every engine: evidence quotes checked against stored provision text, values against the indicator's
 * type, citations against the jurisdiction, validity overlaps, history of every change, review rules, CSV import
 * (all or nothing) and scores from stored answers, including a jurisdiction with nothing coded and the as-of
 * boundary between two versions of a law.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/core/auth/permissions.ts';
import {
  createAnswer,
  getAnswerHistory,
  listVisibleAnswers,
  type NewAnswerArgs,
  setAnswerStatus,
  updateAnswer,
} from '../../src/services/coding.ts';
import { importCodingCsv } from '../../src/services/coding-import.ts';
import { scoreAsOf } from '../../src/services/scores.ts';
import type { Store } from '../../src/store/db.ts';
import { type CodingFixtures, iceland, importCodingFixtures, pid, texas } from '../coding-fixtures.ts';
import { describeEachEngine } from '../engines.ts';
import { countRows } from '../server/helpers.ts';
import { person, publicActor, rejected, system } from './actors.ts';
import { crossEngine } from './snapshot.ts';

const snapshots = crossEngine();

describeEachEngine('coding', (get, dialect) => {
  let store: Store;
  let fx: CodingFixtures;
  const ctx = (actor: Actor = person('analyst')) => ({ db: store.db, actor });
  const offence = () => pid(fx.v1, 's. 1(1)');
  const answer = (over: Partial<NewAnswerArgs> = {}): NewAnswerArgs => ({
    jurisdictionId: iceland,
    indicatorId: 'CR-01',
    value: 'Y',
    citations: [{ provisionId: offence(), quote: 'recruits, transports or harbours another person' }],
    ...over,
  });
  const counts = async () => ({
    answers: await countRows(store.db, 'coded_answers'),
    citations: await countRows(store.db, 'answer_citations'),
    history: await countRows(store.db, 'answer_history'),
  });

  beforeAll(async () => {
    store = get();
    fx = await importCodingFixtures(store);
  });

  it('scores a jurisdiction with nothing coded as not coded, without failing', async () => {
    const report = await scoreAsOf(ctx(publicActor), iceland, '2031-01-01');
    expect(report).toMatchObject({ status: 'not_coded', answerCount: 0, include: 'published' });
    expect(report.result).toMatchObject({ total: null, grade: null, coverage: { scored: 0, notCoded: 66 } });
  });

  it('accepts a quote found verbatim, across whitespace, line breaks, no-break spaces and curly quotes', async () => {
    const a = await createAnswer(ctx(), answer({ cautionNote: 'covers recruitment only' }));
    expect(a).toMatchObject({
      status: 'coded',
      validFrom: '2030-01-01',
      validTo: null,
      coder: 'user:u-analyst',
      frameworkId: 'lawgap-v1',
      citations: [{ provisionId: offence(), citation: 'EPA 2030 s. 1(1)' }],
    });
    snapshots.record(dialect, 'created answer', a);
    const ok = async (indicatorId: string, provisionId: string, quote: string) =>
      createAnswer(ctx(), answer({ indicatorId, value: 'Y', citations: [{ provisionId, quote }] }));
    await ok('CR-05', offence(), '  another   person\nby force\tor deception ');
    await ok('CR-08', offence(), 'for\u00a0the purpose\u2003of exploitation');
    await ok('VI-03', pid(fx.v1, 's. 3'), 'not liable for "status offences" committed');
    await ok('CR-11', pid(fx.v1, 's. 3'), 'for \u201cstatus offences\u201d');
  });

  it('refuses a fabricated or altered quote, naming the provision, and writes nothing', async () => {
    const before = await counts();
    for (const quote of [
      'recruits by threat of violence',
      'Recruits, transports',
      'recruits transports',
      '   ',
    ]) {
      const err = await rejected(
        createAnswer(ctx(), answer({ indicatorId: 'CR-12', citations: [{ provisionId: offence(), quote }] })),
      );
      expect(err.code, quote).toBe('EVIDENCE_NOT_FOUND');
      expect(err.message).toContain('EPA 2030 s. 1(1)');
      expect(err.details).toMatchObject({ provisionId: offence(), position: 0 });
    }
    expect(await counts()).toEqual(before);
  });

  it('refuses wrong values, unknown indicators, jurisdictions and provisions, and another jurisdiction’s law', async () => {
    const before = await counts();
    const cases: Array<[Partial<NewAnswerArgs>, string]> = [
      [{ indicatorId: 'CR-02', value: 'Y' }, 'ANSWER_INVALID'], // G02 takes 0, 1, 2
      [{ indicatorId: 'CR-06', value: 'P' }, 'ANSWER_INVALID'], // YN has no partial
      [{ value: 'y' }, 'ANSWER_INVALID'],
      [{ indicatorId: 'CR-99' }, 'INDICATOR_NOT_FOUND'],
      [{ jurisdictionId: 'ocd-division/country:zz' }, 'JURISDICTION_NOT_FOUND'],
      [
        { citations: [{ provisionId: '00000000-0000-4000-8000-000000000000', quote: 'x' }] },
        'PROVISION_NOT_FOUND',
      ],
      [
        { citations: [{ provisionId: pid(fx.texas, 's. 1'), quote: 'traffics another person' }] },
        'CITATION_JURISDICTION_MISMATCH',
      ],
      [{ indicatorId: 'CR-12', citations: [] }, 'ANSWER_INVALID'], // Y needs evidence
      [{ indicatorId: 'CR-12', validFrom: '2036-01-01' }, 'ANSWER_INVALID'], // v1 is no longer in force then
      [{ indicatorId: 'CR-12', status: 'published' }, 'ANSWER_STATUS_INVALID'],
    ];
    for (const [over, code] of cases)
      expect((await rejected(createAnswer(ctx(), answer(over)))).code, JSON.stringify(over)).toBe(code);
    const texasAnswer = {
      jurisdictionId: iceland,
      citations: [{ provisionId: pid(fx.texas, 's. 1'), quote: 'traffics' }],
    };
    expect(
      (await rejected(createAnswer(ctx(), answer({ ...texasAnswer, indicatorId: 'CR-12' })))).message,
    ).toContain(texas);
    // N and NA may cite nothing: an absence cannot be quoted.
    await createAnswer(
      ctx(),
      answer({ indicatorId: 'CR-13', value: 'N', citations: [], validFrom: '2030-01-01' }),
    );
    expect((await counts()).answers).toBe(before.answers + 1);
    expect((await rejected(createAnswer(ctx(person('viewer')), answer({ indicatorId: 'CR-14' })))).code).toBe(
      'FORBIDDEN',
    );
  });

  it('refuses overlapping validity, and keeps history of create, update and status changes', async () => {
    const v2Offence = pid(fx.v2, 's. 1(1)');
    const later = answer({
      validFrom: '2035-01-01',
      citations: [{ provisionId: v2Offence, quote: 'by any means' }],
    });
    const clash = await rejected(createAnswer(ctx(), later));
    expect(clash.code).toBe('ANSWER_OVERLAP');
    const [first] = await listVisibleAnswers(ctx(), { jurisdictionId: iceland, indicatorId: 'CR-01' });
    if (!first) throw new Error('no CR-01 answer');
    const closed = await updateAnswer(ctx(), first.id, { value: 'P', validTo: '2035-01-01' });
    expect(closed).toMatchObject({
      value: 'P',
      validTo: '2035-01-01',
      cautionNote: 'covers recruitment only',
    });
    const second = await createAnswer(ctx(), later);
    expect(second.validFrom).toBe('2035-01-01');
    expect((await rejected(updateAnswer(ctx(), first.id, { validTo: '2035-01-02' }))).code).toBe(
      'ANSWER_OVERLAP',
    );

    const reviewed = await setAnswerStatus(ctx(person('reviewer')), first.id, 'reviewed');
    const published = await setAnswerStatus(ctx(person('reviewer')), first.id, 'published');
    expect([reviewed.status, published.status]).toEqual(['reviewed', 'published']);
    // The reviewer has an account, so the history names them; the analyst's id names no stored user.
    await store.db
      .insertInto('users')
      .values({
        id: 'u-reviewer',
        email: 'rita@example.org',
        display_name: 'Rita Reviewer',
        password_hash: 'x',
        is_instance_admin: 0,
        disabled: 0,
        locale: null,
        created_at: '2026-01-01T00:00:00.000Z',
        updated_at: '2026-01-01T00:00:00.000Z',
      })
      .execute();
    const history = await getAnswerHistory(ctx(), first.id);
    expect(
      history.map((h) => [h.action, h.actor, h.actorName, h.before?.status ?? null, h.after.status]),
    ).toEqual([
      ['create', 'user:u-analyst', null, null, 'coded'],
      ['update', 'user:u-analyst', null, 'coded', 'coded'],
      ['status', 'user:u-reviewer', 'Rita Reviewer', 'coded', 'reviewed'],
      ['status', 'user:u-reviewer', 'Rita Reviewer', 'reviewed', 'published'],
    ]);
    expect(history[1]).toMatchObject({
      before: { value: 'Y', validTo: null },
      after: { value: 'P', validTo: '2035-01-01' },
    });
    snapshots.record(dialect, 'history', history);
    expect(await getAnswerHistory(ctx(), '00000000-0000-4000-8000-000000000000')).toEqual([]);
    expect((await rejected(getAnswerHistory(ctx(publicActor), first.id))).code).toBe('FORBIDDEN');
  });

  it('applies the review rules per role, four eyes, and labels suggestions until a person confirms them', async () => {
    const mine = await createAnswer(ctx(person('reviewer')), answer({ indicatorId: 'PN-03', value: 'P' }));
    const self = await rejected(setAnswerStatus(ctx(person('reviewer')), mine.id, 'reviewed'));
    expect(self).toMatchObject({ code: 'FORBIDDEN', message: 'a reviewer cannot review their own coding' });
    expect(
      (await setAnswerStatus(ctx(person('reviewer')), mine.id, 'reviewed', { singleCoder: true })).status,
    ).toBe('reviewed');
    expect((await rejected(setAnswerStatus(ctx(person('analyst')), mine.id, 'published'))).code).toBe(
      'FORBIDDEN',
    );
    expect((await rejected(setAnswerStatus(ctx(person('campaigner')), mine.id, 'published'))).code).toBe(
      'FORBIDDEN',
    );
    expect((await rejected(setAnswerStatus(ctx(person('admin')), mine.id, 'suggested'))).code).toBe(
      'ANSWER_STATUS_INVALID',
    );
    // Editing a reviewed answer sends it back to coded.
    expect((await updateAnswer(ctx(), mine.id, { cautionNote: 'checked' })).status).toBe('coded');

    const machine: Actor = { kind: 'system', name: 'analyzer' };
    const s = await createAnswer(
      ctx(machine),
      answer({ indicatorId: 'PN-05', value: 'Y', status: 'suggested' }),
    );
    expect(s).toMatchObject({ status: 'suggested', coder: 'system:analyzer' });
    expect((await rejected(setAnswerStatus(ctx(person('reviewer')), s.id, 'reviewed'))).code).toBe(
      'ANSWER_STATUS_INVALID',
    );
    const confirmed = await setAnswerStatus(ctx(person('analyst', 'u-other')), s.id, 'coded');
    expect(confirmed).toMatchObject({ status: 'coded', coder: 'user:u-other' });
    expect((await setAnswerStatus(ctx(system), confirmed.id, 'reviewed')).status).toBe('reviewed');
  });

  it('lists answers by jurisdiction, indicator, status and date; the public sees published answers only', async () => {
    const all = await listVisibleAnswers(ctx(person('viewer')), { jurisdictionId: iceland });
    expect(all.length).toBeGreaterThan(5);
    const pub = await listVisibleAnswers(ctx(publicActor), { jurisdictionId: iceland });
    expect(pub.map((a) => [a.indicatorId, a.status])).toEqual([['CR-01', 'published']]);
    expect((await rejected(listVisibleAnswers(ctx(publicActor), { status: 'coded' }))).code).toBe(
      'FORBIDDEN',
    );
    const cr01 = async (asOf: string) =>
      (await listVisibleAnswers(ctx(), { jurisdictionId: iceland, indicatorId: 'CR-01', asOf })).map(
        (a) => a.value,
      );
    expect([await cr01('2029-12-31'), await cr01('2034-12-31'), await cr01('2035-01-01')]).toEqual([
      [],
      ['P'],
      ['Y'],
    ]);
  });

  it('imports a coding CSV all or nothing, with row numbers in errors', async () => {
    const header = 'jurisdiction,indicator,value,provision,quote,valid_from,note';
    const good = [
      header,
      `${iceland},CH-01,2,${pid(fx.v1, 's. 1(2)')},"The consent of a victim
to exploitation is irrelevant.",,`,
      `${iceland},PV-03,1,${pid(fx.v1, 's. 2')},imprisonment for up to 5 years,2030-06-01,"a note, with a comma"`,
    ].join('\r\n');
    const bad = [
      header,
      `${iceland},DC-01,Y,${pid(fx.v1, 's. 2')},imprisonment for up to 5 years,,`,
      `${iceland},DC-02,Y,${pid(fx.v1, 's. 2')},imprisonment for up to 5 years,,`,
      `${iceland},DC-03,2,${pid(fx.v1, 's. 2')},imprisonment for life,,`,
      `${iceland},DC-04,Y,${pid(fx.v1, 's. 2')},liable,2030-13-01,`,
      `${iceland},DC-01,N,${pid(fx.v1, 's. 2')},liable,,`,
    ].join('\n');
    const before = await counts();
    const err = await rejected(importCodingCsv(ctx(), bad));
    expect(err.code).toBe('CODING_IMPORT_INVALID');
    expect(err.details).toEqual({
      rows: [{ row: 5, message: 'valid_from must be a date YYYY-MM-DD, got "2030-13-01"' }],
    });
    const fixed = bad.replace('2030-13-01', '');
    const rowErrors = (await rejected(importCodingCsv(ctx(), fixed))).details as {
      rows: Array<{ row: number; code: string }>;
    };
    expect(rowErrors.rows.map((r) => [r.row, r.code])).toEqual([
      [3, 'ANSWER_INVALID'],
      [4, 'EVIDENCE_NOT_FOUND'],
      [6, 'ANSWER_OVERLAP'],
    ]);
    expect(
      (await rejected(importCodingCsv(ctx(), 'jurisdiction,indicator,value,provison,quote\n'))).message,
    ).toContain('provison');
    expect(await counts()).toEqual(before);
    const { created } = await importCodingCsv(ctx(), good);
    expect(created.map((a) => [a.indicatorId, a.value, a.validFrom, a.cautionNote])).toEqual([
      ['CH-01', '2', '2030-01-01', null],
      ['PV-03', '1', '2030-06-01', 'a note, with a comma'],
    ]);
    expect((await counts()).history).toBe(before.history + 2);
  });

  it('scores three published answers to a hand-checked total, either side of a validity boundary', async () => {
    // A fresh jurisdiction-free check: Texas (subnational) gets three answers citing its own code.
    const tx = pid(fx.texas, 's. 1');
    const cite = [{ provisionId: tx, quote: 'traffics another person' }];
    const ids: string[] = [];
    ids.push(
      (
        await createAnswer(ctx(), {
          jurisdictionId: texas,
          indicatorId: 'CR-01',
          value: 'Y',
          citations: cite,
          validTo: '2033-01-01',
        })
      ).id,
    );
    ids.push(
      (
        await createAnswer(ctx(), {
          jurisdictionId: texas,
          indicatorId: 'CR-02',
          value: '1',
          citations: cite,
        })
      ).id,
    );
    ids.push(
      (
        await createAnswer(ctx(), {
          jurisdictionId: texas,
          indicatorId: 'PN-01',
          value: '2',
          citations: cite,
        })
      ).id,
    );
    expect((await scoreAsOf(ctx(publicActor), texas, '2031-01-01')).status).toBe('not_coded');
    for (const id of ids) {
      await setAnswerStatus(ctx(person('reviewer')), id, 'reviewed');
      await setAnswerStatus(ctx(person('reviewer')), id, 'published');
    }
    // CR: (3×1 + 2×0.5) ÷ 5 = 0.8 × 18 = 14.4; PN: 2×1 ÷ 2 = 1 × 10 = 10; total 24.4 ÷ 28 × 100 = 87.142… → B.
    const on2031 = await scoreAsOf(ctx(publicActor), texas, '2031-01-01');
    expect(on2031).toMatchObject({ status: 'scored', answerCount: 3 });
    expect(on2031.result).toMatchObject({
      totalRounded: 87.1,
      grade: 'B',
      countedShare: 28,
      renormalized: true,
    });
    expect(on2031.result.total).toBeCloseTo((24.4 / 28) * 100, 10);
    expect(on2031.result.coverage.scored).toBe(3);
    // From 2033 CR-01 is no longer answered: CR = 2×0.5 ÷ 2 = 0.5 × 18 = 9; total 19 ÷ 28 × 100 = 67.857… → D.
    const on2033 = await scoreAsOf(ctx(publicActor), texas, '2033-01-01');
    expect(on2033.result).toMatchObject({ totalRounded: 67.9, grade: 'D' });
    expect((await scoreAsOf(ctx(publicActor), texas, '2032-12-31')).result.totalRounded).toBe(87.1);
    snapshots.record(dialect, 'score', on2031);
    // Unpublished answers count only when asked for, and only for members.
    const iceCoded = await scoreAsOf(ctx(person('viewer')), iceland, '2031-01-01', { include: 'coded' });
    expect(iceCoded.answerCount).toBeGreaterThan(5);
    expect(
      (await rejected(scoreAsOf(ctx(publicActor), iceland, '2031-01-01', { include: 'coded' }))).code,
    ).toBe('FORBIDDEN');
  });
});

describe('coding across engines', () => {
  it('gives the same answers, history and scores', (ctx) => {
    snapshots.assertIdentical(ctx);
  });
});

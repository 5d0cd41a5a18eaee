/**
 * A campaign's outcome report through the API on every engine: the bill's enactment date, the score on
 * published answers the day before and on that day (hand-checkable: one gap answered "N" then "Y"), each gap's
 * answer before and after, the targets whose position moved, the suggested status, and isolation.
 */
import { beforeAll, expect, it } from 'vitest';
import { importBills } from '../../src/services/bills.ts';
import { cliActor } from '../../src/services/context.ts';
import { iceland, importCodingFixtures, pid } from '../coding-fixtures.ts';
import { describeEachEngine } from '../engines.ts';
import { expectError, okJson, useSignedInApp } from './helpers.ts';

interface Outcome {
  decidedOn: string | null;
  before: { date: string; totalRounded: number | null };
  after: { date: string; totalRounded: number | null };
  delta: number | null;
  bills: Array<{ identifier: string; decision: string | null; decidedOn: string | null }>;
  gaps: Array<{ indicatorId: string; before: string | null; after: string | null }>;
  activity: { positions: number; targetsMoved: Array<{ from: string; to: string }> };
  suggestedStatus: string | null;
  correlationOnly: boolean;
}

describeEachEngine('campaign outcome API', (getStore) => {
  const api = useSignedInApp(getStore);
  let url: string;

  beforeAll(async () => {
    const fx = await importCodingFixtures(getStore());
    const citations = [
      { provisionId: pid(fx.v1, 's. 1(2)'), quote: 'The consent of a victim to exploitation is irrelevant.' },
    ];
    for (const [value, validFrom, validTo] of [
      ['N', '2030-01-01', '2032-01-01'],
      ['Y', '2032-01-01', null],
    ] as const) {
      const a = okJson<{ id: string }>(
        await api.send('POST', '/api/v1/answers', 'analyst', {
          jurisdictionId: iceland,
          indicatorId: 'CR-01',
          value,
          citations,
          validFrom,
          validTo,
        }),
        201,
      );
      okJson(await api.send('POST', `/api/v1/answers/${a.id}/status`, 'reviewer', { status: 'reviewed' }));
      okJson(await api.send('POST', `/api/v1/answers/${a.id}/status`, 'admin', { status: 'published' }));
    }
    const bill = {
      _id: 'ab12cd34-0000-4000-8000-00000000c0de',
      legislative_session: '2031',
      identifier: 'Bill 7',
      title: 'An invented act',
      jurisdiction: iceland,
      actions: [
        { date: '2031-02-01', description: 'Introduced', classification: ['introduction'] },
        { date: '2032-01-01', description: 'Became law', classification: ['became-law'] },
      ],
    };
    const report = await importBills(
      { db: getStore().db, actor: cliActor },
      { format: 'openstates', files: [{ name: 'bill-7.json', content: JSON.stringify(bill) }] },
    );
    expect(report.totals.new).toBe(1);
    const billId = (
      await getStore()
        .db.selectFrom('bills')
        .select('id')
        .where('identifier', '=', 'BILL 7')
        .executeTakeFirstOrThrow()
    ).id;
    const campaign = okJson<{ id: string }>(
      await api.send('POST', '/api/v1/campaigns', 'campaigner', {
        title: 'Consent',
        jurisdictionId: iceland,
        gaps: ['CR-01'],
        billIds: [billId],
      }),
      201,
    );
    url = `/api/v1/campaigns/${campaign.id}`;
    const targets = okJson<{ targets: Array<{ key: string }> }>(
      await api.send('POST', `${url}/targets`, 'campaigner', { name: 'Office of the Minister' }),
      201,
    );
    const key = targets.targets[0]?.key ?? '';
    for (const [position, date] of [
      ['undecided', '2031-03-01'],
      ['support', '2031-06-01'],
    ] as const) {
      okJson(await api.send('POST', `${url}/positions`, 'campaigner', { target: key, position, date }), 201);
    }
  });

  it('reports the score the day before the enactment and on its day, with the gap’s answers', async () => {
    const o = okJson<Outcome>(await api.send('GET', `${url}/outcome`, 'viewer'));
    expect(o.bills).toEqual([
      expect.objectContaining({ identifier: 'BILL 7', decision: 'enacted', decidedOn: '2032-01-01' }),
    ]);
    expect(o.decidedOn).toBe('2032-01-01');
    expect(o.before.date).toBe('2031-12-31');
    expect(o.after.date).toBe('2032-01-01');
    expect(o.gaps).toEqual([{ indicatorId: 'CR-01', before: 'N', after: 'Y' }]);
    // One published answer counts: N scores 0, Y full marks, over the single scored indicator.
    expect(o.before.totalRounded).toBe(0);
    expect(o.after.totalRounded).toBe(100);
    expect(o.delta).toBe(100);
    expect(o.activity.positions).toBe(2);
    expect(o.activity.targetsMoved).toEqual([expect.objectContaining({ from: 'undecided', to: 'support' })]);
    expect(o.suggestedStatus).toBe('won');
    expect(o.correlationOnly).toBe(true);
  });

  it('is hidden from organisations outside the campaign', async () => {
    expectError(await api.send('GET', `${url}/outcome`, 'otherAdmin'), 404, 'CAMPAIGN_NOT_FOUND');
    expectError(await api.send('GET', `${url}/outcome`, null), 401, 'AUTH_REQUIRED');
  });
});

/**
 * A bill's impact through the API on every engine: public like the bill, the hand-checked delta (worked out in
 * src/services/bill-impact.test.ts), unpublished answers refused to the public, and bad input (never a 500).
 */
import { beforeAll, expect, it } from 'vitest';
import { importImpactFixtures } from '../bill-impact-fixtures.ts';
import { importCodingFixtures } from '../coding-fixtures.ts';
import { describeEachEngine } from '../engines.ts';
import { expectError, useSignedInApp } from './helpers.ts';

describeEachEngine('bill impact API', (getStore) => {
  const api = useSignedInApp(getStore);
  let bills: Record<string, string> = {};
  beforeAll(async () => {
    bills = await importImpactFixtures(getStore(), await importCodingFixtures(getStore()));
  });
  const url = (identifier: string, query = 'asOf=2031-01-01') =>
    `/api/v1/bills/${bills[identifier] ?? identifier}/impact?${query}`;

  it('projects the score publicly, labelled machine-projected, with the evidence', async () => {
    for (const who of [null, 'viewer'] as const) {
      const res = await api.send('GET', url('HB 9001'), who);
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json();
      expect(body.machineProjected).toBe(true);
      expect(body.label).toMatch(/^machine-projected/);
      expect(body.version).toEqual({ id: 1, note: 'Engrossed', date: '2091-03-01' });
      expect(body.delta).toBeCloseTo((14 / 44) * 100, 9);
      expect(body.changes.map((c: { indicatorId: string }) => c.indicatorId)).toEqual([
        'CR-01',
        'CR-03',
        'CR-06',
        'PN-01',
      ]);
      expect(body.changes[3].evidence[0]).toMatchObject({ citation: 's. 2' });
    }
    const introduced = await api.send('GET', url('HB 9001', 'asOf=2031-01-01&version=0'), null);
    expect(introduced.json().delta).toBeCloseTo((9 / 44) * 100, 9);
  });

  it('refuses clearly: no text, unknown version or bill, unpublished for the public, bad query', async () => {
    expectError(await api.send('GET', url('HB 9002'), null), 400, 'BILL_TEXT_MISSING');
    expectError(
      await api.send('GET', url('HB 9001', 'asOf=2031-01-01&version=7'), null),
      404,
      'BILL_VERSION_NOT_FOUND',
    );
    expectError(await api.send('GET', url('no-such-bill'), null), 404, 'BILL_NOT_FOUND');
    expectError(await api.send('GET', url('HB 9001', 'include=coded'), null), 403, 'FORBIDDEN');
    for (const query of ['asOf=2031-02-30', 'version=-1', 'version=x', 'colour=red']) {
      expectError(await api.send('GET', url('HB 9001', query), null), 400, 'VALIDATION_FAILED');
    }
  });
});

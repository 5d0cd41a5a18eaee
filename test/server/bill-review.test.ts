/**
 * Analysts' bill corrections through the API on every engine: action overrides (stage re-derived, history,
 * refusals), indicator links (refresh, decisions, machine label), live bills on the public gap report, and the
 * bill list's subject and indicator filters. Roles: viewers and campaigners 403, analysts allowed.
 */
import { beforeAll, expect, it } from 'vitest';
import { hb4021, hb4021Import } from '../bill-fixtures.ts';
import { importImpactFixtures } from '../bill-impact-fixtures.ts';
import { importCodingFixtures, texas } from '../coding-fixtures.ts';
import { describeEachEngine } from '../engines.ts';
import { expectError, okJson, type Persona, postJson, useSignedInApp } from './helpers.ts';

interface Link {
  indicatorId: string;
  status: string;
  machineSuggested: boolean;
  label: string | null;
}

describeEachEngine('bill review API', (getStore) => {
  const api = useSignedInApp(getStore);
  let bills: Record<string, string> = {};
  let hb = '';
  beforeAll(async () => {
    bills = await importImpactFixtures(getStore(), await importCodingFixtures(getStore()));
    const imported = await api.app.inject(postJson(api, '/api/v1/bills/import', hb4021Import, 'analyst'));
    expect(imported.statusCode, imported.body).toBe(200);
    hb = okJson<{ id: string }>(
      await api.send('GET', `/api/v1/bills/${encodeURIComponent(hb4021)}`, null),
    ).id;
  });
  const post = (url: string, body: unknown, who: Persona | null) =>
    api.app.inject(postJson(api, url, body, who));
  const override = (order: number | string) => `/api/v1/bills/${hb}/actions/${order}/override`;

  it('overrides an action for analysts, re-deriving the stage; refuses viewers, campaigners and anonymous', async () => {
    const body = { classification: ['passage'], reason: 'the Senate journal records passage' };
    for (const who of ['viewer', 'campaigner'] as const)
      expectError(await post(override(4), body, who), 403, 'FORBIDDEN');
    expectError(await post(override(4), body, null), 401, 'AUTH_REQUIRED');
    const r = okJson<{ stage: string; previousStage: string; override: { createdBy: string } }>(
      await post(override(4), body, 'analyst'),
    );
    expect([r.previousStage, r.stage]).toEqual(['passed_one_chamber', 'passed_both']);
    const bill = okJson<{ stage: string; actions: { classification: string[] }[] }>(
      await api.send('GET', `/api/v1/bills/${hb}`, null),
    );
    expect(bill.stage).toBe('passed_both');
    expect(bill.actions[4]?.classification).toEqual(['receipt', 'referral-committee']);

    const history = okJson<{ active: unknown[]; history: unknown[] }>(
      await api.send('GET', `/api/v1/bills/${hb}/overrides`, 'viewer'),
    );
    expect(history.active).toHaveLength(1);
    expectError(await api.send('GET', `/api/v1/bills/${hb}/overrides`, null), 401, 'AUTH_REQUIRED');

    for (const who of ['viewer', 'campaigner'] as const)
      expectError(await api.send('DELETE', override(4), who), 403, 'FORBIDDEN');
    const removed = okJson<{ stage: string }>(
      await api.send('DELETE', `${override(4)}?reason=journal%20misread`, 'reviewer'),
    );
    expect(removed.stage).toBe('passed_one_chamber');
    expectError(await api.send('DELETE', override(4), 'admin'), 404, 'NOT_FOUND');
    const after = okJson<{ history: { status: string; endReason: string | null }[] }>(
      await api.send('GET', `/api/v1/bills/${hb}/overrides`, 'analyst'),
    );
    expect(after.history.map((o) => [o.status, o.endReason])).toEqual([['removed', 'journal misread']]);
  });

  it('refuses bad overrides with a clear error and stores nothing', async () => {
    const cases: [unknown, string | number][] = [
      [{ classification: ['passage'] }, 4],
      [{ classification: ['passage'], reason: '   ' }, 4],
      [{ classification: ['passage'], reason: 'x'.repeat(2001) }, 4],
      [{ classification: ['calendar-local'], reason: 'r' }, 4],
      [{ classification: [], reason: 'r' }, 4],
      [{ classification: ['passage'], reason: 'r', extra: 1 }, 4],
      [{ classification: ['passage'], reason: 'r' }, 'x'],
      [{ classification: ['passage'], reason: 'r' }, -1],
    ];
    for (const [body, order] of cases) {
      expectError(await post(override(order), body, 'analyst'), 400, 'VALIDATION_FAILED');
    }
    const unknown = await post(override(99), { classification: ['passage'], reason: 'r' }, 'analyst');
    expectError(unknown, 404, 'NOT_FOUND');
    expect(unknown.json().error.message).toContain('has no action 99');
    expectError(
      await post(
        '/api/v1/bills/nope/actions/0/override',
        { classification: ['passage'], reason: 'r' },
        'analyst',
      ),
      404,
      'BILL_NOT_FOUND',
    );
    const h = okJson<{ history: unknown[] }>(
      await api.send('GET', `/api/v1/bills/${hb}/overrides`, 'analyst'),
    );
    expect(h.history).toHaveLength(1);
  });

  it('refreshes and decides links; the gap report lists live linked bills; the list filters', async () => {
    const hb9001 = bills['HB 9001'] ?? '';
    const links = `/api/v1/bills/${hb9001}/links`;
    for (const who of ['viewer', 'campaigner'] as const) {
      expectError(await post(`${links}/refresh?asOf=2031-01-01`, {}, who), 403, 'FORBIDDEN');
      expectError(await post(`${links}/CR-01`, { status: 'confirmed' }, who), 403, 'FORBIDDEN');
    }
    const refreshed = okJson<{ added: number; links: Link[] }>(
      await post(`${links}/refresh?asOf=2031-01-01`, {}, 'analyst'),
    );
    expect(refreshed.added).toBe(5);
    expect(refreshed.links.every((l) => l.machineSuggested && l.label?.startsWith('machine-suggested'))).toBe(
      true,
    );
    expect(okJson<Link>(await post(`${links}/CR-01`, { status: 'confirmed' }, 'analyst'))).toMatchObject({
      status: 'confirmed',
      machineSuggested: false,
      label: null,
    });
    okJson(await post(`${links}/CR-06`, { status: 'rejected', note: 'not about consent' }, 'reviewer'));
    expectError(await post(`${links}/CR-01`, { status: 'suggested' }, 'analyst'), 400, 'VALIDATION_FAILED');
    expectError(await post(`${links}/ZZ-99`, { status: 'confirmed' }, 'analyst'), 404, 'INDICATOR_NOT_FOUND');
    const listed = okJson<Link[]>(await api.send('GET', links, 'viewer'));
    expect(listed.find((l) => l.indicatorId === 'CR-06')?.status).toBe('rejected');
    expectError(await api.send('GET', links, null), 401, 'AUTH_REQUIRED');

    const gaps = okJson<{
      gaps: { indicatorId: string; liveBills: { identifier: string; linkStatus: string }[] }[];
    }>(await api.send('GET', `/api/v1/gaps/${encodeURIComponent(texas)}?asOf=2031-01-01`, null));
    const live = Object.fromEntries(
      gaps.gaps.map((g) => [g.indicatorId, g.liveBills.map((b) => b.linkStatus)]),
    );
    expect(live['CR-01']).toEqual(['confirmed']);
    expect(live['CR-03']).toEqual(['suggested']);
    expect(live['CR-06']).toEqual([]);

    const list = async (q: string) =>
      okJson<{ identifier: string }[]>(await api.send('GET', `/api/v1/bills?${q}`, null)).map(
        (b) => b.identifier,
      );
    expect(await list('indicator=CR-01')).toEqual(['HB 9001']);
    expect(await list('indicator=CR-06')).toEqual([]);
    expect(await list('subject=LABOR')).toEqual(['HB 4021']);
    expectError(await api.send('GET', `/api/v1/bills?subject=`, null), 400, 'VALIDATION_FAILED');
  });
});

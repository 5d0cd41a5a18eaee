/**
 * Events through the API on every engine: who may import (roles), the public list of a bill's hearings, a
 * refused file in the report, an unknown bill (404) and bad bodies (400, never a 500).
 */
import { expect, it } from 'vitest';
import { fixtureFile as fixture, hb4021, hb4021Import, tx } from '../bill-fixtures.ts';
import { describeEachEngine } from '../engines.ts';
import { countRows, expectError, type Persona, postJson, useSignedInApp } from './helpers.ts';

describeEachEngine('events API', (getStore) => {
  const api = useSignedInApp(getStore);

  const post = (url: string, payload: unknown, who: Persona | null) => postJson(api, url, payload, who);
  const body = { files: [fixture('events/openstates/hearings.json')], jurisdiction: tx };

  it('imports for analysts, reviewers and admins; refuses the other roles and anonymous callers', async () => {
    const bill = await api.app.inject(post('/api/v1/bills/import', hb4021Import, 'analyst'));
    expect(bill.json().totals.new, bill.body).toBe(1);
    for (const who of ['viewer', 'campaigner', 'loner'] as const) {
      expectError(await api.app.inject(post('/api/v1/bills/import-events', body, who)), 403, 'FORBIDDEN');
    }
    expectError(await api.app.inject(post('/api/v1/bills/import-events', body, null)), 401, 'AUTH_REQUIRED');
    expect(await countRows(getStore().db, 'events')).toBe(0);
    const first = await api.app.inject(post('/api/v1/bills/import-events', body, 'analyst'));
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().totals).toEqual({ new: 2, changed: 0, unchanged: 0, rejected: 0, refusedFiles: 0 });
    expect(first.json().files[0]).toMatchObject({ agendaBillsLinked: 2, agendaBillsUnlinked: 1 });
    for (const who of ['reviewer', 'admin'] as const) {
      const again = await api.app.inject(post('/api/v1/bills/import-events', body, who));
      expect(again.json().totals).toMatchObject({ new: 0, unchanged: 2 });
    }
  });

  it('lists a bill’s hearings publicly, and answers an unknown bill with 404', async () => {
    const list = await api.app.inject({
      method: 'GET',
      url: `/api/v1/bills/${encodeURIComponent(hb4021)}/events`,
    });
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().map((e: { name: string; status: string }) => [e.name, e.status])).toEqual([
      ['Committee on Invented Affairs', 'passed'],
      ['House floor: local calendar', 'confirmed'],
    ]);
    expectError(
      await api.app.inject({
        method: 'GET',
        url: `/api/v1/bills/${encodeURIComponent('ocd-bill/00000000-0000-4000-8000-000000000000')}/events`,
      }),
      404,
      'BILL_NOT_FOUND',
    );
  });

  it('reports a refused file and refuses a bad body with 400', async () => {
    const refused = await api.app.inject(
      post(
        '/api/v1/bills/import-events',
        { files: [fixture('events/openstates/one-bad-status.json')], jurisdiction: tx },
        'analyst',
      ),
    );
    expect(refused.statusCode, refused.body).toBe(200);
    expect(refused.json().files[0].rejected[0].reason).toContain('"postponed-ish" is not one of');
    const bad = await api.app.inject(
      post('/api/v1/bills/import-events', { format: 'openstates', files: [] }, 'analyst'),
    );
    expect(bad.statusCode).toBe(400);
  });
});

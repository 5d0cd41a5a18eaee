/**
 * Votes through the API on every engine: who may import (roles), the public list of a bill's votes, a
 * refused file in the report, and an unknown bill (404, never a 500).
 */
import { expect, it } from 'vitest';
import { fixtureFile as fixture, hb4021, hb4021Import, tx } from '../bill-fixtures.ts';
import { describeEachEngine } from '../engines.ts';
import { countRows, expectError, type Persona, postJson, useSignedInApp } from './helpers.ts';

describeEachEngine('votes API', (getStore) => {
  const api = useSignedInApp(getStore);

  const post = (url: string, payload: unknown, who: Persona | null) => postJson(api, url, payload, who);
  const votes = {
    format: 'openstates',
    files: [fixture('votes/openstates/votes-hb-4021.json')],
    jurisdiction: tx,
  };

  it('imports for analysts, reviewers and admins; refuses the other roles and anonymous callers', async () => {
    const bill = await api.app.inject(post('/api/v1/bills/import', hb4021Import, 'analyst'));
    expect(bill.json().totals.new, bill.body).toBe(1);
    for (const who of ['viewer', 'campaigner', 'loner'] as const) {
      expectError(await api.app.inject(post('/api/v1/bills/import-votes', votes, who)), 403, 'FORBIDDEN');
    }
    expectError(await api.app.inject(post('/api/v1/bills/import-votes', votes, null)), 401, 'AUTH_REQUIRED');
    expect(await countRows(getStore().db, 'votes')).toBe(0);
    const first = await api.app.inject(post('/api/v1/bills/import-votes', votes, 'analyst'));
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().totals).toEqual({ new: 2, changed: 0, unchanged: 0, rejected: 0, refusedFiles: 0 });
    expect(first.json().files[0]).toMatchObject({ membersLinked: 0, membersUnlinked: 5 });
    for (const who of ['reviewer', 'admin'] as const) {
      const again = await api.app.inject(post('/api/v1/bills/import-votes', votes, who));
      expect(again.json().totals).toMatchObject({ new: 0, unchanged: 2 });
    }
  });

  it('lists a bill’s votes publicly, and answers an unknown bill with 404', async () => {
    const list = await api.app.inject({
      method: 'GET',
      url: `/api/v1/bills/${encodeURIComponent(hb4021)}/votes`,
    });
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().map((v: { motionText: string; result: string }) => [v.motionText, v.result])).toEqual([
      ['Invented Affairs committee report: do pass', 'pass'],
      ['Third reading and final passage', 'pass'],
    ]);
    expect(list.json()[1].members[2]).toEqual({
      option: 'excused',
      voterName: 'Imaginary Member',
      voterRef: null,
      personId: null,
    });
    expectError(
      await api.app.inject({
        method: 'GET',
        url: `/api/v1/bills/${encodeURIComponent('ocd-bill/00000000-0000-4000-8000-000000000000')}/votes`,
      }),
      404,
      'BILL_NOT_FOUND',
    );
  });

  it('reports a refused file and refuses a bad format with 400', async () => {
    const refused = await api.app.inject(
      post(
        '/api/v1/bills/import-votes',
        { format: 'legiscan', files: [fixture('votes/openstates/malformed.json')] },
        'analyst',
      ),
    );
    expect(refused.statusCode, refused.body).toBe(200);
    expect(refused.json().files[0].error).toMatch(/malformed\.json: invalid JSON at line 5/);
    const bad = await api.app.inject(
      post('/api/v1/bills/import-votes', { format: 'csv', files: [] }, 'analyst'),
    );
    expect(bad.statusCode).toBe(400);
  });
});

/**
 * Bills through the API on every engine: who may import (roles), public list and show with filters, the
 * import report for a refused file, and bad input (never a 500).
 */
import fs from 'node:fs';
import path from 'node:path';

import { expect, it } from 'vitest';
import { describeEachEngine } from '../engines.ts';
import { as, countRows, expectError, type Persona, postJson, useSignedInApp } from './helpers.ts';

const dir = path.resolve(import.meta.dirname, '../fixtures/bills');
const fixture = (name: string) => ({ name, content: fs.readFileSync(path.join(dir, name), 'utf8') });

describeEachEngine('bills API', (getStore) => {
  const api = useSignedInApp(getStore);

  const post = (payload: unknown, who: Persona | null) => postJson(api, '/api/v1/bills/import', payload, who);

  it('imports for analysts, reviewers and admins; refuses the other roles and anonymous callers', async () => {
    const body = { format: 'openstates', files: [fixture('openstates/api-v3-page.json')] };
    for (const who of ['viewer', 'campaigner', 'loner', 'otherAdmin'] as const) {
      if (who === 'otherAdmin') continue; // an admin of another organization holds laws:write there
      expectError(await api.app.inject(post(body, who)), 403, 'FORBIDDEN');
    }
    expectError(await api.app.inject(post(body, null)), 401, 'AUTH_REQUIRED');
    expect(await countRows(getStore().db, 'bills')).toBe(0);
    const first = await api.app.inject(post(body, 'analyst'));
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().totals).toEqual({ new: 2, changed: 0, unchanged: 0, rejected: 0, refusedFiles: 0 });
    for (const who of ['reviewer', 'admin'] as const) {
      const again = await api.app.inject(post(body, who));
      expect(again.json().totals).toMatchObject({ new: 0, unchanged: 2 });
    }
  });

  it('lists and shows bills publicly, with filters', async () => {
    const ks = encodeURIComponent('ocd-division/country:us/state:ks');
    const list = await api.app.inject({
      method: 'GET',
      url: `/api/v1/bills?jurisdiction=${ks}&stage=enacted`,
    });
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().map((b: { identifier: string; stage: string }) => [b.identifier, b.stage])).toEqual([
      ['SB 12', 'enacted'],
    ]);
    const byOcd = await api.app.inject({
      method: 'GET',
      url: `/api/v1/bills/${encodeURIComponent('ocd-bill/0a7e4b8c-3d21-4f6a-9b5e-7c1d2e3f4a50')}`,
    });
    expect(byOcd.statusCode, byOcd.body).toBe(200);
    expect(byOcd.json().actions).toHaveLength(5);
    const byId = await api.app.inject({
      method: 'GET',
      url: `/api/v1/bills/${byOcd.json().id}`,
      headers: as(api.sessions.viewer),
    });
    expect(byId.json().identifier).toBe('SB 12');
  });

  it('reports a refused file and answers bad input with 4xx', async () => {
    const refused = await api.app.inject(
      post(
        {
          format: 'openstates',
          files: [fixture('openstates/one-broken-record.json'), fixture('openstates/malformed.json')],
        },
        'analyst',
      ),
    );
    expect(refused.statusCode).toBe(200);
    expect(refused.json().files.map((f: { status: string }) => f.status)).toEqual(['refused', 'refused']);
    expect(refused.json().files[1].error).toMatch(/malformed\.json: invalid JSON at line 5, column 40/);
    expectError(
      await api.app.inject(post({ format: 'csv', files: [] }, 'analyst')),
      400,
      'VALIDATION_FAILED',
    );
    expectError(await api.app.inject(post('{"format":', 'analyst')), 400, 'MALFORMED_JSON');
    expectError(
      await api.app.inject({ method: 'GET', url: '/api/v1/bills?stage=asleep' }),
      400,
      'VALIDATION_FAILED',
    );
    expectError(
      await api.app.inject({ method: 'GET', url: '/api/v1/bills?limit=0' }),
      400,
      'VALIDATION_FAILED',
    );
    const one = await api.app.inject({ method: 'GET', url: '/api/v1/bills?limit=1' });
    expect(one.json()).toHaveLength(1);
    expectError(await api.app.inject({ method: 'GET', url: '/api/v1/bills/nope' }), 404, 'BILL_NOT_FOUND');
  });
});

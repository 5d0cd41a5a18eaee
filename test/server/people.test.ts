/**
 * People and committees through the API on every engine: who may import (roles), public list and show,
 * the import report for refused files (malformed YAML with its line), and bad input (never a 500).
 */
import fs from 'node:fs';
import path from 'node:path';

import { expect, it } from 'vitest';
import { describeEachEngine } from '../engines.ts';
import { as, countRows, expectError, type Persona, postJson, useSignedInApp } from './helpers.ts';

const dir = path.resolve(import.meta.dirname, '../fixtures/people');
const fixture = (name: string) => ({ name, content: fs.readFileSync(path.join(dir, name), 'utf8') });
const tx = 'ocd-division/country:us/state:tx';

describeEachEngine('people API', (getStore) => {
  const api = useSignedInApp(getStore);

  const post = (payload: unknown, who: Persona | null) =>
    postJson(api, '/api/v1/people/import', payload, who);

  it('imports for analysts, reviewers and admins; refuses the other roles and anonymous callers', async () => {
    const body = { files: [fixture('avery-quill.yml'), fixture('committee-invented-affairs.yml')] };
    for (const who of ['viewer', 'campaigner', 'loner'] as const) {
      expectError(await api.app.inject(post(body, who)), 403, 'FORBIDDEN');
    }
    expectError(await api.app.inject(post(body, null)), 401, 'AUTH_REQUIRED');
    expect(await countRows(getStore().db, 'people')).toBe(0);
    const first = await api.app.inject(post(body, 'analyst'));
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().totals).toEqual({ new: 2, changed: 0, unchanged: 0, rejected: 0, refusedFiles: 0 });
    for (const who of ['reviewer', 'admin'] as const) {
      const again = await api.app.inject(post(body, who));
      expect(again.json().totals).toMatchObject({ new: 0, unchanged: 2 });
    }
  });

  it('lists and shows people and committees publicly', async () => {
    const list = await api.app.inject({
      method: 'GET',
      url: `/api/v1/people?jurisdiction=${encodeURIComponent(tx)}`,
    });
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().map((p: { name: string; party: string }) => [p.name, p.party])).toEqual([
      ['Avery Quill', 'Democratic'],
    ]);
    const one = await api.app.inject({
      method: 'GET',
      url: `/api/v1/people/${encodeURIComponent('ocd-person/0f3a7c2e-5b1d-4e8a-9c6f-2d4b8e1a7f30')}`,
    });
    expect(one.statusCode, one.body).toBe(200);
    expect(one.json().roles).toHaveLength(2);
    const committees = await api.app.inject({
      method: 'GET',
      url: '/api/v1/committees',
      headers: as(api.sessions.viewer),
    });
    expect(committees.json()).toEqual([expect.objectContaining({ name: 'Invented Affairs', members: 2 })]);
    const committee = await api.app.inject({
      method: 'GET',
      url: '/api/v1/committees/5a6b7c8d-1e2f-4a3b-9c4d-5e6f7a8b9c0d',
    });
    expect(committee.json().members[0]).toMatchObject({ name: 'Avery Quill', role: 'chair' });
  });

  it('reports refused files and answers bad input with 4xx', async () => {
    const refused = await api.app.inject(
      post(
        { files: [{ name: 'broken.yml', content: 'name: x\nroles: [\n' }, fixture('rowan-pike.json')] },
        'analyst',
      ),
    );
    expect(refused.statusCode, refused.body).toBe(200);
    expect(refused.json().files[0].error).toMatch(
      /^broken\.yml: invalid YAML at line 3, column 1: Flow sequence/,
    );
    expect(refused.json().files[1].status).toBe('imported');
    expectError(await api.app.inject(post({ files: [] }, 'analyst')), 400, 'VALIDATION_FAILED');
    expectError(
      await api.app.inject(post({ files: [fixture('rowan-pike.json')], jurisdiction: 'nowhere' }, 'analyst')),
      400,
      'VALIDATION_FAILED',
    );
    expectError(await api.app.inject(post('{"files":', 'analyst')), 400, 'MALFORMED_JSON');
    expectError(
      await api.app.inject({ method: 'GET', url: '/api/v1/people?limit=0' }),
      400,
      'VALIDATION_FAILED',
    );
    expectError(await api.app.inject({ method: 'GET', url: '/api/v1/people/nope' }), 404, 'PERSON_NOT_FOUND');
    expectError(
      await api.app.inject({ method: 'GET', url: '/api/v1/committees/nope' }),
      404,
      'COMMITTEE_NOT_FOUND',
    );
  });
});

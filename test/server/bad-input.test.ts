/**
 * Validation at the edge (SEC-18, SEC-24): every kind of bad input gets its own 4xx code, and a refused write
 * leaves every table as it was.
 */
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../engines.ts';
import {
  accessCounts,
  as,
  countRows,
  emailOf,
  errorCode,
  expectError,
  type Persona,
  type Session,
  seedWorld,
  signInAll,
  startApp,
} from './helpers.ts';

const tx = encodeURIComponent('ocd-division/country:us/state:tx');

describeEachEngine('bad input', (getStore) => {
  let app: FastifyInstance;
  let sessions: Record<Persona, Session>;

  beforeAll(async () => {
    ({ app } = await startApp(getStore()));
    await seedWorld(getStore().db);
    sessions = await signInAll(app);
  });
  afterAll(async () => {
    await app?.close();
  });

  /** Sends a write and checks it is refused with this status and code, with every table unchanged. */
  async function refused(request: InjectOptions, status: number, code: string) {
    const before = await accessCounts(getStore().db);
    const res = await app.inject(request);
    expectError(res, status, code);
    expect(await accessCounts(getStore().db)).toEqual(before);
    return res;
  }

  const newJurisdiction = (payload: unknown, who: Persona = 'analyst'): InjectOptions => ({
    method: 'POST',
    url: '/api/v1/jurisdictions',
    headers: { ...as(sessions[who]), 'content-type': 'application/json' },
    payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
  });
  const houston = { parentId: 'ocd-division/country:us/state:tx', type: 'place', name: { en: 'Houston' } };

  it('answers malformed or empty JSON with 400 MALFORMED_JSON', async () => {
    await refused(newJurisdiction('{"parentId": "ocd-division/country:us",'), 400, 'MALFORMED_JSON');
    await refused(newJurisdiction(''), 400, 'MALFORMED_JSON');
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/session',
      headers: { 'content-type': 'application/json' },
      payload: '{"email": ',
    });
    expectError(login, 400, 'MALFORMED_JSON');
  });

  it('answers a body over 1 MiB with 413 BODY_TOO_LARGE', async () => {
    const big = { ...houston, name: { en: 'x'.repeat(1024 * 1024 + 10) } };
    await refused(newJurisdiction(big), 413, 'BODY_TOO_LARGE');
    const anonymous = await app.inject({
      method: 'POST',
      url: '/api/v1/password-reset',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ email: 'a'.repeat(1024 * 1024 + 10) }),
    });
    expectError(anonymous, 413, 'BODY_TOO_LARGE');
  });

  it('answers a form post (which a cross-site page could send) with 415', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/session',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: `email=${encodeURIComponent(emailOf('viewer'))}&password=x`,
    });
    expectError(res, 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('rejects unknown keys with 400 VALIDATION_FAILED naming the key', async () => {
    const cases: Array<[InjectOptions, string]> = [
      [newJurisdiction({ ...houston, organizationId: 'someone-else' }), 'organizationId'],
      [newJurisdiction({ ...houston, name: { en: 'Houston', de: 'Houston' } }), 'de'],
      [
        {
          method: 'POST',
          url: '/api/v1/organizations/current/tokens',
          headers: as(sessions.root),
          payload: { name: 'ci', role: 'viewer', organizationId: 'another-org' },
        },
        'organizationId',
      ],
      [
        {
          method: 'POST',
          url: '/api/v1/organizations/current/invitations',
          headers: as(sessions.root),
          payload: { email: 'x@example.org', role: 'viewer', instanceAdmin: true },
        },
        'instanceAdmin',
      ],
      [
        {
          method: 'POST',
          url: '/api/v1/session',
          payload: { email: emailOf('viewer'), password: 'x', remember: true },
        },
        'remember',
      ],
    ];
    for (const [request, stray] of cases) {
      const res = await refused(request, 400, 'VALIDATION_FAILED');
      expect(JSON.stringify(res.json().error)).toContain(stray);
    }
  });

  it('rejects wrong types and values with 400 VALIDATION_FAILED', async () => {
    const bodies: unknown[] = [
      { ...houston, name: 'Houston' },
      { ...houston, name: { en: 42 } },
      { ...houston, name: { en: '' } },
      { ...houston, parentId: 'texas' },
      { ...houston, type: 'Place!' },
      [houston],
      null,
      '"Houston"',
    ];
    for (const body of bodies) await refused(newJurisdiction(body), 400, 'VALIDATION_FAILED');
    const writes: InjectOptions[] = [
      {
        method: 'POST',
        url: '/api/v1/organizations/current/tokens',
        headers: as(sessions.root),
        payload: { name: 'ci', role: 'superuser' },
      },
      {
        method: 'POST',
        url: '/api/v1/organizations/current/invitations',
        headers: as(sessions.root),
        payload: { email: 'not-an-address', role: 'viewer' },
      },
      {
        method: 'PUT',
        url: '/api/v1/session/locale',
        headers: as(sessions.viewer),
        payload: { locale: 'de' },
      },
      { method: 'POST', url: '/api/v1/organizations/current/tokens', headers: as(sessions.root) },
    ];
    for (const request of writes) await refused(request, 400, 'VALIDATION_FAILED');
  });

  it('answers framework versions: 99 is 404 FRAMEWORK_NOT_FOUND, abc and stray keys are 400', async () => {
    const get = (query: string) => app.inject({ method: 'GET', url: `/api/v1/framework${query}` });
    expect((await get('?version=1')).statusCode).toBe(200);
    expectError(await get('?version=99'), 404, 'FRAMEWORK_NOT_FOUND');
    for (const q of ['?version=abc', '?version=-1', '?version=1.5', '?edition=1']) {
      expectError(await get(q), 400, 'VALIDATION_FAILED');
    }
  });

  it('finds jurisdictions by URL-encoded OCD id and answers unknown ones with 404', async () => {
    const get = (id: string) => app.inject({ method: 'GET', url: `/api/v1/jurisdictions/${id}` });
    const found = await get(tx);
    expect(found.statusCode).toBe(200);
    expect(found.json()).toMatchObject({ id: 'ocd-division/country:us/state:tx', name: { en: 'Texas' } });
    expectError(
      await get(encodeURIComponent('ocd-division/country:us/state:zz')),
      404,
      'JURISDICTION_NOT_FOUND',
    );
    expectError(await get('texas'), 400, 'VALIDATION_FAILED');
    const children = await app.inject({
      method: 'GET',
      url: `/api/v1/jurisdictions?parent=${encodeURIComponent('ocd-division/country:zz')}`,
    });
    expectError(children, 404, 'JURISDICTION_NOT_FOUND');
  });

  it('adds an organization jurisdiction once: unknown parent 404, duplicate 409, others cannot see it', async () => {
    const db = getStore().db;
    await refused(
      newJurisdiction({ ...houston, parentId: 'ocd-division/country:us/state:zz' }),
      404,
      'JURISDICTION_NOT_FOUND',
    );
    const before = await countRows(db, 'jurisdictions');
    const created = await app.inject(newJurisdiction(houston));
    expect(created.statusCode, created.body).toBe(201);
    const id = (created.json() as { id: string }).id;
    expect(id).toBe('ocd-division/country:us/state:tx/place:houston');
    expect(await countRows(db, 'jurisdictions')).toBe(before + 1);
    await refused(newJurisdiction(houston, 'reviewer'), 409, 'JURISDICTION_EXISTS');
    const url = `/api/v1/jurisdictions/${encodeURIComponent(id)}`;
    expect((await app.inject({ method: 'GET', url, headers: as(sessions.viewer) })).statusCode).toBe(200);
    // Another organization and the public do not see it, and cannot build under it.
    for (const headers of [as(sessions.otherAdmin), {}]) {
      expectError(await app.inject({ method: 'GET', url, headers }), 404, 'JURISDICTION_NOT_FOUND');
    }
    const under = await refused(
      newJurisdiction({ parentId: id, type: 'district', name: { en: 'Ward 1' } }, 'otherAdmin'),
      404,
      'JURISDICTION_NOT_FOUND',
    );
    expect(errorCode(under)).toBe('JURISDICTION_NOT_FOUND');
  });
});

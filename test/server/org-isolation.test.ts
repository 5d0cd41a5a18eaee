/**
 * One organization's people can never reach another's members or tokens (SEC-10 for accounts), and an API token
 * is worth no more than its creator is worth now.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { hashSecret } from '../../src/store/sessions.repo.ts';
import { describeEachEngine } from '../engines.ts';
import {
  accessCounts,
  as,
  bearer,
  emailOf,
  expectError,
  type Persona,
  type Session,
  seedWorld,
  signInAll,
  startApp,
  type World,
} from './helpers.ts';

const base = '/api/v1/organizations/current';

describeEachEngine('organization isolation and API tokens', (getStore) => {
  let app: FastifyInstance;
  let world: World;
  let sessions: Record<Persona, Session>;

  beforeAll(async () => {
    ({ app } = await startApp(getStore()));
    world = await seedWorld(getStore().db);
    sessions = await signInAll(app);
  });
  afterAll(async () => {
    await app?.close();
  });

  async function createToken(who: Persona, role: string) {
    const res = await app.inject({
      method: 'POST',
      url: `${base}/tokens`,
      headers: as(sessions[who]),
      payload: { name: `${who} ${role}`, role },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { secret: string; token: { id: string } };
  }
  const setRole = (who: Persona, userId: string, role: string) =>
    app.inject({
      method: 'PUT',
      url: `${base}/members/${userId}`,
      headers: as(sessions[who]),
      payload: { role },
    });

  it("shows an organization admin only their own organization's members", async () => {
    const res = await app.inject({ method: 'GET', url: `${base}/members`, headers: as(sessions.otherAdmin) });
    expect(res.statusCode).toBe(200);
    const ids = (res.json() as Array<{ user: { id: string } }>).map((m) => m.user.id);
    expect(ids).toEqual([world.users.otherAdmin.id]);
  });

  it('refuses switching into an organization the user does not belong to', async () => {
    const res = await app.inject({
      method: 'PUT',
      url: '/api/v1/session/organization',
      headers: as(sessions.otherAdmin),
      payload: { organizationId: world.orgA.id },
    });
    expectError(res, 404, 'ORG_NOT_FOUND');
    const state = await app.inject({
      method: 'GET',
      url: '/api/v1/session',
      headers: as(sessions.otherAdmin),
    });
    expect(state.json()).toMatchObject({ activeOrganizationId: world.orgB.id });
  });

  it("cannot remove, re-role or pull in another organization's members, nor learn who has an account", async () => {
    const before = await accessCounts(getStore().db);
    const viewerA = world.users.viewer.id;
    expectError(
      await app.inject({
        method: 'DELETE',
        url: `${base}/members/${viewerA}`,
        headers: as(sessions.otherAdmin),
      }),
      404,
      'MEMBERSHIP_NOT_FOUND',
    );
    // Adding people is what invitations are for (they consent); the role route only changes existing members.
    // An existing account, its email and an unknown id all get the same answer.
    for (const who of [viewerA, encodeURIComponent(emailOf('viewer')), 'no-such-user']) {
      expectError(await setRole('otherAdmin', who, 'viewer'), 404, 'MEMBERSHIP_NOT_FOUND');
    }
    expect(await accessCounts(getStore().db)).toEqual(before);
  });

  it("cannot revoke another organization's token", async () => {
    const a = await createToken('root', 'viewer');
    const res = await app.inject({
      method: 'DELETE',
      url: `${base}/tokens/${a.token.id}`,
      headers: as(sessions.otherAdmin),
    });
    expectError(res, 404, 'NOT_FOUND');
    expect(
      (await app.inject({ method: 'GET', url: `${base}/members`, headers: bearer(a.secret) })).statusCode,
    ).toBe(200);
    const listed = await app.inject({
      method: 'GET',
      url: `${base}/tokens`,
      headers: as(sessions.otherAdmin),
    });
    expect(listed.json()).toEqual([]);
  });

  it('keeps the last admin of an organization', async () => {
    const self = world.users.otherAdmin.id;
    expectError(await setRole('otherAdmin', self, 'viewer'), 409, 'LAST_ADMIN');
    expectError(
      await app.inject({
        method: 'DELETE',
        url: `${base}/members/${self}`,
        headers: as(sessions.otherAdmin),
      }),
      409,
      'LAST_ADMIN',
    );
  });

  it('stores only a hash of a token, never lists its secret, and lets no token mint another', async () => {
    const t = await createToken('root', 'admin');
    const row = await getStore()
      .db.selectFrom('api_tokens')
      .selectAll()
      .where('id', '=', t.token.id)
      .executeTakeFirstOrThrow();
    expect(row.token_hash).toBe(hashSecret(t.secret));
    expect(JSON.stringify(row)).not.toContain(t.secret);
    const list = await app.inject({ method: 'GET', url: `${base}/tokens`, headers: as(sessions.root) });
    expect(list.body).not.toContain(t.secret.slice(4));
    const minted = await app.inject({
      method: 'POST',
      url: `${base}/tokens`,
      headers: bearer(t.secret),
      payload: { name: 'child', role: 'admin' },
    });
    expectError(minted, 403, 'FORBIDDEN');
  });

  it('writes with a token need no CSRF token (no cookie is involved)', async () => {
    const t = await createToken('root', 'analyst');
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/jurisdictions',
      headers: bearer(t.secret),
      payload: { parentId: 'ocd-division/country:us/state:tx', type: 'county', name: { en: 'Harris' } },
    });
    expect(res.statusCode, res.body).toBe(201);
  });

  it("is worth no more than its creator's current role, membership and account", async () => {
    const strong = await createToken('admin', 'admin');
    const weak = await createToken('admin', 'viewer');
    const tokens = (secret: string) =>
      app.inject({ method: 'GET', url: `${base}/tokens`, headers: bearer(secret) });
    const members = (secret: string) =>
      app.inject({ method: 'GET', url: `${base}/members`, headers: bearer(secret) });
    expect((await tokens(strong.secret)).statusCode).toBe(200);
    // Demoted to viewer, the creator's admin token no longer manages anything; the viewer token still reads.
    expect((await setRole('root', world.users.admin.id, 'viewer')).statusCode).toBe(200);
    expectError(await tokens(strong.secret), 401, 'AUTH_FAILED');
    expect((await members(weak.secret)).statusCode).toBe(200);
    // Promoted again, the token is back: it was never more than the creator.
    expect((await setRole('root', world.users.admin.id, 'admin')).statusCode).toBe(200);
    expect((await tokens(strong.secret)).statusCode).toBe(200);
    // A disabled creator's tokens stop at once.
    const toggle = (verb: string) =>
      app.inject({
        method: 'POST',
        url: `/api/v1/users/${world.users.admin.id}/${verb}`,
        headers: as(sessions.root),
      });
    expect((await toggle('disable')).statusCode).toBe(200);
    expectError(await members(weak.secret), 401, 'AUTH_FAILED');
    expect((await toggle('enable')).statusCode).toBe(200);
    // Removed from the organization, the creator's tokens end for good.
    const removed = await app.inject({
      method: 'DELETE',
      url: `${base}/members/${world.users.admin.id}`,
      headers: as(sessions.root),
    });
    expect(removed.statusCode).toBe(204);
    expectError(await members(weak.secret), 401, 'AUTH_FAILED');
    expectError(await tokens(strong.secret), 401, 'AUTH_FAILED');
  });
});

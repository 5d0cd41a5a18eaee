/**
 * SEC-7, SEC-8 and SEC-20: session ids are fresh at every sign-in, end on the server (logout, idle, lifetime,
 * disabling), travel in a locked-down cookie, and cookie-authenticated writes need the CSRF token.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveSession } from '../../src/services/sessions.ts';
import { hashSecret } from '../../src/store/sessions.repo.ts';
import { describeEachEngine, openPreparedStore } from '../engines.ts';
import {
  as,
  cookieSet,
  countRows,
  emailOf,
  expectError,
  password,
  rawSetCookie,
  type Session,
  seedWorld,
  sessionUser,
  signIn,
  startApp,
  type World,
} from './helpers.ts';

const members = '/api/v1/organizations/current/members';
const idle = 15 * 60;
const absolute = 8 * 60 * 60;

describeEachEngine('sessions', (getStore) => {
  let app: FastifyInstance;
  let world: World;

  beforeAll(async () => {
    ({ app } = await startApp(getStore(), {
      env: { SESSION_IDLE_SECONDS: String(idle), SESSION_ABSOLUTE_SECONDS: String(absolute) },
    }));
    world = await seedWorld(getStore().db);
  });
  afterAll(async () => {
    await app?.close();
  });

  const get = (session: Session | null, url = members) =>
    app.inject({ method: 'GET', url, ...(session ? { headers: as(session) } : {}) });

  it('issues a new 256-bit session id at every sign-in and stores only its hash', async () => {
    const first = await signIn(app, emailOf('analyst'));
    expect(first.secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const again = await app.inject({
      method: 'POST',
      url: '/api/v1/session',
      headers: as(first),
      payload: { email: emailOf('analyst'), password },
    });
    expect(again.statusCode).toBe(200);
    const second = cookieSet(again);
    expect(second).toBeTruthy();
    expect(second).not.toBe(first.secret);
    expect(await sessionUser(app, first)).toBeNull();
    expectError(await get(first), 401, 'AUTH_REQUIRED');
    const stored = await getStore()
      .db.selectFrom('sessions')
      .select('id')
      .where('user_id', '=', world.users.analyst.id)
      .execute();
    expect(stored.map((s) => s.id)).toEqual([hashSecret(second!)]);
  });

  it('ignores a planted session id: signing in never adopts it', async () => {
    const planted = 'attacker-chosen-session-id-0123456789abcdef';
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/session',
      headers: { cookie: `lawgap_sid=${planted}` },
      payload: { email: emailOf('reviewer'), password },
    });
    expect(res.statusCode).toBe(200);
    expect(cookieSet(res)).not.toBe(planted);
    expect(await sessionUser(app, { secret: planted, csrf: 'x' })).toBeNull();
  });

  it('ends the session on the server at logout', async () => {
    const s = await signIn(app, emailOf('campaigner'));
    expect((await get(s)).statusCode).toBe(200);
    // Logging out is a write: without the CSRF token a cross-site page cannot sign anyone out either.
    const forged = await app.inject({
      method: 'DELETE',
      url: '/api/v1/session',
      headers: { cookie: `lawgap_sid=${s.secret}` },
    });
    expectError(forged, 403, 'CSRF_FAILED');
    const out = await app.inject({ method: 'DELETE', url: '/api/v1/session', headers: as(s) });
    expect(out.statusCode).toBe(204);
    expect(rawSetCookie(out)).toMatch(/Expires=Thu, 01 Jan 1970|Max-Age=0/);
    expect(await sessionUser(app, s)).toBeNull();
    expectError(await get(s), 401, 'AUTH_REQUIRED');
    const row = await getStore()
      .db.selectFrom('sessions')
      .select('id')
      .where('id', '=', hashSecret(s.secret))
      .execute();
    expect(row).toEqual([]);
  });

  it('ends a session idle for longer than the idle timeout (checked on the server)', async () => {
    const s = await signIn(app, emailOf('viewer'));
    const age = async (seconds: number) => {
      const at = new Date(Date.now() - seconds * 1000).toISOString();
      await getStore()
        .db.updateTable('sessions')
        .set({ last_seen_at: at })
        .where('id', '=', hashSecret(s.secret))
        .execute();
    };
    await age(idle - 5);
    expect((await get(s)).statusCode).toBe(200);
    await age(idle + 1);
    expectError(await get(s), 401, 'AUTH_REQUIRED');
    expect(await sessionUser(app, s)).toBeNull();
  });

  it('ends a session at its absolute lifetime even while it is in use', async () => {
    const s = await signIn(app, emailOf('viewer'));
    const db = getStore().db;
    const policy = { idleSeconds: idle, absoluteSeconds: absolute };
    const start = Date.now();
    // Used every 10 minutes, it never goes idle; it still ends 8 hours after sign-in.
    for (let t = 10 * 60; t < absolute; t += 10 * 60) {
      expect(
        await resolveSession(db, policy, s.secret, new Date(start + t * 1000)),
        `at ${t}s`,
      ).not.toBeNull();
    }
    expect(await resolveSession(db, policy, s.secret, new Date(start + (absolute + 2) * 1000))).toBeNull();
    expectError(await get(s), 401, 'AUTH_REQUIRED');
  });

  it('ends every session of a user when an instance admin disables the account', async () => {
    const root = await signIn(app, emailOf('root'));
    const a = await signIn(app, emailOf('reviewer'), { remoteAddress: '10.1.0.1' });
    const b = await signIn(app, emailOf('reviewer'), { remoteAddress: '10.1.0.2' });
    const disable = (verb: string) =>
      app.inject({
        method: 'POST',
        url: `/api/v1/users/${world.users.reviewer.id}/${verb}`,
        headers: as(root),
      });
    expect((await disable('disable')).statusCode).toBe(200);
    for (const s of [a, b]) expectError(await get(s), 401, 'AUTH_REQUIRED');
    const left = await getStore()
      .db.selectFrom('sessions')
      .select('id')
      .where('user_id', '=', world.users.reviewer.id)
      .execute();
    expect(left).toEqual([]);
    // A disabled account cannot sign in, and re-enabling it does not revive the old sessions.
    const denied = await app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { email: emailOf('reviewer'), password },
    });
    expectError(denied, 401, 'AUTH_FAILED');
    expect((await disable('enable')).statusCode).toBe(200);
    for (const s of [a, b]) expectError(await get(s), 401, 'AUTH_REQUIRED');
  });

  it('sets the session cookie HttpOnly, SameSite=Lax, Path=/, host-only, for the absolute lifetime', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { email: emailOf('campaigner'), password },
    });
    const raw = rawSetCookie(res);
    expect(raw).toMatch(/; HttpOnly(;|$)/);
    expect(raw).toMatch(/; SameSite=Lax(;|$)/);
    expect(raw).toMatch(/; Path=\/(;|$)/);
    expect(raw).toContain(`Max-Age=${absolute}`);
    expect(raw).not.toMatch(/Domain=/i);
    // Plain-http localhost development is the one place the cookie is not Secure.
    expect(raw).not.toMatch(/; Secure/);
  });

  it('refuses cookie-authenticated writes without the right CSRF token', async () => {
    const s = await signIn(app, emailOf('analyst'), { remoteAddress: '10.1.0.3' });
    const other = await signIn(app, emailOf('campaigner'), { remoteAddress: '10.1.0.4' });
    const write = (headers: Record<string, string>) =>
      app.inject({ method: 'PUT', url: '/api/v1/session/locale', headers, payload: { locale: 'es' } });
    const cookie = `lawgap_sid=${s.secret}`;
    expectError(await write({ cookie }), 403, 'CSRF_FAILED');
    expectError(await write({ cookie, 'x-csrf-token': 'wrong' }), 403, 'CSRF_FAILED');
    expectError(await write({ cookie, 'x-csrf-token': other.csrf }), 403, 'CSRF_FAILED');
    expectError(await write({ cookie, 'x-csrf-token': '' }), 403, 'CSRF_FAILED');
    const locale = async () =>
      (
        await getStore()
          .db.selectFrom('users')
          .select('locale')
          .where('id', '=', world.users.analyst.id)
          .execute()
      )[0]?.locale;
    expect(await locale()).toBeNull();
    expect((await write({ cookie, 'x-csrf-token': s.csrf })).statusCode).toBe(200);
    expect(await locale()).toBe('es');
  });

  it('refuses an anonymous write that names a foreign Origin, however the path is spelled', async () => {
    const before = await countRows(getStore().db, 'sessions');
    for (const url of ['/api/v1/session', '/api/v1/session/', '/%61pi/v1/session', '/api/v1/./session']) {
      const res = await app.inject({
        method: 'POST',
        url,
        headers: { origin: 'https://evil.example' },
        payload: { email: emailOf('viewer'), password },
      });
      expect({ url, status: res.statusCode, code: res.json().error?.code }).toEqual({
        url,
        status: 403,
        code: 'CSRF_FAILED',
      });
    }
    expect(await countRows(getStore().db, 'sessions')).toBe(before);
    const ours = await app.inject({
      method: 'POST',
      url: '/api/v1/session',
      headers: { origin: 'http://localhost:8080' },
      payload: { email: emailOf('viewer'), password },
      remoteAddress: '10.1.0.5',
    });
    expect(ours.statusCode).toBe(200);
  });
});

describe('session cookie behind https', () => {
  let app: FastifyInstance;
  let close: () => Promise<void>;

  beforeAll(async () => {
    const store = await openPreparedStore('sqlite');
    await seedWorld(store.db);
    ({ app } = await startApp(store, { env: { PUBLIC_URL: 'https://lawgap.example.org' } }));
    close = async () => {
      await app.close();
      await store.destroy();
    };
  });
  afterAll(async () => {
    await close?.();
  });

  it('is __Host-lawgap_sid, Secure, Path=/, without Domain, and is the only cookie accepted', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { email: emailOf('viewer'), password },
    });
    expect(res.statusCode).toBe(200);
    expect(cookieSet(res, 'lawgap_sid')).toBeNull();
    const raw = rawSetCookie(res, '__Host-lawgap_sid');
    for (const attr of [/; Secure(;|$)/, /; HttpOnly(;|$)/, /; SameSite=Lax(;|$)/, /; Path=\/(;|$)/]) {
      expect(raw).toMatch(attr);
    }
    expect(raw).not.toMatch(/Domain=/i);
    const secret = cookieSet(res, '__Host-lawgap_sid')!;
    const members = (cookie: string) =>
      app.inject({ method: 'GET', url: '/api/v1/organizations/current/members', headers: { cookie } });
    expect((await members(`__Host-lawgap_sid=${secret}`)).statusCode).toBe(200);
    expectError(await members(`lawgap_sid=${secret}`), 401, 'AUTH_REQUIRED');
    const health = await app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(health.headers['strict-transport-security']).toMatch(/max-age=(\d+)/);
    const maxAge = Number(/max-age=(\d+)/.exec(String(health.headers['strict-transport-security']))?.[1]);
    expect(maxAge).toBeGreaterThanOrEqual(31_536_000);
  });
});

/**
 * First-run setup: the one-time token creates the first administrator exactly once (even when two requests
 * race), a refused setup writes nothing, and the stored hash is argon2id at the SEC-1 parameters.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { issueSetupToken } from '../../src/services/accounts.ts';
import { newSecret } from '../../src/services/sessions.ts';
import { insertOneTimeToken } from '../../src/store/sessions.repo.ts';
import { describeEachEngine } from '../engines.ts';
import { accessCounts, expectError, password, signIn, startApp } from './helpers.ts';

describeEachEngine('first-run setup', (getStore) => {
  let app: FastifyInstance;
  let token: string;

  beforeAll(async () => {
    ({ app } = await startApp(getStore()));
    const issued = await issueSetupToken(getStore().db);
    if (!issued) throw new Error('a fresh database should need setup');
    token = issued;
  });
  afterAll(async () => {
    await app?.close();
  });

  const check = async (t: string) => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/setup/check', payload: { token: t } });
    expect(res.statusCode).toBe(200);
    return (res.json() as { valid: boolean }).valid;
  };
  const setup = (body: Record<string, unknown>) =>
    app.inject({
      method: 'POST',
      url: '/api/v1/setup',
      payload: {
        token,
        email: 'founder@example.org',
        displayName: 'Founder',
        password,
        organizationName: 'Freedom Coalition',
        ...body,
      },
    });

  it('refuses a weak password or a stray field and writes nothing', async () => {
    const before = await accessCounts(getStore().db);
    expect(before.users).toBe(0);
    expect(await check(token)).toBe(true);
    for (const weak of ['short', 'password1234', 'aaaaaaaaaaaaaaaa', 'Founder-Founder-99']) {
      expectError(await setup({ password: weak }), 400, 'PASSWORD_WEAK');
    }
    const stray = await setup({ instanceAdmin: false });
    expectError(stray, 400, 'VALIDATION_FAILED');
    expect(stray.json().error.message).toContain('instanceAdmin');
    expect(await accessCounts(getStore().db)).toEqual(before);
    expect(await check(token)).toBe(true);
    const state = await app.inject({ method: 'GET', url: '/api/v1/session' });
    expect(state.json()).toMatchObject({ user: null, setupRequired: true });
  });

  it('works once, even when two requests race with the same token', async () => {
    const [a, b] = await Promise.all([
      setup({ email: 'first@example.org' }),
      setup({ email: 'second@example.org' }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 400]);
    expectError(a.statusCode === 400 ? a : b, 400, 'TOKEN_INVALID');
    const users = await getStore().db.selectFrom('users').selectAll().execute();
    expect(users).toHaveLength(1);
    expect(users[0]?.is_instance_admin).toBe(1);
    expect(users[0]?.password_hash.startsWith('$argon2id$v=19$m=19456,t=2,p=1$')).toBe(true);
    expect(await accessCounts(getStore().db)).toMatchObject({ users: 1, organizations: 1, memberships: 1 });
    const again = await setup({ email: 'third@example.org' });
    expectError(again, 400, 'TOKEN_INVALID');
    expect(await check(token)).toBe(false);
    expect((await accessCounts(getStore().db)).users).toBe(1);
  });

  it('signs the first administrator in as instance admin and organization admin', async () => {
    const email = (await getStore().db.selectFrom('users').select('email').executeTakeFirstOrThrow()).email;
    const s = await signIn(app, email);
    const state = await app.inject({
      method: 'GET',
      url: '/api/v1/session',
      headers: { cookie: `lawgap_sid=${s.secret}` },
    });
    expect(state.json()).toMatchObject({ role: 'admin', setupRequired: false });
    expect(state.json().permissions).toContain('instance:admin');
  });

  it('refuses setup once a user exists, whatever token is offered', async () => {
    expect(await issueSetupToken(getStore().db)).toBeNull();
    // A setup token that somehow exists (an old link, a restored backup) is still worthless now.
    const planted = newSecret();
    await insertOneTimeToken(getStore().db, planted, {
      purpose: 'setup',
      userId: null,
      organizationId: null,
      email: null,
      role: null,
      expiresAt: null,
    });
    expect(await check(planted)).toBe(false);
    const before = await accessCounts(getStore().db);
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/setup',
      payload: {
        token: planted,
        email: 'intruder@example.org',
        displayName: 'Intruder',
        password,
        organizationName: 'Intruders',
      },
    });
    expectError(res, 400, 'TOKEN_INVALID');
    expect(await accessCounts(getStore().db)).toEqual(before);
  });
});

/**
 * Password resets (SEC-5, SEC-6, SEC-8) and invitations, with mail going through our SMTP mailer to a real SMTP
 * server on loopback; and the console fallback when no SMTP server is configured.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { completePasswordReset } from '../../src/services/accounts.ts';
import { consoleMailer, smtpMailer } from '../../src/services/mailer.ts';
import { hashSecret } from '../../src/store/sessions.repo.ts';
import { describeEachEngine, openPreparedStore } from '../engines.ts';
import {
  as,
  countRows,
  emailOf,
  expectError,
  linkToken,
  password,
  type Session,
  SmtpSink,
  seedWorld,
  sessionUser,
  signIn,
  startApp,
  type World,
} from './helpers.ts';

const newPassword = 'saffron-lantern-meadow-77';
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describeEachEngine('mail through a real SMTP server', (getStore) => {
  let app: FastifyInstance;
  let sink: SmtpSink;
  let world: World;
  let root: Session;

  beforeAll(async () => {
    sink = await SmtpSink.start();
    ({ app } = await startApp(getStore(), {
      mailer: smtpMailer(sink.url, 'lawgap <no-reply@localhost>'),
    }));
    world = await seedWorld(getStore().db);
    root = await signIn(app, emailOf('root'));
  });
  afterAll(async () => {
    await app?.close();
    await sink?.close();
  });
  beforeEach(() => {
    sink.messages.splice(0);
  });

  const requestReset = (email: string) =>
    app.inject({ method: 'POST', url: '/api/v1/password-reset', payload: { email } });
  const confirm = (token: string, pw: string) =>
    app.inject({ method: 'POST', url: '/api/v1/password-reset/confirm', payload: { token, password: pw } });
  const tryLogin = (email: string, pw: string, remoteAddress: string) =>
    app.inject({ method: 'POST', url: '/api/v1/session', payload: { email, password: pw }, remoteAddress });

  it('answers a reset request the same for known and unknown addresses, and mails only the known one', async () => {
    const unknown = await requestReset('ghost@example.org');
    const known = await requestReset(emailOf('analyst'));
    expect(known.statusCode).toBe(202);
    expect({ status: unknown.statusCode, body: unknown.body }).toEqual({
      status: known.statusCode,
      body: known.body,
    });
    const [mail] = await sink.waitFor(1);
    await pause(300);
    expect(sink.messages).toHaveLength(1);
    expect(mail?.to).toEqual([emailOf('analyst')]);
    expect(mail?.subject).toBe('Reset your lawgap password');
    expect(mail?.text).toMatch(/http:\/\/localhost:8080\/app\/reset-password#token=[A-Za-z0-9_-]{43}\s/);
  });

  it('resets once through the mailed link, ending every session and the old password', async () => {
    const before = await signIn(app, emailOf('analyst'), { remoteAddress: '10.4.0.1' });
    await requestReset(emailOf('analyst'));
    const [mail] = await sink.waitFor(1);
    const token = linkToken(mail?.text ?? '', 'reset-password');
    // A weak choice is refused without spending the link.
    expectError(await confirm(token, 'password1234'), 400, 'PASSWORD_WEAK');
    expect((await confirm(token, newPassword)).statusCode).toBe(200);
    expect(await sessionUser(app, before)).toBeNull();
    expectError(
      await app.inject({ method: 'GET', url: '/api/v1/organizations/current/members', headers: as(before) }),
      401,
      'AUTH_REQUIRED',
    );
    expectError(await tryLogin(emailOf('analyst'), password, '10.4.0.2'), 401, 'AUTH_FAILED');
    expect((await tryLogin(emailOf('analyst'), newPassword, '10.4.0.3')).statusCode).toBe(200);
    const stored = await getStore()
      .db.selectFrom('users')
      .select('password_hash')
      .where('id', '=', world.users.analyst.id)
      .executeTakeFirstOrThrow();
    expect(stored.password_hash.startsWith('$argon2id$v=19$m=19456,t=2,p=1$')).toBe(true);
    expectError(await confirm(token, 'another-fine-phrase-31'), 400, 'TOKEN_INVALID');
    expect((await tryLogin(emailOf('analyst'), newPassword, '10.4.0.4')).statusCode).toBe(200);
  });

  it('voids every other reset link of the user once one has been used', async () => {
    await requestReset(emailOf('reviewer'));
    await sink.waitFor(1);
    await requestReset(emailOf('reviewer'));
    const [older, newer] = await sink.waitFor(2);
    const olderToken = linkToken(older?.text ?? '', 'reset-password');
    expect((await confirm(linkToken(newer?.text ?? '', 'reset-password'), newPassword)).statusCode).toBe(200);
    // Whoever else saw the older mail cannot use it to take the account back.
    expectError(await confirm(olderToken, 'intruder-chosen-phrase-5'), 400, 'TOKEN_INVALID');
    expect((await tryLogin(emailOf('reviewer'), newPassword, '10.4.3.1')).statusCode).toBe(200);
  });

  it('refuses an expired reset link and leaves the password alone', async () => {
    await requestReset(emailOf('campaigner'));
    const [mail] = await sink.waitFor(1);
    const token = linkToken(mail?.text ?? '', 'reset-password');
    const later = new Date(Date.now() + 61 * 60 * 1000);
    await expect(
      completePasswordReset(getStore().db, { token, password: newPassword }, later),
    ).rejects.toMatchObject({ code: 'TOKEN_INVALID' });
    await getStore()
      .db.updateTable('one_time_tokens')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where('id', '=', hashSecret(token))
      .execute();
    expectError(await confirm(token, newPassword), 400, 'TOKEN_INVALID');
    expect((await tryLogin(emailOf('campaigner'), password, '10.4.1.1')).statusCode).toBe(200);
  });

  it('carries an invitation by mail to a new analyst account, once', async () => {
    const invited = 'new@example.org';
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/organizations/current/invitations',
      headers: as(root),
      payload: { email: invited, role: 'analyst' },
    });
    expect(res.statusCode).toBe(202);
    const [mail] = await sink.waitFor(1);
    expect(mail?.to).toEqual([invited]);
    const token = linkToken(mail?.text ?? '', 'accept-invite');
    const lookup = await app.inject({
      method: 'POST',
      url: '/api/v1/invitations/lookup',
      payload: { token },
    });
    expect(lookup.statusCode).toBe(200);
    expect(lookup.json()).toMatchObject({
      email: invited,
      role: 'analyst',
      accountExists: false,
      organization: { id: world.orgA.id },
    });
    const accept = (body: Record<string, unknown>) =>
      app.inject({ method: 'POST', url: '/api/v1/invitations/accept', payload: { token, ...body } });
    const accepted = await accept({ displayName: 'New Analyst', password: newPassword });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({ role: 'analyst', organization: { id: world.orgA.id } });
    const s = await signIn(app, invited, { password: newPassword, remoteAddress: '10.4.2.1' });
    const state = await app.inject({
      method: 'GET',
      url: '/api/v1/session',
      headers: { cookie: `lawgap_sid=${s.secret}` },
    });
    expect(state.json()).toMatchObject({ role: 'analyst', activeOrganizationId: world.orgA.id });
    const users = await countRows(getStore().db, 'users');
    expectError(await accept({ displayName: 'Second Try', password: newPassword }), 400, 'TOKEN_INVALID');
    expectError(
      await app.inject({ method: 'POST', url: '/api/v1/invitations/lookup', payload: { token } }),
      400,
      'TOKEN_INVALID',
    );
    expect(await countRows(getStore().db, 'users')).toBe(users);
  });

  it('lets an existing account accept an invitation only with its own password', async () => {
    const invited = emailOf('otherAdmin');
    await app.inject({
      method: 'POST',
      url: '/api/v1/organizations/current/invitations',
      headers: as(root),
      payload: { email: invited, role: 'viewer' },
    });
    const [mail] = await sink.waitFor(1);
    const token = linkToken(mail?.text ?? '', 'accept-invite');
    const accept = (pw: string) =>
      app.inject({ method: 'POST', url: '/api/v1/invitations/accept', payload: { token, password: pw } });
    expectError(await accept('not-their-password-at-all'), 401, 'AUTH_FAILED');
    const membership = () =>
      getStore()
        .db.selectFrom('memberships')
        .select('role')
        .where('organization_id', '=', world.orgA.id)
        .where('user_id', '=', world.users.otherAdmin.id)
        .execute();
    expect(await membership()).toEqual([]);
    expect((await accept(password)).statusCode).toBe(200);
    expect(await membership()).toEqual([{ role: 'viewer' }]);
  });
});

describe('mail without SMTP', () => {
  const lines: string[] = [];
  let app: FastifyInstance;
  let close: () => Promise<void>;

  beforeAll(async () => {
    // The console fallback does not depend on the engine; one is enough.
    const store = await openPreparedStore('sqlite');
    await seedWorld(store.db);
    ({ app } = await startApp(store, { mailer: consoleMailer((l) => lines.push(l)) }));
    close = async () => {
      await app.close();
      await store.destroy();
    };
  });
  afterAll(async () => {
    await close?.();
  });

  it('writes the invitation link to the console with the address masked', async () => {
    const root = await signIn(app, emailOf('root'));
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/organizations/current/invitations',
      headers: as(root),
      payload: { email: 'newcomer@example.org', role: 'viewer' },
    });
    expect(res.statusCode).toBe(202);
    const out = lines.join('');
    expect(out).toContain('To: n***@example.org');
    expect(out).not.toContain('newcomer@');
    const token = linkToken(out, 'accept-invite');
    const lookup = await app.inject({
      method: 'POST',
      url: '/api/v1/invitations/lookup',
      payload: { token },
    });
    expect(lookup.json()).toMatchObject({ email: 'newcomer@example.org', role: 'viewer' });
  });

  it('writes the reset link to the console with the address masked', async () => {
    lines.splice(0);
    await app.inject({
      method: 'POST',
      url: '/api/v1/password-reset',
      payload: { email: emailOf('viewer') },
    });
    for (let i = 0; i < 50 && lines.length === 0; i++) await pause(20);
    const out = lines.join('');
    expect(out).toContain('To: v***@example.org');
    expect(out).not.toContain(emailOf('viewer'));
    expect(linkToken(out, 'reset-password')).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});

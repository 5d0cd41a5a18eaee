/**
 * SEC-4 and SEC-5 at the sign-in form: two independent brute-force buckets (per username from any address,
 * per address across usernames) answering one plain 429, and no difference between an unknown email, a wrong
 * password and a disabled account.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { updateUser } from '../../src/store/accounts.repo.ts';
import { describeEachEngine } from '../engines.ts';
import { emailOf, expectError, password, seedWorld, startApp, type World } from './helpers.ts';

describeEachEngine('sign-in', (getStore) => {
  let app: FastifyInstance;
  let world: World;

  beforeAll(async () => {
    ({ app } = await startApp(getStore()));
    world = await seedWorld(getStore().db);
  });
  afterAll(async () => {
    await app?.close();
  });

  const attempt = (email: string, remoteAddress: string, pw = 'wrong-password-entirely') =>
    app.inject({ method: 'POST', url: '/api/v1/session', payload: { email, password: pw }, remoteAddress });

  const shape = (res: LightMyRequestResponse) => ({
    status: res.statusCode,
    body: res.body,
    setsCookie: res.headers['set-cookie'] !== undefined,
  });

  it('answers an unknown email, a wrong password and a disabled account identically', async () => {
    await updateUser(getStore().db, world.users.loner.id, { disabled: true });
    const unknown = await attempt('nobody-here@example.org', '10.2.1.1');
    const wrong = await attempt(emailOf('campaigner'), '10.2.1.2');
    const disabled = await attempt(emailOf('loner'), '10.2.1.3', password);
    expectError(unknown, 401, 'AUTH_FAILED');
    expect(shape(wrong)).toEqual(shape(unknown));
    expect(shape(disabled)).toEqual(shape(unknown));
    expect(unknown.body).not.toContain('nobody-here');
  });

  it('stops the 7th attempt on one username within a minute, from any address, in any spelling', async () => {
    const victim = emailOf('viewer');
    for (let i = 1; i <= 6; i++) expectError(await attempt(victim, `10.2.2.${i}`), 401, 'AUTH_FAILED');
    // The right password from a fresh address does not get through either: the bucket is the username's.
    expectError(await attempt(victim, '10.2.2.99', password), 429, 'RATE_LIMITED');
    expectError(await attempt(` ${victim.toUpperCase()} `, '10.2.2.100', password), 429, 'RATE_LIMITED');
    // Other people are not locked out by it.
    expect((await attempt(emailOf('analyst'), '10.2.2.101', password)).statusCode).toBe(200);
  });

  it('stops one address spraying many usernames', async () => {
    const ip = '10.2.3.1';
    const spray = await Promise.all(
      Array.from({ length: 30 }, (_, i) => attempt(`sprayed-${i}@example.org`, ip)),
    );
    expect(spray.map((r) => r.statusCode)).toEqual(Array(30).fill(401));
    expectError(await attempt(emailOf('reviewer'), ip, password), 429, 'RATE_LIMITED');
    expect((await attempt(emailOf('reviewer'), '10.2.3.2', password)).statusCode).toBe(200);
  });

  it('answers every 429 with one generic body that names no bucket, address or count', async () => {
    const byUser = emailOf('campaigner');
    for (let i = 1; i <= 6; i++) await attempt(byUser, `10.2.4.${i}`);
    const userBucket = await attempt(byUser, '10.2.4.50');
    const ip = '10.2.5.1';
    await Promise.all(Array.from({ length: 30 }, (_, i) => attempt(`other-${i}@example.org`, ip)));
    const ipBucket = await attempt('fresh@example.org', ip);
    expect(userBucket.statusCode).toBe(429);
    expect(ipBucket.statusCode).toBe(429);
    expect(userBucket.body).toBe(ipBucket.body);
    expect(userBucket.json()).toEqual({
      error: { code: 'RATE_LIMITED', message: 'too many requests; try later' },
    });
    for (const leak of [byUser, 'campaigner', '10.2', 'remaining', 'username', 'address', /\d/]) {
      expect(userBucket.body).not.toMatch(leak);
    }
  });

  it('applies the same username bucket to password-reset requests', async () => {
    const email = emailOf('admin');
    for (let i = 1; i <= 6; i++) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/password-reset',
        payload: { email },
        remoteAddress: `10.2.6.${i}`,
      });
      expect(res.statusCode).toBe(202);
    }
    expectError(await attempt(email, '10.2.6.50', password), 429, 'RATE_LIMITED');
  });
});

/**
 * Security headers on pages and API answers (SEC-19 directives we already send), and CON-8/ASVS 16.2.5 for
 * accounts: with request logging on, a sign-in, a password reset, an invitation and API-token use leave no
 * email address, password, session id, CSRF token or one-time token in the log.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smtpMailer } from '../../src/services/mailer.ts';
import { describeEachEngine, openPreparedStore } from '../engines.ts';
import {
  as,
  bearer,
  emailOf,
  linkToken,
  password,
  SmtpSink,
  seedWorld,
  signIn,
  startApp,
} from './helpers.ts';

function directives(csp: string): Map<string, string> {
  return new Map(
    csp
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => {
        const [name = '', ...values] = d.split(/\s+/);
        return [name, values.join(' ')] as const;
      }),
  );
}

describe('security headers', () => {
  let app: FastifyInstance;
  let close: () => Promise<void>;

  beforeAll(async () => {
    // Headers come from the app, not the database; one engine is enough.
    const store = await openPreparedStore('sqlite');
    ({ app } = await startApp(store));
    close = async () => {
      await app.close();
      await store.destroy();
    };
  });
  afterAll(async () => {
    await close?.();
  });

  it.each([
    ['/', 200],
    ['/api/v1/health', 200],
    ['/api/docs', 200],
    ['/api/v1/users', 401],
    ['/api/v1/no-such-route', 404],
  ])('%s sends a strict CSP, nosniff and no referrer', async (url, status) => {
    const res = await app.inject({ method: 'GET', url });
    expect(res.statusCode).toBe(status);
    const csp = directives(String(res.headers['content-security-policy']));
    expect(csp.get('default-src')).toBe("'self'");
    expect(csp.get('frame-ancestors')).toBe("'none'");
    expect(csp.get('object-src')).toBe("'none'");
    expect(csp.get('script-src')).toBe("'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });
});

describeEachEngine('no personal data in logs', (getStore) => {
  const lines: string[] = [];
  const secrets: string[] = [];
  let app: FastifyInstance;
  let sink: SmtpSink;

  beforeAll(async () => {
    sink = await SmtpSink.start();
    ({ app } = await startApp(getStore(), {
      env: { LOG_LEVEL: 'trace' },
      mailer: smtpMailer(sink.url, 'lawgap <no-reply@localhost>'),
      build: { logger: true, logStream: { write: (l) => lines.push(l) } },
    }));
    await seedWorld(getStore().db);
  });
  afterAll(async () => {
    await app?.close();
    await sink?.close();
  });

  it('logs requests but never an address, password, session id or token', async () => {
    const fresh = 'brand-new-password-88';
    // A failed and a successful sign-in.
    await app.inject({
      method: 'POST',
      url: '/api/v1/session?email=query-leak@example.org',
      payload: { email: emailOf('viewer'), password: 'wrong-password-entirely' },
    });
    const root = await signIn(app, emailOf('root'));
    const viewer = await signIn(app, emailOf('viewer'), { remoteAddress: '10.5.0.1' });
    secrets.push(root.secret, root.csrf, viewer.secret, viewer.csrf);
    // A password reset, end to end.
    await app.inject({
      method: 'POST',
      url: '/api/v1/password-reset',
      payload: { email: emailOf('viewer') },
    });
    await app.inject({
      method: 'POST',
      url: '/api/v1/password-reset',
      payload: { email: 'ghost@example.org' },
    });
    const [resetMail] = await sink.waitFor(1);
    const resetToken = linkToken(resetMail?.text ?? '', 'reset-password');
    secrets.push(resetToken);
    const reset = await app.inject({
      method: 'POST',
      url: '/api/v1/password-reset/confirm',
      payload: { token: resetToken, password: fresh },
    });
    expect(reset.statusCode).toBe(200);
    // An invitation and an API token.
    await app.inject({
      method: 'POST',
      url: '/api/v1/organizations/current/invitations',
      headers: as(root),
      payload: { email: 'invitee@example.org', role: 'viewer' },
    });
    const [, inviteMail] = await sink.waitFor(2);
    secrets.push(linkToken(inviteMail?.text ?? '', 'accept-invite'));
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/organizations/current/tokens',
      headers: as(root),
      payload: { name: 'log check', role: 'viewer' },
    });
    const apiSecret = (created.json() as { secret: string }).secret;
    secrets.push(apiSecret);
    await app.inject({
      method: 'GET',
      url: '/api/v1/organizations/current/members',
      headers: bearer(apiSecret),
    });
    await app.inject({ method: 'GET', url: '/api/v1/session', headers: bearer(`${apiSecret}x`) });

    const log = lines.join('');
    expect(lines.length).toBeGreaterThan(10);
    expect(log).toContain('/api/v1/password-reset/confirm');
    expect(log).not.toMatch(/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/);
    for (const text of [password, fresh, 'wrong-password-entirely', 'lgp_', ...secrets]) {
      expect(log, `log contains ${text.slice(0, 8)}…`).not.toContain(text);
    }
  });

  it('logs a failed reset mail without the address', async () => {
    await sink.close();
    lines.splice(0);
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/password-reset',
      payload: { email: emailOf('campaigner') },
      remoteAddress: '10.5.0.9',
    });
    expect(res.statusCode).toBe(202);
    for (let i = 0; i < 100 && !lines.join('').includes('password reset mail failed'); i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const log = lines.join('');
    expect(log).toContain('password reset mail failed');
    expect(log).not.toContain('@');
  });
});

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

/** The ConfigError that loading throws (fails the test when the environment is accepted). */
function problems(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  throw new Error('expected the configuration to be refused');
}

describe('loadConfig', () => {
  it('has defaults for everything', () => {
    expect(loadConfig({})).toEqual({
      port: 8080,
      host: '127.0.0.1',
      dataDir: path.resolve('./data'),
      databaseUrl: null,
      embedFrameAncestors: ['*'],
      publicUrl: 'http://localhost:8080',
      secureCookies: false,
      smtpUrl: null,
      mailFrom: 'lawgap <no-reply@localhost>',
      sessionIdleSeconds: 900,
      sessionAbsoluteSeconds: 28800,
      logLevel: 'info',
      secretKey: null,
      allowPrivateWebhookHosts: false,
      alertsIntervalSeconds: 30,
      rateLimitPerMinute: 600,
      petitionSignPerMinute: 60,
      mailLeaseSeconds: 120,
      petitionAbuse: { challengeWork: 20000, perIpHour: 20, unsolvedPerIpHour: 5, perPetitionMinute: 1000 },
      shedding: { maxEventLoopDelayMs: 2000, maxHeapMb: 0, maxUtilization: 0.98, maxInFlight: 128 },
      dataLicense: 'CC-BY-4.0',
      dataPublisher: 'lawgap',
      quickExitUrl: 'https://www.google.com/',
    });
  });

  it('reads the alert settings: secret key, private webhook hosts (on under NODE_ENV=test), interval', () => {
    const key = Buffer.alloc(32, 7);
    expect(loadConfig({ LAWGAP_SECRET_KEY: key.toString('base64') }).secretKey).toBe(key.toString('base64'));
    expect(loadConfig({ LAWGAP_SECRET_KEY: key.toString('hex') }).secretKey).toBe(key.toString('hex'));
    expect(problems({ LAWGAP_SECRET_KEY: 'short' })[0]).toMatch(
      /^LAWGAP_SECRET_KEY: must be 32 random bytes/,
    );
    expect(loadConfig({ NODE_ENV: 'test' }).allowPrivateWebhookHosts).toBe(true);
    expect(loadConfig({ NODE_ENV: 'test', ALLOW_PRIVATE_WEBHOOK_HOSTS: '0' }).allowPrivateWebhookHosts).toBe(
      false,
    );
    expect(loadConfig({ ALLOW_PRIVATE_WEBHOOK_HOSTS: 'true' }).allowPrivateWebhookHosts).toBe(true);
    expect(problems({ ALLOW_PRIVATE_WEBHOOK_HOSTS: 'yes' })[0]).toMatch(/^ALLOW_PRIVATE_WEBHOOK_HOSTS: /);
    expect(loadConfig({ ALERTS_INTERVAL_SECONDS: '0' }).alertsIntervalSeconds).toBe(0);
  });

  it('reads every variable, treating empty ones as unset and ignoring unrelated ones', () => {
    const config = loadConfig({
      PORT: '3000',
      HOST: '0.0.0.0',
      LAWGAP_DATA_DIR: '/var/lib/lawgap',
      DATABASE_URL: 'postgresql://lawgap@db/lawgap',
      PUBLIC_URL: 'https://lawgap.example.org/',
      SMTP_URL: 'smtps://mail.example.org',
      MAIL_FROM: 'lawgap <hello@example.org>',
      SESSION_IDLE_SECONDS: '600',
      SESSION_ABSOLUTE_SECONDS: '3600',
      LOG_LEVEL: '',
      HOME: '/root',
    });
    expect(config).toMatchObject({
      port: 3000,
      host: '0.0.0.0',
      dataDir: '/var/lib/lawgap',
      databaseUrl: 'postgresql://lawgap@db/lawgap',
      publicUrl: 'https://lawgap.example.org',
      secureCookies: true,
      smtpUrl: 'smtps://mail.example.org',
      sessionIdleSeconds: 600,
      sessionAbsoluteSeconds: 3600,
      logLevel: 'info',
    });
  });

  it('lists every invalid variable at once', () => {
    const list = problems({ PORT: 'abc', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud', SMTP_URL: 'mail' });
    expect(list).toHaveLength(4);
    expect(list.find((p) => p.startsWith('PORT:'))).toMatch(/port number/);
    expect(list.find((p) => p.startsWith('DATABASE_URL:'))).toMatch(/postgres:\/\//);
    expect(list.some((p) => p.startsWith('LOG_LEVEL:'))).toBe(true);
    expect(list.some((p) => p.startsWith('SMTP_URL:'))).toBe(true);
    try {
      loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x' });
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      expect((err as Error).message).toMatch(/PORT[\s\S]*DATABASE_URL/);
    }
  });

  it('checks ranges and relations', () => {
    expect(problems({ PORT: '70000' })).toEqual(['PORT: must be 1..65535']);
    expect(problems({ PORT: '0' })).toEqual(['PORT: must be 1..65535']);
    expect(problems({ PUBLIC_URL: 'lawgap.example.org' })[0]).toMatch(/^PUBLIC_URL: must be a URL/);
    expect(problems({ SESSION_IDLE_SECONDS: '10m' })[0]).toMatch(/^SESSION_IDLE_SECONDS: /);
    expect(problems({ SESSION_IDLE_SECONDS: '7200', SESSION_ABSOLUTE_SECONDS: '3600' })).toEqual([
      'SESSION_IDLE_SECONDS: must not exceed SESSION_ABSOLUTE_SECONDS',
    ]);
    for (const bad of ['1.5', '2', '-0.5', 'high', '0.'])
      expect(problems({ SHED_MAX_EVENT_LOOP_UTILIZATION: bad })).toEqual([
        'SHED_MAX_EVENT_LOOP_UTILIZATION: must be a fraction from 0 (off) to 1, such as 0.98',
      ]);
    expect(
      loadConfig({ SHED_MAX_EVENT_LOOP_UTILIZATION: '0', SHED_MAX_IN_FLIGHT: '0' }).shedding,
    ).toMatchObject({
      maxUtilization: 0,
      maxInFlight: 0,
    });
  });

  it('returns a frozen object', () => {
    const config = loadConfig({});
    expect(Object.isFrozen(config)).toBe(true);
    expect(() => {
      (config as { port: number }).port = 1;
    }).toThrow(TypeError);
    expect(config.port).toBe(8080);
  });

  it.each([
    ['http://localhost', false],
    ['http://localhost:8080/', false],
    ['http://127.0.0.1:3000', false],
    ['http://[::1]:3000', false],
    ['https://localhost', true],
    ['https://lawgap.example.org', true],
    ['http://lawgap.example.org', true],
    ['http://192.168.1.20:8080', true],
  ])('secureCookies for %s is %s', (url, secure) => {
    expect(loadConfig({ PUBLIC_URL: url }).secureCookies).toBe(secure);
  });

  it('derives the public URL from the port when none is given', () => {
    expect(loadConfig({ PORT: '9000' }).publicUrl).toBe('http://localhost:9000');
  });
});

/**
 * Shared pieces for the API tests: the app built on a real store, seeded accounts (hashed once per process,
 * because argon2 is deliberately slow), signed-in sessions driven through `app.inject()`, and a real SMTP
 * server on loopback that keeps what it receives.
 */
import type { AddressInfo } from 'node:net';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { type Kysely, sql } from 'kysely';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, expect } from 'vitest';
import { type Config, loadConfig } from '../../src/config.ts';
import type { Organization, User } from '../../src/core/auth/accounts.ts';
import type { Role } from '../../src/core/auth/permissions.ts';
import { type BuildOptions, buildApp } from '../../src/server/app.ts';
import type { AppDeps } from '../../src/server/deps.ts';
import { consoleMailer, type Mailer } from '../../src/services/mailer.ts';
import { hashPassword } from '../../src/services/passwords.ts';
import { insertOrganization, insertUser, upsertMembership } from '../../src/store/accounts.repo.ts';
import type { Store } from '../../src/store/db.ts';
import type { Database } from '../../src/store/schema.ts';

/** The password of every seeded account (passes the password policy). */
export const password = 'plum-violin-harbour-42';

let sharedHash: Promise<string> | null = null;

/** The argon2id hash of `password`, computed once per test process. */
export function passwordHash(): Promise<string> {
  sharedHash ??= hashPassword(password);
  return sharedHash;
}

/** A config for tests: no data dir is touched; `env` overrides any variable. */
export function testConfig(env: Record<string, string> = {}): Readonly<Config> {
  return loadConfig({ LAWGAP_DATA_DIR: '/tmp/unused', ...env });
}

/** Builds the app on a store; mail goes to a silent console mailer unless one is given. */
export async function startApp(
  store: Store,
  options: { env?: Record<string, string>; mailer?: Mailer; build?: BuildOptions } = {},
): Promise<{ app: FastifyInstance; deps: AppDeps }> {
  const deps: AppDeps = {
    store,
    config: testConfig(options.env),
    mailer: options.mailer ?? consoleMailer(() => undefined),
    routes: [],
  };
  const app = await buildApp(deps, options.build);
  await app.ready();
  return { app, deps };
}

/** The `error.code` of an error answer (undefined for other bodies). */
export function errorCode(res: LightMyRequestResponse): string | undefined {
  try {
    return (res.json() as { error?: { code?: string } }).error?.code;
  } catch {
    return undefined;
  }
}

/** Asserts the answer is an error with this status and code. */
export function expectError(res: LightMyRequestResponse, status: number, code: string): void {
  expect({ status: res.statusCode, code: errorCode(res) }, res.body).toEqual({ status, code });
}

/** Rows in a table, counted by the database. */
export async function countRows(db: Kysely<Database>, table: keyof Database): Promise<number> {
  const r = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(table)}`.execute(db);
  return Number(r.rows[0]?.n ?? 0);
}

/** Row counts of every table that holds accounts, access or organization data. */
export async function accessCounts(db: Kysely<Database>): Promise<Record<string, number>> {
  const tables = [
    'users',
    'organizations',
    'memberships',
    'sessions',
    'api_tokens',
    'one_time_tokens',
    'jurisdictions',
  ] as const;
  const counts: Record<string, number> = {};
  for (const t of tables) counts[t] = await countRows(db, t);
  return counts;
}

/** A signed-in browser: the session secret (cookie value) and the CSRF token it was given. */
export interface Session {
  secret: string;
  csrf: string;
}

/** The value a response sets for a cookie, or null when it sets none. */
export function cookieSet(res: LightMyRequestResponse, name = 'lawgap_sid'): string | null {
  const c = res.cookies.find((x) => x.name === name);
  return c ? c.value : null;
}

/** The raw Set-Cookie header for one cookie, for attribute checks. */
export function rawSetCookie(res: LightMyRequestResponse, name = 'lawgap_sid'): string {
  const header = res.headers['set-cookie'];
  const all = Array.isArray(header) ? header : header ? [header] : [];
  const found = all.find((h) => h.startsWith(`${name}=`));
  if (!found) throw new Error(`no Set-Cookie for ${name} in ${JSON.stringify(all)}`);
  return found;
}

/** Signs in through the API and returns the session; fails the test unless the answer is 200. */
export async function signIn(
  app: FastifyInstance,
  email: string,
  options: { password?: string; remoteAddress?: string } = {},
): Promise<Session> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/session',
    payload: { email, password: options.password ?? password },
    ...(options.remoteAddress ? { remoteAddress: options.remoteAddress } : {}),
  });
  expect(res.statusCode, res.body).toBe(200);
  const secret = cookieSet(res);
  const csrf = (res.json() as { csrfToken: string | null }).csrfToken;
  if (!secret || !csrf) throw new Error('sign-in set no session cookie or CSRF token');
  return { secret, csrf };
}

/** Request headers of a signed-in browser: the cookie, plus the CSRF token (as a page would send it). */
export function as(session: Session, cookieName = 'lawgap_sid'): Record<string, string> {
  return { cookie: `${cookieName}=${session.secret}`, 'x-csrf-token': session.csrf };
}

/** Request headers of an API client. */
export function bearer(secret: string): Record<string, string> {
  return { authorization: `Bearer ${secret}` };
}

/** The user a session belongs to, as the API reports it (null when signed out). */
export async function sessionUser(app: FastifyInstance, session: Session): Promise<string | null> {
  const res = await app.inject({ method: 'GET', url: '/api/v1/session', headers: as(session) });
  expect(res.statusCode).toBe(200);
  return (res.json() as { user: { email: string } | null }).user?.email ?? null;
}

export const personas = [
  'root',
  'admin',
  'analyst',
  'reviewer',
  'campaigner',
  'viewer',
  'loner',
  'otherAdmin',
] as const;
/**
 * root: instance admin and admin of org A; admin..viewer: that role in org A; loner: no organization;
 * otherAdmin: admin of org B only.
 */
export type Persona = (typeof personas)[number];

/** The role a persona holds in its organization (null for the loner). */
export const roleOf: Record<Persona, Role | null> = {
  root: 'admin',
  admin: 'admin',
  analyst: 'analyst',
  reviewer: 'reviewer',
  campaigner: 'campaigner',
  viewer: 'viewer',
  loner: null,
  otherAdmin: 'admin',
};

export interface World {
  orgA: Organization;
  orgB: Organization;
  users: Record<Persona, User>;
}

/** The email of a seeded persona. */
export function emailOf(persona: Persona, tag = ''): string {
  return `${persona.toLowerCase()}${tag}@example.org`;
}

/** Seeds two organizations and one user per persona (all with `password`). */
export async function seedWorld(db: Kysely<Database>, tag = ''): Promise<World> {
  const hash = await passwordHash();
  const orgA = await insertOrganization(db, `Coalition A${tag}`, `coalition-a${tag}`);
  const orgB = await insertOrganization(db, `Coalition B${tag}`, `coalition-b${tag}`);
  const users = {} as Record<Persona, User>;
  for (const p of personas) {
    users[p] = await insertUser(db, {
      email: emailOf(p, tag),
      displayName: `Test ${p}`,
      passwordHash: hash,
      instanceAdmin: p === 'root',
    });
    const role = roleOf[p];
    if (role) await upsertMembership(db, p === 'otherAdmin' ? orgB.id : orgA.id, users[p].id, role);
  }
  return { orgA, orgB, users };
}

/** Signs every persona in (from distinct addresses, so the per-address login limit is not touched). */
export async function signInAll(app: FastifyInstance, tag = ''): Promise<Record<Persona, Session>> {
  const sessions = await Promise.all(
    personas.map((p, i) => signIn(app, emailOf(p, tag), { remoteAddress: `10.9.0.${i + 1}` })),
  );
  return Object.fromEntries(personas.map((p, i) => [p, sessions[i]!])) as Record<Persona, Session>;
}

/** The app on one engine's store with every persona seeded and signed in (filled in by `useSignedInApp`). */
export interface SignedInApp {
  app: FastifyInstance;
  sessions: Record<Persona, Session>;
  /** Sends a request as a persona (null: anonymously); an object payload goes as JSON. */
  send(
    method: InjectOptions['method'],
    url: string,
    who: Persona | null,
    payload?: unknown,
  ): Promise<LightMyRequestResponse>;
}

/**
 * Registers the hooks most API tests start with: build the app on the store, seed the personas and sign them
 * all in (beforeAll), close the app (afterAll). A test's own beforeAll, registered after, runs after it.
 */
export function useSignedInApp(getStore: () => Store): SignedInApp {
  const api = {} as SignedInApp;
  api.send = (method, url, who, payload) =>
    api.app.inject({
      method,
      url,
      ...(who ? { headers: as(api.sessions[who]) } : {}),
      ...(payload ? { payload: payload as object } : {}),
    });
  beforeAll(async () => {
    ({ app: api.app } = await startApp(getStore()));
    await seedWorld(getStore().db);
    api.sessions = await signInAll(api.app);
  });
  afterAll(async () => {
    await api.app?.close();
  });
  return api;
}

/** A JSON POST as a persona (null: anonymously); a string payload is sent as is (for malformed bodies). */
export function postJson(
  api: SignedInApp,
  url: string,
  payload: unknown,
  who: Persona | null,
): InjectOptions {
  return {
    method: 'POST',
    url,
    headers: { ...(who ? as(api.sessions[who]) : {}), 'content-type': 'application/json' },
    payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
  };
}

/** The JSON body of an answer; fails the test unless the status is the one expected. */
export function okJson<T>(res: LightMyRequestResponse, status = 200): T {
  expect(res.statusCode, res.body).toBe(status);
  return res.json() as T;
}

/** A message received by the SMTP sink. */
export interface ReceivedMail {
  to: string[];
  subject: string;
  /** The decoded text body. */
  text: string;
}

function decodeQuotedPrintable(body: string): string {
  return body
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

function parseMail(raw: string, to: string[]): ReceivedMail {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const body = raw.slice(split + 4);
  const header = (name: string) => new RegExp(`^${name}: (.*)$`, 'im').exec(head)?.[1]?.trim() ?? '';
  const encoding = header('Content-Transfer-Encoding').toLowerCase();
  const text =
    encoding === 'quoted-printable'
      ? decodeQuotedPrintable(body)
      : encoding === 'base64'
        ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
        : body;
  return { to, subject: header('Subject'), text };
}

/** A real SMTP server on 127.0.0.1 (random port) that keeps every message it is given. */
export class SmtpSink {
  readonly messages: ReceivedMail[] = [];
  private listeners: Array<() => void> = [];

  private constructor(
    private readonly server: SMTPServer,
    readonly port: number,
  ) {}

  /** Starts a sink that accepts mail without authentication or TLS. */
  static async start(): Promise<SmtpSink> {
    let sink: SmtpSink | null = null;
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const to = session.envelope.rcptTo.map((r) => r.address);
          sink?.receive(parseMail(Buffer.concat(chunks).toString('utf8'), to));
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    sink = new SmtpSink(server, (server.server.address() as AddressInfo).port);
    return sink;
  }

  /** The SMTP URL for `smtpMailer`. */
  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  private receive(mail: ReceivedMail): void {
    this.messages.push(mail);
    for (const l of this.listeners.splice(0)) l();
  }

  /** Waits until at least `count` messages have arrived; rejects after `timeoutMs`. */
  async waitFor(count: number, timeoutMs = 5000): Promise<ReceivedMail[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.messages.length < count) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`expected ${count} mails, got ${this.messages.length}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.listeners.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return this.messages;
  }

  /** Stops the server. */
  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** The token in a link of the form `…/app/<page>#token=…` inside a mail or console text. */
export function linkToken(text: string, page: 'reset-password' | 'accept-invite' | 'setup'): string {
  const m = new RegExp(`/app/${page}#token=([A-Za-z0-9_-]+)`).exec(text);
  if (!m?.[1]) throw new Error(`no ${page} link in:\n${text}`);
  return m[1];
}

/**
 * Requests to an app as one of the signed-in personas (or anonymously); `ok` checks an answer's status and reads
 * its JSON. `app` and `sessions` are read at call time, as tests set them in `beforeAll`.
 */
export function personaClient(app: () => FastifyInstance, sessions: () => Record<Persona, Session>) {
  return {
    send: (
      method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
      url: string,
      who: Persona | null,
      payload?: unknown,
    ) =>
      app().inject({
        method,
        url,
        ...(who ? { headers: as(sessions()[who]) } : {}),
        ...(payload ? { payload: payload as object } : {}),
      }),
    ok: <T>(res: LightMyRequestResponse, status = 200): T => {
      expect(res.statusCode, res.body).toBe(status);
      return res.json() as T;
    },
  };
}

/**
 * What the petition crash test and the petition bench rows share: a fresh database of either engine with one
 * open petition, the real server (`node --import tsx src/server/main.ts`) as a child process that can be
 * killed with SIGKILL and started again on the same port, and a client that signs as a browser would (a
 * solved challenge, a unique address and idempotency key per signature), retrying a lost answer with the same
 * key so a signature committed before a crash is answered as a repeat rather than stored twice.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { prepareDatabase } from '../../src/services/bootstrap.ts';
import { insertOrganization } from '../../src/store/accounts.repo.ts';
import { createStore, type DialectName, type Store } from '../../src/store/db.ts';
import { testSecretKey } from '../email-alert-helpers.ts';
import { challengeFields } from '../petition-challenge.ts';
import { seedPetition } from '../petition-helpers.ts';

const root = path.resolve(import.meta.dirname, '../..');

/** The PostgreSQL server for scratch databases (as test/engines.ts; this file is also used outside vitest). */
const adminUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** Whether that PostgreSQL server answers. */
export async function postgresAnswers(): Promise<boolean> {
  try {
    await adminQuery('select 1');
    return true;
  } catch {
    return false;
  }
}

/**
 * Limits suited to loopback load: every request comes from 127.0.0.1, so the per-client limits (600 requests
 * and 60 signatures a minute, 20 counted signatures an hour per address and petition, 1,000 a minute per
 * petition by default) would answer 429 or mark signatures within a second. The crash test and the bench
 * raise them here, and say so; the abuse-control tests keep the defaults. Load shedding keeps its defaults.
 */
export const loopbackLimits: Record<string, string> = {
  RATE_LIMIT_PER_MINUTE: '100000000',
  PETITION_SIGN_PER_MINUTE: '100000000',
  PETITION_LIMIT_IP_HOUR: '100000000',
  PETITION_LIMIT_UNSOLVED_IP_HOUR: '100000000',
  PETITION_LIMIT_PETITION_MINUTE: '100000000',
};

/**
 * The lowest proof-of-work the configuration accepts (a counter below 2): the server still issues, verifies
 * and uses up a challenge per signature, but the client's solving costs next to nothing.
 */
export const lowestDifficulty: Record<string, string> = { PETITION_CHALLENGE_WORK: '2' };

/** A database of one engine with an open petition; `open` gives a new handle, `drop` removes it all. */
export interface PetitionPlace {
  dialect: DialectName;
  /** Env for the server: LAWGAP_DATA_DIR, or DATABASE_URL of the fresh PostgreSQL database. */
  env: Record<string, string>;
  petition: { id: string; slug: string };
  campaignId: string;
  open(): Store;
  drop(): Promise<void>;
}

/** Creates a fresh database (SQLite file in a temp dir, or a new PostgreSQL database), migrated and seeded. */
export async function createPetitionPlace(dialect: DialectName): Promise<PetitionPlace> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lawgap-crash-'));
  let databaseUrl: string | null = null;
  let name = '';
  if (dialect === 'postgres') {
    name = `lawgap_crash_${Math.random().toString(36).slice(2, 10)}`;
    await adminQuery(`create database ${name}`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
  }
  const open = () => createStore({ databaseUrl, dataDir });
  const store = open();
  try {
    await prepareDatabase(store.db);
    await insertOrganization(store.db, 'Coalition A', 'coalition-a');
    const { petition, campaign } = await seedPetition(store.db, 'coalition-a', { goal: 1_000_000 });
    return {
      dialect,
      env: databaseUrl
        ? { DATABASE_URL: databaseUrl, LAWGAP_DATA_DIR: dataDir }
        : { LAWGAP_DATA_DIR: dataDir },
      petition: { id: petition.id, slug: petition.slug },
      campaignId: campaign.id,
      open,
      async drop() {
        if (name) await adminQuery(`drop database if exists ${name} with (force)`);
        fs.rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } finally {
    await store.destroy();
  }
}

/** A free loopback port. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** The real server as a child process on a fixed port: start, SIGKILL, start again. */
export class ServerProcess {
  private child: ChildProcess | null = null;
  /** Server output (stdout and stderr), kept for a failure message. */
  readonly output: string[] = [];
  starts = 0;

  private constructor(
    readonly port: number,
    private readonly script: string,
    private readonly env: Record<string, string>,
  ) {}

  /**
   * A server for the place (not started yet); `env` adds or overrides configuration. `script` is the server
   * to run (the bench's bare reference endpoint is another script with the same configuration).
   */
  static async create(
    place: PetitionPlace,
    smtpUrl: string | null,
    env: Record<string, string> = {},
    script = 'src/server/main.ts',
  ) {
    const port = await freePort();
    return new ServerProcess(port, script, {
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      LAWGAP_SECRET_KEY: testSecretKey,
      LOG_LEVEL: 'warn',
      ALERTS_INTERVAL_SECONDS: '0',
      ...(smtpUrl ? { SMTP_URL: smtpUrl } : {}),
      ...loopbackLimits,
      ...place.env,
      ...env,
    });
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Starts the server and resolves once it listens (it prints `lawgap: serving`). */
  start(timeoutMs = 180_000): Promise<void> {
    const { PATH = '', HOME = '' } = process.env;
    const child = spawn(process.execPath, ['--import', 'tsx', this.script], {
      cwd: root,
      env: { PATH, HOME, TMPDIR: os.tmpdir(), ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    this.starts += 1;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`server did not start:\n${this.tail()}`)), timeoutMs);
      const keep = (chunk: Buffer) => {
        const text = chunk.toString('utf8');
        this.output.push(text);
        if (this.output.length > 200) this.output.splice(0, this.output.length - 200);
        if (text.includes('lawgap: serving')) {
          clearTimeout(timer);
          resolve();
        }
      };
      child.stdout?.on('data', keep);
      child.stderr?.on('data', keep);
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`server exited (${code ?? signal}) before listening:\n${this.tail()}`));
      });
    });
  }

  /** Kills the server at once (SIGKILL: no shutdown code runs) and waits until it is gone. */
  kill(): Promise<void> {
    return this.signal('SIGKILL');
  }

  /** Stops the server gracefully (SIGTERM). */
  stop(): Promise<void> {
    return this.signal('SIGTERM');
  }

  /** The server's resident memory in kB (Linux /proc), or null when not running. */
  rssKb(): number | null {
    const pid = this.child?.pid;
    if (!pid) return null;
    try {
      const m = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
      return m ? Number(m[1]) : null;
    } catch {
      return null;
    }
  }

  /** The last lines the server printed. */
  tail(): string {
    return this.output.join('').split('\n').slice(-30).join('\n');
  }

  private signal(signal: NodeJS.Signals): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      child.once('exit', () => resolve());
      child.kill(signal);
    });
  }
}

/** One signature the client posted, and whether the server acknowledged it (2xx). */
export interface PostedSignature {
  email: string;
  idempotencyKey: string;
  acknowledged: boolean;
  /** Tries it took (a lost answer is retried with the same key). */
  tries: number;
}

/** The form fields of signature `i` of a run tagged `tag` (unique address and idempotency key). */
export function signatureBody(tag: string, i: number, challenge: Record<string, string>): string {
  return new URLSearchParams({
    name: `Signer ${i}`,
    email: `${tag}-${i}@example.net`,
    postcode: '78701',
    consent_campaign: 'yes',
    website: '',
    lang: 'en',
    idempotency_key: `${tag}-key-${i}`,
    ...challenge,
  }).toString();
}

/** Headers a browser sends with the form from our own page. */
export const formHeaders = {
  'content-type': 'application/x-www-form-urlencoded',
  'sec-fetch-site': 'same-origin',
};

/**
 * Posts one signature (a fresh challenge each try); retries a connection error or a 5xx with the same
 * idempotency key until the server answers 2xx or `giveUpMs` has passed. Any other answer throws.
 */
export async function signWithRetry(
  baseUrl: () => string,
  slug: string,
  tag: string,
  i: number,
  giveUpMs = 90_000,
): Promise<PostedSignature> {
  const until = Date.now() + giveUpMs;
  const posted: PostedSignature = {
    email: `${tag}-${i}@example.net`,
    idempotencyKey: `${tag}-key-${i}`,
    acknowledged: false,
    tries: 0,
  };
  let last = '';
  while (Date.now() < until) {
    posted.tries += 1;
    let status = 0;
    try {
      const challenge = await challengeFields(baseUrl(), slug);
      const res = await fetch(`${baseUrl()}/act/${slug}/sign`, {
        method: 'POST',
        headers: formHeaders,
        body: signatureBody(tag, i, challenge),
      });
      await res.arrayBuffer();
      status = res.status;
    } catch (err) {
      // The server is down or was killed while answering: try again.
      last = err instanceof Error ? err.message : String(err);
    }
    if (status >= 200 && status < 300) {
      posted.acknowledged = true;
      return posted;
    }
    if (status !== 0) last = `HTTP ${status}`;
    if (status !== 0 && status < 500) throw new Error(`signature ${i} answered ${status}`);
    await new Promise((resolve) => setTimeout(resolve, 15));
  }
  throw new Error(`signature ${i} not acknowledged after ${posted.tries} tries (last: ${last})`);
}

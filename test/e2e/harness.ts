/**
 * What the browser tests share: a real lawgap server on a loopback port with its own SQLite data dir and a
 * mailer that keeps messages in memory, and Debian's Chromium driven by playwright-core. Without a browser
 * the suites are skipped with a message, unless REQUIRE_BROWSER=1 makes that a failure.
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { type Config, loadConfig } from '../../src/config.ts';
import { buildApp } from '../../src/server/app.ts';
import { issueSetupToken } from '../../src/services/accounts.ts';
import { prepareDatabase } from '../../src/services/bootstrap.ts';
import type { MailMessage } from '../../src/services/mailer.ts';
import { createStore, type Store } from '../../src/store/db.ts';

/** Where Debian installs Chromium (override with CHROMIUM_PATH). */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Whether the browser tests can run; throws when REQUIRE_BROWSER=1 and Chromium is missing. */
export function browserAvailable(): boolean {
  if (fs.existsSync(chromiumPath)) return true;
  const missing = `Chromium not found at ${chromiumPath}`;
  if (process.env.REQUIRE_BROWSER === '1') throw new Error(`REQUIRE_BROWSER=1 but ${missing}`);
  console.warn(`${missing}: skipping the browser tests (install it with apt-get install chromium)`);
  return false;
}

/** Launches headless Chromium. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

function freePort(): Promise<number> {
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

/** A running test server. */
export interface TestServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** The first-run setup token (null once someone has completed setup). */
  setupToken: string | null;
  /** Every mail the server "sent", oldest first. */
  mails: MailMessage[];
  /** The mailer that records them (for services a test runs itself, as the CLI would). */
  mailer: { send(message: MailMessage): Promise<void> };
  /** The server's store and config, for tests that import or dispatch through the services directly. */
  store: Store;
  config: Readonly<Config>;
  close(): Promise<void>;
}

/** Starts the app on a free loopback port with a fresh SQLite data dir (`env` adds configuration). */
export async function startServer(env: Record<string, string> = {}): Promise<TestServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lawgap-e2e-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const config = loadConfig({ LAWGAP_DATA_DIR: dataDir, PORT: String(port), PUBLIC_URL: url, ...env });
  const store = createStore({ databaseUrl: null, dataDir });
  await prepareDatabase(store.db);
  const mails: MailMessage[] = [];
  const mailer = {
    async send(message: MailMessage) {
      mails.push(message);
    },
  };
  const app = await buildApp({ store, config, mailer, routes: [] });
  await app.listen({ port, host: '127.0.0.1' });
  const setupToken = await issueSetupToken(store.db);
  return {
    url,
    setupToken,
    mails,
    mailer,
    store,
    config,
    async close() {
      await app.close();
      await store.destroy();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A page that records the URL of every request it makes. */
export interface TrackedPage {
  context: BrowserContext;
  page: Page;
  requests: string[];
}

/** Opens a fresh browser context (own cookies and storage) and a page in it. */
export async function openPage(browser: Browser, locale = 'en-US'): Promise<TrackedPage> {
  const context = await browser.newContext({ locale, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('pageerror', (err) => console.error(`page error: ${err.message}`));
  return { context, page, requests };
}

/** Asserts that every request went to our own origin: no CDN, font, tile or analytics calls. */
export function expectOnlyOwnOrigin(requests: readonly string[], origin: string): void {
  expect(requests.length).toBeGreaterThan(0);
  const foreign = requests.filter((u) => new URL(u).origin !== origin);
  expect(foreign).toEqual([]);
}

/** Runs axe with the WCAG 2.0-2.2 A and AA rules and asserts there are no violations. */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  const summary = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).join('\n    ')}`,
  );
  expect(summary, `axe violations on ${what}`).toEqual([]);
}

/** Waits until a mail to `to` has arrived and returns the link in it. */
export async function linkFromMail(mails: readonly MailMessage[], to: string): Promise<string> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const mail = [...mails].reverse().find((m) => m.to === to);
    const link = mail?.text.match(/https?:\/\/\S+/)?.[0];
    if (link) return link;
    if (Date.now() > deadline) throw new Error(`no mail with a link arrived for ${to}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The first administrator every suite creates through setup. */
export const admin = {
  email: 'ana@example.org',
  password: 'correct horse battery staple',
  displayName: 'Ana Admin',
  organizationName: 'Freedom Network',
};

/** Completes first-run setup through the API (for suites that test something else). */
export async function setupThroughApi(server: TestServer): Promise<void> {
  const response = await fetch(`${server.url}/api/v1/setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token: server.setupToken, ...admin }),
  });
  if (response.status !== 201) throw new Error(`setup failed: ${response.status} ${await response.text()}`);
}

/** Signs in through the sign-in page and waits for the workspace home. */
export async function signIn(page: Page, url: string, email: string, password: string): Promise<void> {
  await page.goto(`${url}/app/sign-in`);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: 'Workspace' }).waitFor();
}

/** Calls the API from the page with the session cookie and CSRF token. */
export async function apiFromPage<T>(page: Page, method: string, path: string, body?: unknown): Promise<T> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const session = await (await fetch('/api/v1/session')).json();
      const response = await fetch(path, {
        method,
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
      return response.json();
    },
    { method, path, body },
  ) as Promise<T>;
}

/** The live handles of a browser suite, filled in by the hooks `useBrowserSuite` registers. */
export interface BrowserSuite {
  server: TestServer;
  browser: Browser;
  tab: TrackedPage;
}

/**
 * Registers the hooks every browser suite shares: a server and Chromium, one open page, and (unless
 * `signedIn: false`) setup through the API and the administrator signed in; both are closed after the suite.
 * `beforeSignIn` runs on the page first (listeners that must see the sign-in too).
 */
export function useBrowserSuite(
  options: { signedIn?: boolean; beforeSignIn?(tab: TrackedPage): Promise<void> | void } = {},
): BrowserSuite {
  // Filled in by beforeAll before any test reads it; the tests only run after that.
  const suite = {} as BrowserSuite;
  beforeAll(async () => {
    [suite.server, suite.browser] = await Promise.all([startServer(), launchBrowser()]);
    suite.tab = await openPage(suite.browser);
    if (options.signedIn === false) return;
    await setupThroughApi(suite.server);
    await options.beforeSignIn?.(suite.tab);
    await signIn(suite.tab.page, suite.server.url, admin.email, admin.password);
  });
  afterAll(async () => {
    await suite.browser?.close();
    await suite.server?.close();
  });
  return suite;
}

/**
 * Alerts end to end: a signed-in person follows a bill, a new action for it is imported through the service,
 * fan-out runs, and the feed on /alerts shows the action (marked new until marked seen); the alert mail carries
 * one-click unsubscribe headers. Then the webhooks page (secret shown once), and the public email-alert pages
 * with JavaScript switched off. Every page axe-clean. Bills are the invented fixtures.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fanOut } from '../../src/services/alert-dispatch.ts';
import { importBills } from '../../src/services/bills.ts';
import { cliActor } from '../../src/services/context.ts';
import { sendDueDigests } from '../../src/services/email-digests.ts';
import { loadFieldKey } from '../../src/services/field-crypto.ts';
import type { MailMessage } from '../../src/services/mailer.ts';
import { getBill } from '../../src/store/bills.repo.ts';
import { fixtureFile, hb4021, hb4021Import } from '../bill-fixtures.ts';
import {
  admin,
  apiFromPage,
  browserAvailable,
  expectAccessible,
  expectOnlyOwnOrigin,
  launchBrowser,
  openPage,
  setupThroughApi,
  signIn,
  startServer,
  type TestServer,
  type TrackedPage,
} from './harness.ts';

/** HB 4021 with one more action, as the next scrape would bring it. */
function withNewAction(description: string) {
  const file = fixtureFile('bills/openstates/scrape-hb-4021.json');
  const bill = JSON.parse(file.content) as { actions: Record<string, unknown>[] };
  bill.actions.push({
    organization_id: '~{"classification": "lower"}',
    date: '2091-04-02',
    description,
    classification: ['reading-2'],
    related_entities: [],
  });
  return { ...hb4021Import, files: [fixtureFile(file.name, JSON.stringify(bill))] };
}

describe.runIf(browserAvailable())('alerts in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let tab: TrackedPage;
  let billId: string;

  beforeAll(async () => {
    [server, browser] = await Promise.all([
      startServer({ ALLOW_PRIVATE_WEBHOOK_HOSTS: '1' }),
      launchBrowser(),
    ]);
    tab = await openPage(browser);
    await setupThroughApi(server);
    await signIn(tab.page, server.url, admin.email, admin.password);
    await importBills({ db: server.store.db, actor: cliActor }, hb4021Import);
    billId = (await getBill(server.store.db, hb4021))?.id ?? '';
    // Events of the first import are not what this test is about.
    await fanOut({ db: server.store.db });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows a new action of a followed bill in the feed, marked new until seen', async () => {
    const { page } = tab;
    await apiFromPage(page, 'POST', '/api/v1/follows', {
      kind: 'bill',
      id: billId,
      emailFrequency: 'immediate',
    });
    await page.goto(`${server.url}/app/alerts`);
    await page.getByRole('heading', { level: 1, name: 'Alerts' }).waitFor();
    // The bill's earlier history is in the feed too: mark it seen first.
    await page.getByRole('button', { name: 'Mark all as seen' }).click();
    await page.getByText('New since your last visit: 0').waitFor();

    await importBills(
      { db: server.store.db, actor: cliActor },
      withNewAction('Reported favorably as substituted'),
    );
    const fanned = await fanOut({ db: server.store.db });
    expect(fanned.events).toBeGreaterThanOrEqual(1);
    expect(fanned.emails).toBeGreaterThanOrEqual(1);

    await page.reload();
    await page.getByText('New since your last visit: 1').waitFor();
    const item = page
      .getByRole('listitem')
      .filter({ hasText: 'New action: Reported favorably as substituted' });
    await item.getByText('New', { exact: true }).waitFor();
    expect(await item.getByRole('link', { name: /HB 4021/ }).getAttribute('href')).toBe(
      `/app/bills/${billId}`,
    );
    const follows = page.getByRole('table', { name: 'What you follow' });
    await follows.getByRole('row', { name: new RegExp(billId) }).waitFor();
    await expectAccessible(page, 'the alerts feed with an unseen change and a follow');

    await page.getByRole('button', { name: 'Mark all as seen' }).click();
    await page.getByText('Marked as seen.').waitFor();
    await page.getByText('New since your last visit: 0').waitFor();
    await page.getByLabel(`Email ${billId}`).selectOption('daily');
    await page.getByText('Email preference saved.').waitFor();
    await page.reload();
    await page.getByText('New since your last visit: 0').waitFor();
    expect(await page.getByLabel(`Email ${billId}`).inputValue()).toBe('daily');
    expectOnlyOwnOrigin(tab.requests, server.url);
  }, 120_000);

  it('mails the change with a one-click unsubscribe link', async () => {
    const run = await sendDueDigests(
      { db: server.store.db },
      { mailer: server.mailer, publicUrl: server.url, fieldKey: loadFieldKey(server.config) },
    );
    expect(run.mailsSent).toBe(1);
    const mail = server.mails.find((m) => m.to === admin.email && m.headers?.['List-Unsubscribe']);
    expect(mail?.text).toContain('New action: Reported favorably as substituted');
    expect(mail?.headers?.['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    const link = mail?.headers?.['List-Unsubscribe']?.slice(1, -1) ?? '';
    await tab.page.goto(link);
    await tab.page.getByRole('button', { name: 'Stop these alerts' }).waitFor();
    await expectAccessible(tab.page, 'the unsubscribe page');
  });

  it('adds a webhook endpoint (secret shown once), tests it, redelivers, disables and deletes it', async () => {
    const { page } = tab;
    await page.goto(`${server.url}/app/webhooks`);
    await page.getByRole('heading', { level: 1, name: 'Webhooks' }).waitFor();
    await page.getByLabel('URL (https)').fill('http://127.0.0.1:9/lawgap');
    await page.getByLabel('Description').fill('Coalition tracker');
    await page.getByLabel('bill.action_added').check();
    await page.getByRole('button', { name: 'Add endpoint' }).click();
    const secret = page.getByLabel('Signing secret');
    await secret.waitFor();
    expect(await secret.inputValue()).toMatch(/^whsec_/);
    await page.getByRole('heading', { level: 3, name: 'http://127.0.0.1:9/lawgap' }).waitFor();
    await expectAccessible(page, 'the webhooks page with a new endpoint and its secret');
    const url = 'http://127.0.0.1:9/lawgap';
    // Nothing listens on port 9: the test message fails at once, and says so.
    await page.getByRole('button', { name: `Send a test event ${url}` }).click();
    await page.getByText(`Test message sent to ${url}:`).waitFor();

    // A change the endpoint wants: a delivery appears in its log, and can be sent again.
    await importBills({ db: server.store.db, actor: cliActor }, withNewAction('Placed on the calendar'));
    expect((await fanOut({ db: server.store.db })).deliveries).toBe(1);
    await page.getByRole('button', { name: `Delivery log ${url}` }).click();
    const log = page.getByRole('table', { name: `Deliveries to ${url}` });
    const row = log.getByRole('row', { name: /bill\.action_added/ });
    await row.waitFor();
    expect(await row.textContent()).toContain('pending');
    await expectAccessible(page, 'the webhooks page with a delivery log');
    await row.getByRole('button', { name: /Redeliver/ }).click();
    await page.getByText('Sent again.').waitFor();
    await expect.poll(() => row.textContent()).toContain('1');

    await page.getByRole('button', { name: `Disable ${url}` }).click();
    await page.getByRole('button', { name: `Enable ${url}` }).waitFor();
    await page.reload();
    expect(await page.getByLabel('Signing secret').count()).toBe(0);
    await expectAccessible(page, 'the webhooks page');
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: `Delete ${url}` }).click();
    await page.getByText('No endpoint yet.').waitFor();
  });

  it('lets a person without an account follow a bill by email, with JavaScript off', async () => {
    // (The browser's own form validation asks for the address and the consent; the server's checks are in
    // test/server/follow-pages.test.ts.)
    const context = await browser.newContext({ javaScriptEnabled: false, locale: 'en-US' });
    const page = await context.newPage();
    const followUrl = `${server.url}/follow?bill=${encodeURIComponent(hb4021)}`;
    try {
      await page.goto(followUrl);
      await page.getByRole('heading', { level: 1, name: 'Email alerts' }).waitFor();
      await page.getByLabel('Your email address').fill('visitor@example.net');
      await page.getByLabel('A daily digest').check();
      await page.getByRole('checkbox').check();
      await page.getByRole('button', { name: 'Send me a confirmation email' }).click();
      await page.getByRole('heading', { level: 1, name: 'Check your mailbox' }).waitFor();
      const deadline = Date.now() + 5000;
      let mail: MailMessage | undefined;
      while (!mail && Date.now() < deadline) {
        mail = server.mails.find((m) => m.to === 'visitor@example.net');
        if (!mail) await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const link = mail?.text.match(/https?:\/\/\S+\/follow\/confirm\?token=\S+/)?.[0] ?? '';
      await page.goto(link);
      await page.getByRole('button', { name: 'Confirm' }).click();
      await page.getByRole('heading', { level: 1, name: 'Alerts confirmed' }).waitFor();
      const row = await server.store.db.selectFrom('email_subscriptions').selectAll().executeTakeFirst();
      expect(row?.status).toBe('active');
      expect(JSON.stringify(row)).not.toContain('visitor');

      // The same pages pass axe (which needs JavaScript to run, so in the scripted tab).
      await tab.page.goto(followUrl);
      await expectAccessible(tab.page, 'the public follow form');
      await tab.page.goto(link);
      await tab.page.getByRole('heading', { level: 1, name: 'This link does not work' }).waitFor();
      await expectAccessible(tab.page, 'a used confirmation link');
      await tab.page.goto(
        `${server.url}/follow?jurisdiction=${encodeURIComponent('ocd-division/country:us/state:tx')}&lang=fr`,
      );
      await tab.page.getByRole('heading', { level: 1, name: 'Alertes par courriel' }).waitFor();
      await expectAccessible(tab.page, 'the public follow form in French');
    } finally {
      await context.close();
    }
  });

  it('follows and unfollows from the bill page, and offers signed-out visitors sign-in and email', async () => {
    const { page } = tab;
    await page.goto(`${server.url}/app/bills/${billId}`);
    const following = page.getByRole('button', { name: 'Following HB 4021' });
    await following.waitFor();
    expect(await following.getAttribute('aria-pressed')).toBe('true');
    expect(await page.getByLabel('Email', { exact: true }).inputValue()).toBe('daily');
    await following.click();
    await page.getByText('No longer followed.').waitFor();
    const follow = page.getByRole('button', { name: 'Follow HB 4021' });
    expect(await follow.getAttribute('aria-pressed')).toBe('false');
    await follow.click();
    await page.getByText('Followed. Its changes appear under Alerts.').waitFor();
    await page.getByLabel('Email', { exact: true }).selectOption('immediate');
    await page.getByText('Email preference saved.').waitFor();
    const mine = await apiFromPage<{ kind: string; targetId: string; emailFrequency: string }[]>(
      page,
      'GET',
      '/api/v1/follows',
    );
    expect(mine).toEqual([
      expect.objectContaining({ kind: 'bill', targetId: billId, emailFrequency: 'immediate' }),
    ]);

    const visitor = await openPage(browser);
    try {
      await visitor.page.goto(`${server.url}/app/bills/${billId}`);
      await visitor.page.getByRole('link', { name: 'Sign in to follow' }).waitFor();
      const email = visitor.page.getByRole('link', { name: 'Get email alerts without an account' });
      expect(await email.getAttribute('href')).toBe(`/follow?bill=${billId}`);
    } finally {
      await visitor.context.close();
    }
  });
});

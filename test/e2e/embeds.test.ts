/**
 * Embeds in Chromium: a partner page served from ANOTHER loopback origin frames the petition embed and the
 * report card badge; both render, and signing works inside the frame with JavaScript off (the signature is
 * recorded for the partner named in the snippet). A non-embed page in a frame is refused by the browser. The
 * embed pages (petition, letter, call, badge, gaps, map) pass axe. The fixture law is in force from 2030, so
 * the server's clock is set to `portalDate`.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { setPartner } from '../../src/services/campaigns.ts';
import { cliActor } from '../../src/services/context.ts';
import { insertOrganization } from '../../src/store/accounts.repo.ts';
import { iceland } from '../coding-fixtures.ts';
import { seedActions, seedDistricts } from '../letter-action-helpers.ts';
import { seedPetition } from '../petition-helpers.ts';
import {
  admin,
  browserAvailable,
  expectAccessible,
  openPage,
  setupThroughApi,
  signIn,
  type TestServer,
} from './harness.ts';
import { startPortalBrowser } from './portal-harness.ts';

describe.runIf(browserAvailable())('embeds on a partner site in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let partnerSite: http.Server;
  let partnerUrl: string;
  let slug: string;
  let petitionId: string;
  let partnerOrgId: string;
  let actions: Awaited<ReturnType<typeof seedActions>>;

  beforeAll(async () => {
    ({ server, browser } = await startPortalBrowser());
    const db = server.store.db;
    await insertOrganization(db, 'Coalition A', 'coalition-a');
    partnerOrgId = (await insertOrganization(db, 'Partner B', 'partner-b')).id;
    await seedDistricts(db);
    const seeded = await seedPetition(db, 'coalition-a');
    slug = seeded.petition.slug;
    petitionId = seeded.petition.id;
    actions = await seedActions(db, 'coalition-a');
    await setPartner({ db, actor: cliActor }, seeded.campaign.id, {
      organization: 'coalition-a',
      partner: 'partner-b',
      role: 'viewer',
    });
    // The partner's site: another origin on loopback, serving plain pages with our snippets.
    partnerSite = http.createServer((req, res) => {
      const frames =
        req.url === '/refused'
          ? `<iframe name="plain" title="Petition" src="${server.url}/act/${slug}" width="600" height="600"></iframe>`
          : `<iframe name="petition" title="Petition" src="${server.url}/embed/act/${slug}?partner=partner-b" width="600" height="900"></iframe>
<iframe name="badge" title="Report card badge" src="${server.url}/embed/jurisdictions/${iceland}/badge" width="400" height="240"></iframe>`;
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Partner B</title></head><body><main><h1>Partner B supports the campaign</h1>${frames}</main></body></html>`,
      );
    });
    await new Promise<void>((resolve) => partnerSite.listen(0, '127.0.0.1', resolve));
    partnerUrl = `http://127.0.0.1:${(partnerSite.address() as AddressInfo).port}`;
    expect(new URL(partnerUrl).origin).not.toBe(new URL(server.url).origin);
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => partnerSite?.close(resolve));
    await server?.close();
    vi.useRealTimers();
  });

  it('renders the petition and the badge inside the partner page and signs in the frame with JavaScript off', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, locale: 'en-US' });
    try {
      const page = await context.newPage();
      await page.goto(`${partnerUrl}/`);
      const petition = page.frameLocator('iframe[name="petition"]');
      await petition.getByRole('heading', { level: 1, name: 'Close the consent gap now' }).waitFor();
      const badge = page.frameLocator('iframe[name="badge"]');
      await badge.getByRole('heading', { level: 1 }).waitFor();
      expect(
        await badge.getByRole('link', { name: 'Read the full report card' }).getAttribute('target'),
      ).toBe('_top');

      await petition.getByLabel('Your name').fill('Rosa Framed');
      await petition.getByLabel('Your email address').fill('rosa.framed@example.net');
      await petition.getByLabel(/Add my signature to this petition/).check();
      await petition.getByRole('button', { name: 'Sign' }).click();
      await petition.getByRole('heading', { level: 1, name: 'Check your email' }).waitFor();
      // The partner page itself stayed where it was.
      expect(page.url()).toBe(`${partnerUrl}/`);
      const row = await server.store.db
        .selectFrom('petition_signatures')
        .select(['partner_org_id', 'challenge'])
        .where('petition_id', '=', petitionId)
        .executeTakeFirstOrThrow();
      expect(row).toEqual({ partner_org_id: partnerOrgId, challenge: 'none' });
    } finally {
      await context.close();
    }
  }, 90_000);

  it('refuses to show a page that is not an embed inside the partner page', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, locale: 'en-US' });
    try {
      const page = await context.newPage();
      const refused = page.waitForResponse((r) => r.url() === `${server.url}/act/${slug}`);
      await page.goto(`${partnerUrl}/refused`);
      const response = await refused;
      expect(response.headers()['x-frame-options']).toBe('DENY');
      await page.getByRole('heading', { level: 1, name: 'Partner B supports the campaign' }).waitFor();
      await page.waitForLoadState('load');
      // The browser replaced the refused page with its own error page: none of our content is in the frame.
      const children = page.frames().filter((f) => f !== page.mainFrame());
      expect(children.map((f) => f.url())).not.toContain(`${server.url}/act/${slug}`);
      expect(
        await page
          .frameLocator('iframe[name="plain"]')
          .getByRole('heading', { name: 'Close the consent gap now' })
          .count(),
      ).toBe(0);
    } finally {
      await context.close();
    }
  }, 60_000);

  it('generates the snippet with a partner code and shows the counts on the workspace campaign page', async () => {
    await setupThroughApi(server);
    const db = server.store.db;
    const own = await seedPetition(db, 'freedom-network');
    await setPartner({ db, actor: cliActor }, own.campaign.id, {
      organization: 'freedom-network',
      partner: 'partner-b',
      role: 'viewer',
    });
    const tab = await openPage(browser);
    try {
      await signIn(tab.page, server.url, admin.email, admin.password);
      await tab.page.goto(`${server.url}/app/campaigns/${own.campaign.id}`);
      await tab.page.getByRole('heading', { level: 2, name: 'Embeds and partners' }).waitFor();
      await tab.page.getByLabel('Partner', { exact: true }).selectOption('partner-b');
      const snippet = await tab.page.getByLabel('Snippet to copy').inputValue();
      expect(snippet).toContain(`${server.url}/embed/act/${own.petition.slug}?partner=partner-b&amp;lang=en`);
      await tab.page.getByRole('table', { name: 'Actions per partner' }).getByText('Partner B').waitFor();
      // axe on this section only: the rest of the campaign page belongs to other suites.
      const results = await new AxeBuilder({ page: tab.page })
        .include('section[aria-labelledby="embeds"]')
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
        .analyze();
      expect(
        results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
      ).toEqual([]);
    } finally {
      await tab.context.close();
    }
  }, 90_000);

  it('passes axe on every embed page', async () => {
    const tab = await openPage(browser);
    try {
      const pages: Array<[string, string]> = [
        [`/embed/act/${slug}?partner=partner-b`, 'the petition embed'],
        [`/embed/act/${slug}?lang=es`, 'the petition embed in Spanish'],
        [`/embed/act/${actions.letterAction.slug}/letter`, 'the letter embed'],
        [`/embed/act/${actions.callAction.slug}/call?lang=fr`, 'the call embed in French'],
        [`/embed/jurisdictions/${iceland}/badge`, 'the badge'],
        [`/embed/jurisdictions/${iceland}/gaps?lang=es`, 'the gap list'],
        ['/embed/map', 'the map'],
      ];
      for (const [path, what] of pages) {
        await tab.page.goto(`${server.url}${path}`);
        await tab.page.getByRole('heading', { level: 1 }).first().waitFor();
        await expectAccessible(tab.page, what);
      }
      expect(tab.requests.filter((u) => new URL(u).origin !== server.url)).toEqual([]);
    } finally {
      await tab.context.close();
    }
  }, 120_000);
});

/**
 * axe (WCAG 2.0–2.2, levels A and AA) finds no violations on the pages people meet first, signed out and
 * signed in, and every page loads only from our own origin.
 */
import { describe, expect, it } from 'vitest';
import {
  admin,
  browserAvailable,
  expectAccessible,
  expectOnlyOwnOrigin,
  setupThroughApi,
  signIn,
  useBrowserSuite,
} from './harness.ts';

describe.runIf(browserAvailable())('accessibility (axe) in Chromium', () => {
  const suite = useBrowserSuite({ signedIn: false });

  it('landing page', async () => {
    await suite.tab.page.goto(`${suite.server.url}/`);
    await suite.tab.page.getByRole('heading', { level: 1 }).waitFor();
    await expectAccessible(suite.tab.page, 'the landing page');
    // Its call to action opens the workspace at /app/ (the sign-in page while signed out).
    await suite.tab.page.getByRole('link', { name: 'Sign in to the workspace' }).click();
    await suite.tab.page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
  });

  it('setup page', async () => {
    await suite.tab.page.goto(`${suite.server.url}/app/setup#token=${suite.server.setupToken}`);
    await suite.tab.page.getByLabel('Organization name').waitFor();
    await expectAccessible(suite.tab.page, 'the setup page');
    await setupThroughApi(suite.server);
  });

  it('sign-in page, also with an error shown', async () => {
    const { page } = suite.tab;
    await page.goto(`${suite.server.url}/app/sign-in`);
    await page.getByLabel('Email address').waitFor();
    await expectAccessible(page, 'the sign-in page');
    await page.getByLabel('Email address').fill(admin.email);
    await page.getByLabel('Password', { exact: true }).fill('wrong password entirely');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('.message-error').waitFor();
    await expectAccessible(page, 'the sign-in page with an error');
  });

  it('reset-password page', async () => {
    await suite.tab.page.goto(`${suite.server.url}/app/reset-password`);
    await suite.tab.page.getByLabel('Email address').waitFor();
    await expectAccessible(suite.tab.page, 'the reset-password page');
  });

  it('framework page, signed out, in English and in French', async () => {
    const { page } = suite.tab;
    await page.goto(`${suite.server.url}/app/framework`);
    await page.getByRole('article', { name: /CR-01/ }).waitFor();
    await expectAccessible(page, 'the framework page');
    await page.getByRole('button', { name: 'Français' }).click();
    await page.getByRole('heading', { level: 1, name: 'Cadre d’indicateurs' }).waitFor();
    await expectAccessible(page, 'the framework page in French');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Indicator framework' }).waitFor();
  });

  it('jurisdictions page: world and US states', async () => {
    const { page } = suite.tab;
    await page.goto(`${suite.server.url}/app/jurisdictions`);
    await page.getByRole('img', { name: /World map/ }).waitFor();
    await page.getByRole('table', { name: /Countries/ }).waitFor();
    await expectAccessible(page, 'the jurisdictions page');
    await page.goto(
      `${suite.server.url}/app/jurisdictions?parent=${encodeURIComponent('ocd-division/country:us')}`,
    );
    await page.getByRole('img', { name: /Map of the states/ }).waitFor();
    await page.getByRole('row', { name: /Texas/ }).waitFor();
    await expectAccessible(page, 'the US states page');
  });

  it('signed-in pages: home, members admin, API tokens, users', async () => {
    const { page, requests } = suite.tab;
    await signIn(page, suite.server.url, admin.email, admin.password);
    await expectAccessible(page, 'the workspace home');
    await page.getByRole('link', { name: 'Members' }).first().click();
    await page
      .getByRole('table', { name: /Members/ })
      .getByRole('row', { name: new RegExp(admin.displayName) })
      .waitFor();
    await expectAccessible(page, 'the members page');
    await page.getByRole('link', { name: 'API tokens' }).click();
    await page.getByLabel('Token name').waitFor();
    await expectAccessible(page, 'the API tokens page');
    await page.getByRole('link', { name: 'Users' }).click();
    await page.getByRole('table', { name: /Users/ }).waitFor();
    await expectAccessible(page, 'the users page');
    expectOnlyOwnOrigin(requests, suite.server.url);
    expect(requests.some((u) => u.includes('/app/assets/'))).toBe(true);
  });
});

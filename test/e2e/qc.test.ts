/**
 * Quality control end to end: two coders code the same variable of a fictional statute differently, a
 * reviewer reconciles it with a reason and publishes it, and the report card and gap report change.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  apiFromPage,
  browserAvailable,
  expectAccessible,
  expectOnlyOwnOrigin,
  linkFromMail,
  openPage,
  signIn,
  type TrackedPage,
  useBrowserSuite,
} from './harness.ts';

const jurisdiction = 'ocd-division/country:nz';
const statute = [
  'Fictional Exploitation Act',
  'Section 1. Offence',
  'Whoever commits trafficking in persons shall be punished by imprisonment of up to twelve years.',
].join('\n');
const quote = 'Whoever commits trafficking in persons shall be punished';
const password = 'correct horse battery staple';
const people = {
  coderA: { email: 'cora@example.org', displayName: 'Cora Coder', role: 'analyst' },
  coderB: { email: 'ben@example.org', displayName: 'Ben Coder', role: 'analyst' },
  reviewer: { email: 'rita@example.org', displayName: 'Rita Reviewer', role: 'reviewer' },
} as const;

describe.runIf(browserAvailable())('quality control in Chromium', () => {
  const suite = useBrowserSuite();
  const tabs: TrackedPage[] = [];
  let batchPath = '';

  /** A fresh browser context signed in as one of the invited people. */
  async function signedIn(email: string): Promise<TrackedPage> {
    const tab = await openPage(suite.browser);
    tabs.push(tab);
    await signIn(tab.page, suite.server.url, email, password);
    return tab;
  }

  beforeAll(async () => {
    tabs.push(suite.tab);
    for (const person of Object.values(people)) {
      await apiFromPage(suite.tab.page, 'POST', '/api/v1/organizations/current/invitations', {
        email: person.email,
        role: person.role,
      });
      const link = await linkFromMail(suite.server.mails, person.email);
      const token = new URLSearchParams(new URL(link).hash.slice(1)).get('token');
      const accepted = await fetch(`${suite.server.url}/api/v1/invitations/accept`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ token, displayName: person.displayName, password }),
      });
      if (!accepted.ok) throw new Error(`accept failed: ${accepted.status} ${await accepted.text()}`);
    }
    await apiFromPage(suite.tab.page, 'POST', '/api/v1/laws/import', {
      jurisdictionId: jurisdiction,
      format: 'text',
      content: statute,
      citation: 'Fictional Act 2021 No 3',
      effectiveFrom: '2021-01-01',
    });
  });

  it('shows the gap report before coding, then creates a batch in the interface', async () => {
    const { page } = suite.tab;
    await page.goto(`${suite.server.url}/app/jurisdictions`);
    await page.getByLabel('Filter by name').fill('New Zealand');
    await page.getByRole('link', { name: /Gap report/ }).click();
    await page.getByRole('heading', { level: 1, name: /Gap report: New Zealand/ }).waitFor();
    await page.getByRole('heading', { level: 2, name: /Not coded yet/ }).waitFor();
    expect(await page.locator('.not-coded').textContent()).toContain('CR-01');
    const markdown = page.getByRole('link', { name: 'Download Markdown' });
    expect(await markdown.getAttribute('href')).toContain('format=md');
    const md = await fetch(`${suite.server.url}${await markdown.getAttribute('href')}`);
    expect(md.headers.get('content-type')).toContain('text/markdown');
    await expectAccessible(page, 'the gap report');

    await page.getByRole('link', { name: 'Quality control' }).click();
    await page.getByRole('heading', { level: 1, name: 'Quality control' }).waitFor();
    await page.getByLabel('Name', { exact: true }).fill('New Zealand criminalization');
    await page.getByLabel('Jurisdictions (OCD ids)').fill(jurisdiction);
    await page.getByLabel('Indicators', { exact: true }).fill('CR-01');
    await page.getByLabel('Email address of the first coder').fill(people.coderA.email);
    await page.getByLabel('Email address of the second coder').fill(people.coderB.email);
    await expectAccessible(page, 'the QC page with its form');
    await page.getByRole('button', { name: 'Create the batch' }).click();
    await page
      .getByRole('heading', { level: 1, name: 'Coding batch: New Zealand criminalization' })
      .waitFor();
    await page.getByText('every variable').waitFor();
    batchPath = new URL(page.url()).pathname;
    await page.goto(`${suite.server.url}/app/qc`);
    await page.getByRole('link', { name: 'New Zealand criminalization' }).waitFor();
    await expectAccessible(page, 'the QC batch list');
  });

  it('lets each coder code the variable on their own, and they differ', async () => {
    const coderA = await signedIn(people.coderA.email);
    await coderA.page.goto(`${suite.server.url}${batchPath}`);
    await coderA.page.getByRole('heading', { level: 2, name: 'Variables to code' }).waitFor();
    await coderA.page.getByLabel('Answer', { exact: true }).selectOption('Y');
    const provision = coderA.page.getByLabel('Provision cited');
    await expect.poll(() => provision.locator('option').count()).toBeGreaterThan(1);
    const value = await provision.locator('option', { hasText: 'Offence' }).getAttribute('value');
    await provision.selectOption(value ?? '');
    await coderA.page.getByLabel('Evidence quote').fill(quote);
    await expectAccessible(coderA.page, 'the QC coding form');
    await coderA.page.getByRole('button', { name: 'Submit my coding' }).click();
    await coderA.page.getByText('CR-01 = Y saved; waiting for the other coder.').waitFor();
    // The work list comes from the coder's own assignments: once coded, the form is gone for good.
    await coderA.page.reload();
    await coderA.page.getByText('You have coded every variable assigned to you.').waitFor();
    await coderA.page.getByText('coded by you', { exact: true }).waitFor();
    expect(await coderA.page.getByRole('button', { name: 'Submit my coding' }).count()).toBe(0);

    const coderB = await signedIn(people.coderB.email);
    await coderB.page.goto(`${suite.server.url}${batchPath}`);
    await coderB.page.getByText('1 of your 1 variables left to code.').waitFor();
    await coderB.page.getByLabel('Answer', { exact: true }).selectOption('N');
    await coderB.page.getByLabel('Valid from').fill('2021-01-01');
    await coderB.page.getByRole('button', { name: 'Submit my coding' }).click();
    await coderB.page.getByText(/the coders differ/).waitFor();
    // A coder cannot reconcile their own batch.
    await coderB.page.getByText('You coded this batch, so another reviewer must reconcile it.').waitFor();
  });

  it('lets a reviewer reconcile with a reason and publish; the report card and gap report change', async () => {
    const reviewer = await signedIn(people.reviewer.email);
    const { page } = reviewer;
    await page.goto(`${suite.server.url}${batchPath}`);
    const divergence = page.locator('li.divergence');
    await divergence.getByText(people.coderA.displayName).waitFor();
    await divergence.getByText(people.coderB.displayName).waitFor();
    await divergence.locator('blockquote').filter({ hasText: quote }).waitFor();
    expect(await divergence.locator('blockquote').first().getAttribute('lang')).toBe('en');
    await expectAccessible(page, 'the divergence side by side');

    await divergence.getByLabel('Reconciled answer').selectOption('Y');
    await divergence.getByRole('button', { name: 'Reconcile' }).click();
    await divergence.getByText('Give the reason for the choice.').waitFor();
    await divergence.getByLabel('Reason (required)').fill('Section 1 makes trafficking an offence.');
    await divergence.getByRole('button', { name: 'Reconcile' }).click();
    await divergence.getByText('Reconciled as Y: Section 1 makes trafficking an offence.').waitFor();
    await page
      .getByText(/0 divergences open/)
      .first()
      .waitFor();

    // Publish from the report card, counting reviewed answers.
    await divergence.getByRole('link', { name: 'Report card' }).click();
    await page.getByRole('heading', { level: 1, name: /Report card: New Zealand/ }).waitFor();
    const answer = page.locator('li.answer').filter({ hasText: 'CR-01' });
    await answer.getByText('reviewed', { exact: true }).waitFor();
    await answer.getByText('History').click();
    await answer.locator('.history li').first().waitFor();
    await expectAccessible(page, 'the report card with answer review');
    await answer.getByRole('button', { name: /Publish/ }).click();
    await answer.getByText('CR-01 is now published.').waitFor();

    await page.goto(`${suite.server.url}/app/report?jurisdiction=${encodeURIComponent(jurisdiction)}`);
    await expect
      .poll(() => page.locator('.report-facts').first().textContent())
      .toMatch(/Score\d+(\.\d+)? \/ 100/);
    await page.getByRole('link', { name: 'Gap report' }).first().click();
    await page.getByRole('heading', { level: 1, name: /Gap report: New Zealand/ }).waitFor();
    await page.getByRole('heading', { level: 2, name: /Not coded yet/ }).waitFor();
    expect(await page.locator('.not-coded').textContent()).not.toContain('CR-01');
    expect(await page.locator('ol.gaps').textContent()).not.toContain('CR-01');
    expect(await page.locator('.report-facts').textContent()).toMatch(/\d+(\.\d+)? \/ 100/);

    for (const tab of tabs) expectOnlyOwnOrigin(tab.requests, suite.server.url);
  });
});

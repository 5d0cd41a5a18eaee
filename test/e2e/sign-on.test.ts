/**
 * Sign-on letters in Chromium: a campaigner writes a letter in the workspace and copies its invite link; an
 * organisation signs through the public page with JavaScript turned off (a plain multipart form with a logo);
 * the campaigner approves the signature in the workspace; it appears on the public list and the print view.
 * The public sign page, the list and the print view are axe-clean, and nothing leaves our origin.
 */
import { describe, expect, it } from 'vitest';
import {
  apiFromPage,
  browserAvailable,
  expectAccessible,
  expectOnlyOwnOrigin,
  useBrowserSuite,
} from './harness.ts';

/** A 1×1 PNG. */
const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

describe.runIf(browserAvailable())('sign-on letters in Chromium', () => {
  const suite = useBrowserSuite();

  it('signs without JavaScript, is approved in the workspace, and shows on the public list', async () => {
    const { page, requests } = suite.tab;
    const framework = await apiFromPage<{ indicators: Array<{ id: string }> }>(
      page,
      'GET',
      '/api/v1/framework',
    );
    const campaign = await apiFromPage<{ id: string }>(page, 'POST', '/api/v1/campaigns', {
      title: 'Protect survivors',
      jurisdictionId: 'ocd-division/country:nz',
      gaps: [framework.indicators[0]!.id],
    });
    await page.goto(`${suite.server.url}/app/campaigns/${campaign.id}`);
    await page.getByRole('heading', { level: 2, name: 'Sign-on letters' }).waitFor();
    await page.getByText('No letters yet.').waitFor();
    await page.getByLabel('Letter title').fill('Protect survivors now');
    await page.getByLabel('Letter text').fill('We, the undersigned organisations,\n\nask Parliament to act.');
    await page.getByRole('button', { name: 'Create the letter' }).click();
    const linkField = page.getByLabel('Invitation link (shown once)');
    await linkField.waitFor();
    const invite = await linkField.inputValue();
    expect(invite).toMatch(new RegExp(`^${suite.server.url}/sign-on/[A-Za-z0-9_-]{40,}$`));

    // An organisation signs with JavaScript turned off.
    const noJs = await suite.browser.newContext({ javaScriptEnabled: false, locale: 'en-US' });
    const outside = await noJs.newPage();
    const outsideRequests: string[] = [];
    outside.on('request', (r) => outsideRequests.push(r.url()));
    await outside.goto(invite);
    await outside.getByRole('heading', { level: 1, name: 'Protect survivors now' }).waitFor();
    await outside.getByLabel('Organisation name').fill('Harbour Shelter Network');
    await outside.getByLabel('Your name').fill('Ana Ruiz');
    await outside.getByLabel('Contact email (not published)').fill('ana@harbour.example');
    // The browser lets this through (it is a URL); the server refuses it and keeps the values.
    await outside.getByLabel('Website (optional, http:// or https://)').fill('javascript:alert(1)');
    await outside.getByRole('button', { name: 'Sign the letter' }).click();
    await outside.getByText('The website must start with http:// or https://.').first().waitFor();
    expect(await outside.getByLabel('Organisation name').inputValue()).toBe('Harbour Shelter Network');
    await outside.getByLabel('Website (optional, http:// or https://)').fill('https://harbour.example');
    await outside
      .getByLabel('Logo (optional, PNG or JPEG, at most 200 KB)')
      .setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: png });
    await outside.getByRole('button', { name: 'Sign the letter' }).click();
    await outside.getByText('pending moderation', { exact: false }).waitFor();
    await noJs.close();
    expectOnlyOwnOrigin(outsideRequests, suite.server.url);

    // The sign page itself, checked with axe (which needs JavaScript to run).
    await page.goto(invite);
    await page.getByRole('button', { name: 'Sign the letter' }).waitFor();
    await expectAccessible(page, 'the public sign-on page');

    // The campaigner approves it in the workspace.
    await page.goto(`${suite.server.url}/app/campaigns/${campaign.id}`);
    await page.getByRole('button', { name: 'Approve Harbour Shelter Network' }).waitFor();
    await page.getByText('ana@harbour.example', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Approve Harbour Shelter Network' }).click();
    await page.getByText('Signature approved.').waitFor();
    await expectAccessible(page, 'the campaign page with its sign-on letters');

    await page.getByRole('link', { name: 'Public list Protect survivors now' }).click();
    await page.getByRole('heading', { level: 2, name: 'Signatories (1)' }).waitFor();
    await page.getByRole('img', { name: 'Logo of Harbour Shelter Network' }).waitFor();
    expect(await page.content()).not.toContain('ana@harbour.example');
    await expectAccessible(page, 'the public signatory list');
    await page.getByRole('link', { name: 'Print view (save as PDF)' }).click();
    await page.getByRole('heading', { level: 1, name: 'Protect survivors now' }).waitFor();
    await page.getByText('Harbour Shelter Network').first().waitFor();
    await expectAccessible(page, 'the print view');
    expectOnlyOwnOrigin(requests, suite.server.url);
  });
});

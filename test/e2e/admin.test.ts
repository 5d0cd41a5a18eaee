/**
 * Administration in the browser: invite a member by email and accept in another browser, change their
 * role, create and revoke an API token (its secret shown once), disable an account, and reset a password
 * from the emailed link.
 */
import { describe, expect, it } from 'vitest';
import {
  admin,
  browserAvailable,
  expectAccessible,
  expectOnlyOwnOrigin,
  linkFromMail,
  openPage,
  signIn,
  useBrowserSuite,
} from './harness.ts';

const invitee = {
  email: 'bea@example.org',
  displayName: 'Bea Analyst',
  password: 'purple lanterns over quiet rivers',
};

describe.runIf(browserAvailable())('administration in Chromium', () => {
  const suite = useBrowserSuite({
    // Confirmation dialogs (revoke, disable) are accepted.
    beforeSignIn: (tab) => void tab.page.on('dialog', (dialog) => void dialog.accept()),
  });

  it('invites a member who accepts from the emailed link, then changes their role', async () => {
    const { page } = suite.tab;
    await page.getByRole('link', { name: 'Members' }).first().click();
    await page.getByRole('heading', { level: 2, name: 'Invite someone' }).waitFor();
    await page.getByLabel('Email address').fill(invitee.email);
    await page.getByLabel('Role', { exact: true }).selectOption('analyst');
    await page.getByRole('button', { name: 'Send invitation' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `An invitation has been sent to ${invitee.email}` })
      .waitFor();

    const link = await linkFromMail(suite.server.mails, invitee.email);
    expect(link).toContain('/app/accept-invite#token=');
    const other = await openPage(suite.browser);
    await other.page.goto(link.replace(/^https?:\/\/[^/]+/, suite.server.url));
    await other.page.getByText(/You are invited to join Freedom Network as Analyst/).waitFor();
    await other.page.getByLabel('Your name').fill(invitee.displayName);
    await other.page.getByLabel('New password').fill(invitee.password);
    await other.page.getByRole('button', { name: 'Accept invitation' }).click();
    await other.page.getByRole('heading', { level: 1, name: 'Workspace' }).waitFor();
    await other.page.getByText('You are working in Freedom Network as Analyst.').waitFor();
    // An analyst sees the members but not the administration links.
    expect(await other.page.getByRole('link', { name: 'API tokens' }).count()).toBe(0);
    expectOnlyOwnOrigin(other.requests, suite.server.url);
    await other.context.close();

    await page.reload();
    const row = page.getByRole('row', { name: new RegExp(invitee.displayName) });
    await row.waitFor();
    await row.getByLabel(`Role of ${invitee.displayName}`).selectOption('reviewer');
    await row.getByRole('button', { name: /Save role/ }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `The role of ${invitee.displayName} has been changed.` })
      .waitFor();
    const members = await page.evaluate(async () =>
      (await fetch('/api/v1/organizations/current/members')).json(),
    );
    expect(members.find((m: { user: { email: string } }) => m.user.email === invitee.email).role).toBe(
      'reviewer',
    );
  });

  it('creates an API token, shows its secret once, and revokes it', async () => {
    const { page } = suite.tab;
    await page.getByRole('link', { name: 'API tokens' }).click();
    await page.getByLabel('Token name').fill('nightly import');
    await page.getByRole('button', { name: 'Create token' }).click();
    const secret = await page.getByLabel('Secret').inputValue();
    expect(secret).toMatch(/^lgp_/);
    const health = await fetch(`${suite.server.url}/api/v1/organizations/current/members`, {
      headers: { authorization: `Bearer ${secret}` },
    });
    expect(health.status).toBe(200);
    const row = page.getByRole('row', { name: /nightly import/ });
    await row.getByRole('button', { name: /Revoke/ }).click();
    await row.getByText(/revoked/).waitFor();
    const after = await fetch(`${suite.server.url}/api/v1/organizations/current/members`, {
      headers: { authorization: `Bearer ${secret}` },
    });
    expect(after.status).toBe(401);
  });

  it('lists every user for the instance admin and disables and re-enables one', async () => {
    const { page } = suite.tab;
    await page.getByRole('link', { name: 'Users' }).click();
    const row = page.getByRole('row', { name: new RegExp(invitee.displayName) });
    await row.getByRole('button', { name: /Disable/ }).click();
    await row.getByText('disabled', { exact: true }).waitFor();
    await row.getByRole('button', { name: /Enable/ }).click();
    await row.getByText('active', { exact: true }).waitFor();
    // The admin cannot disable their own account from here.
    const self = page.getByRole('row', { name: new RegExp(admin.displayName) });
    expect(await self.getByRole('button').count()).toBe(0);
  });

  it('switches between organizations from the header', async () => {
    const { page } = suite.tab;
    const created = await page.evaluate(async () => {
      const session = await (await fetch('/api/v1/session')).json();
      const response = await fetch('/api/v1/organizations', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
        body: JSON.stringify({ name: 'Coastal Coalition' }),
      });
      return response.status;
    });
    expect(created).toBe(201);
    await page.goto(`${suite.server.url}/app/`);
    await page.getByLabel('Organization').selectOption({ label: 'Coastal Coalition' });
    await page.getByRole('button', { name: 'Switch' }).click();
    await page.getByText('You are working in Coastal Coalition as Administrator.').waitFor();
    await page.getByRole('link', { name: 'Members' }).first().click();
    await page.getByText('The people who work in Coastal Coalition.').waitFor();
    const rows = page.getByRole('table', { name: /Members/ }).getByRole('row');
    await expect.poll(() => rows.count()).toBe(2);
  });

  it('resets a forgotten password from the emailed link', async () => {
    const other = await openPage(suite.browser);
    const { page } = other;
    await page.goto(`${suite.server.url}/app/sign-in`);
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await page.getByLabel('Email address').fill(invitee.email);
    await page.getByRole('button', { name: 'Send the link' }).click();
    await page.getByRole('status').filter({ hasText: 'a link is on its way' }).waitFor();
    const link = await linkFromMail(suite.server.mails, invitee.email);
    expect(link).toContain('/app/reset-password#token=');
    await page.goto(link.replace(/^https?:\/\/[^/]+/, suite.server.url));
    await page.getByLabel('New password').fill('short');
    await page.getByRole('button', { name: 'Set the new password' }).click();
    await page.locator('.field-error').waitFor();
    const newPassword = 'seven amber kites drift south';
    await page.getByLabel('New password').fill(newPassword);
    await page.getByRole('button', { name: 'Set the new password' }).click();
    await page.getByRole('status').filter({ hasText: 'Your password has been changed' }).waitFor();
    await signIn(page, suite.server.url, invitee.email, newPassword);
    expectOnlyOwnOrigin(other.requests, suite.server.url);
    await other.context.close();
  });
  it('adds a city of the organization under Texas, seen in the table', async () => {
    const { page } = suite.tab;
    const texas = encodeURIComponent('ocd-division/country:us/state:tx');
    await page.goto(`${suite.server.url}/app/jurisdictions?parent=${texas}`);
    await page.getByRole('heading', { level: 2, name: 'Add a jurisdiction of your organization' }).waitFor();
    await expectAccessible(page, 'jurisdictions with the add form');
    await page.getByLabel('Name in English').fill('Houston');
    await page.getByLabel('Name in Spanish (optional)').fill('Houston');
    await page.getByRole('button', { name: 'Add jurisdiction' }).click();
    await page.getByRole('status').filter({ hasText: 'Houston was added.' }).waitFor();
    await page.getByRole('cell', { name: 'ocd-division/country:us/state:tx/place:houston' }).waitFor();
    // A duplicate is refused with a message, and nothing else changes.
    await page.getByLabel('Name in English').fill('Houston');
    await page.getByRole('button', { name: 'Add jurisdiction' }).click();
    await page.getByRole('alert').waitFor();
    expect(
      await page.getByRole('cell', { name: 'ocd-division/country:us/state:tx/place:houston' }).count(),
    ).toBe(1);
  });
});

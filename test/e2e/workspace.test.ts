/**
 * What a person does first: set up lawgap from the one-time link, sign in, browse the framework, switch
 * to Spanish, and open the United States on the jurisdictions map.
 */
import { describe, expect, it } from 'vitest';
import { admin, browserAvailable, expectOnlyOwnOrigin, useBrowserSuite } from './harness.ts';

describe.runIf(browserAvailable())('workspace in Chromium', () => {
  const suite = useBrowserSuite({ signedIn: false });

  it('completes first-run setup from the link and signs in', async () => {
    const { page } = suite.tab;
    expect(suite.server.setupToken).toBeTruthy();
    await page.goto(`${suite.server.url}/app/setup#token=${suite.server.setupToken}`);
    await page.getByRole('heading', { level: 1, name: 'Set up lawgap' }).waitFor();
    // The secret leaves the address bar as soon as it has been read.
    await expect.poll(() => new URL(page.url()).hash).toBe('');
    await page.getByLabel('Organization name').fill(admin.organizationName);
    await page.getByLabel('Your name').fill(admin.displayName);
    await page.getByLabel('Email address').fill(admin.email);
    await page.getByLabel('New password').fill(admin.password);
    await page.getByRole('button', { name: 'Create account and organization' }).click();
    await page.getByRole('heading', { level: 1, name: 'Workspace' }).waitFor();
    await expect.poll(() => page.getByText(`Welcome, ${admin.displayName}.`).count()).toBe(1);

    // A fresh sign-in after signing out.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await page.getByLabel('Email address').fill(admin.email);
    await page.getByLabel('Password', { exact: true }).fill('not the password at all');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('wrong');
    await page.getByLabel('Password', { exact: true }).fill(admin.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Workspace' }).waitFor();
  });

  it('browses the framework: 66 indicators, sources, crosswalk and negative modifiers', async () => {
    const { page } = suite.tab;
    await page.getByRole('link', { name: 'Indicator framework' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Indicator framework' }).waitFor();
    const indicators = page.getByRole('article');
    await expect.poll(() => indicators.count()).toBe(66);
    const first = page.getByRole('article', { name: /CR-01/ });
    expect(await first.getByRole('heading', { level: 3 }).textContent()).toMatch(
      /^CR-01 Is there a trafficking/,
    );
    expect(await first.textContent()).toContain('Palermo art. 3(a)');
    expect(await page.getByRole('heading', { level: 2, name: /Criminalization & definitions/ }).count()).toBe(
      1,
    );
    expect(await page.getByText('to be verified').count()).toBeGreaterThan(0);
    expect(await page.getByRole('heading', { level: 2, name: 'Negative modifiers' }).count()).toBe(1);
    expect(await page.getByText('NEG-1').count()).toBe(1);

    await page.getByLabel('Area').selectOption('PN');
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Indicators shown' }).textContent())
      .not.toContain('66');
    const shown = await indicators.count();
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(66);
    await page.getByLabel('Area').selectOption('');
    await expect.poll(() => indicators.count()).toBe(66);
    await page.screenshot({ path: '/tmp/lawgap-framework.png', fullPage: false });
  });

  it('switches to Spanish, marks English-only data, and remembers the choice', async () => {
    const { page } = suite.tab;
    await page.getByRole('button', { name: 'Español' }).click();
    await page.getByRole('heading', { level: 1, name: 'Marco de indicadores' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('es');
    expect(await page.getByRole('button', { name: 'Cerrar sesión' }).count()).toBe(1);
    // Data text appears in Spanish where the framework has it; otherwise in English marked lang="en".
    const framework = await page.evaluate(async () => (await fetch('/api/v1/framework')).json());
    const cr01 = framework.indicators.find((i: { id: string }) => i.id === 'CR-01');
    const heading = page.getByRole('article', { name: /CR-01/ }).getByRole('heading', { level: 3 });
    if (cr01.question.es) {
      expect(await heading.textContent()).toContain(cr01.question.es);
    } else {
      expect(await heading.locator('[lang="en"]').textContent()).toBe(cr01.question.en);
    }
    // Citations exist only in English.
    expect(await page.getByText('Palermo art. 3(a), 5(1)').first().getAttribute('lang')).toBe('en');

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Marco de indicadores' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('es');
    expect(await page.getByRole('link', { name: 'Jurisdicciones' }).count()).toBe(1);

    // Remembered for the account as well.
    const session = await page.evaluate(async () => (await fetch('/api/v1/session')).json());
    expect(session.user.locale).toBe('es');

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Indicator framework' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
  });

  it('shows the world map with a table alternative, and the US states after opening the United States', async () => {
    const { page, requests } = suite.tab;
    await page.getByRole('link', { name: 'Jurisdictions' }).click();
    await page.getByRole('heading', { level: 1, name: 'Jurisdictions' }).waitFor();
    const map = page.getByRole('img', { name: 'World map of the countries lawgap lists' });
    await map.waitFor();
    expect(await map.locator('path.map-known').count()).toBeGreaterThan(150);
    const table = page.getByRole('table', { name: /Countries/ });
    await table.waitFor();
    expect(await table.getByRole('row').count()).toBeGreaterThan(200);
    expect(await table.getByRole('cell', { name: 'ocd-division/country:fr' }).count()).toBe(1);
    await page.screenshot({ path: '/tmp/lawgap-jurisdictions.png', fullPage: false });

    // Clicking the United States on the map opens its states.
    await map.locator('path[data-id="ocd-division/country:us"]').click();
    await page.getByRole('img', { name: /Map of the states/ }).waitFor();
    expect(new URL(page.url()).searchParams.get('parent')).toBe('ocd-division/country:us');
    const states = page.getByRole('table', { name: /Subdivisions/ });
    await states.waitFor();
    const texas = states.getByRole('row', { name: /Texas/ });
    expect(await texas.count()).toBe(1);
    expect(await texas.textContent()).toContain('US-TX');
    expect(await texas.textContent()).toContain('ocd-division/country:us/state:tx');
    expect(await page.locator('svg.map path.map-known').count()).toBeGreaterThanOrEqual(50);
    await page.screenshot({ path: '/tmp/lawgap-us-states.png', fullPage: false });

    // The breadcrumb leads back; the table works as the keyboard route into a country.
    await page.getByRole('link', { name: 'World' }).click();
    await page.getByRole('table', { name: /Countries/ }).waitFor();
    await page.getByLabel('Filter by name').fill('Canada');
    await page.getByRole('link', { name: 'Canada', exact: true }).press('Enter');
    await page
      .getByRole('table', { name: /Subdivisions/ })
      .getByRole('row', { name: /Ontario/ })
      .waitFor();

    expectOnlyOwnOrigin(requests, suite.server.url);
  });
});

/**
 * The search page end to end: a "quoted phrase", the indicator select, and previous/next page links followed
 * with the keyboard, axe-clean on every state.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { apiFromPage, browserAvailable, expectAccessible, useBrowserSuite } from './harness.ts';

// An invented statute: 25 sections that mention trafficking, one that holds a phrase and one its words apart.
const statute = [
  'Examplia Search Act',
  'Section 1. Consent',
  'Consent shall be irrelevant where any of the means in section 1 has been used.',
  'Section 2. Sentencing',
  'Consent is never irrelevant to sentencing, and the court shall be told of it.',
  ...Array.from({ length: 25 }, (_, i) => [
    `Section ${i + 3}. Duty ${i + 1}`,
    `Agency ${i + 1} shall report trafficking cases in district ${i + 1}.`,
  ]).flat(),
].join('\n');

describe.runIf(browserAvailable())('search page in Chromium', () => {
  const suite = useBrowserSuite();

  beforeAll(async () => {
    await apiFromPage(suite.tab.page, 'POST', '/api/v1/laws/import', {
      jurisdictionId: 'ocd-division/country:is',
      format: 'text',
      content: statute,
      citation: 'ESA 2031',
      effectiveFrom: '2031-01-01',
    });
  });

  it('finds a quoted phrase only where the words follow each other', async () => {
    const { page } = suite.tab;
    await page.getByRole('link', { name: 'Search the law' }).click();
    await page.getByLabel('Words to find').fill('"consent shall be irrelevant"');
    await expect
      .poll(() => page.getByLabel('Cited for indicator').locator('option').count())
      .toBeGreaterThan(60);
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByRole('heading', { level: 2, name: /Results \(1\)/ }).waitFor();
    expect(await page.locator('.hit h3').first().textContent()).toContain('Consent');
    await expectAccessible(page, 'the search page with a phrase');
    // With an indicator nobody coded yet, nothing is cited.
    await page.getByLabel('Cited for indicator').selectOption('CR-01');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByText('No provision contains all these words.').waitFor();
    expect(new URL(page.url()).searchParams.get('indicator')).toBe('CR-01');
  });

  it('pages through the hits with next and previous links, by keyboard', async () => {
    const { page } = suite.tab;
    await page.goto(`${suite.server.url}/app/search?q=trafficking`);
    await page.getByRole('heading', { level: 2, name: 'Results 1 to 20' }).waitFor();
    const pages = page.getByRole('navigation', { name: 'Result pages' });
    expect(await pages.getByRole('link', { name: 'Previous page' }).count()).toBe(0);
    await pages.getByRole('link', { name: 'Next page' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 2, name: 'Results 21 to 25' }).waitFor();
    expect(await page.locator('.hit').count()).toBe(5);
    expect(await pages.getByRole('link', { name: 'Next page' }).count()).toBe(0);
    await expectAccessible(page, 'the second page of search results');
    await pages.getByRole('link', { name: 'Previous page' }).click();
    await page.getByRole('heading', { level: 2, name: 'Results 1 to 20' }).waitFor();
  });
});

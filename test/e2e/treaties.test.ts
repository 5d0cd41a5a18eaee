/**
 * Treaty parties end to end: an invented convention imported under the international jurisdiction, a
 * ratification recorded with the keyboard on its page, the parties table showing it, and Iceland's report card
 * listing the treaty with its standing; each page axe-clean. Dates and sources are invented (example.org).
 */
import { describe, expect, it } from 'vitest';
import { internationalJurisdictionId } from '../../src/core/treaties/types.ts';
import { conventionJson } from '../treaty-fixtures.ts';
import {
  apiFromPage,
  browserAvailable,
  expectAccessible,
  expectOnlyOwnOrigin,
  useBrowserSuite,
} from './harness.ts';

const iceland = 'ocd-division/country:is';

describe.runIf(browserAvailable())('treaty parties in Chromium', () => {
  const suite = useBrowserSuite();

  it('records a ratification on the treaty’s page and lists it there and on the jurisdiction’s page', async () => {
    const { page } = suite.tab;
    const imported = await apiFromPage<{ document: { id: string } }>(page, 'POST', '/api/v1/laws/import', {
      jurisdictionId: internationalJurisdictionId,
      format: 'json',
      content: conventionJson,
    });
    await page.goto(`${suite.server.url}/app/laws/${encodeURIComponent(imported.document.id)}`);
    await page
      .getByRole('heading', { level: 1, name: 'Examplia Regional Convention against Exploitation' })
      .waitFor();
    await page.getByRole('heading', { level: 2, name: 'Parties' }).waitFor();
    await page.getByText('No party or signatory recorded yet.').waitFor();

    // Keyboard only: focus the first field, then type and tab through the form.
    await page.getByLabel('Jurisdiction (OCD id)').focus();
    await page.keyboard.type(iceland);
    await page.keyboard.press('Tab');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('action');
    await page.getByLabel('Action').selectOption('ratification');
    await page.getByLabel('Signed').fill('2020-03-02');
    await page.getByLabel('Consent to be bound').fill('2021-05-06');
    await page.getByLabel('In force', { exact: true }).fill('2021-08-04');
    await page.getByLabel('Source (URL or citation)').focus();
    await page.keyboard.type('https://example.org/erce/status');
    await page.keyboard.press('Enter');
    await page.getByText('Party status recorded.').waitFor();

    const table = page.getByRole('table', { name: 'Parties and signatories (1)' });
    await table.waitFor();
    const row = table.getByRole('row', { name: /Iceland/ });
    await expect.poll(() => row.textContent()).toContain('ratification');
    expect(await row.textContent()).toContain('2021-08-04');
    expect(await row.textContent()).toContain('party, in force');
    expect(
      await row.getByRole('link', { name: 'https://example.org/erce/status' }).getAttribute('href'),
    ).toBe('https://example.org/erce/status');
    await expectAccessible(page, 'a treaty with its parties and the record form');

    await page.goto(`${suite.server.url}/app/report?jurisdiction=${encodeURIComponent(iceland)}`);
    const treaties = page.getByRole('table', { name: 'Treaties signed or consented to (1)' });
    await treaties.waitFor();
    const line = treaties.getByRole('row', { name: /Examplia Regional Convention/ });
    await expect.poll(() => line.textContent()).toContain('party, in force');
    await expectAccessible(page, 'a report card with its treaties');
    expectOnlyOwnOrigin(suite.tab.requests, suite.server.url);
  }, 120_000);
});

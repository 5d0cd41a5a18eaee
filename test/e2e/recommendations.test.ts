/**
 * Recommendations on the gap report: an administrator writes an English recommendation for a gap, reads it on
 * the report, switches the interface to Spanish and sees the English text marked as a fallback, then writes the
 * Spanish one, which replaces it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  apiFromPage,
  browserAvailable,
  expectAccessible,
  expectOnlyOwnOrigin,
  useBrowserSuite,
} from './harness.ts';

const jurisdiction = 'ocd-division/country:nz';
const english = 'Make trafficking in persons a criminal offence in its own right.';
const model = 'Whoever recruits, transports or harbours a person for exploitation commits an offence.';
const spanish = 'Tipificar la trata de personas como delito autónomo.';

describe.runIf(browserAvailable())('recommendations on the gap report in Chromium', () => {
  const suite = useBrowserSuite();

  beforeAll(async () => {
    // CR-01 answered "no": an unmet gap once coded answers are counted.
    await apiFromPage(suite.tab.page, 'POST', '/api/v1/answers', {
      jurisdictionId: jurisdiction,
      indicatorId: 'CR-01',
      value: 'N',
      citations: [],
      validFrom: '2021-01-01',
    });
  });

  it('writes an English recommendation, falls back to it in Spanish, then replaces it', async () => {
    const { page, requests } = suite.tab;
    await page.goto(
      `${suite.server.url}/app/gaps?jurisdiction=${encodeURIComponent(jurisdiction)}&include=coded`,
    );
    await page.getByRole('heading', { level: 1, name: /Gap report: New Zealand/ }).waitFor();
    const gap = page.locator('li.gap').filter({ hasText: 'CR-01' });
    const panel = gap.locator('section.recommendation');
    await panel.getByText('No recommendation written yet.').waitFor();

    await panel.getByText('Edit recommendation').click();
    expect(await panel.getByLabel('Language of the text').inputValue()).toBe('en');
    await panel.getByLabel('Recommendation text').fill(english);
    await panel.getByLabel('Model statutory language (optional)').fill(model);
    await panel.getByRole('button', { name: 'Save a new version' }).click();
    await panel.getByText('Version 1 saved in English.').waitFor();
    await panel.locator('.recommendation-text', { hasText: english }).waitFor();
    await panel.locator('blockquote.model-language', { hasText: model }).waitFor();
    await panel.getByRole('heading', { level: 4, name: 'Recommendation · version 1' }).waitFor();
    expect(await panel.getByText('Shown in English: no translation yet.').count()).toBe(0);
    await expectAccessible(page, 'the gap report with a recommendation and its form');

    await page.getByRole('button', { name: 'Español' }).click();
    await page.getByRole('heading', { level: 1, name: /Zelanda/ }).waitFor();
    await panel.getByText('Se muestra en inglés: todavía no hay traducción.').waitFor();
    expect(await panel.locator('.recommendation-text').getAttribute('lang')).toBe('en');
    await panel.getByText('Todas las versiones').click();
    await panel.locator('.history li').first().waitFor();
    await expectAccessible(page, 'the gap report in Spanish with the English fallback');

    await panel.getByText('Editar la recomendación').click();
    expect(await panel.getByLabel('Idioma del texto').inputValue()).toBe('es');
    await panel.getByLabel('Texto de la recomendación').fill(spanish);
    await panel.getByRole('button', { name: 'Guardar una versión nueva' }).click();
    await panel.locator('.recommendation-text', { hasText: spanish }).waitFor();
    await expect.poll(() => panel.getByText('Se muestra en inglés', { exact: false }).count()).toBe(0);
    expect(await panel.locator('.recommendation-text').getAttribute('lang')).toBeNull();
    await expectAccessible(page, 'the gap report with the Spanish recommendation');

    expectOnlyOwnOrigin(requests, suite.server.url);
  });
});

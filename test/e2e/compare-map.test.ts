/**
 * Scores across jurisdictions: two US states with different published answers appear on the score map (with
 * patterned bands and the ranking table), side by side on the compare page, and on the report card with the
 * yearly trend table, what changed between two dates, and the crosswalk view.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  apiFromPage,
  browserAvailable,
  expectAccessible,
  expectOnlyOwnOrigin,
  openPage,
  useBrowserSuite,
} from './harness.ts';

const texas = 'ocd-division/country:us/state:tx';
const california = 'ocd-division/country:us/state:ca';
const florida = 'ocd-division/country:us/state:fl';
const iceland = 'ocd-division/country:is';
const statute = (name: string) =>
  [
    `Fictional ${name} Exploitation Act`,
    'Section 1. Offence',
    'Whoever commits trafficking in persons shall be punished by imprisonment of up to twelve years.',
  ].join('\n');
const quote = 'Whoever commits trafficking in persons shall be punished';

describe.runIf(browserAvailable())('score map, compare and trends in Chromium', () => {
  const cspErrors: string[] = [];
  const suite = useBrowserSuite({
    beforeSignIn: async (tab) => {
      tab.page.on('console', (m) => {
        if (/Content Security Policy/i.test(m.text())) cspErrors.push(m.text());
      });
      // Every CSP violation the page reports (Plot's chart must cause none), kept where the test can read it.
      await tab.context.addInitScript(() => {
        const seen: string[] = [];
        Object.assign(window, { cspViolations: seen });
        document.addEventListener('securitypolicyviolation', (e) =>
          seen.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`),
        );
      });
    },
  });

  beforeAll(async () => {
    const { page } = suite.tab;
    const reviewer = await apiFromPage<{ secret: string }>(
      page,
      'POST',
      '/api/v1/organizations/current/tokens',
      {
        name: 'e2e reviewer',
        role: 'reviewer',
      },
    );

    /** Codes CR-01, has the reviewer token review it, and publishes it. */
    const publish = async (
      jurisdictionId: string,
      provisionId: string,
      value: string,
      from: string,
      to?: string,
    ) => {
      const answer = await apiFromPage<{ id: string }>(page, 'POST', '/api/v1/answers', {
        jurisdictionId,
        indicatorId: 'CR-01',
        value,
        citations: [{ provisionId, quote }],
        validFrom: from,
        ...(to ? { validTo: to } : {}),
      });
      const reviewed = await fetch(`${suite.server.url}/api/v1/answers/${answer.id}/status`, {
        method: 'POST',
        headers: { authorization: `Bearer ${reviewer.secret}`, 'content-type': 'application/json' },
        body: JSON.stringify({ status: 'reviewed' }),
      });
      if (!reviewed.ok) throw new Error(`review failed: ${reviewed.status} ${await reviewed.text()}`);
      await apiFromPage(page, 'POST', `/api/v1/answers/${answer.id}/status`, { status: 'published' });
    };

    for (const [id, name] of [
      [texas, 'Texas'],
      [california, 'California'],
      [florida, 'Florida'],
      [iceland, 'Iceland'],
    ] as const) {
      const imported = await apiFromPage<{ document: { id: string }; version: { id: string } }>(
        page,
        'POST',
        '/api/v1/laws/import',
        {
          jurisdictionId: id,
          format: 'text',
          content: statute(name),
          citation: `${name} Fict. Code § 1`,
          effectiveFrom: '2020-01-01',
        },
      );
      const text = await apiFromPage<{ provisions: Array<{ id: string; text: string }> }>(
        page,
        'GET',
        `/api/v1/laws/${encodeURIComponent(imported.document.id)}/versions/${encodeURIComponent(imported.version.id)}`,
      );
      const provision = text.provisions.find((p) => p.text.includes(quote));
      if (!provision) throw new Error('provision not found');
      // Florida's answer stays coded: only members who ask for unpublished answers see it counted.
      if (id === florida)
        await apiFromPage(page, 'POST', '/api/v1/answers', {
          jurisdictionId: id,
          indicatorId: 'CR-01',
          value: 'Y',
          citations: [{ provisionId: provision.id, quote }],
          validFrom: '2020-01-01',
        });
      else if (id === texas || id === iceland) await publish(id, provision.id, 'Y', '2020-01-01');
      else {
        await publish(id, provision.id, 'Y', '2020-01-01', '2023-01-01');
        await publish(id, provision.id, 'P', '2023-01-01');
      }
    }
  });

  it('colours the US states by score with patterns, a legend and the ranking table', async () => {
    const { page } = suite.tab;
    await page.goto(`${suite.server.url}/app/map?parent=${encodeURIComponent('ocd-division/country:us')}`);
    await page.getByRole('heading', { level: 1, name: 'Score map' }).waitFor();
    const map = page.getByRole('img', { name: 'Map of the scores of the US states' });
    await map.waitFor();
    expect(await map.locator('path[fill^="url(#score-band-"]').count()).toBeGreaterThanOrEqual(50);
    expect(await map.locator('path[fill="url(#score-band-notCoded)"]').count()).toBeGreaterThanOrEqual(48);
    expect(await page.locator('pattern#score-band-A').count()).toBe(1);
    const tx = map.locator('path[data-id="ocd-division/country:us/state:tx"]');
    expect(await tx.getAttribute('fill')).toBe('url(#score-band-A)');
    expect(await tx.locator('title').textContent()).toBe('Texas: 100.0 (A)');
    const ca = map.locator('path[data-id="ocd-division/country:us/state:ca"]');
    expect(await ca.getAttribute('fill')).not.toBe('url(#score-band-A)');
    expect(await page.getByText('90 and above (grade A)').count()).toBe(1);

    const table = page.getByRole('table', { name: /Ranking/ });
    const txRow = table.getByRole('row', { name: /Texas/ });
    const caRow = table.getByRole('row', { name: /California/ });
    expect(await txRow.textContent()).toMatch(/^1Texas100\.0A/);
    expect(await caRow.textContent()).toMatch(/^2California\d+\.\d[A-F]/);
    await expectAccessible(page, 'the score map');
  });

  it('compares the two states side by side', async () => {
    const { page } = suite.tab;
    await page.getByRole('link', { name: 'Compare', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Compare' }).waitFor();
    await page.getByLabel('Jurisdiction to add').fill(texas);
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page.getByText('Chosen (1)').waitFor();
    await page.getByLabel('Jurisdiction to add').fill('California');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    const totals = page.getByRole('table', { name: 'Scores side by side' });
    await totals.waitFor();
    expect(await totals.getByRole('columnheader').allTextContents()).toEqual([
      'Measure',
      'Texas',
      'California',
    ]);
    expect(await totals.getByRole('row', { name: /^Score/ }).textContent()).toMatch(/^Score100\.0\d+\.\d$/);
    const indicators = page.getByRole('table', { name: 'Indicators side by side' });
    const cr01 = indicators.getByRole('row', { name: /CR-01/ });
    expect(await cr01.textContent()).toContain('Texas Fict. Code § 1');
    expect(await cr01.textContent()).toContain('California Fict. Code § 1');
    await expectAccessible(page, 'the compare page');
  });

  it('shows the trend table, what changed and the crosswalk on the report card', async () => {
    const { page, requests } = suite.tab;
    await page.goto(`${suite.server.url}/app/report?jurisdiction=${encodeURIComponent(california)}`);
    await page.getByRole('heading', { level: 1, name: /Report card: California/ }).waitFor();
    const trend = page.getByRole('table', { name: 'Score on 1 January of each year' });
    await trend.waitFor();
    expect(await trend.getByRole('row', { name: /^2021/ }).textContent()).toMatch(/^2021100\.0A/);
    expect(await trend.getByRole('row', { name: /^2024/ }).textContent()).not.toMatch(/^2024100\.0/);
    const chart = page.getByRole('img', { name: /Line chart of the score/ });
    await chart.waitFor();
    // Drawn by Observable Plot, without the <style> element the CSP would block.
    expect(await chart.getAttribute('class')).toBe('trend-plot');
    expect(await chart.locator('circle').count()).toBeGreaterThan(3);
    expect(await chart.locator('style').count()).toBe(0);
    expect(await chart.locator('circle title').first().textContent()).toMatch(
      /^\d{4}: \d+\.\d \(grade [A-F]\)$/,
    );
    expect(await chart.locator('text').allTextContents()).toContain('2021');
    expect(
      await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations),
    ).toEqual([]);

    await page.getByLabel('From', { exact: true }).fill('2021-06-01');
    await page.getByRole('button', { name: 'Show the changes' }).click();
    const changed = page.getByRole('table', { name: 'Answers that changed (1)' });
    await changed.waitFor();
    const row = changed.getByRole('row', { name: /CR-01/ });
    expect(await row.textContent()).toMatch(
      /changed.*Y.*2020-01-01.*California Fict\. Code § 1.*P.*2023-01-01/,
    );
    const score = page.getByRole('table', { name: 'Score before and after' });
    expect(await score.getByRole('row', { name: /^Score/ }).textContent()).toMatch(
      /^Score100\.0\d+\.\d-\d+\.\d$/,
    );

    const crosswalk = page.getByRole('table', { name: /^Provisions of/ });
    await crosswalk.waitFor();
    expect(await crosswalk.getByRole('row').count()).toBeGreaterThan(1);
    await expectAccessible(page, 'the report card with trend and changes');
    expect(cspErrors).toEqual([]);
    expectOnlyOwnOrigin(requests, suite.server.url);
  });
  it('lets members count unpublished answers on the map and compare pages', async () => {
    const { page } = suite.tab;
    await page.goto(`${suite.server.url}/app/map?parent=${encodeURIComponent('ocd-division/country:us')}`);
    const ranking = page.getByRole('table', { name: /Ranking/ });
    await ranking.waitFor();
    expect(await ranking.getByRole('row', { name: /Florida/ }).textContent()).toContain('not coded');
    await page.getByLabel('Answers counted').selectOption('coded');
    await page.getByRole('button', { name: 'Show the map' }).click();
    await page.getByText(/answers counted: Coded, reviewed and published/).waitFor();
    expect(new URL(page.url()).searchParams.get('include')).toBe('coded');
    await expect
      .poll(() => ranking.getByRole('row', { name: /Florida/ }).textContent())
      .toMatch(/Florida100\.0A/);
    const map = page.getByRole('img', { name: 'Map of the scores of the US states' });
    expect(await map.locator(`path[data-id="${florida}"]`).getAttribute('fill')).toBe('url(#score-band-A)');
    await expectAccessible(page, 'the score map counting coded answers');

    await page.goto(
      `${suite.server.url}/app/compare?jurisdiction=${encodeURIComponent(texas)}&jurisdiction=${encodeURIComponent(florida)}`,
    );
    const totals = page.getByRole('table', { name: 'Scores side by side' });
    await totals.waitFor();
    expect(await totals.getByRole('row', { name: /^Score/ }).textContent()).toBe('Score100.0no score yet');
    await page.getByLabel('Answers counted').selectOption('coded');
    await page.getByRole('button', { name: 'Compare on this date' }).click();
    await page.getByText(/answers counted: Coded, reviewed and published/).waitFor();
    await expect
      .poll(() => totals.getByRole('row', { name: /^Score/ }).textContent())
      .toBe('Score100.0100.0');
    await expectAccessible(page, 'the compare page counting coded answers');

    // The public never gets the choice.
    const visitor = await openPage(suite.browser);
    await visitor.page.goto(`${suite.server.url}/app/map`);
    await visitor.page.getByRole('table', { name: /Ranking/ }).waitFor();
    expect(await visitor.page.getByLabel('Answers counted').count()).toBe(0);
    await visitor.context.close();
  });

  it('names jurisdictions in the reader’s language in the ranking and on the compare page', async () => {
    const { page } = suite.tab;
    await page.evaluate(() => window.localStorage.setItem('lawgap.locale', 'es'));
    await page.goto(`${suite.server.url}/app/map`);
    await page.getByRole('heading', { level: 1, name: 'Mapa de puntuaciones' }).waitFor();
    const ranking = page.locator('table:has(#ranking-caption)');
    // Only coded jurisdictions are ranked: Iceland, and the US states under the world view.
    await ranking.getByRole('link', { name: 'Islandia', exact: true }).waitFor();
    expect(await ranking.getByRole('link', { name: 'Iceland', exact: true }).count()).toBe(0);
    await expectAccessible(page, 'the world ranking in Spanish');
    await page.getByRole('link', { name: 'Islandia', exact: true }).click();
    const chart = page.getByRole('img', { name: /^Gráfico de líneas de la puntuación/ });
    await chart.waitFor();
    const labels = await chart.locator('text').allTextContents();
    expect(labels.some((l) => l.includes('Año'))).toBe(true);
    expect(labels.some((l) => l.includes('Puntuación'))).toBe(true);
    await expectAccessible(page, 'the report card with its trend chart in Spanish');

    await page.evaluate(() => window.localStorage.setItem('lawgap.locale', 'fr'));
    const ids = ['ocd-division/country:de', 'ocd-division/country:is'];
    await page.goto(
      `${suite.server.url}/app/compare?${ids.map((i) => `jurisdiction=${encodeURIComponent(i)}`).join('&')}`,
    );
    await page.getByRole('heading', { level: 1, name: 'Comparer' }).waitFor();
    const totals = page.locator('table:has(#compare-totals)');
    await totals.getByRole('link', { name: 'Allemagne', exact: true }).waitFor();
    const headers = await page
      .locator('table:has(#compare-indicators) thead tr')
      .first()
      .locator('th')
      .allTextContents();
    expect(headers.slice(1)).toEqual(['Allemagne', 'Islande']);
    await expectAccessible(page, 'the compare page in French');
    await page.evaluate(() => window.localStorage.removeItem('lawgap.locale'));
  });
});

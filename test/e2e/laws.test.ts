/**
 * The law library end to end: import a fictional statute in two versions, read it, compare the versions,
 * search it, code an indicator by selecting words of a provision, publish the answer and read the report card.
 */
import { describe, expect, it } from 'vitest';
import {
  apiFromPage,
  browserAvailable,
  expectAccessible,
  expectOnlyOwnOrigin,
  useBrowserSuite,
} from './harness.ts';

const jurisdiction = 'ocd-division/country:nz';
const citation = 'Fictional Act 2020 No 7';
const version1 = [
  'Fictional Anti-Trafficking Act',
  'Section 1. Definitions',
  'Trafficking in persons means the recruitment of a person by force for the purpose of exploitation.',
  'Section 2. Offence',
  'Whoever commits trafficking in persons shall be punished by imprisonment of up to five years.',
].join('\n');
const version2 = version1
  .replace('up to five years', 'up to fifteen years')
  .concat(
    '\nSection 3. Protection\nA victim of trafficking shall not be punished for offences committed as a result of being trafficked.',
  );
const quote = 'Whoever commits trafficking in persons shall be punished';

describe.runIf(browserAvailable())('law library in Chromium', () => {
  const suite = useBrowserSuite();
  let lawId = '';

  it('imports two versions, shows the provisions and the diff', async () => {
    const { page } = suite.tab;
    await page.getByRole('link', { name: 'Law library' }).click();
    await page.getByRole('heading', { level: 1, name: 'Law library' }).waitFor();
    await page.getByLabel('Jurisdiction (OCD id)').fill(jurisdiction);
    await page.getByLabel('Content', { exact: true }).fill(version1);
    await page.getByLabel('Citation of the document').fill(citation);
    await page.getByLabel('In force from').fill('2020-01-01');
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByText('New version stored with').waitFor();
    await expectAccessible(page, 'the law library with an import');

    // The second version through the API.
    const imported = await apiFromPage<{ document: { id: string } }>(page, 'POST', '/api/v1/laws/import', {
      jurisdictionId: jurisdiction,
      format: 'text',
      content: version2,
      citation,
      effectiveFrom: '2023-06-01',
    });
    lawId = imported.document.id;

    await page.goto(`${suite.server.url}/app/laws`);
    await page.getByRole('link', { name: 'Fictional Anti-Trafficking Act' }).click();
    await page.getByRole('heading', { level: 1, name: 'Fictional Anti-Trafficking Act' }).waitFor();
    await page.getByText('up to fifteen years').waitFor();
    expect(await page.getByRole('heading', { level: 3, name: /Protection/ }).count()).toBe(1);
    expect(await page.locator('.provision-text').first().getAttribute('lang')).toBe('en');
    await expectAccessible(page, 'a law document');

    // The version in force on a date before the amendment.
    await page.getByLabel('As of').fill('2021-01-01');
    await page.getByRole('button', { name: 'Show the version in force' }).click();
    await page.getByText('up to five years').waitFor();
    expect(await page.getByRole('heading', { level: 3, name: /Protection/ }).count()).toBe(0);

    await page.getByRole('button', { name: 'Compare versions' }).click();
    await page.getByRole('heading', { level: 1, name: 'Changes between versions' }).waitFor();
    await page.getByText('1 added, 0 removed, 1 changed').waitFor();
    expect(await page.locator('del').filter({ hasText: 'five' }).count()).toBeGreaterThan(0);
    expect(await page.locator('ins').filter({ hasText: 'fifteen' }).count()).toBeGreaterThan(0);
    expect(await page.getByText('Changed:').count()).toBe(1);
    expect(await page.getByText('Added:').count()).toBe(1);
    await expectAccessible(page, 'the diff page');

    // Each change's citation links to that provision in its version's page, and works from the keyboard.
    const changed = page.locator('li.change-changed h3 a');
    await changed.waitFor();
    expect(await changed.textContent()).toMatch(/in the version in force from 2023-06-01\)$/);
    const target = new URL(`${suite.server.url}${await changed.getAttribute('href')}`);
    expect(target.pathname).toBe(`/app/laws/${encodeURIComponent(lawId)}`);
    expect(target.searchParams.get('version')).toBeTruthy();
    expect(target.hash).toMatch(/^#provision-/);
    expect(await page.locator('li.change-added h3 a').getAttribute('href')).toMatch(/#provision-/);
    await changed.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Fictional Anti-Trafficking Act' }).waitFor();
    await page.waitForFunction(() => document.activeElement?.classList.contains('provision-citation'));
    const focused = await page.evaluate(() => {
      const li = document.activeElement?.closest('li.provision');
      return { id: li?.id, text: li?.querySelector('.provision-text')?.textContent };
    });
    expect(`#${focused.id}`).toBe(target.hash);
    expect(focused.text).toContain('up to fifteen years');
    expect(new URL(page.url()).hash).toBe(target.hash);
  });

  it('finds a word and marks it in the snippet', async () => {
    const { page } = suite.tab;
    await page.getByRole('link', { name: 'Search the law' }).click();
    await page.getByLabel('Words to find').fill('imprisonment');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByRole('heading', { level: 2, name: /Results \(1\)/ }).waitFor();
    expect((await page.locator('mark').first().textContent())?.toLowerCase()).toBe('imprisonment');
    await expectAccessible(page, 'the search page with results');
    await page.locator('.hit h3 a').first().click();
    await page.getByRole('heading', { level: 1, name: 'Fictional Anti-Trafficking Act' }).waitFor();
  });

  it('codes an indicator from selected words, publishes it and shows it on the report card', async () => {
    const { page } = suite.tab;
    const section = page.locator('.provision').filter({ hasText: 'Whoever commits' });
    await section.getByRole('button', { name: /Code an indicator with this provision/ }).click();
    await section.getByLabel('Indicator', { exact: true }).selectOption('CR-01');
    await section.getByLabel('Answer', { exact: true }).selectOption('Y');

    // A quote that is not in the provision is refused by the server, and the refusal is announced.
    await section.getByLabel('Evidence quote').fill('words that the provision does not contain');
    await section.getByRole('button', { name: 'Save the answer' }).click();
    await expect.poll(() => section.getByRole('alert').textContent()).toMatch(/\S/);

    await section.locator('.provision-text p').evaluate((p, words) => {
      const node = p.firstChild as Text;
      const start = node.data.indexOf(words);
      const range = document.createRange();
      range.setStart(node, start);
      range.setEnd(node, start + words.length);
      const selection = window.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
    }, quote);
    await section.getByRole('button', { name: 'Use the selected text as quote' }).click();
    expect(await section.getByLabel('Evidence quote').inputValue()).toBe(quote);
    await expectAccessible(page, 'the coding form');
    await section.getByRole('button', { name: 'Save the answer' }).click();
    await section.getByText('Answer saved: CR-01 = Y.').waitFor();

    // Four eyes: a reviewer token reviews, the admin publishes.
    const answers = await apiFromPage<Array<{ id: string }>>(
      page,
      'GET',
      `/api/v1/answers?jurisdiction=${encodeURIComponent(jurisdiction)}&status=coded`,
    );
    const answerId = answers[0]?.id ?? '';
    const created = await apiFromPage<{ secret: string }>(
      page,
      'POST',
      '/api/v1/organizations/current/tokens',
      {
        name: 'e2e reviewer',
        role: 'reviewer',
      },
    );
    const reviewed = await fetch(`${suite.server.url}/api/v1/answers/${answerId}/status`, {
      method: 'POST',
      headers: { authorization: `Bearer ${created.secret}`, 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'reviewed' }),
    });
    expect(reviewed.status).toBe(200);
    await apiFromPage(page, 'POST', `/api/v1/answers/${answerId}/status`, { status: 'published' });

    await page.goto(`${suite.server.url}/app/jurisdictions`);
    await page.getByLabel('Filter by name').fill('New Zealand');
    await page.getByRole('link', { name: /Report card/ }).click();
    await page.getByRole('heading', { level: 1, name: /Report card: New Zealand/ }).waitFor();
    const cr01 = page.locator('li.indicator').filter({ has: page.getByText('CR-01', { exact: true }) });
    await cr01.getByText(quote).waitFor();
    expect(await cr01.textContent()).toContain('published');
    expect(await page.getByText('Machine suggestions are never counted').count()).toBe(1);
    expect(await page.locator('.report-facts').textContent()).toMatch(/Score\d+ \/ 100/);
    expect(await page.getByText('not coded yet').count()).toBeGreaterThan(0);
    await expectAccessible(page, 'the report card');

    // The answer's history names the coder and the reviewer token, not their ids.
    const summary = page.locator('details summary').filter({ hasText: 'CR-01' }).first();
    await summary.focus();
    await page.keyboard.press('Enter');
    const history = page.locator('ol.history').first();
    await history.getByText('by Ana Admin').first().waitFor();
    const lines = await history.locator('li').allTextContents();
    expect(lines).toHaveLength(3);
    expect(lines[0]).toContain('by Ana Admin');
    expect(lines[1]).toContain('by e2e reviewer');
    expect(lines[2]).toContain('by Ana Admin');
    expect(lines.join(' ')).not.toMatch(/user:|token:/);
    await expectAccessible(page, 'the report card with an answer history');

    expect(lawId).not.toBe('');
    expectOnlyOwnOrigin(suite.tab.requests, suite.server.url);
  });
});

/**
 * Statistics in Chromium: an administrator imports a CSV table with a mistake, sees the problem named by row and
 * column, imports the corrected file, publishes it and finds the figure in the public API; the page reads in
 * French. Every state is axe-clean and nothing leaves our origin. The numbers are invented.
 */
import { describe, expect, it } from 'vitest';
import { browserAvailable, expectAccessible, expectOnlyOwnOrigin, useBrowserSuite } from './harness.ts';

const header =
  'jurisdiction,year,measure,form_of_exploitation,sex,age_group,value,unit,source,source_url,source_date,note';
const row = (value: string) =>
  `NZ,2030,convictions,labour,all,adult,${value},persons,Invented Ministry: Synthetic Table E (test fixture),https://example.org/synthetic/e,2031-03-01,`;
const csvFile = (value: string) => ({
  name: 'table-e.csv',
  mimeType: 'text/csv',
  buffer: Buffer.from(`${header}\r\n${row(value)}\r\n`, 'utf8'),
});

describe.runIf(browserAvailable())('statistics in Chromium', () => {
  const suite = useBrowserSuite();

  it('imports a table, names a bad cell, imports the fix and publishes it', async () => {
    const { page, requests } = suite.tab;
    await page.goto(`${suite.server.url}/app/statistics`);
    await page.getByRole('heading', { level: 1, name: 'Enforcement statistics' }).waitFor();
    await page.getByText('No import yet.').waitFor();
    await expectAccessible(page, 'the empty statistics page');

    await page.getByLabel('CSV file').setInputFiles(csvFile('-3'));
    await page.getByText('Read table-e.csv.').waitFor();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const problems = page.getByRole('table', { name: 'Problems in the file' });
    await problems.waitFor();
    const problem = problems.getByRole('row').filter({ has: page.getByRole('rowheader', { name: '2' }) });
    await problem.getByRole('cell', { name: 'value', exact: true }).waitFor();
    await problem.getByText('must be a whole number, 0 or more, got "-3"').waitFor();
    await page.getByText('No import yet.').waitFor();
    await expectAccessible(page, 'a refused import with its problems');

    await page.getByLabel('CSV file').setInputFiles(csvFile('6'));
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByText('Imported 1 figures as a draft.').waitFor();
    expect(await problems.count()).toBe(0);
    const figures = page.getByRole('table', { name: 'Current figures' });
    const figure = figures.getByRole('row').filter({ hasText: 'Synthetic Table E' });
    await figure.getByRole('cell', { name: '6', exact: true }).waitFor();
    await figure.getByRole('link', { name: 'Invented Ministry: Synthetic Table E (test fixture)' }).waitFor();
    await figure.getByText('draft').waitFor();

    const publicBefore = await (await fetch(`${suite.server.url}/api/v1/public/statistics`)).json();
    expect(publicBefore).toEqual([]);
    await page.getByRole('button', { name: 'Publish table-e.csv' }).click();
    await page.getByText('Published.').waitFor();
    await page.getByRole('button', { name: 'Unpublish table-e.csv' }).waitFor();
    await figure.getByText('published').waitFor();
    await expectAccessible(page, 'a published import and its figure');
    const published = (await (
      await fetch(`${suite.server.url}/api/v1/public/statistics?jurisdiction=NZ`)
    ).json()) as Array<{
      value: number;
      source: string;
      sourceDate: string;
    }>;
    expect(published.map((f) => [f.value, f.source, f.sourceDate])).toEqual([
      [6, 'Invented Ministry: Synthetic Table E (test fixture)', '2031-03-01'],
    ]);

    await page.getByRole('button', { name: 'Français' }).click();
    await page.getByRole('heading', { level: 1, name: 'Statistiques de répression' }).waitFor();
    await page
      .getByRole('table', { name: 'Chiffres en vigueur' })
      .getByRole('row')
      .filter({ hasText: 'Synthetic Table E' })
      .getByText('exploitation par le travail')
      .waitFor();
    await expectAccessible(page, 'the statistics page in French');
    expectOnlyOwnOrigin(requests, suite.server.url);
  });
});

/**
 * Case records in Chromium: an administrator imports an HTCDS file with a mistake and sees the problem named by
 * row and column, imports the corrected file and finds it listed, prepares a first release (suppressed, free),
 * checks the draft's table, publishes it, prepares a repeat (noisy, ε 0.5) and finds its cost on the dataset's
 * privacy ledger. Every state is axe-clean and nothing leaves our origin. The records are synthetic.
 */
import { describe, expect, it } from 'vitest';
import { browserAvailable, expectAccessible, expectOnlyOwnOrigin, useBrowserSuite } from './harness.ts';

/** n people per gender, referred in 2030; `badRow` puts a value outside the picklist in row 3. */
function casesCsv(badRow: boolean): { name: string; mimeType: string; buffer: Buffer } {
  const lines = ['ext_PersonRef,prs_Gender,cas_IncomingReferralDate'];
  let p = 0;
  for (const [gender, n] of [
    ['Feminine', 23],
    ['Masculine', 14],
    ['NonConforming', 3],
  ] as const)
    for (let i = 0; i < n; i++) lines.push(`E2E-${++p},${gender},2030-05-01`);
  if (badRow) lines[2] = 'E2E-2,Woman,2030-05-01';
  return { name: 'shelter-2030.csv', mimeType: 'text/csv', buffer: Buffer.from(`${lines.join('\r\n')}\r\n`) };
}

describe.runIf(browserAvailable())('case records in Chromium', () => {
  const suite = useBrowserSuite();

  it('imports, names a bad cell, prepares and publishes a release, and shows its cost on the ledger', async () => {
    const { page, requests } = suite.tab;
    await page.goto(`${suite.server.url}/app/cases`);
    await page.getByRole('heading', { level: 1, name: 'Case records' }).waitFor();
    await page.getByText('No import yet.').waitFor();
    await expectAccessible(page, 'the empty case records page');

    await page.getByLabel('CSV or Excel file').setInputFiles(casesCsv(true));
    await page.getByText('Read shelter-2030.csv.').waitFor();
    await page.getByLabel('Dataset', { exact: true }).fill('shelter');
    await page.getByLabel('Jurisdiction (ISO 3166 code, optional)').fill('NZ');
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const problems = page.getByRole('table', { name: 'Problems in the file' });
    await problems.waitFor();
    const problem = problems.getByRole('row').filter({ has: page.getByRole('rowheader', { name: '3' }) });
    await problem.getByRole('cell', { name: 'prs_Gender', exact: true }).waitFor();
    expect(await problems.textContent()).not.toContain('Woman');
    await expectAccessible(page, 'a refused import with its problems');

    await page.getByLabel('CSV or Excel file').setInputFiles(casesCsv(false));
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByText('Imported 40 records into shelter.').waitFor();
    const imports = page.getByRole('table', { name: 'Imported files' });
    await imports.getByRole('rowheader', { name: 'shelter-2030.csv' }).waitFor();

    const prepare = async (epsilon: string) => {
      await page.getByRole('checkbox', { name: 'gender' }).check();
      await page.getByLabel('Year of referral (optional)').fill('2030');
      await page.getByLabel('ε to spend if this table was released before').fill(epsilon);
      await page.getByRole('button', { name: 'Prepare draft' }).click();
      await page.getByText('Draft prepared. Check it below before you publish it.').waitFor();
    };
    await prepare('0.5');
    const draft = page.getByRole('table', { name: 'by gender in 2030: published counts' });
    await draft.getByRole('row').filter({ hasText: 'Feminine' }).getByRole('cell', { name: '20' }).waitFor();
    await draft.getByRole('row').filter({ hasText: 'NonConforming' }).getByText('fewer than 10').waitFor();
    expect(await page.getByRole('table', { name: 'Releases' }).textContent()).toContain('draft');
    expect(await (await fetch(`${suite.server.url}/api/v1/public/case-releases`)).json()).toEqual([]);
    await expectAccessible(page, 'a draft release to check');

    await page.getByRole('button', { name: 'Publish by gender in 2030' }).click();
    await page.getByText('Published.').waitFor();
    const published = (await (
      await fetch(`${suite.server.url}/api/v1/public/case-releases`)
    ).json()) as unknown[];
    expect(published).toHaveLength(1);
    expect(JSON.stringify(published)).not.toContain('E2E-');

    await prepare('0.5');
    const costs = page.getByRole('table', { name: /What each release of cases\/shelter in \d{4} cost/ });
    await costs.getByRole('cell', { name: '0.5', exact: true }).waitFor();
    const ledger = page.getByRole('table', { name: 'Privacy budget by dataset and year' });
    await ledger.getByRole('cell', { name: '3.5', exact: true }).waitFor();
    await expectAccessible(page, 'the ledger with the release’s cost');

    await page.getByRole('button', { name: 'Français' }).click();
    await page.getByRole('heading', { level: 1, name: 'Dossiers' }).waitFor();
    await page
      .getByRole('table', { name: 'Budget de confidentialité par jeu de données et par année' })
      .waitFor();
    await expectAccessible(page, 'the case records page in French');
    expectOnlyOwnOrigin(requests, suite.server.url);
  });
});

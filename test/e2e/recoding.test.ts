/**
 * From bill to law end to end: an invented statute with one coded answer, an enacted invented bill amending its
 * penalty section imported through the API, then in Chromium: the recoding list, the task page (target,
 * effective date), applying it with the keyboard, and the suggested answers labelled machine-suggested with a
 * link to their review; each page axe-clean.
 */
import { describe, expect, it } from 'vitest';
import {
  billFile,
  billRecord,
  codeCitation,
  codeText,
  effective,
  lawStart,
  texas,
} from '../recoding-fixtures.ts';
import {
  apiFromPage,
  browserAvailable,
  expectAccessible,
  expectOnlyOwnOrigin,
  useBrowserSuite,
} from './harness.ts';

describe.runIf(browserAvailable())('recoding in Chromium', () => {
  const suite = useBrowserSuite();

  it('lists the task an enacted bill opened, applies it, and shows the suggestions to review', async () => {
    const { page } = suite.tab;
    const law = await apiFromPage<{ document: { id: string }; version: { id: string } }>(
      page,
      'POST',
      '/api/v1/laws/import',
      {
        jurisdictionId: texas,
        format: 'text',
        content: codeText,
        citation: codeCitation,
        effectiveFrom: lawStart,
      },
    );
    const text = await apiFromPage<{ provisions: Array<{ id: string; citation: string }> }>(
      page,
      'GET',
      `/api/v1/laws/${law.document.id}/versions/${law.version.id}`,
    );
    await apiFromPage(page, 'POST', '/api/v1/answers', {
      jurisdictionId: texas,
      indicatorId: 'CR-01',
      value: 'P',
      citations: [
        {
          provisionId: text.provisions.find((p) => p.citation === 's. 1')?.id,
          quote: 'recruits, transports, transfers, harbours or receives',
        },
      ],
    });
    await apiFromPage(page, 'POST', '/api/v1/bills/import', {
      format: 'openstates',
      files: [billFile('hb701.json', billRecord({ n: 1 }))],
    });

    await page.goto(`${suite.server.url}/app/recoding`);
    await page.getByRole('heading', { level: 1, name: 'Recoding' }).waitFor();
    const table = page.getByRole('table', { name: 'Recoding tasks' });
    await table.waitFor();
    const row = table.getByRole('row', { name: /HB 701/ });
    await expect.poll(() => row.textContent()).toContain(effective);
    expect(await row.textContent()).toContain('open');
    await expectAccessible(page, 'the recoding task list');

    await row.getByRole('link', { name: /HB 701/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Recoding: HB 701' }).waitFor();
    await page.getByRole('link', { name: codeCitation }).waitFor();
    expect(await page.getByText(`${effective} (from the “became law” action)`).count()).toBe(1);
    await expectAccessible(page, 'an open recoding task with the apply and dismiss forms');

    // Keyboard only: the date is filled in from the bill; tab to the button and press Enter.
    await page.getByLabel('Effective date (YYYY-MM-DD)').focus();
    expect(await page.getByLabel('Effective date (YYYY-MM-DD)').inputValue()).toBe(effective);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Apply');
    await page.keyboard.press('Enter');

    const suggestions = page.getByRole('table', { name: 'Suggested answers' });
    await suggestions.waitFor();
    const pn = suggestions.getByRole('row', { name: /PN-01/ });
    await expect.poll(() => pn.textContent()).toContain('Machine-suggested, not reviewed');
    expect(await pn.textContent()).toContain('not coded');
    const review = pn.getByRole('link', { name: 'Review the suggestions for this version' });
    expect(await review.getAttribute('href')).toContain(`/app/laws/${law.document.id}?version=`);
    await page.getByText('applied, awaiting review').waitFor();
    expect(await page.getByRole('button', { name: 'Apply' }).count()).toBe(0);
    await expectAccessible(page, 'an applied recoding task with its suggestions');
    expectOnlyOwnOrigin(suite.tab.requests, suite.server.url);
  }, 120_000);
});

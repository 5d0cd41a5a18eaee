/**
 * Analyzer suggestions end to end: upload a small invented statute as a file, see the suggestions beside its
 * text labelled machine-suggested, accept one with the mouse and one with the keyboard, reject one, and see the
 * coded answers they became. The page stays axe-clean throughout.
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
const statute = [
  'Safe Harbour Workers Act',
  'Section 1. Offence',
  'A person who recruits another person by deception for the purpose of forced labour commits an offence.',
  'Section 2. Assistance',
  'The Ministry shall provide shelter to every person harmed by an offence under section 1.',
].join('\n');

describe.runIf(browserAvailable())('analyzer suggestions in Chromium', () => {
  const suite = useBrowserSuite();

  it('uploads a statute, reviews machine suggestions and sees the coded answers', async () => {
    const { page } = suite.tab;
    await page.goto(`${suite.server.url}/app/laws`);
    await page.getByRole('heading', { level: 2, name: 'Upload a document' }).waitFor();
    await page.getByLabel('Jurisdiction of the upload, as an OCD id').fill(jurisdiction);
    await page.getByLabel('Document file').setInputFiles({
      name: 'safe-harbour-workers-act.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from(statute),
    });
    await page.getByLabel('Citation (when the file does not state it)').fill('Safe Harbour Workers Act 2030');
    await page.getByLabel('Applies from (when the file does not state it)').fill('2030-01-01');
    await expect(
      page.getByLabel('Suggest answers with the analyzer', { exact: false }).isChecked(),
    ).resolves.toBe(true);
    await page.getByRole('button', { name: 'Upload', exact: true }).click();
    await page.getByText('66 suggestions stored for review.').waitFor();
    await page.getByRole('link', { name: 'Review the text and suggestions' }).click();

    await page.getByRole('heading', { level: 2, name: 'Analyzer suggestions' }).waitFor();
    await page.getByText('The Ministry shall provide shelter', { exact: false }).first().waitFor();
    const cards = page.locator('article.suggestion');
    await cards.first().waitFor();
    expect(await cards.count()).toBe(66);
    const first = cards.first();
    await first.getByText('Machine-suggested, not reviewed').waitFor();
    // Suggestions with evidence come first, their quote highlighted inside the provision text.
    if ((await first.getByText('No provision quoted.').count()) === 0) {
      const marked = await first.locator('blockquote mark').first().textContent();
      expect(statute).toContain(marked ?? 'missing mark');
    }
    await expectAccessible(page, 'a version with its analyzer suggestions');

    await first.getByRole('button', { name: 'Accept', exact: true }).click();
    await first.getByText(/^Accepted: coded answer [YPN012] \(coded\)\.$/).waitFor();
    await first.getByText(/^Accepted by user:/).waitFor();
    expect(await first.getByText('Machine-suggested, not reviewed').count()).toBe(0);

    // The keyboard alone: focus the next card's Accept button and press Enter.
    const second = cards.nth(1);
    await second.getByRole('button', { name: 'Accept', exact: true }).focus();
    await page.keyboard.press('Enter');
    await second.getByText(/^Accepted: coded answer/).waitFor();

    const third = cards.nth(2);
    await third.getByRole('button', { name: 'Reject' }).click();
    await third.getByLabel('Reason (optional)').fill('not about this law');
    await third.getByRole('button', { name: 'Confirm rejection' }).click();
    await third.getByText('Rejected.').waitFor();
    await expectAccessible(page, 'suggestions after review');

    const answers = await apiFromPage<Array<{ status: string; indicatorId: string }>>(
      page,
      'GET',
      `/api/v1/answers?jurisdiction=${encodeURIComponent(jurisdiction)}&status=coded`,
    );
    expect(answers).toHaveLength(2);
    expectOnlyOwnOrigin(suite.tab.requests, suite.server.url);
  }, 120_000);
});

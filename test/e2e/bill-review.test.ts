/**
 * Live bills on the gap report: an administrator links two invented New Zealand bills to an unmet indicator,
 * one still in committee and one enacted; the gap lists only the live one, with its stage and latest action,
 * and the page stays accessible. A machine-suggested link is labelled as such.
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

const bill = (
  id: string,
  identifier: string,
  actions: { description: string; classification: string[] }[],
) => ({
  _id: id,
  legislative_session: '2091',
  identifier,
  title: `An invented bill ${identifier} on labour exploitation`,
  from_organization: '~{"classification": "legislature"}',
  classification: ['bill'],
  subject: ['Labour'],
  abstracts: [],
  sponsorships: [],
  actions: actions.map((a, i) => ({
    organization_id: '~{"classification": "legislature"}',
    date: `2091-0${i + 1}-10`,
    related_entities: [],
    ...a,
  })),
  versions: [],
  documents: [],
  related_bills: [],
  sources: [{ url: `https://example.invalid/nz/${identifier}`, note: '' }],
  jurisdiction,
});

describe.runIf(browserAvailable())('live bills on the gap report in Chromium', () => {
  const suite = useBrowserSuite();
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const { page } = suite.tab;
    await apiFromPage(page, 'POST', '/api/v1/answers', {
      jurisdictionId: jurisdiction,
      indicatorId: 'CR-01',
      value: 'N',
      citations: [],
      validFrom: '2021-01-01',
    });
    const files = [
      bill('1c0d9a3e-5b6f-4e21-9a8b-0c1d2e3f4a71', 'NZ 71', [
        { description: 'Introduced', classification: ['introduction'] },
        { description: 'Referred to the Invented Affairs Committee', classification: ['referral-committee'] },
      ]),
      bill('1c0d9a3e-5b6f-4e21-9a8b-0c1d2e3f4a72', 'NZ 72', [
        { description: 'Introduced', classification: ['introduction'] },
        { description: 'Royal assent', classification: ['became-law'] },
      ]),
    ].map((b, i) => ({ name: `nz-${i}.json`, content: JSON.stringify(b) }));
    await apiFromPage(page, 'POST', '/api/v1/bills/import', { format: 'openstates', files });
    const list = await apiFromPage<{ id: string; identifier: string }[]>(
      page,
      'GET',
      `/api/v1/bills?jurisdiction=${encodeURIComponent(jurisdiction)}`,
    );
    for (const b of list) {
      await apiFromPage(page, 'POST', `/api/v1/bills/${b.id}/links/CR-01`, { status: 'confirmed' });
      ids[b.identifier] = b.id;
    }
  });

  it('lists the live linked bill on its gap, not the enacted one', async () => {
    const { page, requests } = suite.tab;
    await page.goto(
      `${suite.server.url}/app/gaps?jurisdiction=${encodeURIComponent(jurisdiction)}&include=coded`,
    );
    await page.getByRole('heading', { level: 1, name: /Gap report: New Zealand/ }).waitFor();
    const gap = page.locator('li.gap').filter({ hasText: 'CR-01' });
    const live = gap.locator('section.gap-live-bills');
    await live.getByRole('heading', { level: 4, name: 'Live bills on this gap (1)' }).waitFor();
    expect(await live.locator('li').count()).toBe(1);
    const text = (await live.locator('li').first().textContent()) ?? '';
    expect(text).toContain('NZ 71');
    expect(text).toContain('Stage: in committee');
    expect(text).toContain('Referred to the Invented Affairs Committee');
    expect(text).not.toContain('Machine-suggested');
    expect(await gap.getByText('NZ 72').count()).toBe(0);
    expect(await live.getByRole('link', { name: 'NZ 71' }).getAttribute('href')).toBe(
      `/app/bills/${ids['NZ 71'] ?? ''}`,
    );
    await expectAccessible(page, 'the gap report with live bills');
    expectOnlyOwnOrigin(requests, suite.server.url);
  });

  it('overrides an action’s classes and decides a link on the bill page', async () => {
    const { page } = suite.tab;
    await page.goto(`${suite.server.url}/app/bills/${ids['NZ 71'] ?? ''}`);
    const row = page.locator('tr').filter({ hasText: 'Referred to the Invented Affairs Committee' });
    await row.getByRole('button', { name: 'Override the classes' }).click();
    await row.getByLabel('referral-committee').uncheck();
    await row.getByLabel('withdrawal', { exact: true }).check();
    await row.getByRole('button', { name: 'Save the override' }).click();
    await row.getByText('Give a reason.').waitFor();
    await expectAccessible(page, 'the override form with an error');
    await row.getByLabel('Reason').fill('The sponsor withdrew it; the scraper read a referral.');
    await row.getByRole('button', { name: 'Save the override' }).click();
    await row.getByText('Override saved. The bill’s stage is now failed.').waitFor();
    // The override's classes arrive with the bill's reloaded overrides, just after the status message.
    await expect
      .poll(() => row.locator('dl.facts').textContent(), { timeout: 10_000 })
      .toContain('withdrawal');
    expect(await row.locator('dl.facts').textContent()).toContain('referral-committee');
    const links = page.locator('section.bill-links');
    await links.getByRole('heading', { name: 'Indicators this bill would change' }).waitFor();
    await links.getByRole('button', { name: 'Reject the link to CR-01' }).click();
    await links.getByText('The link to CR-01 is now rejected.').waitFor();
    await links.getByRole('button', { name: 'Confirm the link to CR-01' }).waitFor();
    await expectAccessible(page, 'the bill page with an override and links');
  });
});

/**
 * Campaigns in Chromium: an administrator starts a campaign from a gap (the form arrives pre-filled from the
 * gap report's link), adds a partner organisation, writes a milestone and sees it on the timeline, changes the
 * status, and reads the board in Spanish. Every page is axe-clean and nothing leaves our origin.
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

describe.runIf(browserAvailable())('campaigns in Chromium', () => {
  const suite = useBrowserSuite();

  it('starts a campaign from a gap, adds a partner and a milestone, and changes its status', async () => {
    const { page, requests } = suite.tab;
    await apiFromPage(page, 'POST', '/api/v1/organizations', { name: 'Partner Shelter' });
    await page.goto(
      `${suite.server.url}/app/campaigns?jurisdiction=${encodeURIComponent(jurisdiction)}&gap=CR-01`,
    );
    await page.getByRole('heading', { level: 1, name: 'Campaigns' }).waitFor();
    await page.getByText('No campaign yet.').waitFor();
    expect(await page.getByLabel('Jurisdiction (OCD division id)').inputValue()).toBe(jurisdiction);
    expect(await page.getByLabel('Gaps to close (indicator ids, separated by commas)').inputValue()).toBe(
      'CR-01',
    );
    await expectAccessible(page, 'the empty campaign board with its form');

    await page.getByLabel('Title').fill('Criminalise all forms of trafficking');
    await page.getByRole('button', { name: 'Create campaign' }).click();
    await page.getByRole('heading', { level: 1, name: 'Criminalise all forms of trafficking' }).waitFor();
    await page.getByText('No partner yet.').waitFor();
    await page.getByText('No campaign bill is decided yet', { exact: false }).waitFor();

    await page.getByLabel('Organization (slug or id)').fill('partner-shelter');
    await page.getByLabel('Role').selectOption('editor');
    await page.getByRole('button', { name: 'Save partner' }).click();
    await page.getByText('Partner Shelter (editor)').waitFor();

    await page.getByLabel('Date', { exact: true }).fill('2027-02-01');
    await page.getByLabel('What happened').fill('Met the committee chair');
    await page.getByRole('button', { name: 'Add milestone' }).click();
    await page.getByRole('rowheader', { name: 'Met the committee chair' }).waitFor();

    await page.getByLabel('Title of the message').fill('To the committee');
    await page
      .getByLabel('Text', { exact: true })
      .fill('Dear {{target.name}}, {{organization.name}} asks you to close {{gaps}}.');
    await page.getByRole('button', { name: 'Save message' }).click();
    await page.getByRole('heading', { level: 3, name: /To the committee/ }).waitFor();
    await page.getByRole('button', { name: 'Preview To the committee' }).click();
    await page.getByText('Dear [target.name], Freedom Network asks you to close CR-01.').waitFor();
    await page.getByLabel('Fact (a statistic or finding)').fill('An invented figure for a test.');
    await page.getByLabel('Source', { exact: true }).fill('Invented report, p. 1');
    await page.getByLabel('Date of the fact').fill('2026-01-31');
    await page.getByRole('button', { name: 'Add fact' }).click();
    await page.getByText('(Source: Invented report, p. 1, 2026-01-31)').waitFor();

    await page.getByLabel('Status').selectOption('active');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Campaign saved.').waitFor();
    await expectAccessible(page, 'a campaign with a partner, a milestone and the status form');

    await page.goto(`${suite.server.url}/app/campaigns`);
    const row = page.getByRole('row').filter({ hasText: 'Criminalise all forms of trafficking' });
    await row.getByText('active').waitFor();
    await page.getByRole('button', { name: 'Español' }).click();
    await page.getByRole('heading', { level: 1, name: 'Campañas' }).waitFor();
    await row.getByText('activa').waitFor();
    await expectAccessible(page, 'the campaign board in Spanish');
    expectOnlyOwnOrigin(requests, suite.server.url);
  });
});

describe.runIf(browserAvailable())('campaign targets follow the bill in Chromium', () => {
  const suite = useBrowserSuite();
  const tx = 'ocd-division/country:us/state:tx';
  const gov = 'ocd-jurisdiction/country:us/state:tx/government';
  const person = (id: string, name: string, type: string) =>
    `id: ${id}\nname: ${name}\nparty:\n  - name: Independent\nroles:\n  - type: ${type}\n    district: "1"\n    jurisdiction: ${gov}\n    start_date: "2020-01-01"\n`;
  const chair = 'ocd-person/11111111-2222-4333-8444-555555555555';
  const member = 'ocd-person/66666666-7777-4888-9999-000000000000';
  const committee = `id: ocd-organization/aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee\njurisdiction: ${gov}\nclassification: committee\nname: Invented Affairs\nchamber: lower\nmembers:\n  - name: Avery Chair\n    role: chair\n    person_id: ${chair}\n`;
  const lower = '~{"classification": "lower"}';
  const bill = (actions: unknown[]) => ({
    format: 'openstates',
    jurisdiction: tx,
    files: [
      {
        name: 'hb-90.json',
        content: JSON.stringify({
          _id: 'd00dfeed-0000-4000-8000-000000000090',
          legislative_session: '2027R',
          identifier: 'HB 90',
          title: 'An invented act for a browser test',
          from_organization: lower,
          actions,
        }),
      },
    ],
  });
  const filed = {
    date: '2027-01-10',
    description: 'Filed',
    classification: ['introduction'],
    organization: lower,
  };
  const referred = {
    date: '2027-01-12',
    description: 'Referred to Invented Affairs',
    classification: ['referral-committee'],
    organization: { name: 'Invented Affairs', classification: 'committee' },
  };
  const reported = {
    date: '2027-02-01',
    description: 'Reported favorably',
    classification: ['committee-passage-favorable'],
    organization: lower,
  };

  it('shows the committee for a bill in committee, then the floor once the bill is reported', async () => {
    const { page, requests } = suite.tab;
    await apiFromPage(page, 'POST', '/api/v1/people/import', {
      files: [
        { name: 'chair.yml', content: person(chair, 'Avery Chair', 'lower') },
        { name: 'member.yml', content: person(member, 'Blake Member', 'lower') },
        { name: 'committee.yml', content: committee },
      ],
    });
    await apiFromPage(page, 'POST', '/api/v1/bills/import', bill([filed, referred]));
    const bills = await apiFromPage<Array<{ id: string }>>(
      page,
      'GET',
      `/api/v1/bills?jurisdiction=${encodeURIComponent(tx)}`,
    );
    await page.goto(
      `${suite.server.url}/app/campaigns?jurisdiction=${encodeURIComponent(tx)}&gap=CR-01&bill=${encodeURIComponent(bills[0]!.id)}`,
    );
    await page.getByLabel('Title').fill('Pass HB 90');
    await page.getByRole('button', { name: 'Create campaign' }).click();
    await page.getByRole('heading', { level: 1, name: 'Pass HB 90' }).waitFor();
    await page.getByText('In committee: Invented Affairs').waitFor();
    const targets = page.getByRole('table', { name: 'Targets · HB 90' });
    await targets.getByRole('rowheader', { name: 'Avery Chair' }).waitFor();
    expect(await targets.getByRole('rowheader', { name: 'Blake Member' }).count()).toBe(0);

    await page.getByLabel('Position', { exact: true }).selectOption('support');
    await page.getByRole('button', { name: 'Save position' }).click();
    await page.getByText('Position saved.').waitFor();
    await page.getByText('support 1', { exact: false }).waitFor();
    await expectAccessible(page, 'a campaign with its targets in committee');

    await apiFromPage(page, 'POST', '/api/v1/bills/import', bill([filed, referred, reported]));
    await page.reload();
    await page.getByText('On the floor: lower chamber').waitFor();
    await targets.getByRole('rowheader', { name: 'Blake Member' }).waitFor();
    await targets
      .getByRole('row')
      .filter({ hasText: 'Avery Chair' })
      .getByText(/^support \(/)
      .waitFor();
    await expectAccessible(page, 'a campaign with its targets on the floor');
    expectOnlyOwnOrigin(requests, suite.server.url);
  });
});

describe.runIf(browserAvailable())('survivor stories in Chromium', () => {
  const suite = useBrowserSuite();

  it('blocks a story that names the person, publishes a consented one, and withdraws it everywhere', async () => {
    const { page, requests } = suite.tab;
    const campaign = await apiFromPage<{ id: string }>(page, 'POST', '/api/v1/campaigns', {
      title: 'Voices for the law',
      jurisdictionId: jurisdiction,
      gaps: ['CR-01'],
    });
    const publicStories = () =>
      apiFromPage<Array<{ pseudonym: string; text: string }>>(
        page,
        'GET',
        `/api/v1/public/campaigns/${campaign.id}/stories`,
      );
    await page.goto(`${suite.server.url}/app/campaigns/${campaign.id}`);
    await page.getByRole('heading', { level: 2, name: 'Survivor stories' }).waitFor();
    await page.getByText('No story recorded.').waitFor();

    await page.getByLabel('Pseudonym').fill('Rosa');
    await page.getByLabel('Story', { exact: true }).fill('Marisol was promised work in a hotel.');
    await page.getByLabel('Name', { exact: true }).fill('Marisol Ortega');
    await page.getByLabel('Purpose of use').fill('Campaign page');
    await page.getByLabel('Date consent was given').fill('2026-02-01');
    await page.getByLabel('Consent expires on').fill('2028-02-01');
    await page.getByLabel('How to withdraw').fill('Call the advocate on duty');
    await page.getByLabel('Retention (months)').fill('12');
    await page.getByLabel('Non-identifying research use').selectOption('no');
    await page.getByLabel('Consent text version').fill('v1');
    await page.getByLabel('Recorded by').fill('Advocate K.');
    await page.getByRole('button', { name: 'Save story' }).click();
    await page.getByText('Story saved as a draft.').waitFor();
    const story = page.locator('li.story').filter({ hasText: 'Rosa' });
    await story.getByRole('button', { name: 'Publish Rosa' }).click();
    await story.getByRole('alert').filter({ hasText: 'name' }).waitFor();
    expect(await publicStories()).toEqual([]);
    await expectAccessible(page, 'a story blocked for naming the person');

    const id = (
      await apiFromPage<Array<{ id: string }>>(page, 'GET', `/api/v1/campaigns/${campaign.id}/stories`)
    )[0]!.id;
    await apiFromPage(page, 'PATCH', `/api/v1/stories/${id}`, { text: 'She was promised work in a hotel.' });
    await page.reload();
    await story.getByRole('button', { name: 'Publish Rosa' }).click();
    await story.getByText('Story published.').waitFor();
    expect((await publicStories()).map((s) => [s.pseudonym, s.text])).toEqual([
      ['Rosa', 'She was promised work in a hotel.'],
    ]);

    page.once('dialog', (d) => void d.accept());
    await story.getByRole('button', { name: 'Withdraw Rosa' }).click();
    await story.getByText('The text was removed when the story was withdrawn.').waitFor();
    expect(await publicStories()).toEqual([]);
    await expectAccessible(page, 'a withdrawn story');
    expectOnlyOwnOrigin(requests, suite.server.url);
  });
});

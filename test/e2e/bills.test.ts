/**
 * The bill pages end to end, on invented data seeded through the API: the bill list filtered by stage (a
 * link), a bill's timeline, sponsors and votes by member, a word diff between two versions, the gaps a bill
 * would close (machine-projected over published Texas answers), the printable brief, a person's page and a
 * committee's page; each page axe-clean, the contents reachable by keyboard, and each page's labels in
 * Spanish and French.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { fixtureFile, hb4021Import, tx } from '../bill-fixtures.ts';
import { impactBillsPage, texasAnswers } from '../bill-impact-fixtures.ts';
import {
  apiFromPage,
  browserAvailable,
  expectAccessible,
  expectOnlyOwnOrigin,
  useBrowserSuite,
} from './harness.ts';

const avery = '0f3a7c2e-5b1d-4e8a-9c6f-2d4b8e1a7f30';
const affairs = '5a6b7c8d-1e2f-4a3b-9c4d-5e6f7a8b9c0d';

// An invented Texas provision the published answers cite.
const texasCode = `Texas Fictional Code

Section 1. Trafficking
A person who traffics another person for exploitation commits an offence.
`;

/** Imports the bills, people, votes, hearings, a Texas law and its published answers; returns bill ids. */
async function seed(page: Page): Promise<Record<string, string>> {
  const post = <T>(url: string, body: unknown) => apiFromPage<T>(page, 'POST', url, body);
  await post('/api/v1/bills/import', hb4021Import);
  await post('/api/v1/bills/import', {
    format: 'openstates',
    files: [{ name: 'impact.json', content: JSON.stringify(impactBillsPage) }],
  });
  await post('/api/v1/people/import', {
    files: [
      fixtureFile('people/avery-quill.yml'),
      fixtureFile('people/rowan-pike.json'),
      fixtureFile('people/committee-invented-affairs.yml'),
    ],
    jurisdiction: tx,
  });
  await post('/api/v1/bills/import-votes', {
    format: 'openstates',
    files: [fixtureFile('votes/openstates/votes-hb-4021.json')],
    jurisdiction: tx,
  });
  await post('/api/v1/bills/import-events', {
    files: [fixtureFile('events/openstates/hearings.json')],
    jurisdiction: tx,
  });
  const law = await post<{ document: { id: string }; version: { id: string } }>('/api/v1/laws/import', {
    jurisdictionId: tx,
    format: 'text',
    content: texasCode,
    citation: 'TFC',
    effectiveFrom: '2020-01-01',
  });
  const text = await apiFromPage<{ provisions: { id: string; citation: string }[] }>(
    page,
    'GET',
    `/api/v1/laws/${encodeURIComponent(law.document.id)}/versions/${encodeURIComponent(law.version.id)}`,
  );
  const provisionId = text.provisions.find((p) => p.citation === 's. 1')?.id;
  if (!provisionId) throw new Error(`no s. 1 in ${text.provisions.map((p) => p.citation).join(', ')}`);
  // A reviewer's token reviews what the administrator coded (nobody reviews their own coding).
  const reviewer = await post<{ secret: string }>('/api/v1/organizations/current/tokens', {
    name: 'e2e reviewer',
    role: 'reviewer',
  });
  for (const [indicatorId, value] of Object.entries(texasAnswers)) {
    const answer = await post<{ id: string }>('/api/v1/answers', {
      jurisdictionId: tx,
      indicatorId,
      value,
      citations: [{ provisionId, quote: 'traffics another person' }],
    });
    const reviewed = await fetch(new URL(`/api/v1/answers/${answer.id}/status`, page.url()), {
      method: 'POST',
      headers: { authorization: `Bearer ${reviewer.secret}`, 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'reviewed' }),
    });
    if (!reviewed.ok) throw new Error(`review failed: ${reviewed.status} ${await reviewed.text()}`);
    await post(`/api/v1/answers/${answer.id}/status`, { status: 'published' });
  }
  const bills = await apiFromPage<{ id: string; identifier: string }[]>(page, 'GET', '/api/v1/bills');
  return Object.fromEntries(bills.map((b) => [b.identifier, b.id]));
}

describe.runIf(browserAvailable())('bill, person and committee pages in Chromium', () => {
  const suite = useBrowserSuite();
  let ids: Record<string, string> = {};
  const url = (path: string) => `${suite.server.url}/app${path}`;

  it('lists bills and filters them by stage through a linkable URL', async () => {
    const { page } = suite.tab;
    ids = await seed(page);
    expect(Object.keys(ids).sort()).toEqual(['HB 4021', 'HB 9001', 'HB 9002']);
    await page.goto(url('/bills'));
    await page.getByRole('table', { name: 'Bills (3)' }).waitFor();
    await expectAccessible(page, 'the bill list');

    await page.getByLabel('Stage').selectOption('passed_one_chamber');
    await page.getByRole('button', { name: 'Show bills' }).click();
    const table = page.getByRole('table', { name: 'Bills (1)' });
    await table.waitFor();
    expect(new URL(page.url()).searchParams.get('stage')).toBe('passed_one_chamber');
    const row = table.getByRole('row', { name: /HB 4021/ });
    const text = await row.textContent();
    expect(text).toContain('Passed one chamber');
    expect(text).toContain('Received in the Senate; referred to Committee on Imaginary Matters, 2091-03-22');
    expect(text).toContain('1 flagged');

    // The filtered view is a link: opening it afresh shows the same list, the filter chosen.
    await page.goto(url('/bills?stage=introduced'));
    await page.getByRole('table', { name: 'Bills (2)' }).waitFor();
    expect(await page.getByLabel('Stage').inputValue()).toBe('introduced');

    // Subject and indicator filters (the API filters; the indicator by the bill's confirmed links).
    await page.getByLabel('Stage').selectOption('');
    await page.getByLabel('Subject').selectOption('Labor');
    await page.getByRole('button', { name: 'Show bills' }).click();
    await page.getByRole('table', { name: 'Bills (1)' }).getByRole('link', { name: 'HB 4021' }).waitFor();
    expect(new URL(page.url()).search).toBe('?subject=Labor');
    await apiFromPage(page, 'POST', `/api/v1/bills/${ids['HB 9001']}/links/CR-01`, { status: 'confirmed' });
    await page.goto(url('/bills?indicator=CR-01'));
    const linked = page.getByRole('table', { name: /^Bills \(\d+\)$/ });
    await linked.getByRole('link', { name: 'HB 9001' }).waitFor();
    expect(await linked.getByRole('link', { name: 'HB 9002' }).count()).toBe(0);
    await expect.poll(() => page.getByLabel('Indicator').inputValue()).toBe('CR-01');
  }, 120_000);

  it('shows a bill: stage, timeline with the flagged class, sponsors linked to people, votes by member', async () => {
    const { page } = suite.tab;
    await page.goto(url('/bills'));
    await page.getByRole('link', { name: 'HB 4021' }).click();
    await page
      .getByRole('heading', { level: 1, name: /^HB 4021: An invented act relating to shelter grants/ })
      .waitFor();
    const timeline = page.getByRole('table', { name: 'Actions (5), oldest first' });
    await timeline.waitFor();
    const flagged = timeline.getByRole('row', { name: /Placed on the local calendar/ });
    expect(await flagged.textContent()).toContain('unknown class: calendar-local');
    expect(await timeline.getByRole('row', { name: /Passed the House/ }).textContent()).toContain(
      'Lower chamber',
    );
    await page
      .getByText('1 action(s) carry a class outside the Open States vocabulary', { exact: false })
      .waitFor();

    const sponsors = page.getByRole('region', { name: 'Sponsors' });
    expect(await sponsors.getByRole('link', { name: 'Avery Quill' }).getAttribute('href')).toBe(
      `/app/people/${avery}`,
    );
    expect(await sponsors.textContent()).toContain('primary sponsor');

    const members = page.getByRole('table', {
      name: 'How members voted: Third reading and final passage (2091-03-20)',
    });
    await members.waitFor();
    expect(await members.getByRole('row', { name: /Imaginary Member/ }).textContent()).toContain('excused');
    const votes = page.getByRole('region', { name: 'Votes' });
    expect(await votes.textContent()).toContain('yes 2, excused 1');
    await page.getByRole('heading', { level: 3, name: /Committee on Invented Affairs/ }).waitFor();
    await expectAccessible(page, 'a bill’s page');

    // Keyboard: Tab from the heading reaches the contents, and Enter follows a section link.
    await page.getByRole('heading', { level: 1 }).focus();
    let reached = false;
    for (let i = 0; i < 30 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = (await page.evaluate(() => document.activeElement?.textContent)) === 'Votes';
    }
    expect(reached).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => new URL(page.url()).hash).toBe('#bill-votes');
  }, 120_000);

  it('diffs two versions and shows the gaps the bill would close, labelled as machine suggestions', async () => {
    const { page } = suite.tab;
    const id = ids['HB 9001'] ?? '';
    await page.goto(url(`/bills/${id}`));
    const impact = page.getByRole('region', { name: 'Gaps this bill would close' });
    await impact.getByText('Machine suggestions:', { exact: false }).waitFor();
    await impact.getByRole('table', { name: 'Score by area' }).waitFor();
    expect(await impact.textContent()).toContain('+31.8');
    expect(await impact.locator('blockquote').first().textContent()).toMatch(/recruits, transports/);

    await page.getByLabel('Compare from').selectOption({ label: 'Introduced (2091-01-05)' });
    await page.getByLabel('to', { exact: true }).selectOption({ label: 'Engrossed (2091-03-01)' });
    await page.getByRole('button', { name: 'Compare the versions' }).click();
    await page
      .getByRole('heading', { name: 'Changes from “Introduced (2091-01-05)” to “Engrossed (2091-03-01)”' })
      .waitFor();
    expect(new URL(page.url()).search).toBe('?from=0&to=1');
    await page.getByText(/^\d+ words inserted, 0 words deleted\.$/).waitFor();
    const inserted = page.locator('.bill-diff ins');
    expect(await inserted.first().textContent()).toContain('[inserted: ');
    expect(await inserted.first().textContent()).toContain('Section 2. Penalties');
    await expectAccessible(page, 'a bill with its diff and impact');

    // The bill without text says so instead of failing.
    await page.goto(url(`/bills/${ids['HB 9002'] ?? ''}`));
    await page.getByText('No version of this bill carries text, so no projection can be made.').waitFor();
  }, 120_000);

  it('prints a one-page brief without navigation', async () => {
    const { page } = suite.tab;
    await page.goto(url(`/bills/${ids['HB 9001'] ?? ''}/brief`));
    await page.getByRole('heading', { level: 1, name: 'Brief: HB 9001' }).waitFor();
    await page
      .getByRole('region', { name: 'Gaps this bill would close' })
      .getByText('+31.8')
      .first()
      .waitFor();
    await expectAccessible(page, 'a bill’s brief');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('header.site').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Print this brief' }).isVisible()).toBe(false);
    expect(await page.getByText('Latest actions').isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
  }, 120_000);

  it('shows a person with roles, offices, committees, sponsorships and votes', async () => {
    const { page } = suite.tab;
    await page.goto(url(`/people/${avery}`));
    await page.getByRole('heading', { level: 1, name: 'Avery Quill' }).waitFor();
    await page.getByRole('table', { name: 'Roles (2)' }).waitFor();
    expect(await page.locator('.facts').first().textContent()).toContain('Democratic');
    await page.getByRole('heading', { level: 3, name: 'Capitol office' }).waitFor();
    expect(await page.getByRole('link', { name: 'Invented Affairs' }).getAttribute('href')).toBe(
      `/app/committees/${affairs}`,
    );
    await page
      .getByRole('table', { name: 'Sponsored bills (1)' })
      .getByRole('link', { name: 'HB 4021' })
      .waitFor();
    const votes = page.getByRole('table', { name: 'Votes (2), newest first' });
    expect(await votes.getByRole('row', { name: /Third reading/ }).textContent()).toContain('yes');
    await expectAccessible(page, 'a person’s page');
  }, 120_000);

  it('shows a committee with its members and the bills it heard', async () => {
    const { page } = suite.tab;
    await page.goto(url(`/committees/${affairs}`));
    await page.getByRole('heading', { level: 1, name: 'Invented Affairs' }).waitFor();
    const members = page.getByRole('table', { name: 'Members (2)' });
    expect(await members.getByRole('row', { name: /Avery Quill/ }).textContent()).toContain('chair');
    expect(await members.getByRole('row', { name: /Rowan Pike/ }).textContent()).toContain('member');
    const hearings = page.getByRole('table', { name: 'Hearings (1), oldest first' });
    await hearings.getByRole('link', { name: 'HB 4021' }).click();
    await page.getByRole('heading', { level: 1, name: /^HB 4021:/ }).waitFor();
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: 'Invented Affairs' }).waitFor();
    await expectAccessible(page, 'a committee’s page');
  }, 120_000);

  it('shows every page’s labels in Spanish and French', async () => {
    const { page, requests } = suite.tab;
    const pages: [string, Record<'es' | 'fr', string[]>][] = [
      ['/bills', { es: ['Proyectos de ley', 'Etapa'], fr: ['Projets de loi', 'Étape'] }],
      [
        `/bills/${ids['HB 4021'] ?? ''}`,
        { es: ['Cronología', 'Votaciones', 'Patrocinadores'], fr: ['Chronologie', 'Votes', 'Auteurs'] },
      ],
      [
        `/bills/${ids['HB 9001'] ?? ''}/brief`,
        { es: ['Ficha: HB 9001', 'Últimos trámites'], fr: ['Fiche : HB 9001', 'Derniers actes'] },
      ],
      [`/people/${avery}`, { es: ['Cargos', 'Proyectos patrocinados'], fr: ['Mandats', 'Projets déposés'] }],
      [
        `/committees/${affairs}`,
        { es: ['Miembros', 'Proyectos examinados'], fr: ['Membres', 'Projets examinés'] },
      ],
    ];
    for (const [lang, button] of [
      ['es', 'Español'],
      ['fr', 'Français'],
    ] as const) {
      await page.goto(url('/bills'));
      await page.getByRole('button', { name: button }).click();
      for (const [path, labels] of pages) {
        await page.goto(url(path));
        for (const label of labels[lang]) await page.getByText(label, { exact: true }).first().waitFor();
      }
      await expectAccessible(page, `the committee page in ${lang}`);
    }
    await page.getByRole('button', { name: 'English' }).click();
    expectOnlyOwnOrigin(requests, suite.server.url);
  }, 180_000);
});

/**
 * A person's activity and a committee's hearings through the API on every engine: sponsorships, member votes
 * and committee seats (linked by id and by name), the committee's hearings with their agenda bills, public
 * reading, and unknown or bad ids (404 and 414, never a 500).
 */
import { expect, it } from 'vitest';
import { fixtureFile as fixture, hb4021Import, tx } from '../bill-fixtures.ts';
import { describeEachEngine } from '../engines.ts';
import { expectError, okJson, postJson, useSignedInApp } from './helpers.ts';

const avery = 'ocd-person/0f3a7c2e-5b1d-4e8a-9c6f-2d4b8e1a7f30';
interface Activity {
  sponsorships: unknown[];
  votes: { motionText: string; option: string }[];
  committees: unknown[];
}

const rowan = 'ocd-person/7d1e9b40-3c2a-4f55-8e61-0a9b2c3d4e5f';
const affairs = 'ocd-organization/5a6b7c8d-1e2f-4a3b-9c4d-5e6f7a8b9c0d';

describeEachEngine('person activity API', (getStore) => {
  const api = useSignedInApp(getStore);
  const get = (url: string) => api.app.inject({ method: 'GET', url });

  it('seeds a bill, its people, votes and hearings', async () => {
    const post = (url: string, body: unknown) => api.app.inject(postJson(api, url, body, 'analyst'));
    expect(
      okJson<{ totals: { new: number } }>(await post('/api/v1/bills/import', hb4021Import)).totals.new,
    ).toBe(1);
    const people = await post('/api/v1/people/import', {
      files: [
        fixture('people/avery-quill.yml'),
        fixture('people/rowan-pike.json'),
        fixture('people/committee-invented-affairs.yml'),
      ],
      jurisdiction: tx,
    });
    expect(okJson<{ totals: { new: number } }>(people).totals.new).toBe(3);
    const votes = await post('/api/v1/bills/import-votes', {
      format: 'openstates',
      files: [fixture('votes/openstates/votes-hb-4021.json')],
      jurisdiction: tx,
    });
    expect(okJson<{ totals: { new: number } }>(votes).totals.new).toBe(2);
    const events = await post('/api/v1/bills/import-events', {
      files: [fixture('events/openstates/hearings.json')],
      jurisdiction: tx,
    });
    expect(okJson<{ totals: { new: number } }>(events).totals.new).toBe(2);
  });

  it('lists a person’s sponsorships, votes (newest first) and committees, by full id or UUID', async () => {
    const a = okJson<Activity>(await get(`/api/v1/people/${encodeURIComponent(avery)}/activity`));
    expect(a.sponsorships).toEqual([
      expect.objectContaining({
        identifier: 'HB 4021',
        primary: true,
        classification: 'primary',
        stage: 'passed_one_chamber',
      }),
    ]);
    expect(a.votes.map((v) => [v.motionText, v.option])).toEqual([
      ['Third reading and final passage', 'yes'],
      ['Invented Affairs committee report: do pass', 'yes'],
    ]);
    expect(a.committees).toEqual([
      { committeeId: affairs, name: 'Invented Affairs', role: 'chair', startDate: null, endDate: null },
    ]);
    const r = okJson<Activity>(await get(`/api/v1/people/${rowan.slice('ocd-person/'.length)}/activity`));
    expect(r.sponsorships).toEqual([expect.objectContaining({ identifier: 'HB 4021', primary: false })]);
    expect(r.votes.map((v) => v.option)).toEqual(['yes', 'no']);
    // Rowan's seat names no person id: matched by name in Rowan's jurisdiction.
    expect(r.committees).toEqual([
      {
        committeeId: affairs,
        name: 'Invented Affairs',
        role: 'member',
        startDate: '2091-01-12',
        endDate: null,
      },
    ]);
  });

  it('lists a committee’s hearings with the stored bills on their agendas', async () => {
    const hearings = okJson<{ name: string; bills: { identifier: string }[] }[]>(
      await get(`/api/v1/committees/${encodeURIComponent(affairs)}/hearings`),
    );
    expect(hearings.map((h) => [h.name, h.bills.map((b) => b.identifier)])).toEqual([
      ['Committee on Invented Affairs', ['HB 4021']],
    ]);
  });

  it('answers unknown ids with 404 and overlong ones with 414', async () => {
    expectError(
      await get('/api/v1/people/00000000-0000-4000-8000-000000000000/activity'),
      404,
      'PERSON_NOT_FOUND',
    );
    expectError(
      await get('/api/v1/committees/00000000-0000-4000-8000-000000000000/hearings'),
      404,
      'COMMITTEE_NOT_FOUND',
    );
    // Past the router's parameter length limit: refused before any lookup.
    expect((await get(`/api/v1/people/${'x'.repeat(101)}/activity`)).statusCode).toBe(414);
    expectError(await get('/api/v1/committees/%20/hearings'), 404, 'COMMITTEE_NOT_FOUND');
  });
});

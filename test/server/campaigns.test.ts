/**
 * Campaigns through the API on every engine: who may create, partners with roles, and the isolation matrix —
 * an organisation that neither owns nor partners in a campaign gets 404 for every record of it, by id, exactly
 * like for a campaign that does not exist. Bad input is refused with the field named and nothing written.
 */
import { beforeAll, expect, it } from 'vitest';
import { importBills } from '../../src/services/bills.ts';
import { cliActor } from '../../src/services/context.ts';
import { insertOrganization, insertUser, upsertMembership } from '../../src/store/accounts.repo.ts';
import { hb4021, hb4021Import, tx } from '../bill-fixtures.ts';
import { describeEachEngine } from '../engines.ts';
import { as, countRows, expectError, passwordHash, type Session, signIn, useSignedInApp } from './helpers.ts';

interface CampaignJson {
  id: string;
  access: string;
  status: string;
  title: string;
  gaps: string[];
  billIds: string[];
  partners: Array<{ organizationId: string; role: string }>;
}

describeEachEngine('campaigns API', (getStore) => {
  const api = useSignedInApp(getStore);
  let outsider: Session;
  let billId: string;
  let gap: string;
  let campaign: CampaignJson;

  const asOutsider = (method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: unknown) =>
    api.app.inject({
      method,
      url,
      headers: as(outsider),
      ...(payload ? { payload: payload as object } : {}),
    });

  beforeAll(async () => {
    const db = getStore().db;
    const orgC = await insertOrganization(db, 'Coalition C', 'coalition-c');
    const user = await insertUser(db, {
      email: 'outsider@example.org',
      displayName: 'Outsider',
      passwordHash: await passwordHash(),
      instanceAdmin: false,
    });
    await upsertMembership(db, orgC.id, user.id, 'admin');
    outsider = await signIn(api.app, 'outsider@example.org', { remoteAddress: '10.9.1.1' });
    await importBills({ db, actor: cliActor }, hb4021Import);
    billId = (
      await db.selectFrom('bills').select('id').where('ocd_id', '=', hb4021).executeTakeFirstOrThrow()
    ).id;
    const framework = (await api.send('GET', '/api/v1/framework', null)).json() as {
      indicators: Array<{ id: string }>;
    };
    gap = framework.indicators[0]!.id;
  });

  it('lets campaigners and admins create; refuses viewers, analysts without the permission, and anonymous callers', async () => {
    const body = { title: 'Close the consent gap', jurisdictionId: tx, gaps: [gap], billIds: [billId] };
    expectError(await api.send('POST', '/api/v1/campaigns', 'viewer', body), 403, 'FORBIDDEN');
    expectError(await api.send('POST', '/api/v1/campaigns', 'analyst', body), 403, 'FORBIDDEN');
    expectError(await api.send('POST', '/api/v1/campaigns', 'loner', body), 403, 'FORBIDDEN');
    expectError(await api.send('POST', '/api/v1/campaigns', null, body), 401, 'AUTH_REQUIRED');
    expect(await countRows(getStore().db, 'campaigns')).toBe(0);
    const res = await api.send('POST', '/api/v1/campaigns', 'campaigner', body);
    expect(res.statusCode, res.body).toBe(201);
    campaign = res.json() as CampaignJson;
    expect(campaign).toMatchObject({ access: 'owner', status: 'planning', gaps: [gap], billIds: [billId] });
  });

  it('refuses bad input with the field named and writes nothing', async () => {
    const before = await countRows(getStore().db, 'campaigns');
    const cases: Array<[unknown, string]> = [
      [{ title: 'T', jurisdictionId: tx, gaps: ['ZZ99'] }, 'gaps'],
      [
        { title: 'T', jurisdictionId: 'ocd-division/country:us/state:ks', gaps: [gap], billIds: [billId] },
        'billIds',
      ],
      [
        { title: 'T', jurisdictionId: tx, gaps: [gap], startDate: '2027-05-02', endDate: '2027-05-01' },
        'endDate',
      ],
      [{ title: 'T', jurisdictionId: 'ocd-division/country:zz', gaps: [gap] }, 'jurisdictionId'],
      [{ title: 'T', jurisdictionId: tx, gaps: [] }, 'gaps'],
      [{ title: 'T', jurisdictionId: tx, gaps: [gap], owner: 'someone-else' }, 'owner'],
    ];
    for (const [body, field] of cases) {
      const res = await api.send('POST', '/api/v1/campaigns', 'campaigner', body);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.body).toContain(field);
    }
    expect(await countRows(getStore().db, 'campaigns')).toBe(before);
  });

  it('hides the campaign from other organisations until the owner makes them partners', async () => {
    const url = `/api/v1/campaigns/${campaign.id}`;
    expectError(await api.send('GET', url, 'otherAdmin'), 404, 'CAMPAIGN_NOT_FOUND');
    expect((await api.send('GET', '/api/v1/campaigns', 'otherAdmin')).json()).toEqual([]);
    const partners = await api.send('PUT', `${url}/partners/coalition-b`, 'admin', { role: 'viewer' });
    expect(partners.statusCode, partners.body).toBe(200);
    const seen = (await api.send('GET', url, 'otherAdmin')).json() as CampaignJson;
    expect(seen.access).toBe('viewer');
    expectError(await api.send('PATCH', url, 'otherAdmin', { status: 'active' }), 403, 'FORBIDDEN');
    expectError(
      await api.send('POST', `${url}/milestones`, 'otherAdmin', {
        date: '2027-01-10',
        title: 'Met the chair',
      }),
      403,
      'FORBIDDEN',
    );
    await api.send('PUT', `${url}/partners/coalition-b`, 'campaigner', { role: 'editor' });
    const edited = await api.send('PATCH', url, 'otherAdmin', { status: 'active' });
    expect(edited.statusCode, edited.body).toBe(200);
    expect((edited.json() as CampaignJson).access).toBe('editor');
    const milestone = await api.send('POST', `${url}/milestones`, 'otherAdmin', {
      date: '2027-01-10',
      title: 'Met the chair',
    });
    expect(milestone.statusCode, milestone.body).toBe(201);
    expectError(
      await api.send('PUT', `${url}/partners/coalition-c`, 'otherAdmin', { role: 'viewer' }),
      403,
      'FORBIDDEN',
    );
  });

  it('gives an outside organisation 404 for every record of the campaign, like a missing one', async () => {
    const url = `/api/v1/campaigns/${campaign.id}`;
    const missing = '/api/v1/campaigns/00000000-0000-7000-8000-000000000000';
    for (const base of [url, missing]) {
      for (const [method, path, payload] of [
        ['GET', '', undefined],
        ['PATCH', '', { title: 'Hijacked' }],
        ['GET', '/milestones', undefined],
        ['POST', '/milestones', { date: '2027-01-11', title: 'x' }],
        ['GET', '/timeline', undefined],
        ['PUT', '/partners/coalition-c', { role: 'editor' }],
        ['DELETE', '/partners/coalition-b', undefined],
      ] as const) {
        expectError(await asOutsider(method, `${base}${path}`, payload), 404, 'CAMPAIGN_NOT_FOUND');
      }
    }
    expect((await asOutsider('GET', '/api/v1/campaigns')).json()).toEqual([]);
    expect(((await api.send('GET', url, 'viewer')).json() as CampaignJson).title).toBe(
      'Close the consent gap',
    );
  });

  it('shows milestones with the bill’s actions in one timeline, and a removed partner loses access', async () => {
    const url = `/api/v1/campaigns/${campaign.id}`;
    const timeline = (await api.send('GET', `${url}/timeline`, 'viewer')).json() as Array<{
      kind: string;
      date: string;
      title: string;
      billIdentifier: string | null;
    }>;
    expect(timeline.some((t) => t.kind === 'milestone' && t.title === 'Met the chair')).toBe(true);
    const actions = timeline.filter((t) => t.kind === 'bill_action');
    expect(actions.length).toBeGreaterThan(0);
    expect(actions.every((a) => a.billIdentifier === 'HB 4021')).toBe(true);
    const days = timeline.map((t) => t.date.slice(0, 10));
    expect(days).toEqual([...days].sort());
    const removed = await api.send('DELETE', `${url}/partners/coalition-b`, 'admin');
    expect(removed.statusCode, removed.body).toBe(200);
    expectError(await api.send('GET', url, 'otherAdmin'), 404, 'CAMPAIGN_NOT_FOUND');
    expectError(await api.send('DELETE', `${url}/partners/coalition-b`, 'admin'), 404, 'NOT_FOUND');
  });
});

/**
 * Targets that follow the bill, through the API on every engine: a bill in committee targets the committee's
 * members; once it is reported and passes the House, the Senate's sitting members; positions stay with the
 * person (listed apart when they leave the venue); custom targets; the whip count; the interaction log; bad
 * input refused with the field named; a viewer partner cannot write and an outside organisation sees nothing.
 */
import { beforeAll, expect, it } from 'vitest';
import { importBills } from '../../src/services/bills.ts';
import { cliActor } from '../../src/services/context.ts';
import { importPeople } from '../../src/services/people.ts';
import { fixtureFile, tx } from '../bill-fixtures.ts';
import { describeEachEngine } from '../engines.ts';
import { expectError, useSignedInApp } from './helpers.ts';

const avery = 'ocd-person/0f3a7c2e-5b1d-4e8a-9c6f-2d4b8e1a7f30';
const sol = 'ocd-person/9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
const senator = `# Invented senator (not a real legislator).
id: ${sol}
name: Sol Marsh
party:
  - name: Independent
roles:
  - type: upper
    district: "4"
    jurisdiction: ocd-jurisdiction/country:us/state:tx/government
    start_date: "2091-01-10"
`;

function bill(actions: unknown[]) {
  return JSON.stringify({
    _id: 'c0ffee00-1111-4222-8333-444455556666',
    legislative_session: '2091R',
    identifier: 'HB 77',
    title: 'An invented act relating to invented offences',
    from_organization: '~{"classification": "lower"}',
    classification: ['bill'],
    subject: [],
    sponsorships: [
      {
        name: 'Avery Quill',
        primary: true,
        classification: 'primary',
        person_id: avery,
        entity_type: 'person',
      },
    ],
    actions,
    jurisdiction: tx,
  });
}

const introduced = {
  date: '2091-02-01',
  description: 'Filed',
  classification: ['introduction'],
  organization: '~{"classification": "lower"}',
};
const referred = {
  date: '2091-02-03',
  description: 'Referred to Invented Affairs',
  classification: ['referral-committee'],
  organization: { name: 'Invented Affairs', classification: 'committee' },
};
const reported = {
  date: '2091-03-01',
  description: 'Reported favorably',
  classification: ['committee-passage-favorable'],
  organization: '~{"classification": "lower"}',
};
const passed = {
  date: '2091-03-10',
  description: 'Passed the House',
  classification: ['passage'],
  organization: '~{"classification": "lower"}',
};

interface Targets {
  stage: string;
  venue: { kind: string; committee?: string | null; chambers?: string[] };
  unresolved: string | null;
  targets: Array<{
    key: string;
    name: string;
    reason: string;
    group: string;
    position: string;
    interactions: number;
  }>;
  others: Array<{ key: string; position: string }>;
  whip: Record<string, number>;
}

describeEachEngine('campaign targets API', (getStore) => {
  const api = useSignedInApp(getStore);
  let url: string;
  const targets = async () => {
    const res = await api.send('GET', `${url}/targets?date=2091-06-01`, 'viewer');
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Targets;
  };
  const importBill = (actions: unknown[]) =>
    importBills(
      { db: getStore().db, actor: cliActor },
      { format: 'openstates', files: [{ name: 'hb77.json', content: bill(actions) }] },
    );

  beforeAll(async () => {
    const ctx = { db: getStore().db, actor: cliActor };
    const people = await importPeople(ctx, {
      files: [
        fixtureFile('people/avery-quill.yml'),
        fixtureFile('people/committee-invented-affairs.yml'),
        { name: 'sol-marsh.yml', content: senator },
      ],
    });
    expect(people.totals.refusedFiles).toBe(0);
    expect((await importBill([introduced, referred])).totals.new).toBe(1);
    const billId = (
      await getStore()
        .db.selectFrom('bills')
        .select('id')
        .where('identifier', '=', 'HB 77')
        .executeTakeFirstOrThrow()
    ).id;
    const framework = (await api.send('GET', '/api/v1/framework', null)).json() as {
      indicators: Array<{ id: string }>;
    };
    const created = await api.send('POST', '/api/v1/campaigns', 'campaigner', {
      title: 'Pass HB 77',
      jurisdictionId: tx,
      gaps: [framework.indicators[0]!.id],
      billIds: [billId],
    });
    expect(created.statusCode, created.body).toBe(201);
    url = `/api/v1/campaigns/${(created.json() as { id: string }).id}`;
  });

  it('targets the committee the bill is in, with the sponsor grouped first', async () => {
    const t = await targets();
    expect(t.stage).toBe('in_committee');
    expect(t.venue).toMatchObject({ kind: 'committee', committee: 'Invented Affairs' });
    expect(t.targets.map((x) => [x.key, x.reason, x.group])).toEqual([
      [`person:${avery}`, 'committee', 'primary_sponsor'],
    ]);
    expect(t.whip).toEqual({ support: 0, oppose: 0, undecided: 0, unknown: 1 });
  });

  it('records positions and interactions, and refuses bad input with the field named', async () => {
    const pos = await api.send('POST', `${url}/positions`, 'campaigner', {
      target: `person:${avery}`,
      position: 'support',
      date: '2091-02-10',
      source: 'met in the capitol',
    });
    expect(pos.statusCode, pos.body).toBe(201);
    const met = await api.send('POST', `${url}/interactions`, 'campaigner', {
      target: `person:${avery}`,
      kind: 'meeting',
      date: '2091-02-10',
      note: 'Agreed to co-author an amendment',
    });
    expect(met.statusCode, met.body).toBe(201);
    const t = await targets();
    expect(t.targets[0]).toMatchObject({ position: 'support', interactions: 1, group: 'primary_sponsor' });
    expect(t.whip.support).toBe(1);
    const log = (await api.send('GET', `${url}/interactions`, 'viewer')).json() as Array<{
      kind: string;
      note: string;
    }>;
    expect(log.map((i) => [i.kind, i.note])).toEqual([['meeting', 'Agreed to co-author an amendment']]);

    const bad: Array<[unknown, number, string]> = [
      [{ target: `person:${avery}`, position: 'maybe', date: '2091-02-10' }, 400, 'position'],
      [{ target: `person:${avery}`, position: 'oppose', date: '10/02/2091' }, 400, 'date'],
      [{ target: 'person:ocd-person/nobody', position: 'oppose', date: '2091-02-10' }, 404, 'no person'],
      [{ target: 'custom:nothing', position: 'oppose', date: '2091-02-10' }, 404, 'no custom target'],
      [{ target: 'avery', position: 'oppose', date: '2091-02-10' }, 400, 'target'],
    ];
    for (const [body, status, text] of bad) {
      const res = await api.send('POST', `${url}/positions`, 'campaigner', body);
      expect(res.statusCode, res.body).toBe(status);
      expect(res.body).toContain(text);
    }
    expect((await targets()).whip.support).toBe(1);
    expectError(await api.send('GET', `${url}/targets?bill=not-ours`, 'viewer'), 400, 'VALIDATION_FAILED');
  });

  it('follows the bill to the floor and on to the other chamber; positions stay with the person', async () => {
    expect((await importBill([introduced, referred, reported])).totals.changed).toBe(1);
    let t = await targets();
    expect(t.venue).toEqual({ kind: 'floor', chambers: ['lower'] });
    expect(t.targets.map((x) => [x.name, x.reason, x.position])).toEqual([
      ['Avery Quill', 'chamber', 'support'],
    ]);
    expect((await importBill([introduced, referred, reported, passed])).totals.changed).toBe(1);
    t = await targets();
    expect(t.stage).toBe('passed_one_chamber');
    expect(t.venue).toEqual({ kind: 'floor', chambers: ['upper'] });
    expect(t.targets.map((x) => [x.name, x.reason, x.group])).toEqual([
      ['Sol Marsh', 'chamber', 'undecided'],
    ]);
    expect(t.others).toEqual([expect.objectContaining({ key: `person:${avery}`, position: 'support' })]);
    expect(t.whip).toEqual({ support: 0, oppose: 0, undecided: 0, unknown: 1 });
  });

  it('adds custom targets and keeps partners and outsiders to their access', async () => {
    const added = await api.send('POST', `${url}/targets`, 'campaigner', {
      name: 'Office of the Governor',
      office: 'executive',
    });
    expect(added.statusCode, added.body).toBe(201);
    const custom = (added.json() as Targets).targets.find((x) => x.name === 'Office of the Governor');
    expect(custom).toMatchObject({ reason: 'custom' });
    const opposed = await api.send('POST', `${url}/positions`, 'campaigner', {
      target: custom!.key,
      position: 'oppose',
      date: '2091-03-12',
    });
    expect(opposed.statusCode, opposed.body).toBe(201);
    expect((await targets()).whip.oppose).toBe(1);
    expectError(
      await api.send('POST', `${url}/targets`, 'campaigner', { office: 'nothing named' }),
      400,
      'VALIDATION_FAILED',
    );
    expectError(
      await api.send('POST', `${url}/targets`, 'campaigner', { personId: 'ocd-person/nobody' }),
      404,
      'PERSON_NOT_FOUND',
    );

    expectError(await api.send('GET', `${url}/targets`, 'otherAdmin'), 404, 'CAMPAIGN_NOT_FOUND');
    expectError(await api.send('GET', `${url}/interactions`, 'otherAdmin'), 404, 'CAMPAIGN_NOT_FOUND');
    await api.send('PUT', `${url}/partners/coalition-b`, 'campaigner', { role: 'viewer' });
    expect((await api.send('GET', `${url}/targets`, 'otherAdmin')).statusCode).toBe(200);
    expectError(
      await api.send('POST', `${url}/interactions`, 'otherAdmin', {
        target: custom!.key,
        kind: 'call',
        date: '2091-03-13',
      }),
      403,
      'FORBIDDEN',
    );
  });
});

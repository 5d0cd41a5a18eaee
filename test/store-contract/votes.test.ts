/**
 * Vote imports on every engine, from our invented fixtures in the real formats (Open States scrape vote
 * events, a LegiScan getRollCall answer): counts, idempotence, all-or-nothing files, malformed JSON naming
 * file and line, votes of unknown bills rejected, and member votes linked to stored people.
 */
import { expect, it } from 'vitest';
import { publicActor } from '../../src/core/auth/permissions.ts';
import { importBills } from '../../src/services/bills.ts';
import { cliActor } from '../../src/services/context.ts';
import { importPeople } from '../../src/services/people.ts';
import { billVotes, importVotes } from '../../src/services/votes.ts';
import { fixtureFile as file, hb4021, hb4021Import, tx } from '../bill-fixtures.ts';
import { describeEachEngine } from '../engines.ts';
import { countRows } from '../server/helpers.ts';

const quill = 'ocd-person/0f3a7c2e-5b1d-4e8a-9c6f-2d4b8e1a7f30';
const pike = 'ocd-person/7d1e9b40-3c2a-4f55-8e61-0a9b2c3d4e5f';

describeEachEngine('vote imports', (get) => {
  const ctx = () => ({ db: get().db, actor: cliActor });
  const count = (table: 'votes' | 'vote_members') => countRows(get().db, table);

  it('imports the bills and people the votes name', async () => {
    const bills = await importBills(ctx(), hb4021Import);
    const md = await importBills(ctx(), {
      format: 'legiscan',
      files: [file('bills/legiscan/getbill-sb-210.json')],
    });
    const people = await importPeople(ctx(), { files: [file('people/avery-quill.yml')] });
    const pikeFile = await importPeople(ctx(), { files: [file('people/rowan-pike.json')], jurisdiction: tx });
    expect([bills.totals.new, md.totals.new, people.totals.new, pikeFile.totals.new]).toEqual([1, 1, 1, 1]);
  });

  it('refuses a malformed file naming file and line, and writes nothing', async () => {
    const report = await importVotes(ctx(), {
      format: 'openstates',
      files: [file('votes/openstates/malformed.json')],
    });
    expect(report.totals.refusedFiles).toBe(1);
    expect(report.files[0]?.error).toMatch(/votes\/openstates\/malformed\.json: invalid JSON at line 5/);
    expect(await count('votes')).toBe(0);
  });

  it('refuses a whole file when one vote names a bill that is not stored', async () => {
    const report = await importVotes(ctx(), {
      format: 'openstates',
      files: [file('votes/openstates/one-unknown-bill.json')],
      jurisdiction: tx,
    });
    expect(report.files[0]).toMatchObject({ status: 'refused', new: 0 });
    expect(report.files[0]?.rejected).toEqual([
      expect.objectContaining({ index: 1, reason: '$[1].votes[0].option: "maybe" is not a vote option' }),
    ]);
    const fixed = file('votes/openstates/one-unknown-bill.json').content.replace('"maybe"', '"no"');
    const again = await importVotes(ctx(), {
      format: 'openstates',
      files: [{ name: 'fixed.json', content: fixed }],
      jurisdiction: tx,
    });
    expect(again.files[0]?.rejected.map((r) => r.reason)).toEqual([
      `its bill HB 9999 (2091R, ${tx}) is not stored; import the bill first`,
    ]);
    expect(await count('votes')).toBe(0);
  });

  it('imports Open States vote events, linking members by id and by unique name', async () => {
    const report = await importVotes(ctx(), {
      format: 'openstates',
      files: [file('votes/openstates/votes-hb-4021.json')],
      jurisdiction: tx,
    });
    expect(report.totals).toEqual({ new: 2, changed: 0, unchanged: 0, rejected: 0, refusedFiles: 0 });
    expect(report.files[0]).toMatchObject({ membersLinked: 4, membersUnlinked: 1 });
    const votes = await billVotes({ db: get().db, actor: publicActor }, hb4021);
    expect(votes.map((v) => [v.startDate, v.result, v.chamber, v.classification])).toEqual([
      ['2091-03-02', 'pass', 'lower', ['committee-passage']],
      ['2091-03-20', 'pass', 'lower', ['passage', 'reading-3']],
    ]);
    expect(votes[0]?.sourceId).toBe('ocd-vote/3b7d2e10-8c4a-4f1e-9a6b-5d2c7e8f9a01');
    expect(votes[1]?.counts).toEqual([
      { option: 'yes', value: 2 },
      { option: 'no', value: 0 },
      { option: 'excused', value: 1 },
    ]);
    expect(votes[1]?.members.map((m) => [m.voterName, m.option, m.personId])).toEqual([
      ['Avery Quill', 'yes', quill],
      ['Rowan Pike', 'yes', pike],
      ['Imaginary Member', 'excused', null],
    ]);
  });

  it('changes nothing on a re-import, and replaces a vote whose record changed', async () => {
    const same = await importVotes(ctx(), {
      format: 'openstates',
      files: [file('votes/openstates/votes-hb-4021.json')],
      jurisdiction: tx,
    });
    expect(same.totals).toMatchObject({ new: 0, changed: 0, unchanged: 2 });
    const edited = file('votes/openstates/votes-hb-4021.json');
    edited.content = edited.content.replace('"option": "excused"', '"option": "absent"');
    const changed = await importVotes(ctx(), { format: 'openstates', files: [edited], jurisdiction: tx });
    expect(changed.totals).toMatchObject({ new: 0, changed: 1, unchanged: 1 });
    expect(await count('votes')).toBe(2);
    expect(await count('vote_members')).toBe(5);
  });

  it('imports a LegiScan roll call by bill_id, naming members from the bill sponsors', async () => {
    const report = await importVotes(ctx(), {
      format: 'legiscan',
      files: [file('votes/legiscan/rollcall-sb-210.json')],
    });
    expect(report.totals).toMatchObject({ new: 1, rejected: 0 });
    const md = await get()
      .db.selectFrom('bills')
      .select('id')
      .where('source_id', '=', '9000210')
      .executeTakeFirstOrThrow();
    const [vote] = await billVotes(ctx(), md.id);
    expect(vote).toMatchObject({ sourceId: 'legiscan-roll-call:9100001', result: 'pass', chamber: 'upper' });
    expect(vote?.counts).toEqual([
      { option: 'yes', value: 2 },
      { option: 'no', value: 1 },
      { option: 'not voting', value: 0 },
      { option: 'absent', value: 1 },
    ]);
    expect(vote?.members.map((m) => [m.voterRef, m.voterName, m.option])).toEqual([
      ['legiscan-person:77001', 'Morgan Vale', 'yes'],
      ['legiscan-person:77002', 'Casey Dunmore', 'no'],
      ['legiscan-person:77003', null, 'yes'],
      ['legiscan-person:77004', null, 'absent'],
    ]);
    const again = await importVotes(ctx(), {
      format: 'legiscan',
      files: [file('votes/legiscan/rollcall-sb-210.json')],
    });
    expect(again.totals).toMatchObject({ new: 0, unchanged: 1 });
    const unknown = file('votes/legiscan/rollcall-sb-210.json');
    unknown.content = unknown.content.replace('"bill_id": 9000210', '"bill_id": 1');
    const refused = await importVotes(ctx(), { format: 'legiscan', files: [unknown] });
    expect(refused.files[0]?.rejected[0]?.reason).toBe(
      'its bill LegiScan bill_id 1 is not stored; import the bill first',
    );
  });

  it('refuses imports without laws:write and unknown bills when reading', async () => {
    await expect(
      importVotes({ db: get().db, actor: publicActor }, { format: 'legiscan', files: [] }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(billVotes(ctx(), 'ocd-bill/00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({
      code: 'BILL_NOT_FOUND',
    });
  });
});

/**
 * Bulk imports on every engine: Open States bulk JSON (file and session zip), the CSV v2.1 zip, LegiScan
 * weekly datasets and the legislator CSV, with idempotence, all-or-nothing units and bad archives.
 */
import { strToU8, zipSync } from 'fflate';
import { expect, it } from 'vitest';
import {
  bulkBillA,
  bulkJsonBills,
  bulkJsonZip,
  csvTables,
  csvZip,
  legiscanBill,
  legiscanDataset,
  legislatorCsv,
} from '../../test/bulk-fixtures.ts';
import { describeEachEngine } from '../../test/engines.ts';
import { countRows } from '../../test/server/helpers.ts';
import { publicActor } from '../core/auth/permissions.ts';
import { importBillFiles } from './bill-bulk.ts';
import { listBills, showBill } from './bills.ts';
import { cliActor } from './context.ts';
import { importPeople } from './people.ts';
import { billVotes } from './votes.ts';

const counts = (r: { totals: { new: number; changed: number; unchanged: number; refusedFiles: number } }) => [
  r.totals.new,
  r.totals.changed,
  r.totals.unchanged,
  r.totals.refusedFiles,
];

describeEachEngine('bulk bill imports', (get) => {
  const ctx = () => ({ db: get().db, actor: cliActor });
  const openstates = (files: { name: string; content?: string; bytes?: Uint8Array }[]) =>
    importBillFiles(ctx(), { format: 'openstates', files });

  it('imports bulk JSON with its votes after its bills, and changes nothing on re-import', async () => {
    const file = { name: 'tx_2091R.json', content: JSON.stringify(bulkJsonBills()) };
    const first = await openstates([file]);
    expect(counts(first)).toEqual([2, 0, 0, 0]);
    expect(first.skipped).toEqual([]);
    expect(first.votes?.files.map((f) => [f.file, f.status, f.new])).toEqual([
      ['tx_2091R.json (votes)', 'imported', 1],
    ]);
    const [vote] = await billVotes(ctx(), bulkBillA);
    expect(vote).toMatchObject({
      motionText: 'passage',
      result: 'pass',
      chamber: 'lower',
      startDate: '2091-03-01',
    });
    expect(vote?.members).toEqual([
      { option: 'yes', voterName: 'Avery Quill', voterRef: null, personId: null },
    ]);
    const bill = await showBill(ctx(), bulkBillA);
    expect(bill).toMatchObject({
      identifier: 'HB 901',
      stage: 'passed_both',
      jurisdictionId: 'ocd-division/country:us/state:tx',
    });
    expect(bill.versions[0]?.text).toContain('AN ACT');
    const again = await openstates([file]);
    expect(counts(again)).toEqual([0, 0, 2, 0]);
    expect(again.votes && counts(again.votes)).toEqual([0, 0, 1, 0]);
    // The session zip holds the same bills and votes: read into the same records, so nothing changes.
    const zipped = await openstates([{ name: 'tx_2091R_json.zip', bytes: bulkJsonZip() }]);
    expect(counts(zipped)).toEqual([0, 0, 2, 0]);
    expect(zipped.votes && counts(zipped.votes)).toEqual([0, 0, 1, 0]);
    // A refused file's votes are not imported, and are counted as skipped.
    const bad = bulkJsonBills();
    (bad[1] as Record<string, unknown>).title = '';
    const refused = await openstates([{ name: 'bad.json', content: JSON.stringify(bad) }]);
    expect(refused.files[0]?.status).toBe('refused');
    expect(refused.votes).toBeNull();
    expect(refused.skipped).toEqual([
      {
        file: 'bad.json',
        votes: 1,
        people: 0,
        reason: 'the file was refused, so its votes were not imported',
      },
    ]);
  });

  it('imports a CSV v2.1 zip as one unit, idempotently, and refuses it whole for one broken row', async () => {
    const first = await openstates([{ name: 'tx_2091R_csv.zip', bytes: csvZip() }]);
    expect(first.files[0]).toMatchObject({ file: 'tx_2091R_csv.zip', status: 'imported', changed: 2 });
    expect(first.votes?.files[0]).toMatchObject({
      file: 'tx_2091R_csv.zip (votes)',
      new: 1,
      membersUnlinked: 2,
    });
    const a = await showBill(ctx(), bulkBillA);
    expect(a.relatedBills[0]?.relationType).toBe('companion');
    expect(a.actions.map((x) => x.classification)).toEqual([
      ['filing'],
      ['passage', 'reading-3'],
      ['passage'],
    ]);
    const again = await openstates([{ name: 'tx_2091R_csv.zip', bytes: csvZip() }]);
    expect(counts(again)).toEqual([0, 0, 2, 0]);
    expect(again.votes && counts(again.votes)).toEqual([0, 0, 1, 0]);
    expect((await billVotes(ctx(), bulkBillA)).map((v) => v.sourceId)).toContain(
      'ocd-vote/22222222-0000-4000-8000-000000000001',
    );

    const broken = csvTables();
    if (broken.bills?.[1]) broken.bills[1][2] = 'A new title that must not be stored';
    broken.bill_actions?.push(['act-9', bulkBillA, 'x', 'Too few cells']);
    const before = await countRows(get().db, 'bill_actions');
    const refused = await openstates([{ name: 'broken.zip', bytes: csvZip(broken) }]);
    expect(refused.files[0]).toMatchObject({
      status: 'refused',
      error: 'broken.zip!tx/2091R/tx_2091R_bill_actions.csv line 6: has 4 cells, the header has 8',
    });
    expect((await showBill(ctx(), bulkBillA)).title).toBe('Relating to an invented hotline notice');
    expect(await countRows(get().db, 'bill_actions')).toBe(before);

    const badCell = csvTables();
    if (badCell.bills?.[1]) badCell.bills[1][2] = 'Another title that must not be stored';
    if (badCell.bill_actions?.[4]) badCell.bill_actions[4][4] = 'someday';
    const rejected = await openstates([{ name: 'bad-cell.zip', bytes: csvZip(badCell) }]);
    expect(rejected.files[0]?.status).toBe('refused');
    expect(rejected.files[0]?.rejected[0]?.reason).toBe(
      'bad-cell.zip!tx/2091R/tx_2091R_bill_actions.csv line 5: date "someday" is not a date',
    );
    expect((await showBill(ctx(), bulkBillA)).title).toBe('Relating to an invented hotline notice');
  });

  it('refuses a malformed zip and a zip with a traversal entry, naming them; other files still import', async () => {
    // Rename the entry in place (same length) in both the local and the central header.
    const traversal = zipSync({ 'xx/tx_2091R_bills.json': strToU8('[]') });
    const needle = strToU8('xx/');
    for (let i = 0; i + needle.length <= traversal.length; i++)
      if (needle.every((b, j) => traversal[i + j] === b)) traversal.set(strToU8('../'), i);
    const report = await openstates([
      { name: 'garbage.zip', bytes: strToU8('this is not a zip') },
      { name: 'evil.zip', bytes: traversal },
      { name: 'ok.json', content: JSON.stringify(bulkJsonBills()[1]) },
    ]);
    expect(report.files.map((f) => [f.status, f.error])).toEqual([
      ['refused', 'garbage.zip: not a readable zip archive (no end of central directory)'],
      [
        'refused',
        'evil.zip: entry "../tx_2091R_bills.json" climbs out of the archive (..); the archive is refused',
      ],
      ['imported', null],
    ]);
  });

  it('imports a LegiScan dataset entry by entry, with roll calls, change_hash skips and skipped people', async () => {
    const legiscan = (bytes: Uint8Array) =>
      importBillFiles(ctx(), { format: 'legiscan', files: [{ name: 'MD_2091.zip', bytes }] });
    const first = await legiscan(legiscanDataset());
    expect(first.files.map((f) => [f.file, f.status])).toEqual([
      ['MD_2091.zip!MD/2091-2091_Regular_Session/bill/SB210.json', 'imported'],
    ]);
    expect(counts(first)).toEqual([1, 0, 0, 0]);
    expect(first.votes && counts(first.votes)).toEqual([1, 0, 0, 0]);
    expect(first.skipped).toEqual([{ file: 'MD_2091.zip', votes: 0, people: 1, reason: expect.any(String) }]);
    const [sb210] = await listBills(ctx(), { jurisdictionId: 'ocd-division/country:us/state:md' });
    expect((await billVotes(ctx(), sb210?.id ?? '')).map((v) => v.sourceId)).toEqual([
      'legiscan-roll-call:9100001',
    ]);

    const again = await legiscan(legiscanDataset());
    expect(counts(again)).toEqual([0, 0, 1, 0]);
    expect(again.votes && counts(again.votes)).toEqual([0, 0, 1, 0]);
    // Same change_hash: skipped unread, even though the title differs.
    const sameHash = await legiscan(legiscanDataset([legiscanBill({ title: 'Not read' })]));
    expect(counts(sameHash)).toEqual([0, 0, 1, 0]);
    expect((await showBill(ctx(), sb210?.id ?? '')).title).toBe('Invented Workplace Posting Act');
    // A new change_hash is read; a broken entry is refused alone.
    const broken = { bill: { ...legiscanBill({ billId: 9000212, number: 'SB212' }).bill, history: 'none' } };
    const changed = await legiscan(
      legiscanDataset([
        legiscanBill({ changeHash: 'ffff', title: 'Invented Workplace Posting Act, amended' }),
        broken,
      ]),
    );
    expect(changed.files.map((f) => [f.file.split('!')[1], f.status, f.changed])).toEqual([
      ['MD/2091-2091_Regular_Session/bill/SB210.json', 'imported', 1],
      ['MD/2091-2091_Regular_Session/bill/SB212.json', 'refused', 0],
    ]);
    expect(changed.files[1]?.rejected[0]?.reason).toBe('$.bill.history: must be a list');
    expect((await showBill(ctx(), sb210?.id ?? '')).title).toBe('Invented Workplace Posting Act, amended');
  });

  it('imports several datasets and plain files in order, one dataset at a time, with progress', async () => {
    const ticks: [number, number][] = [];
    const sb220 = legiscanBill({ billId: 9000220, number: 'SB220', changeHash: 'a220' });
    const sb221 = legiscanBill({ billId: 9000221, number: 'SB221', changeHash: 'a221' });
    const sb222 = legiscanBill({ billId: 9000222, number: 'SB222', changeHash: 'a222' });
    const report = await importBillFiles(ctx(), {
      format: 'legiscan',
      files: [
        { name: 'sb220.json', content: JSON.stringify(sb220) },
        { name: 'one.zip', bytes: legiscanDataset([sb221]) },
        { name: 'two.zip', bytes: legiscanDataset([sb222]) },
        { name: 'empty.zip', bytes: zipSync({ 'README.md': strToU8('nothing') }) },
      ],
      onFile: (done, total) => ticks.push([done, total]),
    });
    expect(report.files.map((f) => [f.file.split('/').at(-1), f.status])).toEqual([
      ['sb220.json', 'imported'],
      ['SB221.json', 'imported'],
      ['SB222.json', 'imported'],
      ['empty.zip', 'refused'],
    ]);
    expect(report.files[3]?.error).toBe(
      'empty.zip: holds no bill/, vote/ or people/ JSON entry: not a LegiScan dataset',
    );
    expect(report.totals).toMatchObject({ new: 3, changed: 0, unchanged: 0, refusedFiles: 1 });
    expect(report.votes?.files).toHaveLength(2);
    expect(report.skipped.map((x) => [x.file, x.people])).toEqual([
      ['one.zip', 1],
      ['two.zip', 1],
    ]);
    expect(ticks.at(-1)).toEqual([6, 6]);
    expect(ticks.every(([d, t], i) => d <= t && (i === 0 || d > (ticks[i - 1]?.[0] ?? 0)))).toBe(true);
  });

  it('imports a legislator CSV into people, idempotently, linking sponsorships by name', async () => {
    const file = { name: 'tx.csv', content: legislatorCsv() };
    const first = await importPeople(ctx(), { files: [file] });
    expect(first.files[0]).toMatchObject({ status: 'imported', people: 2, new: 2 });
    expect(first.sponsorships).toMatchObject({ linkedByName: 2, ambiguous: 0 });
    const a = await showBill(ctx(), bulkBillA);
    expect(a.sponsorships.find((s) => s.name === 'Avery Quill')?.personId).toBe(
      'ocd-person/33333333-0000-4000-8000-000000000001',
    );
    const again = await importPeople(ctx(), { files: [file] });
    expect(again.files[0]).toMatchObject({ status: 'imported', unchanged: 2, new: 0 });
    const noState = await importPeople(ctx(), { files: [{ name: 'people.csv', content: legislatorCsv() }] });
    expect(noState.files[0]?.error).toContain('names no state');
  });

  it('needs laws:write', async () => {
    await expect(
      importBillFiles({ db: get().db, actor: publicActor }, { format: 'openstates', files: [] }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

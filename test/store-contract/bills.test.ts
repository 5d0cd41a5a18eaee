/**
 * Bill imports on every engine, from our invented fixtures in the Open States (scrape and API v3) and
 * LegiScan formats: counts, stages, idempotence, change_hash skips, all-or-nothing files, flagged classes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { importBills, listBills, showBill } from '../../src/services/bills.ts';
import { cliActor } from '../../src/services/context.ts';
import { describeEachEngine } from '../engines.ts';
import { countRows } from '../server/helpers.ts';

const dir = path.resolve(import.meta.dirname, '../fixtures/bills');
const file = (name: string, content?: string) => ({
  name,
  content: content ?? fs.readFileSync(path.join(dir, name), 'utf8'),
});

describeEachEngine('bill imports', (get) => {
  const ctx = () => ({ db: get().db, actor: cliActor });
  const count = (table: 'bills' | 'bill_actions' | 'legislative_sessions') => countRows(get().db, table);

  it('imports an Open States scrape file, keeping and flagging an unknown action class', async () => {
    const report = await importBills(ctx(), {
      format: 'openstates',
      files: [file('openstates/scrape-hb-4021.json')],
      jurisdiction: 'ocd-jurisdiction/country:us/state:tx/government',
    });
    expect(report.totals).toEqual({ new: 1, changed: 0, unchanged: 0, rejected: 0, refusedFiles: 0 });
    const bill = await showBill(ctx(), 'ocd-bill/6f0c3a52-1e7b-4c59-9d3e-2b8a41c7e901');
    expect(bill).toMatchObject({
      jurisdictionId: 'ocd-division/country:us/state:tx',
      sessionIdentifier: '2091R',
      identifier: 'HB 4021',
      stage: 'passed_one_chamber',
      flaggedActions: 1,
      latestAction: 'Received in the Senate; referred to Committee on Imaginary Matters',
    });
    const local = bill.actions.find((a) => a.description === 'Placed on the local calendar');
    expect(local).toMatchObject({
      classification: [],
      unknownClassification: ['calendar-local'],
      chamber: 'lower',
    });
    expect(bill.sponsorships.map((s) => [s.name, s.primary, s.personId])).toEqual([
      ['Avery Quill', true, null],
      ['Rowan Pike', false, null],
    ]);
    expect(bill.relatedBills).toEqual([
      { identifier: 'SB 777', legislativeSession: '2091R', relationType: 'companion' },
    ]);
    expect(bill.citations[0]).toMatchObject({ citation: 'Inv. Code § 12.345', citationType: 'proposed' });
    expect(bill.versions[0]?.links[0]?.mediaType).toBe('application/pdf');
    expect(bill.documents[0]?.classification).toBe('fiscal-note');
  });

  it('imports an API v3 page and derives each bill’s stage', async () => {
    const report = await importBills(ctx(), {
      format: 'openstates',
      files: [file('openstates/api-v3-page.json')],
    });
    expect(report.totals.new).toBe(2);
    const ks = await listBills(ctx(), { jurisdictionId: 'ocd-division/country:us/state:ks' });
    expect(ks.map((b) => [b.identifier, b.stage])).toEqual([
      ['HB 2040', 'failed'],
      ['SB 12', 'enacted'],
    ]);
    expect((await listBills(ctx(), { stage: 'enacted' })).map((b) => b.identifier)).toContain('SB 12');
    expect(await listBills(ctx(), { session: 'no-such-session' })).toEqual([]);
  });

  it('re-importing the same files changes nothing', async () => {
    const before = { bills: await count('bills'), actions: await count('bill_actions') };
    const shown = await showBill(ctx(), 'ocd-bill/0a7e4b8c-3d21-4f6a-9b5e-7c1d2e3f4a50');
    const report = await importBills(ctx(), {
      format: 'openstates',
      files: [file('openstates/api-v3-page.json'), file('openstates/scrape-hb-4021.json')],
      jurisdiction: 'ocd-jurisdiction/country:us/state:tx/government',
    });
    expect(report.totals).toEqual({ new: 0, changed: 0, unchanged: 3, rejected: 0, refusedFiles: 0 });
    expect({ bills: await count('bills'), actions: await count('bill_actions') }).toEqual(before);
    expect(await showBill(ctx(), shown.id)).toEqual(shown);
  });

  it('a changed record replaces the stored bill and moves its stage', async () => {
    const changed = JSON.parse(fs.readFileSync(path.join(dir, 'openstates/scrape-hb-4021.json'), 'utf8'));
    changed.actions.push({
      organization_id: '~{"classification": "upper"}',
      date: '2091-04-30',
      description: 'Passed the Senate',
      classification: ['passage'],
    });
    const report = await importBills(ctx(), {
      format: 'openstates',
      files: [file('hb4021-v2.json', JSON.stringify(changed))],
      jurisdiction: 'ocd-division/country:us/state:tx',
    });
    expect(report.totals).toMatchObject({ new: 0, changed: 1, unchanged: 0 });
    const bill = await showBill(ctx(), 'ocd-bill/6f0c3a52-1e7b-4c59-9d3e-2b8a41c7e901');
    expect(bill.stage).toBe('passed_both');
    expect(bill.actions).toHaveLength(6);
  });

  it('imports LegiScan getBill with progress mapped to Open States classes, and skips an unchanged change_hash', async () => {
    const first = await importBills(ctx(), {
      format: 'legiscan',
      files: [file('legiscan/getbill-sb-210.json')],
    });
    expect(first.totals.new).toBe(1);
    const [listed] = await listBills(ctx(), { jurisdictionId: 'ocd-division/country:us/state:md' });
    const bill = await showBill(ctx(), listed?.id ?? '');
    expect(bill).toMatchObject({
      identifier: 'SB 210',
      sessionIdentifier: '2091 Regular Session',
      source: 'legiscan',
      sourceId: '9000210',
      changeHash: '5d41402abc4b2a76b9719d911017c592',
      stage: 'enacted',
      flaggedActions: 1,
    });
    expect(bill.actions.map((a) => [a.chamber, a.classification, a.unknownClassification])).toEqual([
      ['upper', ['introduction', 'referral-committee'], []],
      ['upper', ['passage'], []],
      ['lower', ['passage'], []],
      ['upper', ['became-law'], []],
      [null, [], ['legiscan-progress:99']],
    ]);
    expect(bill.versions.map((v) => v.classification)).toEqual(['introduced', 'became-law']);
    expect(bill.documents.map((d) => d.classification)).toEqual(['fiscal-note']);
    expect(bill.relatedBills).toEqual([
      { identifier: 'HB 455', legislativeSession: null, relationType: 'companion' },
    ]);

    // Same change_hash: skipped even though the title differs (LegiScan says nothing changed).
    const sameHash = JSON.parse(file('legiscan/getbill-sb-210.json').content);
    sameHash.bill.title = 'A title LegiScan would not send without a new hash';
    const skipped = await importBills(ctx(), {
      format: 'legiscan',
      files: [file('same.json', JSON.stringify(sameHash))],
    });
    expect(skipped.totals).toMatchObject({ new: 0, changed: 0, unchanged: 1 });
    expect((await showBill(ctx(), bill.id)).title).toBe('Invented Workplace Posting Act');

    // A new change_hash: read and stored.
    sameHash.bill.change_hash = '7d793037a0760186574b0282f2f435e7';
    const updated = await importBills(ctx(), {
      format: 'legiscan',
      files: [file('new.json', JSON.stringify(sameHash))],
    });
    expect(updated.totals).toMatchObject({ changed: 1 });
    expect(await showBill(ctx(), bill.id)).toMatchObject({
      title: 'A title LegiScan would not send without a new hash',
      changeHash: '7d793037a0760186574b0282f2f435e7',
    });
  });

  it('refuses a whole file when one record is broken, naming the record and field', async () => {
    const before = await count('bills');
    const report = await importBills(ctx(), {
      format: 'openstates',
      files: [file('openstates/one-broken-record.json')],
    });
    expect(report.files[0]).toMatchObject({ status: 'refused', new: 0 });
    expect(report.files[0]?.rejected).toEqual([
      { index: 1, record: 'HB 3002', reason: '$[1].actions[0].date: is required' },
    ]);
    expect(report.files[0]?.error).toContain('1 of 2 record(s) rejected');
    expect(await count('bills')).toBe(before);
  });

  it('rolls back a file whose later record conflicts with stored bills after an earlier one was written', async () => {
    const page = JSON.parse(file('openstates/api-v3-page.json').content);
    const fresh = {
      ...page.results[1],
      id: 'ocd-bill/4d4d4d4d-1111-4222-8333-444444444444',
      identifier: 'HB 9001',
    };
    // SB 12's OCD id with HB 2040's key: two stored bills claim this record.
    const clash = { ...page.results[0], identifier: 'HB 2040' };
    const before = await count('bills');
    const report = await importBills(ctx(), {
      format: 'openstates',
      files: [file('clash.json', JSON.stringify([fresh, clash]))],
    });
    expect(report.files[0]).toMatchObject({ status: 'refused', new: 0 });
    expect(report.files[0]?.rejected[0]).toMatchObject({ index: 1, record: 'HB 2040 (2091)' });
    expect(await count('bills')).toBe(before);
    expect((await listBills(ctx(), {})).map((b) => b.identifier)).not.toContain('HB 9001');
  });

  it('rejects an unknown jurisdiction and a file without one, with reasons', async () => {
    const scrape = file('openstates/scrape-hb-4021.json');
    const none = await importBills(ctx(), { format: 'openstates', files: [scrape] });
    expect(none.files[0]?.rejected[0]?.reason).toMatch(/jurisdiction: is missing/);
    const unknown = await importBills(ctx(), {
      format: 'openstates',
      files: [scrape],
      jurisdiction: 'ocd-jurisdiction/country:us/state:zz/government',
    });
    expect(unknown.files[0]?.rejected[0]?.reason).toBe(
      'jurisdiction ocd-division/country:us/state:zz is not known',
    );
  });

  it('reports malformed JSON with file, line and column, and still imports the other files', async () => {
    const report = await importBills(ctx(), {
      format: 'openstates',
      files: [file('openstates/malformed.json'), file('openstates/api-v3-page.json')],
    });
    expect(report.files[0]).toMatchObject({ status: 'refused' });
    expect(report.files[0]?.error).toMatch(
      /^openstates\/malformed\.json: invalid JSON at line 5, column 40: /,
    );
    expect(report.files[1]).toMatchObject({ status: 'imported', unchanged: 2 });
    expect(report.totals.refusedFiles).toBe(1);
  });

  it('refuses importing without laws:write and shows BILL_NOT_FOUND for an unknown id', async () => {
    await expect(
      importBills({ db: get().db, actor: { kind: 'public' } }, { format: 'legiscan', files: [] }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(showBill(ctx(), 'ocd-bill/00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({
      code: 'BILL_NOT_FOUND',
    });
    expect(await count('legislative_sessions')).toBe(3);
  });
});

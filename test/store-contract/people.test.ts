/**
 * People and committee imports on every engine, from our invented fixtures (people repo YAML, person scrape
 * JSON, committee YAML and scrape JSON) and the real Open States samples in the corpus: counts, idempotence,
 * all-or-nothing files, malformed YAML/JSON naming file and line, and sponsorship linking.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { importBills, showBill } from '../../src/services/bills.ts';
import { cliActor } from '../../src/services/context.ts';
import {
  importPeople,
  listCommittees,
  listPeople,
  showCommittee,
  showPerson,
} from '../../src/services/people.ts';
import { describeEachEngine } from '../engines.ts';
import { countRows } from '../server/helpers.ts';

const dir = path.resolve(import.meta.dirname, '../fixtures/people');
const file = (name: string, content?: string) => ({
  name,
  content: content ?? fs.readFileSync(path.join(dir, name), 'utf8'),
});
const tx = 'ocd-division/country:us/state:tx';
const quill = 'ocd-person/0f3a7c2e-5b1d-4e8a-9c6f-2d4b8e1a7f30';
const pike = 'ocd-person/7d1e9b40-3c2a-4f55-8e61-0a9b2c3d4e5f';
const corpus = path.resolve(
  import.meta.dirname,
  '../..',
  process.env.LAWGAP_CORPUS ?? '../shared/corpus',
  'openstates',
);
const corpusPresent = fs.existsSync(corpus);
if (!corpusPresent && process.env.REQUIRE_CORPUS !== '1') {
  console.warn(`corpus not found at ${corpus}: skipping the Open States people samples`);
}

describeEachEngine('people and committee imports', (get) => {
  const ctx = () => ({ db: get().db, actor: cliActor });
  const count = (table: 'people' | 'person_roles' | 'committees' | 'committee_memberships') =>
    countRows(get().db, table);

  it('imports a bill first, so its sponsors can be linked later', async () => {
    const bills = path.resolve(import.meta.dirname, '../fixtures/bills/openstates/scrape-hb-4021.json');
    const report = await importBills(ctx(), {
      format: 'openstates',
      files: [{ name: 'scrape-hb-4021.json', content: fs.readFileSync(bills, 'utf8') }],
      jurisdiction: tx,
    });
    expect(report.totals.new).toBe(1);
  });

  it('imports people repo YAML, person scrape JSON and committee YAML/JSON, and links sponsorships', async () => {
    const report = await importPeople(ctx(), {
      files: [file('avery-quill.yml'), file('committee-invented-affairs.yml'), file('committee-scrape.json')],
    });
    expect(report.totals).toEqual({ new: 3, changed: 0, unchanged: 0, rejected: 0, refusedFiles: 0 });
    expect(report.files.map((f) => [f.people, f.committees])).toEqual([
      [1, 0],
      [0, 1],
      [0, 1],
    ]);
    const person = await showPerson(ctx(), quill);
    expect(person).toMatchObject({
      name: 'Avery Quill',
      jurisdictionId: tx,
      email: 'avery.quill@example.invalid',
    });
    expect(person.roles.map((r) => [r.type, r.district, r.startDate, r.endDate])).toEqual([
      ['lower', '17', '2087-01-10', '2091-01-10'],
      ['lower', '21', '2091-01-10', null],
    ]);
    expect(person.party.map((p) => p.name)).toEqual(['Independent', 'Democratic']);
    expect(person.offices.map((o) => [o.classification, o.fax])).toEqual([
      ['capitol', null],
      ['district', '555-0102'],
    ]);
    expect(person.otherNames).toEqual(['A. Quill']);
    const [listed] = await listPeople(ctx(), { jurisdictionId: tx });
    expect(listed).toMatchObject({ id: quill, party: 'Democratic', role: { district: '21' } });
    const committee = await showCommittee(ctx(), 'ocd-organization/5a6b7c8d-1e2f-4a3b-9c4d-5e6f7a8b9c0d');
    expect(committee.parent).toBe('lower');
    expect(committee.members.map((m) => [m.name, m.role, m.personId])).toEqual([
      ['Avery Quill', 'chair', quill],
      ['Rowan Pike', 'member', null],
    ]);
    expect(
      (await listCommittees(ctx(), { jurisdictionId: tx })).map((c) => [c.name, c.parent, c.members]),
    ).toEqual([
      ['Imaginary Matters', 'upper', 1],
      ['Invented Affairs', 'lower', 2],
    ]);
    expect(report.sponsorships).toEqual({ matchedById: 0, linkedByName: 1, ambiguous: 0 });
    const bill = await showBill(ctx(), 'ocd-bill/6f0c3a52-1e7b-4c59-9d3e-2b8a41c7e901');
    expect(bill.sponsorships.map((s) => [s.name, s.personId])).toEqual([
      ['Avery Quill', quill],
      ['Rowan Pike', null],
    ]);
  });

  it('imports person scrape JSON with the jurisdiction given, grouping contact details into offices', async () => {
    const report = await importPeople(ctx(), { files: [file('rowan-pike.json')], jurisdiction: tx });
    expect(report.totals.new).toBe(1);
    expect(report.sponsorships).toEqual({ matchedById: 1, linkedByName: 1, ambiguous: 0 });
    const person = await showPerson(ctx(), '7d1e9b40-3c2a-4f55-8e61-0a9b2c3d4e5f');
    expect(person).toMatchObject({ id: pike, email: 'rowan.pike@example.invalid', roles: [] });
    expect(person.offices.map((o) => [o.classification, o.voice, o.address !== null])).toEqual([
      ['capitol', '(555) 010-0200', true],
      ['district', '(555) 010-0201', false],
    ]);
  });

  it('re-importing the same files changes nothing', async () => {
    const before = [await count('people'), await count('person_roles'), await count('committee_memberships')];
    const shown = await showPerson(ctx(), quill);
    const report = await importPeople(ctx(), {
      files: [file('avery-quill.yml'), file('committee-invented-affairs.yml'), file('rowan-pike.json')],
      jurisdiction: tx,
    });
    expect(report.totals).toEqual({ new: 0, changed: 0, unchanged: 3, rejected: 0, refusedFiles: 0 });
    expect([
      await count('people'),
      await count('person_roles'),
      await count('committee_memberships'),
    ]).toEqual(before);
    expect(await showPerson(ctx(), quill)).toEqual(shown);
  });

  it('a changed record replaces the stored one', async () => {
    const text = fs
      .readFileSync(path.join(dir, 'avery-quill.yml'), 'utf8')
      .replace('district: "21"', 'district: "22"');
    const report = await importPeople(ctx(), { files: [file('avery-quill-v2.yml', text)] });
    expect(report.totals).toMatchObject({ new: 0, changed: 1 });
    expect((await showPerson(ctx(), quill)).roles[1]?.district).toBe('22');
    expect(await count('person_roles')).toBe(2);
  });

  it('refuses a whole file when one record is bad or names an unknown jurisdiction, writing nothing', async () => {
    const before = await count('people');
    const list = JSON.stringify([
      { id: 'ocd-person/11111111-2222-4333-8444-555555555555', name: 'Good Record', jurisdiction: tx },
      { id: 'ocd-person/66666666-7777-4888-9999-000000000000', roles: [{ type: 'upper' }] },
      {
        id: 'ocd-person/aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee',
        name: 'Nowhere Person',
        jurisdiction: 'ocd-division/country:zz/state:nowhere',
      },
    ]);
    const report = await importPeople(ctx(), { files: [file('mixed.json', list)] });
    expect(report.files[0]).toMatchObject({ status: 'refused', new: 0 });
    expect(report.files[0]?.error).toMatch(/^mixed\.json: 2 of 3 record\(s\) rejected/);
    expect(report.files[0]?.rejected.map((r) => [r.index, r.reason])).toEqual([
      [1, '$[1].name: is required'],
      [2, 'jurisdiction ocd-division/country:zz/state:nowhere is not known'],
    ]);
    expect(await count('people')).toBe(before);
  });

  it('refuses malformed YAML and JSON naming the file and line, and keeps importing the other files', async () => {
    const report = await importPeople(ctx(), {
      files: [
        file('broken.yml', 'id: ocd-person/x\nname: Broken\nroles: []\nname: Again\n'),
        file('broken.json', '{\n  "name": "Broken",\n  "_id": 5,\n}\n'),
        file('committee-scrape.json'),
      ],
    });
    expect(report.files.map((f) => f.status)).toEqual(['refused', 'refused', 'imported']);
    expect(report.files[0]?.error).toBe(
      'broken.yml: invalid YAML at line 4, column 1: Map keys must be unique',
    );
    expect(report.files[1]?.error).toMatch(/^broken\.json: invalid JSON at line 4, column 1/);
    expect(report.totals.refusedFiles).toBe(2);
  });

  it('leaves an ambiguous sponsor name unlinked', async () => {
    const twin = JSON.stringify({
      id: 'ocd-person/12121212-3434-4565-8787-909090909090',
      name: 'Rowan Pike',
      roles: [{ type: 'upper', district: '3', jurisdiction: tx }],
    });
    await get()
      .db.updateTable('bill_sponsorships')
      .set({ person_id: null })
      .where('name', '=', 'Rowan Pike')
      .execute();
    const report = await importPeople(ctx(), { files: [file('twin.json', twin)] });
    expect(report.sponsorships.ambiguous).toBe(1);
    const bill = await showBill(ctx(), 'ocd-bill/6f0c3a52-1e7b-4c59-9d3e-2b8a41c7e901');
    expect(bill.sponsorships.find((s) => s.name === 'Rowan Pike')?.personId).toBeNull();
  });

  it.skipIf(!corpusPresent && process.env.REQUIRE_CORPUS !== '1')(
    'imports the real Open States samples',
    async () => {
      const read = (name: string) => ({ name, content: fs.readFileSync(path.join(corpus, name), 'utf8') });
      const committee = 'lower-Criminal-Jurisprudence-69482ae1-2b3d-49da-910a-939ed82904da.yml';
      const report = await importPeople(ctx(), {
        files: [read('person_0b88eace-d84c-11eb-998f-d4619d1ec472.json'), read(committee)],
      });
      expect(report.totals).toEqual({ new: 2, changed: 0, unchanged: 0, rejected: 0, refusedFiles: 0 });
      const person = await showPerson(ctx(), 'ocd-person/0b88eace-d84c-11eb-998f-d4619d1ec472');
      expect(person.name).toBe('Jake Hoffman');
      expect(person.offices[0]?.classification).toBe('capitol');
      const c = await showCommittee(ctx(), 'ocd-organization/69482ae1-2b3d-49da-910a-939ed82904da');
      expect(c).toMatchObject({ jurisdictionId: tx, parent: 'lower', name: 'Criminal Jurisprudence' });
      expect(c.members[0]).toMatchObject({
        role: 'chair',
        personId: 'ocd-person/5898294d-5b10-4aaf-a084-b8522e69623c',
      });
      const nc = await importPeople(ctx(), {
        files: [read('0d3e4bee-cbe3-4f9a-a732-1166e1a6c006.json')],
        jurisdiction: 'ocd-division/country:us/state:nc',
      });
      expect(nc.totals.new).toBe(1);
      const judiciary = await showCommittee(ctx(), '0d3e4bee-cbe3-4f9a-a732-1166e1a6c006');
      expect(judiciary.members).toHaveLength(11);
      const again = await importPeople(ctx(), { files: [read(committee)] });
      expect(again.totals.unchanged).toBe(1);
    },
  );
});

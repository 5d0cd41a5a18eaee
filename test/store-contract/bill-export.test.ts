/**
 * Bill exports on every engine: a hand-checked export of an invented fixture bill (JSON and CSV), bad
 * jurisdictions, and round trips: an export imported into a fresh database gives the same bills, and
 * imported back into its own database changes nothing.
 */
import { unzipSync } from 'fflate';
import { expect, it } from 'vitest';
import type { Bill } from '../../src/core/bills/types.ts';
import { importBillFiles } from '../../src/services/bill-bulk.ts';
import { exportBillsCsvZip, exportBillsJson } from '../../src/services/bill-export.ts';
import { importBills } from '../../src/services/bills.ts';
import { prepareDatabase } from '../../src/services/bootstrap.ts';
import { cliActor, type ServiceContext } from '../../src/services/context.ts';
import { loadBillsForExport } from '../../src/store/bill-export.repo.ts';
import { hb4021, hb4021Import, tx } from '../bill-fixtures.ts';
import { describeEachEngine, openEmptyStore } from '../engines.ts';
import { generateBillFiles } from '../generated-bills.ts';

/** A stored bill without what differs between databases (ids, timestamps). */
const comparable = ({ id: _id, createdAt: _c, updatedAt: _u, ...rest }: Bill) => rest;

describeEachEngine('bill exports', (get, dialect) => {
  const ctx = (): ServiceContext => ({ db: get().db, actor: cliActor });
  const freshStore = async () => {
    const store = await openEmptyStore(dialect);
    await prepareDatabase(store.db);
    return { store, ctx: { db: store.db, actor: cliActor } satisfies ServiceContext };
  };

  it('exports a fixture bill as Open States bulk JSON, field by field', async () => {
    await importBills(ctx(), hb4021Import);
    const [bill, ...rest] = await exportBillsJson(ctx(), {
      jurisdiction: 'ocd-jurisdiction/country:us/state:tx/government',
    });
    expect(rest).toEqual([]);
    const lower = { organization__name: 'lower', organization__classification: 'lower' };
    expect(bill).toEqual({
      id: hb4021,
      legislative_session: '2091R',
      jurisdiction_name: 'Texas',
      identifier: 'HB 4021',
      title: 'An invented act relating to shelter grants for survivors of labor exploitation',
      chamber: 'lower',
      classification: ['bill'],
      subject: ['Human Services', 'Labor'],
      abstracts: [
        {
          abstract: 'Creates an invented grant programme for test purposes.',
          note: 'filed',
          date: '2091-01-10',
        },
      ],
      other_titles: [],
      other_identifiers: [],
      actions: [
        { ...lower, description: 'Filed', date: '2091-01-10', classification: ['filing'], order: 0 },
        {
          ...lower,
          description: 'Read first time; referred to Committee on Invented Affairs',
          date: '2091-02-01',
          classification: ['reading-1', 'referral-committee'],
          order: 1,
        },
        {
          ...lower,
          description: 'Placed on the local calendar',
          date: '2091-03-04',
          classification: ['calendar-local'],
          order: 2,
        },
        {
          ...lower,
          description: 'Passed the House',
          date: '2091-03-20',
          classification: ['passage', 'reading-3'],
          order: 3,
        },
        {
          organization__name: 'upper',
          organization__classification: 'upper',
          description: 'Received in the Senate; referred to Committee on Imaginary Matters',
          date: '2091-03-22',
          classification: ['receipt', 'referral-committee'],
          order: 4,
        },
      ],
      related_bills: [{ identifier: 'SB 777', legislative_session: '2091R', relation_type: 'companion' }],
      sponsors: [
        {
          name: 'Avery Quill',
          primary: true,
          classification: 'primary',
          entity_type: 'person',
          person_id: null,
          organization_id: null,
        },
        {
          name: 'Rowan Pike',
          primary: false,
          classification: 'cosponsor',
          entity_type: 'person',
          person_id: null,
          organization_id: null,
        },
      ],
      documents: [
        {
          note: 'Fiscal note',
          date: '2091-02-15',
          classification: 'fiscal-note',
          links: [{ url: 'https://example.invalid/2091R/HB4021/fn.html', media_type: 'text/html' }],
        },
      ],
      versions: [
        {
          note: 'Introduced',
          date: '2091-01-10',
          classification: 'introduced',
          links: [{ url: 'https://example.invalid/2091R/HB4021/intro.pdf', media_type: 'application/pdf' }],
        },
      ],
      sources: [{ url: 'https://example.invalid/2091R/HB4021' }],
      citations: [
        {
          publication: 'Invented Code',
          citation: 'Inv. Code § 12.345',
          citation_type: 'proposed',
          effective: null,
          expires: null,
          url: null,
        },
      ],
    });
    expect(await exportBillsJson(ctx(), { jurisdiction: tx, session: '2090R' })).toEqual([]);
  });

  it('exports the fixture bill as a CSV v2.1 zip whose tables point at each other', async () => {
    const zip = await exportBillsCsvZip(ctx(), { jurisdiction: tx, session: '2091R' });
    expect(zip).toMatchObject({ fileName: 'tx_2091R_csv.zip', bills: 1 });
    const entries = unzipSync(zip.bytes);
    const text = (name: string) => new TextDecoder().decode(entries[name]);
    expect(text('README')).toContain('CSV Format Version: 2.1');
    expect(text('README')).toContain('State: Texas');
    const rows = (table: string) =>
      text(`tx/2091R/tx_2091R_${table}.csv`)
        .split('\r\n')
        .filter((l) => l !== '');
    expect(rows('bills')).toEqual([
      'id,identifier,title,classification,subject,session_identifier,jurisdiction,organization_classification',
      `${hb4021},HB 4021,An invented act relating to shelter grants for survivors of labor exploitation,['bill'],"['Human Services', 'Labor']",2091R,Texas,lower`,
    ]);
    const actions = rows('bill_actions');
    expect(actions[0]).toBe('id,bill_id,organization_id,description,date,classification,order');
    expect(actions).toHaveLength(6);
    expect(actions[2]).toMatch(
      new RegExp(
        `^[0-9a-f-]{36},${hb4021},ocd-organization/[0-9a-f-]{36},Read first time; referred to Committee on Invented Affairs,2091-02-01,"\\['reading-1', 'referral-committee'\\]",1$`,
      ),
    );
    const orgs = rows('organizations').slice(1);
    expect(orgs.map((o) => o.split(',').slice(1, 3))).toEqual([
      ['lower', 'lower'],
      ['upper', 'upper'],
    ]);
    const lowerId = orgs[0]?.split(',')[0];
    expect(actions.slice(1, 5).every((a) => a.split(',')[2] === lowerId)).toBe(true);
    const versions = rows('bill_versions');
    expect(versions[0]).toBe('id,bill_id,note,date,classification,extras');
    const versionId = versions[1]?.split(',')[0];
    expect(rows('bill_version_links')[1]).toBe(
      `${rows('bill_version_links')[1]?.split(',')[0]},application/pdf,https://example.invalid/2091R/HB4021/intro.pdf,,${versionId}`,
    );
    expect(rows('bill_sponsorships')[1]).toMatch(new RegExp(`,Avery Quill,person,,,${hb4021},True,primary$`));
  });

  it('refuses a malformed or unknown jurisdiction with a clear error', async () => {
    await expect(exportBillsJson(ctx(), { jurisdiction: 'Texas' })).rejects.toMatchObject({
      code: 'JURISDICTION_INVALID',
    });
    await expect(
      exportBillsCsvZip(ctx(), { jurisdiction: 'ocd-division/country:us/state:zz' }),
    ).rejects.toMatchObject({ code: 'JURISDICTION_NOT_FOUND' });
  });

  it('round-trips: bulk JSON and CSV exports import into a fresh database as the same bills', async () => {
    // Invented bulk files: 240 bills over several states and sessions, one action with an unknown class.
    const files = generateBillFiles(240).map((f, i) => {
      if (i !== 0) return { name: f.name, content: f.text };
      const bills = JSON.parse(f.text) as Array<{ actions: Array<{ classification: string[] }> }>;
      bills[0]?.actions[0]?.classification.push('calendar-local');
      return { name: f.name, content: JSON.stringify(bills) };
    });
    const states = ['tx', 'ks', 'md', 'or', 'vt'].map((s) => `ocd-division/country:us/state:${s}`);
    const source = await freshStore();
    const target = { json: await freshStore(), csv: await freshStore() };
    try {
      const first = await importBillFiles(source.ctx, { format: 'openstates', files });
      expect(first.totals).toMatchObject({ new: 240, refusedFiles: 0 });
      const exported = await Promise.all(states.map((j) => exportBillsJson(source.ctx, { jurisdiction: j })));
      expect(exported.flat().flatMap((b) => b.actions[0]?.classification ?? [])).toContain('calendar-local');
      const jsonFiles = exported.map((bills, i) => ({
        name: `export-${i}.json`,
        content: JSON.stringify(bills),
      }));
      const zips = await Promise.all(states.map((j) => exportBillsCsvZip(source.ctx, { jurisdiction: j })));

      // Back into its own database: nothing changed.
      const again = await importBillFiles(source.ctx, { format: 'openstates', files: jsonFiles });
      expect(again.totals).toEqual({ new: 0, changed: 0, unchanged: 240, rejected: 0, refusedFiles: 0 });

      const json = await importBillFiles(target.json.ctx, { format: 'openstates', files: jsonFiles });
      expect(json.totals).toMatchObject({ new: 240, refusedFiles: 0 });
      const csvFiles = zips.map((z) => ({ name: z.fileName, bytes: z.bytes }));
      const csv = await importBillFiles(target.csv.ctx, { format: 'openstates', files: csvFiles });
      expect(csv.totals).toMatchObject({ new: 240, refusedFiles: 0 });
      for (const j of states) {
        const here = (await loadBillsForExport(source.store.db, { jurisdictionId: j })).map(comparable);
        expect(here.length).toBeGreaterThan(0);
        for (const kind of ['json', 'csv'] as const) {
          const there = await loadBillsForExport(target[kind].store.db, { jurisdictionId: j });
          expect(there.map(comparable), `${kind} ${j}`).toEqual(here);
        }
      }
    } finally {
      for (const s of [source, target.json, target.csv]) await s.store.destroy();
    }
  }, 180_000);
});

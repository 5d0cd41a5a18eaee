/**
 * `lawgap cases import|datasets|publish|releases`: a CSV and an .xlsx (built here with fflate) imported into one
 * dataset, a file with a name in it refused naming the column and never printing the name, the 0–30 fixture
 * published with no count from 1 to 9 and every count a multiple of 10, and a repeat charged to the ledger.
 */
import fs from 'node:fs';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { prepareDatabase } from '../../src/services/bootstrap.ts';
import { insertOrganization } from '../../src/store/accounts.repo.ts';
import { createStore } from '../../src/store/db.ts';
import { zeroToThirtyCsv } from '../cases-fixtures.ts';
import { expectOk, runCli, scratchDataDir } from './run-cli.ts';

const dir = scratchDataDir();
const cli = (args: string[]) => runCli(args, { dataDir: dir });
const file = (name: string, content: string | Uint8Array) => {
  const at = path.join(dir, name);
  fs.writeFileSync(at, content);
  return at;
};

/** A one-sheet workbook: shared strings for the header, an inline string and a number in the rows. */
function workbook(): Uint8Array {
  const sheet = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>
<row r="2"><c r="A2" t="inlineStr"><is><t>Masculine</t></is></c><c r="B2"><v>34</v></c></row>
<row r="4"><c r="A4" t="s"><v>2</v></c><c r="B4"><v>51</v></c></row>
</sheetData></worksheet>`;
  const strings = `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>prs_Gender</t></si><si><r><t>vic_Age</t></r><r><t>WhenTrafficked</t></r></si><si><t>Feminine</t></si></sst>`;
  const book = `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Cases" sheetId="1" r:id="rId1"/></sheets></workbook>`;
  const rels = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`;
  return zipSync({
    'xl/workbook.xml': strToU8(book),
    'xl/_rels/workbook.xml.rels': strToU8(rels),
    'xl/sharedStrings.xml': strToU8(strings),
    'xl/worksheets/sheet1.xml': strToU8(sheet),
  });
}

describe('lawgap cases', () => {
  beforeAll(async () => {
    const store = createStore({ databaseUrl: null, dataDir: dir });
    try {
      await prepareDatabase(store.db);
      await insertOrganization(store.db, 'Coalition C', 'coalition-c');
    } finally {
      await store.destroy();
    }
  });

  it('refuses a file with a name in it, naming the column and never printing the name', async () => {
    const bad = file('named.csv', 'prs_Gender,prs_SecondName,vic_AgeWhenTrafficked\nFeminine,Zyxwvut,ten\n');
    const res = await cli(['cases', 'import', bad, '--org', 'coalition-c', '--dataset', 'refused']);
    expect(res.code).not.toBe(0);
    expect(res.stderr).toContain('prs_SecondName');
    expect(res.stderr + res.stdout).not.toContain('Zyxwvut');
  });

  // Each spawn costs seconds on a busy machine: the commands run one at a time and each test runs few.
  const args = ['cases', 'publish', 'shelter', '--org', 'coalition-c', '--by', 'type_of_exploitation,gender'];

  it('imports the 0–30 fixture and publishes it suppressed and rounded', async () => {
    const csv = file('cases.csv', zeroToThirtyCsv());
    const first = expectOk(
      await cli(['cases', 'import', csv, '--org', 'coalition-c', '--dataset', 'shelter', '--json']),
    );
    expect(JSON.parse(first.stdout)).toMatchObject({ name: 'shelter', privacyUnit: 'person' });
    const table = expectOk(await cli([...args, '--epsilon', '0.5']));
    expect(table.stderr).toMatch(/suppressed/);
    const counts = [...table.stdout.matchAll(/\s(<\s10|\d+)\s*$/gm)].map((m) => m[1] ?? '');
    expect(counts.length).toBe(91);
    for (const c of counts) expect(c === '< 10' || (Number(c) >= 10 && Number(c) % 10 === 0), c).toBe(true);
  });

  it('imports the first sheet of an .xlsx workbook', async () => {
    const xlsx = file('cases.xlsx', workbook());
    const noRefs = expectOk(
      await cli(['cases', 'import', xlsx, '--org', 'coalition-c', '--dataset', 'book', '--json']),
    );
    expect(JSON.parse(noRefs.stdout)).toMatchObject({ name: 'book', records: 2, privacyUnit: 'case' });
  });

  it('charges a repeat to the ledger and lists the releases', async () => {
    const repeat = JSON.parse(expectOk(await cli([...args, '--epsilon', '0.5', '--json'])).stdout) as {
      mechanism: string;
      epsilon: number;
    };
    expect(repeat).toMatchObject({ mechanism: 'noisy', epsilon: 0.5 });
    const releases = JSON.parse(
      expectOk(await cli(['cases', 'releases', '--org', 'coalition-c', '--json'])).stdout,
    );
    expect(releases).toHaveLength(2);
    const ledger = JSON.parse(
      expectOk(await cli(['privacy', 'ledger', '--org', 'coalition-c', '--json'])).stdout,
    );
    expect(ledger).toEqual([expect.objectContaining({ dataset: 'cases/shelter', spentEpsilon: 0.5 })]);
  });
});

/**
 * Bulk bill files through the API on every engine: zips as base64 (`contentBase64`), bulk JSON as text, the
 * text path unchanged, the legislator CSV through the people import, and bad input (both or neither of
 * content and contentBase64, bad base64, a damaged zip) refused clearly.
 */
import { expect, it } from 'vitest';
import { hb4021Import } from '../bill-fixtures.ts';
import { bulkBillA, bulkJsonBills, csvZip, legiscanDataset, legislatorCsv } from '../bulk-fixtures.ts';
import { describeEachEngine } from '../engines.ts';
import { countRows, expectError, type Persona, postJson, useSignedInApp } from './helpers.ts';

const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

describeEachEngine('bulk bills API', (getStore) => {
  const api = useSignedInApp(getStore);
  const post = (payload: unknown, who: Persona | null = 'analyst', url = '/api/v1/bills/import') =>
    api.app.inject(postJson(api, url, payload, who));

  it('imports an Open States CSV zip sent as base64, idempotently; refuses viewers', async () => {
    const body = {
      format: 'openstates',
      files: [{ name: 'tx_2091R_csv.zip', contentBase64: base64(csvZip()) }],
    };
    expectError(await post(body, 'viewer'), 403, 'FORBIDDEN');
    expectError(await post(body, null), 401, 'AUTH_REQUIRED');
    expect(await countRows(getStore().db, 'bills')).toBe(0);
    const first = await post(body);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().totals).toEqual({ new: 2, changed: 0, unchanged: 0, rejected: 0, refusedFiles: 0 });
    expect(first.json().skipped).toEqual([]);
    expect(first.json().votes.files[0]).toMatchObject({ file: 'tx_2091R_csv.zip (votes)', new: 1 });
    const again = await post(body, 'admin');
    expect(again.json().totals).toMatchObject({ new: 0, unchanged: 2 });
    const bill = await api.app.inject({
      method: 'GET',
      url: `/api/v1/bills/${encodeURIComponent(bulkBillA)}`,
    });
    expect(bill.json()).toMatchObject({ identifier: 'HB 901', stage: 'passed_both' });
  });

  it('reads bulk JSON sent as text and keeps the plain JSON path working', async () => {
    const bulk = await post({
      format: 'openstates',
      files: [{ name: 'tx.json', content: JSON.stringify(bulkJsonBills()) }],
    });
    expect(bulk.json().files[0]).toMatchObject({ status: 'imported', changed: 2 });
    const plain = await post(hb4021Import);
    expect(plain.statusCode, plain.body).toBe(200);
    expect(plain.json().totals.new).toBe(1);
    expect(plain.json().skipped).toEqual([]);
  });

  it('imports a LegiScan dataset with its roll calls, each entry named zip!entry', async () => {
    const res = await post({
      format: 'legiscan',
      files: [{ name: 'MD.zip', contentBase64: base64(legiscanDataset()) }],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().files[0].file).toBe('MD.zip!MD/2091-2091_Regular_Session/bill/SB210.json');
    expect(res.json().votes.totals.new).toBe(1);
    expect(res.json().skipped[0]).toMatchObject({ file: 'MD.zip', people: 1 });
  });

  it('imports a legislator CSV through the people import', async () => {
    const res = await post(
      { files: [{ name: 'tx.csv', content: legislatorCsv() }] },
      'analyst',
      '/api/v1/people/import',
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().files[0]).toMatchObject({ status: 'imported', people: 2 });
  });

  it('refuses bad input clearly and stores nothing from it', async () => {
    const before = await countRows(getStore().db, 'bills');
    const both = await post({
      format: 'openstates',
      files: [{ name: 'a.zip', content: '{}', contentBase64: 'AA==' }],
    });
    expectError(both, 400, 'VALIDATION_FAILED');
    expect(both.body).toContain('give exactly one of content and contentBase64');
    expectError(await post({ format: 'openstates', files: [{ name: 'a.zip' }] }), 400, 'VALIDATION_FAILED');
    expectError(
      await post({ format: 'openstates', files: [{ name: 'a.zip', contentBase64: 'not base64!' }] }),
      400,
      'VALIDATION_FAILED',
    );
    const damaged = await post({
      format: 'openstates',
      files: [{ name: 'damaged.zip', contentBase64: base64(csvZip().slice(0, 200)) }],
    });
    expect(damaged.statusCode, damaged.body).toBe(200);
    expect(damaged.json().files[0]).toMatchObject({ status: 'refused' });
    expect(damaged.json().files[0].error).toMatch(/^damaged\.zip: not a readable zip archive/);
    expect(await countRows(getStore().db, 'bills')).toBe(before);
  });
});

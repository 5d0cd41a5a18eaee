/**
 * Bill exports through the API on every engine: public JSON and CSV zip of one jurisdiction (and session),
 * the zip's README and tables, and bad input answered with 4xx (never a 500).
 */
import { unzipSync } from 'fflate';
import { beforeAll, expect, it } from 'vitest';
import { importBills } from '../../src/services/bills.ts';
import { cliActor } from '../../src/services/context.ts';
import { hb4021, hb4021Import, tx } from '../bill-fixtures.ts';
import { describeEachEngine } from '../engines.ts';
import { expectError, okJson, useSignedInApp } from './helpers.ts';

describeEachEngine('bill export API', (getStore) => {
  const api = useSignedInApp(getStore);
  const get = (query: string) => api.app.inject({ method: 'GET', url: `/api/v1/bills/export${query}` });

  beforeAll(async () => {
    await importBills({ db: getStore().db, actor: cliActor }, hb4021Import);
  });

  it('answers anyone with the bills of a jurisdiction as Open States bulk JSON', async () => {
    const all = okJson<Array<{ id: string; jurisdiction_name: string; sponsors: unknown[] }>>(
      await get(
        `.json?jurisdiction=${encodeURIComponent('ocd-jurisdiction/country:us/state:tx/government')}`,
      ),
    );
    expect(all.map((b) => [b.id, b.jurisdiction_name, b.sponsors.length])).toEqual([[hb4021, 'Texas', 2]]);
    expect(okJson(await get(`.json?jurisdiction=${encodeURIComponent(tx)}&session=1999`))).toEqual([]);
  });

  it('answers a CSV v2.1 zip with its README, one folder per session', async () => {
    const res = await get(`.zip?jurisdiction=${encodeURIComponent(tx)}&session=2091R`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    expect(res.headers['content-disposition']).toBe('attachment; filename="tx_2091R_csv.zip"');
    const entries = unzipSync(new Uint8Array(res.rawPayload));
    expect(new TextDecoder().decode(entries.README)).toContain('CSV Format Version: 2.1');
    expect(Object.keys(entries)).toContain('tx/2091R/tx_2091R_bill_version_links.csv');
    const bills = new TextDecoder().decode(entries['tx/2091R/tx_2091R_bills.csv']);
    expect(bills.split('\r\n')[1]).toMatch(new RegExp(`^${hb4021},HB 4021,`));
  });

  it('answers bad input with 4xx', async () => {
    expectError(await get('.json'), 400, 'VALIDATION_FAILED');
    expectError(await get('.zip?jurisdiction=Texas'), 400, 'JURISDICTION_INVALID');
    expectError(
      await get(`.json?jurisdiction=${encodeURIComponent('ocd-division/country:us/state:zz')}`),
      404,
      'JURISDICTION_NOT_FOUND',
    );
    expectError(
      await get(`.json?jurisdiction=${encodeURIComponent(tx)}&format=xml`),
      400,
      'VALIDATION_FAILED',
    );
    expectError(
      await get(`.zip?jurisdiction=${encodeURIComponent(tx)}&session=${'x'.repeat(101)}`),
      400,
      'VALIDATION_FAILED',
    );
  });
});

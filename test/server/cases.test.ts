/**
 * HTCDS case records through the API on every engine: validation errors name row and column; a direct identifier
 * column with a value is refused naming the column, and its value reaches no answer, log line or table; records
 * are encrypted at rest and the person reference is kept only as a keyed hash; viewers and campaigners are
 * refused, other organisations get 404; the 0–30 fixture published through both paths (first release, noisy
 * repeat) shows no count from 1 to 9 and only multiples of 10; repeats debit the ledger and a release past the
 * cap is refused with nothing stored; one person with 50 records counts once.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { PublishedCount } from '../../src/core/privacy/suppress.ts';
import { fixtureCount, zeroToThirtyCsv } from '../cases-fixtures.ts';
import { describeEachEngine } from '../engines.ts';
import {
  countRows,
  expectError,
  type Persona,
  personaClient,
  type Session,
  seedWorld,
  signInAll,
  startApp,
} from './helpers.ts';

const canary = `CANARY-${randomBytes(6).toString('hex')}`;
const secretKey = randomBytes(32).toString('base64');

interface Release {
  id: string;
  mechanism: 'suppressed' | 'noisy';
  epsilon: number;
  table: {
    cells: { key: string[]; count: PublishedCount }[];
    totals: {
      byFirst: (PublishedCount | null)[];
      bySecond: (PublishedCount | null)[];
      overall: PublishedCount | null;
    } | null;
  };
}

/** Every count of a release: cells and totals. */
function countsOf(release: Release): PublishedCount[] {
  const t = release.table.totals;
  const totals = t ? [...t.byFirst, ...t.bySecond, t.overall] : [];
  return [
    ...release.table.cells.map((c) => c.count),
    ...totals.filter((c): c is PublishedCount => c !== null),
  ];
}

function expectSafe(release: Release): void {
  for (const count of countsOf(release)) {
    if (count.suppressed) expect(count.below).toBe(10);
    else {
      expect(count.value).toBeGreaterThanOrEqual(10);
      expect(count.value % 10).toBe(0);
    }
  }
}

describeEachEngine('case records API', (getStore) => {
  const lines: string[] = [];
  let app: FastifyInstance;
  let sessions: Record<Persona, Session>;
  const { send, ok } = personaClient(
    () => app,
    () => sessions,
  );
  const importCsv = (csv: string, dataset = 'shelter-2025', who: Persona = 'analyst') =>
    send('POST', '/api/v1/cases/imports', who, { dataset, csv, jurisdiction: 'IS' });

  beforeAll(async () => {
    ({ app } = await startApp(getStore(), {
      env: { LOG_LEVEL: 'trace', LAWGAP_SECRET_KEY: secretKey },
      build: { logger: true, logStream: { write: (l) => lines.push(l) } },
    }));
    await seedWorld(getStore().db);
    sessions = await signInAll(app);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('names row and column of a bad picklist value, a bad type and an unknown column, storing nothing', async () => {
    const bad = await importCsv(
      'prs_Gender,vic_AgeWhenTrafficked,cas_IncomingReferralDate\nFeminine,17,2025-01-02\nWoman,x,2025-13-01\n',
    );
    expectError(bad, 400, 'CASES_IMPORT_INVALID');
    const problems = (bad.json() as { error: { details: { problems: { row: number; column: string }[] } } })
      .error.details.problems;
    expect(problems.map((p) => `${p.row}:${p.column}`)).toEqual([
      '3:prs_Gender',
      '3:vic_AgeWhenTrafficked',
      '3:cas_IncomingReferralDate',
    ]);
    const unknown = await importCsv('prs_Gender,shoe_size\nFeminine,42\n');
    expectError(unknown, 400, 'CASES_IMPORT_INVALID');
    expect(unknown.body).toContain('shoe_size');
    expect(await countRows(getStore().db, 'case_records')).toBe(0);
    expect(await countRows(getStore().db, 'case_datasets')).toBe(0);
  });

  it('refuses a direct identifier column with a value, naming the column and never the value', async () => {
    for (const column of ['prs_FirstName', 'prs_Email', 'cco_CaseComment']) {
      const res = await importCsv(`prs_Gender,${column}\nFeminine,\nMasculine,${canary}\n`);
      expectError(res, 400, 'CASES_IMPORT_INVALID');
      expect(res.body).toContain(column);
      expect(res.body).not.toContain(canary);
    }
    expect(await countRows(getStore().db, 'case_records')).toBe(0);
  });

  it('keeps roles apart: viewers and campaigners are refused, other organisations get 404', async () => {
    for (const who of ['viewer', 'campaigner', 'reviewer'] as const) {
      expectError(await importCsv('prs_Gender\nFeminine\n', 'x', who), 403, 'FORBIDDEN');
    }
    for (const who of ['viewer', 'campaigner'] as const) {
      expectError(await send('GET', '/api/v1/cases/datasets', who), 403, 'FORBIDDEN');
    }
    const mine = ok<{ id: string }>(await importCsv('prs_Gender\nFeminine\n', 'isolation'), 201);
    expect(ok<unknown[]>(await send('GET', '/api/v1/cases/datasets', 'reviewer'))).toHaveLength(1);
    expect(ok<unknown[]>(await send('GET', '/api/v1/cases/datasets', 'otherAdmin'))).toEqual([]);
    expectError(
      await send('POST', `/api/v1/cases/datasets/${mine.id}/releases`, 'otherAdmin', {
        attributes: ['gender'],
        epsilon: 0.5,
      }),
      404,
      'CASE_DATASET_NOT_FOUND',
    );
    expectError(await send('GET', '/api/v1/cases/datasets', null), 401, 'AUTH_REQUIRED');
  });

  it('publishes the 0–30 fixture suppressed and rounded, then noisy repeats debiting the ledger up to the cap', async () => {
    const dataset = ok<{ id: string; records: number; privacyUnit: string }>(
      await importCsv(zeroToThirtyCsv()),
      201,
    );
    expect(dataset.privacyUnit).toBe('person');
    const url = `/api/v1/cases/datasets/${dataset.id}/releases`;
    const body = { attributes: ['type_of_exploitation', 'gender'], epsilon: 1.5, year: 2025 };
    const first = ok<Release>(await send('POST', url, 'analyst', body), 201);
    expect(first.mechanism).toBe('suppressed');
    expect(first.epsilon).toBe(0);
    expectSafe(first);
    first.table.cells.forEach((cell, i) => {
      const n = fixtureCount(i);
      expect(cell.count, `cell ${i}`).toEqual(
        n < 10 ? { suppressed: true, below: 10 } : { suppressed: false, value: Math.floor(n / 10) * 10 },
      );
    });
    for (const spent of [1.5, 3]) {
      const repeat = ok<Release>(await send('POST', url, 'analyst', body), 201);
      expect(repeat.mechanism).toBe('noisy');
      expectSafe(repeat);
      const ledgers = ok<{ dataset: string; spentEpsilon: number }[]>(
        await send('GET', '/api/v1/privacy/ledgers', 'analyst'),
      );
      expect(ledgers.find((l) => l.dataset === 'cases/shelter-2025')?.spentEpsilon).toBe(spent);
    }
    const before = await countRows(getStore().db, 'case_releases');
    expectError(await send('POST', url, 'analyst', body), 409, 'PRIVACY_BUDGET_EXCEEDED');
    expect(await countRows(getStore().db, 'case_releases')).toBe(before);
    const published = ok<Release[]>(await send('GET', '/api/v1/public/case-releases?jurisdiction=IS', null));
    expect(published.length).toBe(before);
    for (const release of published) expectSafe(release);
    expect(ok<Release[]>(await send('GET', '/api/v1/public/case-releases?jurisdiction=FR', null))).toEqual(
      [],
    );
  });

  it('counts one person with 50 records once', async () => {
    const rows = [
      ...Array.from({ length: 50 }, () => 'P-same,Feminine'),
      ...Array.from({ length: 9 }, (_, i) => `P-other-${i},Feminine`),
    ];
    const dataset = ok<{ id: string; records: number }>(
      await importCsv(`ext_PersonRef,prs_Gender\n${rows.join('\n')}\n`, 'bounding'),
      201,
    );
    expect(dataset.records).toBe(59);
    const release = ok<Release>(
      await send('POST', `/api/v1/cases/datasets/${dataset.id}/releases`, 'admin', {
        attributes: ['gender'],
        epsilon: 1,
      }),
      201,
    );
    // 10 people: 10 published; 59 rows unbounded would have shown 50.
    expect(release.table.cells.find((c) => c.key[0] === 'Feminine')?.count).toEqual({
      suppressed: false,
      value: 10,
    });
  });

  it('refuses a fourth attribute and an unknown one', async () => {
    const [dataset] = ok<{ id: string }[]>(await send('GET', '/api/v1/cases/datasets', 'analyst'));
    const url = `/api/v1/cases/datasets/${dataset?.id}/releases`;
    expectError(
      await send('POST', url, 'analyst', {
        attributes: ['gender', 'age_group', 'case_status', 'trafficking_status'],
        epsilon: 1,
      }),
      400,
      'VALIDATION_FAILED',
    );
    expectError(
      await send('POST', url, 'analyst', { attributes: ['first_name'], epsilon: 1 }),
      400,
      'PRIVACY_ATTRIBUTE_NOT_ALLOWED',
    );
  });

  it('encrypts records and hashes person references; the canary reaches no log line or column', async () => {
    ok(
      await importCsv(
        `ext_PersonRef,prs_Gender,vic_TypeOfExploitation\n${canary},Feminine,ForcedLabour\n`,
        'canary',
      ),
      201,
    );
    const records = await getStore().db.selectFrom('case_records').selectAll().execute();
    expect(records.length).toBeGreaterThan(0);
    for (const r of records) {
      expect(r.data.startsWith('v1.')).toBe(true);
      expect(r.data).not.toMatch(/Feminine|ForcedLabour/);
      if (r.person_key !== null) expect(r.person_key).toMatch(/^[0-9a-f]{64}$/);
    }
    expect(records.filter((r) => r.person_key !== null).length).toBeGreaterThan(1000);
    expect(lines.length).toBeGreaterThan(10);
    expect(lines.join('')).not.toContain(canary);
    const dump = JSON.stringify(
      await Promise.all(
        (['case_records', 'case_datasets', 'case_releases', 'audit_events', 'privacy_releases'] as const).map(
          (t) => getStore().db.selectFrom(t).selectAll().execute(),
        ),
      ),
    );
    expect(dump).not.toContain(canary);
    expect(dump).not.toContain('P-same');
  });
});

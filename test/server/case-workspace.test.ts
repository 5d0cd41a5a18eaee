/**
 * The workspace routes of case data on every engine: the import log (file name and count, never a cell), draft
 * releases (seen only by their organisation, published as drawn), each ledger's releases and their ε, and the
 * country attributes (ISO 3166 codes checked at import, broken down only into the countries named, suppressed
 * like any other table). Role isolation: every new route for each role and for another organisation.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../engines.ts';
import {
  expectError,
  type Persona,
  personaClient,
  type Session,
  seedWorld,
  signInAll,
  startApp,
} from './helpers.ts';

interface Release {
  id: string;
  publishedAt: string | null;
  epsilon: number;
  statistic: string;
  table: {
    categories: string[][];
    cells: { key: string[]; count: { suppressed: boolean; value?: number; below?: number } }[];
  };
}

/** n people referred in 2026 with these citizenships and event country. */
function csv(rows: Array<[number, string, string]>): string {
  const lines = ['ext_PersonRef,prs_Citizenship,hte_Country,cas_IncomingReferralDate'];
  let p = 0;
  for (const [n, citizenship, country] of rows)
    for (let i = 0; i < n; i++) lines.push(`W-${++p},"${citizenship}",${country},2026-02-01`);
  return `${lines.join('\n')}\n`;
}

describeEachEngine('case workspace routes', (getStore) => {
  let app: FastifyInstance;
  let sessions: Record<Persona, Session>;
  const { send, ok } = personaClient(
    () => app,
    () => sessions,
  );
  let datasetId = '';

  beforeAll(async () => {
    ({ app } = await startApp(getStore(), {
      env: { LAWGAP_SECRET_KEY: randomBytes(32).toString('base64') },
    }));
    await seedWorld(getStore().db);
    sessions = await signInAll(app);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('checks country codes at import, naming row and column, and lists each imported file', async () => {
    const bad = await send('POST', '/api/v1/cases/imports', 'analyst', {
      dataset: 'countries',
      csv: 'prs_Citizenship,hte_Country\nMX;US,MX\nMX;Atlantis,ZZ\n',
    });
    expectError(bad, 400, 'CASES_IMPORT_INVALID');
    const problems = (bad.json() as { error: { details: { problems: { row: number; column: string }[] } } })
      .error.details.problems;
    expect(problems.map((p) => `${p.row}:${p.column}`)).toEqual(['3:prs_Citizenship', '3:hte_Country']);
    expect(bad.body).not.toContain('Atlantis');
    const body = {
      dataset: 'countries',
      fileName: 'shelter.csv',
      jurisdiction: 'MX',
      csv: csv([
        [34, 'MX', 'MX'],
        [12, 'GT', 'MX'],
        [4, 'HN', 'US'],
        [11, 'GT;MX', 'MX'],
      ]),
    };
    datasetId = ok<{ id: string; records: number }>(
      await send('POST', '/api/v1/cases/imports', 'analyst', body),
      201,
    ).id;
    const imports = ok<{ dataset: string; fileName: string; records: number; format: string }[]>(
      await send('GET', '/api/v1/cases/imports', 'reviewer'),
    );
    expect(imports).toEqual([
      expect.objectContaining({ dataset: 'countries', fileName: 'shelter.csv', records: 61, format: 'csv' }),
    ]);
    expect(ok<unknown[]>(await send('GET', '/api/v1/cases/imports', 'otherAdmin'))).toEqual([]);
  });

  it('breaks a release down by the named countries only, the rest as Other, suppressed below 10', async () => {
    const url = `/api/v1/cases/datasets/${datasetId}/releases`;
    expectError(
      await send('POST', url, 'analyst', { attributes: ['citizenship'], epsilon: 1 }),
      400,
      'VALIDATION_FAILED',
    );
    expectError(
      await send('POST', url, 'analyst', { attributes: ['citizenship'], epsilon: 1, countries: ['QQ'] }),
      400,
      'VALIDATION_FAILED',
    );
    expectError(
      await send('POST', url, 'analyst', {
        attributes: ['citizenship', 'event_country', 'gender', 'age_group'],
        epsilon: 1,
        countries: ['MX'],
      }),
      400,
      'VALIDATION_FAILED',
    );
    const release = ok<Release>(
      await send('POST', url, 'analyst', {
        attributes: ['citizenship', 'event_country'],
        epsilon: 1,
        countries: ['mx', 'GT'],
        draft: true,
      }),
      201,
    );
    expect(release.publishedAt).toBeNull();
    expect(release.table.categories[0]).toEqual(['GT', 'MX', 'Other', 'Multiple', 'Unknown']);
    const cell = (a: string, b: string) =>
      release.table.cells.find((c) => c.key[0] === a && c.key[1] === b)?.count;
    expect(cell('MX', 'MX')).toEqual({ suppressed: false, value: 30 });
    expect(cell('GT', 'MX')).toEqual({ suppressed: false, value: 10 });
    expect(cell('Other', 'Other')).toEqual({ suppressed: true, below: 10 });
    expect(cell('Multiple', 'MX')).toEqual({ suppressed: false, value: 10 });
    expect(JSON.stringify(release.table)).not.toContain('HN');
  });

  it('keeps drafts to their organisation until published, and shows each release’s ε on its ledger', async () => {
    const url = `/api/v1/cases/datasets/${datasetId}/releases`;
    const body = { attributes: ['event_country'], epsilon: 0.75, countries: ['MX'], draft: true };
    const first = ok<Release>(await send('POST', url, 'analyst', body), 201);
    const repeat = ok<Release>(await send('POST', url, 'analyst', body), 201);
    expect([first.epsilon, repeat.epsilon]).toEqual([0, 0.75]);
    const publicReleases = async () =>
      ok<{ id: string }[]>(await send('GET', '/api/v1/public/case-releases', null)).map((r) => r.id);
    expect(await publicReleases()).toEqual([]);
    expect(ok<{ id: string }[]>(await send('GET', '/api/v1/cases/releases', 'reviewer')).length).toBe(3);
    expect(ok<unknown[]>(await send('GET', '/api/v1/cases/releases', 'otherAdmin'))).toEqual([]);

    const publish = (id: string, who: Persona | null) =>
      send('POST', `/api/v1/cases/releases/${id}/publish`, who);
    for (const who of ['reviewer', 'viewer', 'campaigner'] as const)
      expectError(await publish(repeat.id, who), 403, 'FORBIDDEN');
    expectError(await publish(repeat.id, 'loner'), 403, 'FORBIDDEN');
    expectError(await publish(repeat.id, null), 401, 'AUTH_REQUIRED');
    expectError(await publish(repeat.id, 'otherAdmin'), 404, 'CASE_RELEASE_NOT_FOUND');
    expect(await publicReleases()).toEqual([]);
    const done = ok<Release>(await publish(repeat.id, 'analyst'));
    expect(done.publishedAt).not.toBeNull();
    expect(done.table).toEqual(repeat.table);
    expectError(await publish(repeat.id, 'admin'), 409, 'CASE_RELEASE_PUBLISHED');
    expect(await publicReleases()).toEqual([repeat.id]);

    const ledgerUrl = '/api/v1/privacy/ledgers/releases?dataset=cases%2Fcountries&year=2026';
    // The ledger is of the year the release was made (UTC), not of the records.
    const year = new Date().getUTCFullYear();
    const ledgers = ok<{ dataset: string; year: number; spentEpsilon: number; remainingEpsilon: number }[]>(
      await send('GET', '/api/v1/privacy/ledgers', 'viewer'),
    );
    expect(ledgers).toEqual([
      expect.objectContaining({
        dataset: 'cases/countries',
        year,
        spentEpsilon: 0.75,
        remainingEpsilon: 3.25,
      }),
    ]);
    const costs = ok<{ statistic: string; epsilon: number }[]>(
      await send('GET', ledgerUrl.replace('2026', String(year)), 'viewer'),
    );
    expect(costs).toEqual([expect.objectContaining({ statistic: repeat.statistic, epsilon: 0.75 })]);
    expectError(
      await send('GET', ledgerUrl.replace('2026', String(year)), 'otherAdmin'),
      404,
      'PRIVACY_LEDGER_NOT_FOUND',
    );
    const all = ok<{ dataset: string; year: number; epsilon: number }[]>(
      await send('GET', '/api/v1/privacy/ledgers/releases', 'reviewer'),
    );
    expect(all).toEqual([expect.objectContaining({ dataset: 'cases/countries', year, epsilon: 0.75 })]);
    expect(ok<unknown[]>(await send('GET', '/api/v1/privacy/ledgers/releases', 'otherAdmin'))).toEqual([]);
    expectError(
      await send('GET', '/api/v1/privacy/ledgers/releases?dataset=cases%2Fcountries', 'viewer'),
      400,
      'VALIDATION_FAILED',
    );
    expectError(await send('GET', ledgerUrl, 'loner'), 403, 'FORBIDDEN');
    // Another country list over the same attributes is a repeat: noisy and charged, never a second exact table.
    const other = ok<Release & { mechanism: string }>(
      await send('POST', url, 'analyst', {
        attributes: ['citizenship', 'event_country'],
        epsilon: 0.25,
        countries: ['MX'],
        draft: true,
      }),
      201,
    );
    expect([other.mechanism, other.epsilon]).toEqual(['noisy', 0.25]);
    expectError(await send('GET', ledgerUrl, null), 401, 'AUTH_REQUIRED');
  });

  it('refuses the import log to roles without cases:read', async () => {
    for (const who of ['viewer', 'campaigner', 'loner'] as const)
      expectError(await send('GET', '/api/v1/cases/imports', who), 403, 'FORBIDDEN');
    expectError(await send('GET', '/api/v1/cases/imports', null), 401, 'AUTH_REQUIRED');
  });
});

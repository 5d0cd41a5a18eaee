/**
 * Gap reports and open exports through the API on every engine: public published reads, Markdown and CSV
 * content types, unpublished answers for members only, and each kind of bad input answered with its own 4xx.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { iceland } from '../coding-fixtures.ts';
import { describeEachEngine } from '../engines.ts';
import { as, expectError, type Persona, type Session, seedWorld, signInAll, startApp } from './helpers.ts';

describeEachEngine('gaps and export API', (getStore) => {
  let app: FastifyInstance;
  let sessions: Record<Persona, Session>;
  const get = (url: string, who: Persona | null = null) =>
    app.inject({ method: 'GET', url, ...(who ? { headers: as(sessions[who]) } : {}) });
  const gaps = `/api/v1/gaps/${encodeURIComponent(iceland)}`;

  beforeAll(async () => {
    ({ app } = await startApp(getStore()));
    await seedWorld(getStore().db);
    sessions = await signInAll(app);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('serves a public gap report as JSON or Markdown, and unpublished counts to members only', async () => {
    const json = await get(`${gaps}?asOf=2031-01-01&locale=es`);
    expect(json.statusCode, json.body).toBe(200);
    const report = json.json() as {
      gaps: unknown[];
      notCoded: Array<{ question: string }>;
      jurisdictionName: string;
    };
    expect(report.gaps).toEqual([]);
    expect(report.notCoded).toHaveLength(66);
    expect(report.notCoded[0]?.question).toMatch(/^¿Existe/);
    const md = await get(`${gaps}?asOf=2031-01-01&format=md`);
    expect(md.statusCode).toBe(200);
    expect(md.headers['content-type']).toBe('text/markdown; charset=utf-8');
    expect(md.body).toContain('## Not coded yet');
    expectError(await get(`${gaps}?include=coded`), 403, 'FORBIDDEN');
    expect((await get(`${gaps}?include=coded`, 'viewer')).statusCode).toBe(200);
  });

  it('answers bad input with a specific 4xx', async () => {
    expectError(
      await get(`/api/v1/gaps/${encodeURIComponent('ocd-division/country:zz')}`),
      404,
      'JURISDICTION_NOT_FOUND',
    );
    expectError(await get('/api/v1/gaps/not-an-id'), 400, 'VALIDATION_FAILED');
    for (const query of ['asOf=2031-13-01', 'format=pdf', 'include=suggested', 'locale=de', 'stray=1']) {
      expectError(await get(`${gaps}?${query}`), 400, 'VALIDATION_FAILED');
    }
  });

  it('exports the dataset as CSV and JSON and the codebook as Markdown, to anyone', async () => {
    const csv = await get('/api/v1/export/dataset.csv');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.body).toBe(
      'answer_id,jurisdiction_id,indicator_id,framework_id,framework_version,value,normalized_value,valid_from,valid_to,citations,quotes\r\n',
    );
    const json = await get('/api/v1/export/dataset.json');
    expect(json.json()).toEqual({
      format: 'lawgap-dataset/1',
      framework: { id: 'lawgap-v1', version: 1 },
      rows: [],
    });
    const book = await get('/api/v1/export/codebook.md');
    expect(book.headers['content-type']).toBe('text/markdown; charset=utf-8');
    expect(book.body).toContain('## Indicators');
    const protocol = await get('/api/v1/export/protocol.md');
    expect(protocol.statusCode).toBe(200);
    expect(protocol.headers['content-type']).toBe('text/markdown; charset=utf-8');
    expect(protocol.body).toContain('(default **5%**)');
    expect(protocol.body).toContain('`lawgap-dataset/1`');
  });
});

/**
 * Enforcement statistics through the API on every engine: a good import (ISO and OCD jurisdictions, BOM and
 * CRLF), every kind of bad file refused with its row and column named and nothing written, a newer source
 * replacing a figure while the old one stays readable, who may import and publish, drafts hidden from other
 * organisations, and the public list showing only published figures with their source and date.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachEngine } from '../engines.ts';
import { countRows, expectError, okJson, useSignedInApp } from './helpers.ts';

const fixtures = path.resolve(import.meta.dirname, '../fixtures/statistics');
const fixture = (name: string) => fs.readFileSync(path.join(fixtures, name), 'utf8');
const nz = 'ocd-division/country:nz';

const header =
  'jurisdiction,year,measure,form_of_exploitation,sex,age_group,value,unit,source,source_url,source_date,note';
const goodRow: Record<string, string> = {
  jurisdiction: 'FR',
  year: '2030',
  measure: 'convictions',
  form_of_exploitation: 'labour',
  sex: 'all',
  age_group: 'all',
  value: '7',
  unit: 'persons',
  source: 'Invented Office: Synthetic Table D (test fixture)',
  source_url: 'https://example.org/synthetic/d',
  source_date: '2031-06-01',
  note: '',
};
/** A one-row file with some cells changed. */
const oneRow = (change: Record<string, string>) =>
  `${header}\n${header
    .split(',')
    .map((c) => change[c] ?? goodRow[c])
    .join(',')}\n`;

interface Problem {
  row: number;
  column: string | null;
  message: string;
}
interface ImportJson {
  id: string;
  status: string;
  rowCount: number;
  replacedCount: number;
  sources: string[];
}
interface FigureJson {
  id: string;
  importId: string;
  jurisdictionId: string;
  measure: string;
  form: string;
  sex: string;
  ageGroup: string;
  value: number;
  source: string;
  sourceUrl: string | null;
  sourceDate: string;
  replacedBy: string | null;
  published: boolean;
  row: number;
}

describeEachEngine('statistics API', (getStore) => {
  const api = useSignedInApp(getStore);
  const importAs = (who: Parameters<typeof api.send>[2], csv: string, extra: object = {}) =>
    api.send('POST', '/api/v1/statistics/imports', who, { csv, ...extra });
  const counts = async () => ({
    imports: await countRows(getStore().db, 'statistic_imports'),
    figures: await countRows(getStore().db, 'statistic_figures'),
  });
  /** Expects a refusal naming these row/column pairs, and nothing written. */
  const refused = async (csv: string, expected: Array<Partial<Problem>>, extra: object = {}) => {
    const before = await counts();
    const res = await importAs('analyst', csv, extra);
    expectError(res, 400, 'STATISTICS_IMPORT_INVALID');
    const { details } = (res.json() as { error: { details: { problems: Problem[]; total: number } } }).error;
    for (const e of expected)
      expect(details.problems, JSON.stringify(e)).toContainEqual(expect.objectContaining(e));
    expect(await counts()).toEqual(before);
    return details;
  };
  let good: ImportJson;

  beforeAll(async () => {
    good = okJson<ImportJson>(await importAs('analyst', fixture('good.csv'), { fileName: 'good.csv' }), 201);
  });

  it('imports a good file as a draft, reading ISO codes and OCD ids, with every figure keeping its source', async () => {
    expect(good).toMatchObject({ status: 'draft', rowCount: 5, replacedCount: 0 });
    expect(good.sources).toHaveLength(3);
    const figures = okJson<FigureJson[]>(await api.send('GET', '/api/v1/statistics/figures', 'viewer'));
    expect(figures.map((f) => [f.jurisdictionId, f.measure, f.value])).toEqual([
      ['ocd-division/country:is', 'convictions', 4],
      [nz, 'investigations', 111],
      [nz, 'victims_identified', 3],
      [nz, 'victims_identified', 22],
      ['ocd-division/country:us/state:tx', 'prosecutions', 5],
    ]);
    const iceland = figures[0]!;
    expect(iceland).toMatchObject({ form: 'all', sex: 'all', ageGroup: 'all', row: 5, published: false });
    expect(iceland.source).toBe('Invented Bureau, Synthetic Table B (test fixture)');
    expect(figures[1]).toMatchObject({
      sourceUrl: 'https://example.org/synthetic/a',
      sourceDate: '2031-03-01',
    });

    const crlf = `\uFEFF${oneRow({}).trimEnd().split('\n').join('\r\n')}\r\n`;
    const fr = okJson<ImportJson>(await importAs('analyst', crlf), 201);
    expect(fr.rowCount).toBe(1);
    const filtered = okJson<FigureJson[]>(
      await api.send(
        'GET',
        '/api/v1/statistics/figures?jurisdiction=FRA&measure=convictions&yearFrom=2030&yearTo=2030',
        'viewer',
      ),
    );
    expect(filtered.map((f) => [f.jurisdictionId, f.importId])).toEqual([['ocd-division/country:fr', fr.id]]);
  });

  describe('refuses bad files with the row and column named, writing nothing', () => {
    it('names unknown and missing columns in the header', async () => {
      await refused(oneRow({}).replace(',value,', ',valu,'), [
        { row: 1, column: null, message: expect.stringContaining('unknown column "valu"') },
        { row: 1, column: 'value', message: 'missing column "value"' },
      ]);
      await refused(oneRow({}).replace(',unit,', ',').replace(',persons,', ','), [
        { row: 1, column: 'unit', message: 'missing column "unit"' },
      ]);
    });

    it('names each bad cell', async () => {
      const cases: Array<[Record<string, string>, string]> = [
        [{ year: '20x0' }, 'year'],
        [{ year: '2032' }, 'year'],
        [{ value: '-4' }, 'value'],
        [{ value: '2.5' }, 'value'],
        [{ value: '' }, 'value'],
        [{ measure: 'arrests' }, 'measure'],
        [{ form_of_exploitation: 'begging' }, 'form_of_exploitation'],
        [{ sex: 'f' }, 'sex'],
        [{ age_group: 'minor' }, 'age_group'],
        [{ unit: 'victims' }, 'unit'],
        [{ jurisdiction: 'XX' }, 'jurisdiction'],
        [{ jurisdiction: 'ocd-division/country:zz' }, 'jurisdiction'],
        [{ source_date: '2031-02-30' }, 'source_date'],
        [{ source_date: '' }, 'source_date'],
        [{ source_url: 'ftp://example.org/table' }, 'source_url'],
        [{ source_url: 'not-a-url' }, 'source_url'],
        [{ source: '' }, 'source'],
      ];
      for (const [change, column] of cases) await refused(oneRow(change), [{ row: 2, column }]);
    });

    it('refuses a breakdown given twice, an empty file and a header alone', async () => {
      const twice = `${oneRow({})}${oneRow({ value: '8' }).split('\n')[1]}\n`;
      await refused(twice, [{ row: 3, column: 'value', message: expect.stringContaining('row 2') }]);
      // ISO and OCD spellings of one jurisdiction are the same breakdown.
      const spelled = `${oneRow({})}${oneRow({ jurisdiction: 'ocd-division/country:fr' }).split('\n')[1]}\n`;
      await refused(spelled, [{ row: 3, column: 'value' }]);
      await refused('', [{ row: 1, message: expect.stringContaining('the file is empty') }]);
      await refused('\uFEFF\r\n', [{ row: 1, message: expect.stringContaining('the file is empty') }]);
      await refused(`${header}\r\n`, [{ row: 2, message: 'the file has no rows below its header' }]);
    });

    it('reports every bad row at once, listing at most 100', async () => {
      const details = await refused(fixture('bad-rows.csv'), [
        { row: 2, column: 'year' },
        { row: 3, column: 'measure' },
        { row: 4, column: 'value' },
      ]);
      expect(details.total).toBe(3);
      const many = `${header}\n${Array.from({ length: 150 }, () => oneRow({ value: 'x' }).split('\n')[1]).join('\n')}`;
      const capped = await refused(many, []);
      expect(capped.total).toBe(150);
      expect(capped.problems).toHaveLength(100);
      expect(capped.problems[0]).toMatchObject({ row: 2, column: 'value' });
    });

    it('checks the source given for the whole import and lets it fill empty cells', async () => {
      const noSource = oneRow({ jurisdiction: 'DE' })
        .replace(',source,source_url,source_date', '')
        .replace(
          ',Invented Office: Synthetic Table D (test fixture),https://example.org/synthetic/d,2031-06-01',
          '',
        );
      await refused(noSource, [
        { row: 1, column: 'source' },
        { row: 1, column: 'source_date' },
      ]);
      const badDate = await importAs('analyst', noSource, { source: 'Invented', sourceDate: '2031-13-01' });
      expectError(badDate, 400, 'VALIDATION_FAILED');
      expect(badDate.json()).toMatchObject({
        error: { message: expect.stringContaining('body.sourceDate') },
      });
      const res = await importAs('admin', noSource, {
        source: 'Invented Office (test fixture)',
        sourceDate: '2031-07-01',
      });
      expect(okJson<ImportJson>(res, 201).sources).toEqual(['Invented Office (test fixture)']);
    });
  });

  it('replaces a figure only from a newer source and keeps the old one readable', async () => {
    await refused(fixture('good.csv'), [
      { row: 2, column: 'source_date', message: expect.stringContaining('already stored') },
    ]);
    const older = fixture('newer.csv').replace('2032-01-15', '2030-12-31');
    await refused(older, [{ row: 2, column: 'source_date' }]);

    const newer = okJson<ImportJson>(await importAs('reviewer', fixture('newer.csv')), 201);
    expect(newer).toMatchObject({ rowCount: 1, replacedCount: 1 });
    const current = okJson<FigureJson[]>(
      await api.send('GET', `/api/v1/statistics/figures?jurisdiction=NZ&measure=investigations`, 'viewer'),
    );
    expect(current.map((f) => f.value)).toEqual([222]);
    const history = okJson<FigureJson[]>(
      await api.send(
        'GET',
        `/api/v1/statistics/figures?jurisdiction=NZ&measure=investigations&history=true`,
        'viewer',
      ),
    );
    expect(history.map((f) => [f.value, f.sourceDate, f.replacedBy])).toEqual([
      [111, '2031-03-01', current[0]!.id],
      [222, '2032-01-15', null],
    ]);
    expect(history[0]!.source).toBe('Invented Ministry: Synthetic Table A (test fixture)');
  });

  it('lets admins, analysts and reviewers import; refuses viewers, campaigners, the organizationless and anonymous callers', async () => {
    const before = await counts();
    const csv = oneRow({ jurisdiction: 'ES' });
    for (const who of ['viewer', 'campaigner', 'loner'] as const)
      expectError(await importAs(who, csv), 403, 'FORBIDDEN');
    expectError(await importAs(null, csv), 401, 'AUTH_REQUIRED');
    expect(await counts()).toEqual(before);
    expectError(
      await api.send('POST', `/api/v1/statistics/imports/${good.id}/publish`, 'viewer'),
      403,
      'FORBIDDEN',
    );
  });

  it('hides drafts from other organizations and the public; publishing shows figures with their source', async () => {
    expect(okJson<unknown[]>(await api.send('GET', '/api/v1/public/statistics', null))).toEqual([]);
    expect(okJson<unknown[]>(await api.send('GET', '/api/v1/statistics/figures', 'otherAdmin'))).toEqual([]);
    expect(okJson<unknown[]>(await api.send('GET', '/api/v1/statistics/imports', 'otherAdmin'))).toEqual([]);
    expectError(
      await api.send('POST', `/api/v1/statistics/imports/${good.id}/publish`, 'otherAdmin'),
      404,
      'STATISTICS_IMPORT_NOT_FOUND',
    );
    const imports = okJson<ImportJson[]>(await api.send('GET', '/api/v1/statistics/imports', 'viewer'));
    expect(imports.at(-1)?.id).toBe(good.id);
    const newerId = imports[0]!.id;

    const published = okJson<ImportJson>(
      await api.send('POST', `/api/v1/statistics/imports/${good.id}/publish`, 'analyst'),
    );
    expect(published.status).toBe('published');
    const pub = okJson<FigureJson[]>(
      await api.send('GET', '/api/v1/public/statistics?jurisdiction=NZ', null),
    );
    // The newer NZ figure is still a draft: the public sees the published one as current.
    expect(pub.map((f) => [f.measure, f.value, f.source, f.sourceDate])).toEqual([
      ['investigations', 111, 'Invented Ministry: Synthetic Table A (test fixture)', '2031-03-01'],
      ['victims_identified', 3, 'Invented Ministry: Synthetic Table A (test fixture)', '2031-03-01'],
      ['victims_identified', 22, 'Invented Ministry: Synthetic Table A (test fixture)', '2031-03-01'],
    ]);
    expect(okJson<FigureJson[]>(await api.send('GET', '/api/v1/public/statistics', null))).toHaveLength(5);

    okJson(await api.send('POST', `/api/v1/statistics/imports/${newerId}/publish`, 'admin'));
    const after = okJson<FigureJson[]>(
      await api.send(
        'GET',
        '/api/v1/public/statistics?jurisdiction=NZ&measure=investigations&history=true',
        null,
      ),
    );
    expect(after.map((f) => [f.value, f.replacedBy === null])).toEqual([
      [111, false],
      [222, true],
    ]);
    okJson(await api.send('POST', `/api/v1/statistics/imports/${newerId}/unpublish`, 'reviewer'));
    const back = okJson<FigureJson[]>(
      await api.send('GET', '/api/v1/public/statistics?jurisdiction=NZ&measure=investigations', null),
    );
    expect(back.map((f) => f.value)).toEqual([111]);
  });

  it('refuses bad filters by name', async () => {
    expectError(
      await api.send('GET', '/api/v1/public/statistics?jurisdiction=XX', null),
      404,
      'JURISDICTION_NOT_FOUND',
    );
    expectError(
      await api.send('GET', '/api/v1/public/statistics?yearFrom=2031&yearTo=2030', null),
      400,
      'VALIDATION_FAILED',
    );
    expectError(
      await api.send('GET', '/api/v1/public/statistics?measure=arrests', null),
      400,
      'VALIDATION_FAILED',
    );
    expectError(
      await api.send('GET', '/api/v1/public/statistics?colour=red', null),
      400,
      'VALIDATION_FAILED',
    );
  });
});

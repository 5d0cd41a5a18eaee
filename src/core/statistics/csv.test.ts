/** The statistics CSV reader and the replacement rule, without a database. */
import { describe, expect, it } from 'vitest';
import { describeProblem, readStatisticsCsv } from './csv.ts';
import { markReplaced, statisticLimits } from './types.ts';

const header = 'jurisdiction,year,measure,value,unit,source,source_date';

describe('readStatisticsCsv', () => {
  it('reads a minimal file with a BOM and CRLF, filling breakdowns with all and case-folding the lists', () => {
    const { rows, problems } = readStatisticsCsv(
      `\uFEFF${header}\r\nNZ,2030,Convictions,9,PERSONS,Invented (test),2031-01-01\r\n`,
    );
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      expect.objectContaining({
        row: 2,
        measure: 'convictions',
        unit: 'persons',
        form: 'all',
        sex: 'all',
        ageGroup: 'all',
        value: 9,
        sourceUrl: null,
        note: null,
      }),
    ]);
  });

  it('refuses a file over the size cap and one with too many rows, before reading rows', () => {
    const big = readStatisticsCsv('x'.repeat(statisticLimits.importChars + 1));
    expect(big.problems).toEqual([{ row: 0, column: null, message: expect.stringContaining('larger than') }]);
    const line = '\nNZ,2030,convictions,1,persons,S,2031-01-01';
    const many = readStatisticsCsv(header + line.repeat(statisticLimits.importRows + 1));
    expect(many.problems).toEqual([
      { row: 0, column: null, message: expect.stringContaining('at most 20000 rows') },
    ]);
  });

  it('names a row whose cell count differs from the header, and an unclosed quote', () => {
    expect(readStatisticsCsv(`${header}\nNZ,2030\n`).problems).toEqual([
      { row: 2, column: null, message: 'has 2 cells, the header has 7' },
    ]);
    expect(readStatisticsCsv(`${header}\n"NZ,2030`).problems[0]).toMatchObject({ row: 0, column: null });
  });

  it('takes the import-wide source for empty cells, and checks it', () => {
    const text = `jurisdiction,year,measure,value,unit\nNZ,2030,convictions,1,cases\n`;
    expect(readStatisticsCsv(text).problems.map((p) => p.column)).toEqual(['source', 'source_date']);
    const ok = readStatisticsCsv(text, {
      source: 'Invented (test)',
      sourceDate: '2031-02-01',
      sourceUrl: 'https://example.org/x',
    });
    expect(ok.rows[0]).toMatchObject({
      source: 'Invented (test)',
      sourceDate: '2031-02-01',
      sourceUrl: 'https://example.org/x',
    });
    const bad = readStatisticsCsv(text, {
      source: ' ',
      sourceUrl: 'javascript:alert(1)',
      sourceDate: '2031-02-01',
    });
    expect(bad.problems.map(describeProblem)).toEqual([
      "the file, column source: the import's source must be 1–300 characters",
      'the file, column source_url: the import\'s source_url must be an http or https address, got "javascript:alert(1)"',
    ]);
  });
});

describe('markReplaced', () => {
  const base = {
    jurisdictionId: 'j',
    year: 2030,
    measure: 'convictions',
    form: 'all',
    sex: 'all',
    ageGroup: 'all',
  } as const;
  it('keeps the latest source current per organisation and breakdown', () => {
    const figures = [
      { ...base, id: 'a', organizationId: 'o1', sourceDate: '2031-01-01', createdAt: '1' },
      { ...base, id: 'b', organizationId: 'o1', sourceDate: '2032-01-01', createdAt: '2' },
      { ...base, id: 'c', organizationId: 'o2', sourceDate: '2030-06-01', createdAt: '3' },
      { ...base, id: 'd', organizationId: 'o1', sex: 'female', sourceDate: '2030-01-01', createdAt: '4' },
    ] as const;
    expect(markReplaced([...figures]).map((f) => [f.id, f.replacedBy])).toEqual([
      ['a', 'b'],
      ['b', null],
      ['c', null],
      ['d', null],
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { parseCsv, readCodingCsv } from './csv.ts';
import { findOverlap, intervalsOverlap, validOn } from './validity.ts';

describe('parseCsv', () => {
  it('reads quoted cells with commas, doubled quotes and line breaks, CRLF or LF, and a BOM', () => {
    const { records, problem } = parseCsv('\uFEFFa,b\r\n"x, y","say ""hi""\nthere"\n\nlast,\n');
    expect(problem).toBeNull();
    expect(records.map((r) => r.cells)).toEqual([
      ['a', 'b'],
      ['x, y', 'say "hi"\nthere'],
      ['last', ''],
    ]);
  });

  it('reports an unclosed quote', () => {
    expect(parseCsv('a\n"open').problem).toBe('a quoted cell starting on line 2 is never closed');
  });
});

describe('readCodingCsv', () => {
  const header = 'jurisdiction,indicator,value,provision,quote,status';
  it('reads rows and numbers problems as a spreadsheet does', () => {
    const { rows, problems } = readCodingCsv(
      `${header}\nocd-division/country:is,CR-01,Y,p1,some words,\nocd-division/country:is,,Y,p1,words,published\nx,CR-02\n`,
    );
    expect(rows).toEqual([
      {
        row: 2,
        jurisdictionId: 'ocd-division/country:is',
        indicatorId: 'CR-01',
        value: 'Y',
        provisionId: 'p1',
        quote: 'some words',
      },
    ]);
    expect(problems).toEqual([
      { row: 3, message: 'indicator is empty' },
      { row: 3, message: 'status must be one of suggested, coded, got "published"' },
      { row: 4, message: 'has 2 cells, the header has 6' },
    ]);
  });

  it('refuses unknown and missing columns, and empty files', () => {
    expect(readCodingCsv('jurisdiction,indicator,value,provision,quotes\n').problems).toEqual([
      { row: 1, message: 'unknown column "quotes"' },
      { row: 1, message: 'missing column "quote"' },
    ]);
    expect(readCodingCsv('').problems).toEqual([{ row: 0, message: 'the file is empty' }]);
    expect(readCodingCsv(`${header}\n`).problems).toEqual([
      { row: 0, message: 'the file has no rows below its header' },
    ]);
  });
});

describe('validity intervals', () => {
  it('treats validTo as exclusive and null as open-ended', () => {
    const a = { id: 'a', validFrom: '2030-01-01', validTo: '2035-01-01' };
    const b = { id: 'b', validFrom: '2035-01-01', validTo: null };
    expect(intervalsOverlap(a, b)).toBe(false);
    expect(intervalsOverlap(a, { validFrom: '2034-12-31', validTo: null })).toBe(true);
    expect([validOn(a, '2034-12-31'), validOn(a, '2035-01-01'), validOn(b, '2099-01-01')]).toEqual([
      true,
      false,
      true,
    ]);
    expect(findOverlap({ validFrom: '2031-01-01', validTo: null }, [a, b])?.id).toBe('a');
    expect(findOverlap({ validFrom: '2031-01-01', validTo: '2032-01-01' }, [a, b], 'a')).toBeUndefined();
  });
});

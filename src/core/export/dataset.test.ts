import { describe, expect, it } from 'vitest';
import { parseCsv } from '../coding/csv.ts';
import type { CodedAnswer } from '../coding/types.ts';
import { parseFramework } from '../framework/parse-framework.ts';
import v1 from '../framework/versions/v1.json' with { type: 'json' };
import { buildCodebook, renderCodebookMarkdown } from './codebook.ts';
import { csvCell, datasetColumns, datasetCsv, datasetRows } from './dataset.ts';

const framework = parseFramework(v1);

describe('open dataset', () => {
  it('quotes cells as RFC 4180 requires', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(' padded')).toBe('" padded"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(0.5)).toBe('0.5');
  });

  it('writes rows that parse back to the same cells, NA with an empty normalized value', () => {
    const answer = (indicatorId: string, value: string, quote: string): CodedAnswer => ({
      id: `id-${indicatorId}`,
      jurisdictionId: 'ocd-division/country:is',
      frameworkId: 'lawgap-v1',
      indicatorId,
      value,
      validFrom: '2030-01-01',
      validTo: '2035-01-01',
      status: 'published',
      cautionNote: null,
      coder: 'system:test',
      citations: [
        { provisionId: 'p', quote, citation: 'Act s. 1', documentId: 'd', versionId: 'v' },
        { provisionId: 'q', quote: 'second', citation: 'Act s. 2', documentId: 'd', versionId: 'v' },
      ],
      createdAt: '',
      updatedAt: '',
    });
    const rows = datasetRows(framework, [
      answer('CR-02', '1', 'a "quoted",\r\nline'),
      answer('CR-01', 'NA', 'x'),
    ]);
    const { records, problem } = parseCsv(datasetCsv(rows));
    expect(problem).toBeNull();
    expect(records.map((r) => r.cells)).toEqual([
      [...datasetColumns],
      [
        'id-CR-01',
        'ocd-division/country:is',
        'CR-01',
        'lawgap-v1',
        '1',
        'NA',
        '',
        '2030-01-01',
        '2035-01-01',
        'Act s. 1 | Act s. 2',
        'x | second',
      ],
      [
        'id-CR-02',
        'ocd-division/country:is',
        'CR-02',
        'lawgap-v1',
        '1',
        '1',
        '0.5',
        '2030-01-01',
        '2035-01-01',
        'Act s. 1 | Act s. 2',
        'a "quoted",\r\nline | second',
      ],
    ]);
  });

  it('builds a codebook whose indicator shares add up to 100', () => {
    const book = buildCodebook(framework);
    expect(book.indicators).toHaveLength(66);
    expect(book.indicators.reduce((s, i) => s + i.shareOfTotal, 0)).toBeCloseTo(100, 9);
    expect(book.variables.map((v) => v.name)).toEqual([...datasetColumns]);
    const md = renderCodebookMarkdown(book);
    expect(md).toContain('`YPN` (Yes / partial / no): `Y` = 1, `P` = 0.5, `N` = 0');
    expect(md).toContain('| CR | ');
  });
});

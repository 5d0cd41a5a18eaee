/**
 * The open dataset: one row per published answer (jurisdiction × indicator × validity interval), with stable
 * ids. Policy: CSV is RFC 4180 (comma separated, CRLF line ends, a cell quoted when it holds a comma, a quote,
 * a line break or leading/trailing space; quotes doubled); several citations or quotes in one cell are joined
 * with " | " in the same order (the JSON dataset keeps them as lists). The format is named in the manifest
 * (`lawgap-dataset/1`); a change of columns is a new format version.
 */
import type { CodedAnswer } from '../coding/types.ts';
import type { Framework } from '../framework/types.ts';

/** The dataset format, written in the manifest. */
export const datasetFormat = 'lawgap-dataset/1';

/** The dataset's columns, in order. */
export const datasetColumns = [
  'answer_id',
  'jurisdiction_id',
  'indicator_id',
  'framework_id',
  'framework_version',
  'value',
  'normalized_value',
  'valid_from',
  'valid_to',
  'citations',
  'quotes',
] as const;

/** One dataset row (JSON form). */
export interface DatasetRow {
  answerId: string;
  jurisdictionId: string;
  indicatorId: string;
  frameworkId: string;
  frameworkVersion: number;
  value: string;
  /** The response type's value for the code; null for NA. */
  normalizedValue: number | null;
  validFrom: string;
  validTo: string | null;
  citations: string[];
  quotes: string[];
}

/** Dataset rows of answers coded under this framework, ordered by jurisdiction, indicator and start date. */
export function datasetRows(framework: Framework, answers: readonly CodedAnswer[]): DatasetRow[] {
  const types = new Map(framework.indicators.map((i) => [i.id, i.type]));
  return answers
    .filter((a) => a.frameworkId === framework.id && types.has(a.indicatorId))
    .map((a) => {
      const type = types.get(a.indicatorId);
      const n = type ? framework.responseTypes[type].values[a.value] : undefined;
      return {
        answerId: a.id,
        jurisdictionId: a.jurisdictionId,
        indicatorId: a.indicatorId,
        frameworkId: framework.id,
        frameworkVersion: framework.version,
        value: a.value,
        normalizedValue: n === undefined ? null : n,
        validFrom: a.validFrom,
        validTo: a.validTo,
        citations: a.citations.map((c) => c.citation),
        quotes: a.citations.map((c) => c.quote),
      };
    })
    .sort(
      (x, y) =>
        x.jurisdictionId.localeCompare(y.jurisdictionId) ||
        x.indicatorId.localeCompare(y.indicatorId) ||
        x.validFrom.localeCompare(y.validFrom),
    );
}

/** One CSV cell, quoted as RFC 4180 requires. */
export function csvCell(value: string | number | null): string {
  const s = value === null ? '' : String(value);
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The dataset as CSV text: a header and one CRLF-ended line per row (header only when there are none). */
export function datasetCsv(rows: readonly DatasetRow[]): string {
  const lines = [datasetColumns.join(',')];
  for (const r of rows) {
    lines.push(
      [
        r.answerId,
        r.jurisdictionId,
        r.indicatorId,
        r.frameworkId,
        r.frameworkVersion,
        r.value,
        r.normalizedValue,
        r.validFrom,
        r.validTo,
        r.citations.join(' | '),
        r.quotes.join(' | '),
      ]
        .map(csvCell)
        .join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

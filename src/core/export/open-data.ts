/**
 * The open-data release's score sheet (`answers.csv`, format `lawgap-open-answers/1`). Policy: one row per
 * indicator of every jurisdiction with a published answer valid on the release date, taken from the score the
 * portal shows (scoring's own breakdown, never a second computation), so the file alone is enough to recompute
 * each total: a row's `points` is weight × normalized_value ÷ area_applicable_weight × area_share × 100 ÷
 * counted_share, and a jurisdiction's total is Σ points rounded half up to one decimal. Rows are sorted by
 * jurisdiction and framework order; CSV is RFC 4180 with CRLF line ends, several citations or quotes joined
 * with " | ". `recomputeTotals` is the check every release passes before it is served.
 */
import { parseCsv } from '../csv.ts';
import type { Framework } from '../framework/types.ts';
import type { Jurisdiction } from '../jurisdictions/types.ts';
import { roundTotal } from '../scoring/grades.ts';
import type { ScoreResult } from '../scoring/types.ts';
import { csvCell } from './dataset.ts';

/** The score sheet's format, named in the codebook and dataset.json. */
export const openAnswersFormat = 'lawgap-open-answers/1';

/** The score sheet's columns, in order, each with its type and meaning (the codebook prints these). */
export const openAnswerColumns = [
  ['as_of', 'date', 'the date the scores are computed on (YYYY-MM-DD); answers valid that day are counted'],
  ['jurisdiction_id', 'text', 'Open Civic Data division id of the jurisdiction (stable)'],
  ['jurisdiction_name', 'text', 'the jurisdiction’s English name'],
  ['jurisdiction_level', 'text', 'national, state or local: an indicator not asked at this level is NA'],
  ['framework_version', 'integer', 'framework version the answers were scored under'],
  ['area_id', 'text', 'area the indicator belongs to'],
  ['area_share', 'number', 'the area’s share of the total (shares of all areas add up to 100)'],
  ['indicator_id', 'text', 'indicator id in the framework (stable)'],
  ['weight', 'number', 'the indicator’s weight within its area'],
  ['status', 'text', 'scored (counted), na (not applicable: left out) or not_coded (no published answer)'],
  ['value', 'text', 'published answer code (see Answer values), NA, or empty when not coded'],
  ['normalized_value', 'number', 'the code’s value from 0 to 1; empty unless scored'],
  ['area_applicable_weight', 'number', 'Σ weight of the area’s scored indicators'],
  ['counted_share', 'number', 'Σ area_share of the areas with at least one scored indicator'],
  ['points', 'number', 'what the row adds to the total (0 to 100 scale); empty unless scored'],
  ['answer_id', 'text', 'stable id of the published answer (UUID); empty when not coded or NA by level'],
  ['valid_from', 'date', 'first day the answer applies (inclusive)'],
  ['valid_to', 'date', 'first day it no longer applies (exclusive); empty when open-ended'],
  ['published_on', 'date', 'the day the published answer last changed'],
  ['citations', 'text', 'cited provisions, joined with " | "'],
  ['quotes', 'text', 'verbatim quotes of the cited provisions, same order, joined with " | "'],
] as const;

/** A column name of the score sheet. */
export type OpenAnswerColumn = (typeof openAnswerColumns)[number][0];

/** The column names, in order. */
export const openAnswerHeader: readonly OpenAnswerColumn[] = openAnswerColumns.map((c) => c[0]);

/** A published answer as the sheet needs it (the one valid on the release date). */
export interface OpenAnswerSource {
  id: string;
  indicatorId: string;
  validFrom: string;
  validTo: string | null;
  updatedAt: string;
  citations: ReadonlyArray<{ citation: string; quote?: string }>;
}

/** One jurisdiction's published score on the release date, with the answers it counted. */
export interface OpenScore {
  jurisdiction: Pick<Jurisdiction, 'id' | 'name' | 'level'>;
  result: ScoreResult;
  answers: readonly OpenAnswerSource[];
}

/** The sheet's rows as cells (strings), in column order, sorted by jurisdiction then framework order. */
export function openAnswerRows(framework: Framework, asOf: string, scores: readonly OpenScore[]): string[][] {
  const rows: string[][] = [];
  const sorted = [...scores].sort((a, b) => (a.jurisdiction.id < b.jurisdiction.id ? -1 : 1));
  for (const { jurisdiction, result, answers } of sorted) {
    const byIndicator = new Map(answers.map((a) => [a.indicatorId, a] as const));
    for (const area of result.areas) {
      for (const line of area.indicators) {
        const answer =
          line.status === 'na' && line.naReason === 'level' ? undefined : byIndicator.get(line.id);
        const scored = line.status === 'scored' && line.contribution !== null && area.applicableWeight > 0;
        const points = scored
          ? (((line.contribution ?? 0) / area.applicableWeight) * area.share * 100) / result.countedShare
          : null;
        const cells: Record<OpenAnswerColumn, string | number | null> = {
          as_of: asOf,
          jurisdiction_id: jurisdiction.id,
          jurisdiction_name: jurisdiction.name.en,
          jurisdiction_level: jurisdiction.level,
          framework_version: framework.version,
          area_id: area.id,
          area_share: area.share,
          indicator_id: line.id,
          weight: line.weight,
          status: line.status,
          value: line.value,
          normalized_value: line.normalized,
          area_applicable_weight: area.applicableWeight,
          counted_share: result.countedShare,
          points,
          answer_id: answer?.id ?? null,
          valid_from: answer?.validFrom ?? null,
          valid_to: answer?.validTo ?? null,
          published_on: answer ? answer.updatedAt.slice(0, 10) : null,
          citations: answer ? answer.citations.map((c) => c.citation).join(' | ') : null,
          quotes: answer ? answer.citations.map((c) => c.quote ?? '').join(' | ') : null,
        };
        rows.push(openAnswerHeader.map((c) => (cells[c] === null ? '' : String(cells[c]))));
      }
    }
  }
  return rows;
}

/** The sheet as CSV text: header and one CRLF-ended line per row. */
export function openAnswersCsv(rows: readonly string[][]): string {
  const lines = [openAnswerHeader.join(','), ...rows.map((r) => r.map(csvCell).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}

/** A recomputed total per jurisdiction, both ways the codebook describes. */
export interface RecomputedTotal {
  /** Σ points, rounded to one decimal. */
  fromPoints: number;
  /** Σ(area score × share) ÷ Σ counted share × 100 from weights and values, rounded to one decimal. */
  fromWeights: number;
}

/**
 * Recomputes every jurisdiction's total from the sheet's CSV text (pure; what a reader of the codebook does).
 * Throws an Error naming the line when the header or a row is malformed.
 */
export function recomputeTotals(csv: string): Map<string, RecomputedTotal> {
  const { records, problem } = parseCsv(csv);
  if (problem) throw new Error(`answers.csv: ${problem}`);
  const [header, ...rows] = records;
  if (header?.cells.join(',') !== openAnswerHeader.join(',')) throw new Error('answers.csv: header differs');
  const col = (name: OpenAnswerColumn) => openAnswerHeader.indexOf(name);
  const acc = new Map<
    string,
    { points: number; areas: Map<string, { share: number; w: number; e: number }> }
  >();
  for (const row of rows) {
    if (row.cells.length !== openAnswerHeader.length) throw new Error(`answers.csv line ${row.line}: width`);
    const cell = (name: OpenAnswerColumn) => row.cells[col(name)] ?? '';
    const id = cell('jurisdiction_id');
    const j = acc.get(id) ?? { points: 0, areas: new Map() };
    acc.set(id, j);
    if (cell('status') !== 'scored') continue;
    const [weight, value, points, share] = [
      Number(cell('weight')),
      Number(cell('normalized_value')),
      Number(cell('points')),
      Number(cell('area_share')),
    ];
    if (![weight, value, points, share].every(Number.isFinite) || cell('normalized_value') === '') {
      throw new Error(`answers.csv line ${row.line}: a scored row needs numbers`);
    }
    j.points += points;
    const area = j.areas.get(cell('area_id')) ?? { share, w: 0, e: 0 };
    area.w += weight;
    area.e += weight * value;
    j.areas.set(cell('area_id'), area);
  }
  const out = new Map<string, RecomputedTotal>();
  for (const [id, j] of acc) {
    let sum = 0;
    let counted = 0;
    for (const a of j.areas.values()) {
      sum += (a.e / a.w) * a.share;
      counted += a.share;
    }
    if (counted === 0) continue;
    out.set(id, { fromPoints: roundTotal(j.points), fromWeights: roundTotal((sum / counted) * 100) });
  }
  return out;
}

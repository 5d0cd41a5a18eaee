/**
 * Enforcement statistics: aggregate official figures per jurisdiction and year (investigations, prosecutions,
 * convictions, victims identified and assisted), broken down by form of exploitation, sex and age group where
 * the publisher gives them. Policy: every list is closed, so a figure means the same thing whoever imported
 * it; `all` is the total over a breakdown (a table that gives no breakdown is `all` on it); every figure keeps
 * its source (publisher and title), an optional link and the source's date. These are published aggregate
 * counts, never case data.
 */

/** What a figure counts. */
export const statisticMeasures = [
  'investigations',
  'prosecutions',
  'convictions',
  'victims_identified',
  'victims_assisted',
] as const;
export type StatisticMeasure = (typeof statisticMeasures)[number];

/** The form of exploitation a figure is about (`all`: every form together). */
export const exploitationForms = [
  'sexual',
  'labour',
  'forced_criminality',
  'domestic_servitude',
  'organ_removal',
  'other',
  'all',
] as const;
export type ExploitationForm = (typeof exploitationForms)[number];

/** The sex of the people counted (`all`: everyone together). */
export const statisticSexes = ['female', 'male', 'other', 'unknown', 'all'] as const;
export type StatisticSex = (typeof statisticSexes)[number];

/** The age group of the people counted (`child`: under 18; `all`: everyone together). */
export const statisticAgeGroups = ['child', 'adult', 'unknown', 'all'] as const;
export type StatisticAgeGroup = (typeof statisticAgeGroups)[number];

/** What one unit of a figure is: a case (an investigation, a prosecution) or a person. */
export const statisticUnits = ['cases', 'persons'] as const;
export type StatisticUnit = (typeof statisticUnits)[number];

/** An import is a draft of its organisation until published; unpublishing takes it back. */
export const statisticImportStatuses = ['draft', 'published'] as const;
export type StatisticImportStatus = (typeof statisticImportStatuses)[number];

/** Bounds on imports and their cells. */
export const statisticLimits = {
  /** Characters of CSV text in one import (about 2 MB). */
  importChars: 2_000_000,
  /** Data rows in one import. */
  importRows: 20_000,
  /** Row problems listed in one refusal (the total is always given). */
  problemsListed: 100,
  sourceChars: 300,
  urlChars: 2_000,
  noteChars: 1_000,
  fileNameChars: 200,
  minYear: 1900,
  maxYear: 2100,
  /** The largest value accepted: far above any national count, low enough for a 32-bit integer column. */
  maxValue: 1_000_000_000,
} as const;

/** The breakdown that, with jurisdiction and year, makes a figure unique within an organisation. */
export interface FigureBreakdown {
  jurisdictionId: string;
  year: number;
  measure: StatisticMeasure;
  form: ExploitationForm;
  sex: StatisticSex;
  ageGroup: StatisticAgeGroup;
}

/** One stored figure with its source. */
export interface StatisticFigure extends FigureBreakdown {
  id: string;
  importId: string;
  organizationId: string;
  organizationName: string;
  value: number;
  unit: StatisticUnit;
  source: string;
  sourceUrl: string | null;
  sourceDate: string;
  note: string | null;
  /** The spreadsheet row it came from (header = 1). */
  row: number;
  /** Whether its import is published. */
  published: boolean;
  /** The figure of the same breakdown from a newer source that replaces it; null while it is current. */
  replacedBy: string | null;
  createdAt: string;
}

/** One CSV import: one organisation's dataset, all of whose figures are published or not together. */
export interface StatisticImport {
  id: string;
  organizationId: string;
  organizationName: string;
  fileName: string | null;
  rowCount: number;
  /** How many figures of earlier imports this one replaced when it was made. */
  replacedCount: number;
  status: StatisticImportStatus;
  /** The distinct sources its rows name. */
  sources: string[];
  createdBy: string;
  createdAt: string;
  publishedAt: string | null;
}

/** The key of a figure's breakdown (jurisdiction, year, measure, form, sex, age group). */
export function breakdownKey(f: FigureBreakdown): string {
  return [f.jurisdictionId, f.year, f.measure, f.form, f.sex, f.ageGroup].join('|');
}

/**
 * Marks which figures are replaced: within one organisation, of the figures sharing a breakdown the one with
 * the latest source date (then the latest import) is current and every other one points at it.
 */
export function markReplaced<
  T extends FigureBreakdown & { id: string; organizationId: string; sourceDate: string; createdAt: string },
>(figures: T[]): Array<T & { replacedBy: string | null }> {
  const latest = new Map<string, T>();
  for (const f of figures) {
    const key = `${f.organizationId}|${breakdownKey(f)}`;
    const held = latest.get(key);
    if (
      !held ||
      f.sourceDate > held.sourceDate ||
      (f.sourceDate === held.sourceDate && f.createdAt > held.createdAt)
    )
      latest.set(key, f);
  }
  return figures.map((f) => {
    const current = latest.get(`${f.organizationId}|${breakdownKey(f)}`);
    return { ...f, replacedBy: current && current.id !== f.id ? current.id : null };
  });
}

/**
 * The Open States action classification vocabulary (38 values, see ../shared/reference/formats.md §1.1) and
 * the mapping of LegiScan status/progress codes onto it. Classes outside the vocabulary are never dropped:
 * `splitClassification` keeps them apart so the action can be flagged.
 */

/** The 38 Open States action classes. */
export const actionClasses = [
  'filing',
  'introduction',
  'enrolled',
  'reading-1',
  'reading-2',
  'reading-3',
  'passage',
  'informal-passage',
  'failure',
  'withdrawal',
  'substitution',
  'amendment-introduction',
  'amendment-passage',
  'amendment-withdrawal',
  'amendment-failure',
  'amendment-amendment',
  'amendment-deferral',
  'committee-passage',
  'committee-passage-favorable',
  'committee-passage-unfavorable',
  'committee-failure',
  'executive-receipt',
  'executive-signature',
  'executive-veto',
  'executive-veto-line-item',
  'became-law',
  'veto-override-passage',
  'veto-override-failure',
  'deferral',
  'receipt',
  'referral',
  'referral-committee',
  'hearing-held',
  'work-session',
  'sponsorship',
  'carried-over',
  'reported-out-of-committee',
  'concurrence',
] as const;
export type ActionClass = (typeof actionClasses)[number];

const known = new Set<string>(actionClasses);

/** True when the value is one of the 38 classes. */
export function isActionClass(value: string): value is ActionClass {
  return known.has(value);
}

/** Splits a source's classification list into known classes and unknown ones (kept raw, never dropped). */
export function splitClassification(raw: readonly string[]): { known: string[]; unknown: string[] } {
  const result = { known: [] as string[], unknown: [] as string[] };
  for (const value of raw) {
    const target = isActionClass(value) ? result.known : result.unknown;
    if (!target.includes(value)) target.push(value);
  }
  return result;
}

/** LegiScan status (0–6) and progress (7–12) codes with their names. */
export const legiscanProgressNames: Readonly<Record<number, string>> = {
  0: 'N/A (prefiled)',
  1: 'Introduced',
  2: 'Engrossed',
  3: 'Enrolled',
  4: 'Passed',
  5: 'Vetoed',
  6: 'Failed',
  7: 'Override',
  8: 'Chaptered',
  9: 'Refer',
  10: 'Report Pass',
  11: 'Report DNP',
  12: 'Draft',
};

const legiscanClasses: Readonly<Record<number, readonly ActionClass[]>> = {
  0: ['filing'],
  1: ['introduction'],
  2: ['passage'],
  3: ['enrolled'],
  4: ['passage'],
  5: ['executive-veto'],
  6: ['failure'],
  7: ['veto-override-passage'],
  8: ['became-law'],
  9: ['referral-committee'],
  10: ['committee-passage-favorable'],
  11: ['committee-passage-unfavorable'],
  12: ['filing'],
};

/**
 * The Open States classes for a LegiScan status/progress code; an unknown code yields no class (the caller
 * keeps it raw as `legiscan-progress:<code>`).
 */
export function legiscanProgressClasses(code: number): readonly ActionClass[] {
  return legiscanClasses[code] ?? [];
}

/**
 * Published grade thresholds, tiers and negative-modifier caps. Policy: the grade is read from the total
 * rounded to one decimal (the number we publish), so a published 90.0 is always an A. A = 90 and above, B = 80,
 * C = 70, D = 60, F below 60, the scale most US report cards (Shared Hope among them) use. Tiers are coarser
 * bands of the capped grade (A and B are Tier 1, C Tier 2, D Tier 3, F Tier 4), so a cap lowers the tier too.
 * A negative modifier never subtracts points: it caps the grade (GSI caps any government with a negative
 * indicator at BBB; we cap at C), the numeric total stays as computed and the result names every cap applied.
 * Caps do not stack: with several modifiers applying, the lowest cap among them wins.
 */

/** Letter grades from best to worst. */
export const grades = ['A', 'B', 'C', 'D', 'F'] as const;
/** A letter grade. */
export type Grade = (typeof grades)[number];

/** Tiers from best to worst. */
export const tiers = [1, 2, 3, 4] as const;
/** A tier (1 is best). */
export type Tier = (typeof tiers)[number];

/** Lowest rounded total for each grade, best first; anything below the last threshold is F. */
export const gradeThresholds: ReadonlyArray<{ grade: Grade; min: number }> = [
  { grade: 'A', min: 90 },
  { grade: 'B', min: 80 },
  { grade: 'C', min: 70 },
  { grade: 'D', min: 60 },
  { grade: 'F', min: 0 },
];

/** The tier of each grade. */
export const tierOfGrade: Readonly<Record<Grade, Tier>> = { A: 1, B: 1, C: 2, D: 3, F: 4 };

/** The highest grade allowed while a negative modifier applies, by modifier id. */
export const modifierCaps: Readonly<Record<string, Grade>> = {
  'NEG-1': 'C',
  'NEG-2': 'C',
  'NEG-3': 'C',
  'NEG-4': 'C',
};

/** The cap for a modifier a framework defines but the table above does not list yet. */
export const defaultModifierCap: Grade = 'C';

/** Rounds a total to one decimal, the precision we publish. */
export function roundTotal(total: number): number {
  return Math.round(total * 10) / 10;
}

/** The grade a rounded total earns (F below the lowest threshold). */
export function gradeFor(totalRounded: number): Grade {
  for (const { grade, min } of gradeThresholds) if (totalRounded >= min) return grade;
  return 'F';
}

/** The cap a negative modifier brings when it applies. */
export function capFor(modifierId: string): Grade {
  return modifierCaps[modifierId] ?? defaultModifierCap;
}

/** The worse of two grades. */
export function worseGrade(a: Grade, b: Grade): Grade {
  return grades.indexOf(a) >= grades.indexOf(b) ? a : b;
}

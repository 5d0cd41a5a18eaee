/**
 * Penalty ranges read into years: "not more than 20 years", "for any term of years or life", "up to twenty
 * years", "not less than 10 years", "de ocho a doce años de prisión", "dix ans d'emprisonnement". Ages and
 * time limits ("the age of 18 years", "10 years after") are not penalties and are skipped.
 */
import { numberPattern, parseNumber } from './numbers.ts';
import type { Span } from './text.ts';

/** What one sentence says about imprisonment: the longest term (Infinity for life) and the shortest floor. */
export interface PenaltyReading {
  maxYears: number | null;
  minYears: number | null;
  /** Where the longest term is written. */
  span: Span | null;
}

const custodial =
  /imprison|penal servitude|custod|incarcerat|jail|gaol|prisión|reclusión|presidio|emprisonnement|réclusion|détention criminelle/i;
const life = new RegExp(
  [
    'imprison(?:ed|ment)? for (?:the (?:rest|remainder|term) of (?:his |her |their |the person.s )?(?:natural )?)?life',
    'for (?:any term of years or )?(?:for )?life',
    'life imprisonment',
    'imprisonment for life',
    'life sentence',
    '(?:prisión|reclusión) perpetua',
    'cadena perpetua',
    'à perpétuité',
  ].join('|'),
  'giu',
);
const years = new RegExp(
  `(${numberPattern})(?:\\s*\\(\\d+\\))?\\s+(?:years?|años|ans)(?!\\s+(?:of age|old|after|before|from|d'âge|de edad))`,
  'giu',
);
const floor =
  /(?:not less than|no less than|at least|minimum (?:term )?of|a minimum of|no menor de|au moins)\s+$/iu;
const bareFloor = new RegExp(
  `(?:not less than|no less than|at least|a minimum of)\\s+(${numberPattern})(?![\\p{L}\\p{N}]|\\s+(?:years?|años|ans|days|months))`,
  'giu',
);
const ageBefore = /(?:age of|aged|âge de|edad de)\s*$/iu;

/** Reads the penalty terms of one sentence; all nulls when it does not speak of imprisonment. */
export function readPenalty(sentence: string): PenaltyReading {
  const none: PenaltyReading = { maxYears: null, minYears: null, span: null };
  if (!custodial.test(sentence)) return none;
  let maxYears: number | null = null;
  let minYears: number | null = null;
  let span: Span | null = null;
  for (const m of sentence.matchAll(life)) {
    if (maxYears !== Number.POSITIVE_INFINITY) span = { start: m.index, end: m.index + m[0].length };
    maxYears = Number.POSITIVE_INFINITY;
  }
  for (const m of sentence.matchAll(years)) {
    const before = sentence.slice(Math.max(0, m.index - 40), m.index);
    if (ageBefore.test(before)) continue;
    const value = parseNumber(m[1] ?? '');
    if (value === null || value > 99) continue;
    if (floor.test(before)) {
      minYears = minYears === null ? value : Math.min(minYears, value);
      if (maxYears === null)
        span = {
          start: Math.max(0, m.index - (before.match(floor)?.[0].length ?? 0)),
          end: m.index + m[0].length,
        };
      // A floor is also at least what the maximum can be.
      if (maxYears === null || value > maxYears) maxYears = Math.max(maxYears ?? 0, value);
      continue;
    }
    if (maxYears === null || value > maxYears) {
      maxYears = value;
      span = { start: m.index, end: m.index + m[0].length };
    }
  }
  // "for any term of years not less than 15 or for life": a floor written without the word "years".
  if (/term of years|años|ans/iu.test(sentence)) {
    for (const m of sentence.matchAll(bareFloor)) {
      const value = parseNumber(m[1] ?? '');
      if (value === null || value > 99) continue;
      minYears = minYears === null ? value : Math.min(minYears, value);
      if (maxYears === null || value > maxYears) {
        maxYears = value;
        span = { start: m.index, end: m.index + m[0].length };
      }
    }
  }
  return { maxYears, minYears, span };
}

/**
 * The value bands of the score map. They follow the published grade thresholds (docs/scoring.md), so a band
 * reads as a grade. Colour is never the only carrier: each band also has its own pattern, and every shape
 * names its value in its tooltip. Every band colour has at least 3:1 contrast with the white page, and the
 * bands darken step by step; the patterns tell neighbouring bands apart where colour alone would not.
 */

/** One band of scores: `min` inclusive, up to the next band's `min`. */
export interface ScoreBand {
  id: 'F' | 'D' | 'C' | 'B' | 'A';
  min: number;
  max: number;
  color: string;
  /** The pattern drawn over the colour in white, as an SVG path on an 8×8 tile. */
  pattern: string;
}

/** The bands, lowest first. */
export const scoreBands: readonly ScoreBand[] = [
  { id: 'F', min: 0, max: 60, color: '#e56b1f', pattern: 'M2 2h1.5v1.5H2zM6 6h1.5v1.5H6z' },
  { id: 'D', min: 60, max: 70, color: '#a35a12', pattern: 'M0 4H8' },
  { id: 'C', min: 70, max: 80, color: '#15665c', pattern: 'M0 8L8 0M-2 2L2 -2M6 10L10 6' },
  { id: 'B', min: 80, max: 90, color: '#1c3f7a', pattern: 'M0 8L8 0M0 0L8 8' },
  { id: 'A', min: 90, max: 100, color: '#150c3a', pattern: 'M4 0V8' },
];

/** The neutral fill and pattern of a jurisdiction with no score. */
export const notCodedBand = { color: '#d9dde3', pattern: 'M1 1L3 3M3 1L1 3M5 5L7 7M7 5L5 7', ink: '#4a4a4a' };

/** The SVG id of a band's pattern (`notCoded` for the neutral one). */
export function bandPatternId(id: ScoreBand['id'] | 'notCoded'): string {
  return `score-band-${id}`;
}

/** The band a value falls in, or null for no value. */
export function bandOf(value: number | null): ScoreBand | null {
  if (value === null || Number.isNaN(value)) return null;
  return [...scoreBands].reverse().find((b) => value >= b.min) ?? scoreBands[0] ?? null;
}

function luminance(hex: string): number {
  const channels = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255);
  const [r = 0, g = 0, b = 0] = channels.map((v) =>
    v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4,
  );
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The WCAG contrast ratio of two `#rrggbb` colours (1..21). */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

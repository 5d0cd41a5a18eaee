/**
 * Pure helpers of the bill pages: dates as the sources give them, vote tallies in a fixed option order,
 * signed score points, the versions that carry text, and the word diff between two versions' texts.
 */
import { voteOptions } from '../../core/bills/votes.ts';
import { diffWords, type WordChange } from '../../core/laws/diff.ts';

/** The day of a fuzzy source date (`2091-03-04T10:00:00-06:00` → `2091-03-04`); `YYYY` and `YYYY-MM` stay. */
export function dayOf(date: string | null): string {
  if (!date) return '';
  const match = /^\d{4}(-\d{2}(-\d{2})?)?/.exec(date);
  return match ? match[0] : date;
}

/** A vote's counts in the Open States option order, zero counts left out. */
export function tallyOf(
  counts: readonly { option: string; value: number }[],
): { option: string; value: number }[] {
  const rank = (o: string) => {
    const i = (voteOptions as readonly string[]).indexOf(o);
    return i === -1 ? voteOptions.length : i;
  };
  return counts.filter((c) => c.value > 0).sort((a, b) => rank(a.option) - rank(b.option));
}

/** Points with a sign and one decimal (`+3.2`, `−1.0`, `0.0`), the minus a real minus sign. */
export function signedPoints(points: number): string {
  const rounded = Math.round(points * 10) / 10;
  if (rounded === 0) return '0.0';
  return `${rounded > 0 ? '+' : '−'}${Math.abs(rounded).toFixed(1)}`;
}

/** A score total on the 0–100 scale with one decimal, or '—' when there is none. */
export function totalText(total: number | null): string {
  return total === null ? '—' : total.toFixed(1);
}

/** The positions (from 0) of the versions that carry text, in list order. */
export function versionsWithText(versions: readonly { text: string | null }[]): number[] {
  return versions.flatMap((v, i) => (v.text?.trim() ? [i] : []));
}

/** The word diff from one version's text to another's, with counts of inserted and deleted words. */
export function versionDiff(
  from: string,
  to: string,
): { words: WordChange[]; inserted: number; deleted: number } {
  const words = diffWords(from, to);
  const count = (op: WordChange['op']) =>
    words.filter((w) => w.op === op).reduce((n, w) => n + (w.text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0), 0);
  return { words, inserted: count('insert'), deleted: count('delete') };
}

/** The subjects of a list of bills, each once, sorted. */
export function subjectsOf(bills: readonly { subjects: readonly string[] }[]): string[] {
  return [...new Set(bills.flatMap((b) => b.subjects))].sort((a, b) => a.localeCompare(b));
}

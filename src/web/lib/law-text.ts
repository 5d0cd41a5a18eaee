/** Pure helpers for showing law text: snippet highlights from offsets, provision anchors, versions by date. */

/** A run of snippet text, marked when it is a match. */
export interface Segment {
  text: string;
  mark: boolean;
}

/**
 * Splits `text` at the `[start, end)` highlight offsets. Offsets are clamped to the text, sorted, and
 * overlapping ranges merged, so a bad offset can never drop or repeat characters.
 */
export function highlightSegments(
  text: string,
  highlights: readonly { start: number; end: number }[],
): Segment[] {
  const ranges = highlights
    .map((h) => ({ start: Math.max(0, Math.min(h.start, text.length)), end: Math.min(h.end, text.length) }))
    .filter((h) => h.end > h.start)
    .sort((a, b) => a.start - b.start);
  const segments: Segment[] = [];
  let at = 0;
  for (const range of ranges) {
    const start = Math.max(range.start, at);
    if (range.end <= start) continue;
    if (start > at) segments.push({ text: text.slice(at, start), mark: false });
    segments.push({ text: text.slice(start, range.end), mark: true });
    at = range.end;
  }
  if (at < text.length) segments.push({ text: text.slice(at), mark: false });
  return segments;
}

/** The element id of a provision on the law page (safe in a URL fragment). */
export function provisionAnchor(provisionId: string): string {
  return `provision-${provisionId.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

/** The version in force on `date` (half-open intervals), or null when none applies. */
export function versionOn<V extends { effectiveFrom: string; effectiveTo: string | null }>(
  versions: readonly V[],
  date: string,
): V | null {
  return (
    versions.find((v) => v.effectiveFrom <= date && (v.effectiveTo === null || date < v.effectiveTo)) ?? null
  );
}

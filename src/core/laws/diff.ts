/**
 * Provision-level diff between two versions of a document. Policy: provisions are matched by citation (the
 * canonical citation is the provision's identity across versions); a citation only in the newer version is
 * added, only in the older one removed, in both with another heading or text changed. Changes come in the
 * newer version's order, removed provisions right after the provision that preceded them. A changed text
 * carries a word diff (Myers' algorithm over words, punctuation marks and the spaces between them); past `maxEdits` word edits
 * the diff gives up finding a minimal script and reports the old text deleted and the new inserted.
 */

/** What the diff needs of a provision. */
export interface DiffableProvision {
  citation: string;
  kind: string;
  heading: string | null;
  text: string;
}

/** A run of words that are equal in both texts, only in the old one, or only in the new one. */
export interface WordChange {
  op: 'equal' | 'delete' | 'insert';
  text: string;
}

/** One provision that differs between the versions. */
export type ProvisionChange =
  | { change: 'added'; citation: string; kind: string; after: { heading: string | null; text: string } }
  | { change: 'removed'; citation: string; kind: string; before: { heading: string | null; text: string } }
  | {
      change: 'changed';
      citation: string;
      kind: string;
      before: { heading: string | null; text: string };
      after: { heading: string | null; text: string };
      words: WordChange[];
    };

/** The differences between two versions, with counts. */
export interface ProvisionDiff {
  changes: ProvisionChange[];
  counts: { added: number; removed: number; changed: number; unchanged: number };
}

const defaultMaxEdits = 2_000;

/** Diffs two versions' provisions (each in document order) by citation. */
export function diffProvisions(
  from: DiffableProvision[],
  to: DiffableProvision[],
  options: { maxEdits?: number } = {},
): ProvisionDiff {
  const before = new Map(from.map((p) => [p.citation, p]));
  const after = new Set(to.map((p) => p.citation));
  const changes: ProvisionChange[] = [];
  const counts = { added: 0, removed: 0, changed: 0, unchanged: 0 };
  let nextOld = 0;
  const flushRemovedUntil = (index: number) => {
    for (; nextOld < index; nextOld++) {
      const old = from[nextOld]!;
      if (after.has(old.citation)) continue;
      counts.removed++;
      changes.push({
        change: 'removed',
        citation: old.citation,
        kind: old.kind,
        before: { heading: old.heading, text: old.text },
      });
    }
  };
  const oldIndex = new Map(from.map((p, i) => [p.citation, i]));
  for (const p of to) {
    const old = before.get(p.citation);
    if (!old) {
      // Old provisions removed right after the last common one come before what replaced them.
      let run = nextOld;
      while (run < from.length && !after.has(from[run]!.citation)) run++;
      flushRemovedUntil(run);
      counts.added++;
      changes.push({
        change: 'added',
        citation: p.citation,
        kind: p.kind,
        after: { heading: p.heading, text: p.text },
      });
      continue;
    }
    flushRemovedUntil(Math.max(nextOld, (oldIndex.get(p.citation) ?? 0) + 1));
    if (old.heading === p.heading && old.text === p.text) {
      counts.unchanged++;
      continue;
    }
    counts.changed++;
    changes.push({
      change: 'changed',
      citation: p.citation,
      kind: p.kind,
      before: { heading: old.heading, text: old.text },
      after: { heading: p.heading, text: p.text },
      words: diffWords(old.text, p.text, options.maxEdits ?? defaultMaxEdits),
    });
  }
  flushRemovedUntil(from.length);
  return { changes, counts };
}

/** Splits text into words, single punctuation marks and whitespace runs, keeping every character. */
export function wordTokens(text: string): string[] {
  return text.match(/\s+|[\p{L}\p{N}\p{M}]+|[^\s\p{L}\p{N}\p{M}]/gu) ?? [];
}

/** A word diff of two texts: runs of equal, deleted and inserted tokens that rebuild both texts exactly. */
export function diffWords(a: string, b: string, maxEdits = defaultMaxEdits): WordChange[] {
  const x = wordTokens(a);
  const y = wordTokens(b);
  let start = 0;
  while (start < x.length && start < y.length && x[start] === y[start]) start++;
  let endX = x.length;
  let endY = y.length;
  while (endX > start && endY > start && x[endX - 1] === y[endY - 1]) {
    endX--;
    endY--;
  }
  const ops: Array<{ op: WordChange['op']; token: string }> = [];
  for (let i = 0; i < start; i++) ops.push({ op: 'equal', token: x[i]! });
  const middle = myers(x.slice(start, endX), y.slice(start, endY), maxEdits);
  ops.push(...middle);
  for (let i = endX; i < x.length; i++) ops.push({ op: 'equal', token: x[i]! });
  const out: WordChange[] = [];
  for (const { op, token } of ops) {
    const last = out.at(-1);
    if (last && last.op === op) last.text += token;
    else out.push({ op, text: token });
  }
  return out;
}

/** Myers' O((N+M)D) shortest edit script; falls back to delete-all/insert-all beyond maxEdits. */
function myers(x: string[], y: string[], maxEdits: number): Array<{ op: WordChange['op']; token: string }> {
  const n = x.length;
  const m = y.length;
  const max = Math.min(n + m, maxEdits);
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = -1;
  for (let d = 0; d <= max && found < 0; d++) {
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      let i =
        k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!)
          ? v[offset + k + 1]!
          : v[offset + k - 1]! + 1;
      let j = i - k;
      while (i < n && j < m && x[i] === y[j]) {
        i++;
        j++;
      }
      v[offset + k] = i;
      if (i >= n && j >= m) {
        found = d;
        break;
      }
    }
  }
  if (found < 0) {
    return [
      ...x.map((token) => ({ op: 'delete' as const, token })),
      ...y.map((token) => ({ op: 'insert' as const, token })),
    ];
  }
  // Walk the trace backwards; trace[d] holds v before step d, over k in [-d-1, d+1].
  const ops: Array<{ op: WordChange['op']; token: string }> = [];
  let i = n;
  let j = m;
  for (let d = found; d > 0; d--) {
    const prev = trace[d]!;
    const at = (k: number) => prev[k + d + 1]!;
    const k = i - j;
    const down = k === -d || (k !== d && at(k - 1) < at(k + 1));
    const prevK = down ? k + 1 : k - 1;
    const prevI = at(prevK);
    const prevJ = prevI - prevK;
    while (i > prevI + (down ? 0 : 1) && j > prevJ + (down ? 1 : 0)) {
      ops.push({ op: 'equal', token: x[--i]! });
      j--;
    }
    if (down) ops.push({ op: 'insert', token: y[--j]! });
    else ops.push({ op: 'delete', token: x[--i]! });
  }
  while (i > 0 && j > 0) {
    ops.push({ op: 'equal', token: x[--i]! });
    j--;
  }
  return ops.reverse();
}

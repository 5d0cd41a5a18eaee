/**
 * Cross-engine comparison for the store-contract suite. Results are normalized (ids and timestamps replaced by
 * placeholders once their format is checked) and recorded per engine; a closing test asserts that SQLite and
 * PostgreSQL produced identical domain objects. Only plain objects and arrays are walked, so a `Date`, a
 * bigint or a Buffer leaking out of a repository stays as it is and fails the comparison.
 */
import type { TestContext } from 'vitest';
import { expect } from 'vitest';
import type { DialectName } from '../../src/store/db.ts';

const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
/** The one timestamp format both engines store: ISO-8601 UTC with milliseconds. */
export const isoTimestamp = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** Replaces UUIDs (also inside strings such as `user:<id>`) by `<id:n>` in order of first appearance, and ISO timestamps by `<time>`. */
export function normalize(value: unknown): unknown {
  const ids = new Map<string, string>();
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') {
      if (isoTimestamp.test(v)) return '<time>';
      return v.replace(uuid, (id) => {
        const known = ids.get(id) ?? `<id:${ids.size + 1}>`;
        ids.set(id, known);
        return known;
      });
    }
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    }
    return v;
  };
  return walk(value);
}

/** Collects normalized results per engine for one test file. */
export function crossEngine() {
  const byEngine = new Map<DialectName, Record<string, unknown>>();
  return {
    /** Normalizes and records a result under a name; returns the normalized value for further assertions. */
    record(dialect: DialectName, name: string, value: unknown): unknown {
      const normalized = normalize(value);
      const results = byEngine.get(dialect) ?? {};
      results[name] = normalized;
      byEngine.set(dialect, results);
      return normalized;
    },
    /** Asserts that every engine recorded the same results (skips when only one engine ran). */
    assertIdentical(ctx: TestContext): void {
      const sqlite = byEngine.get('sqlite');
      const postgres = byEngine.get('postgres');
      if (!sqlite || !postgres) {
        ctx.skip('only one engine ran');
        return;
      }
      expect(Object.keys(sqlite).length).toBeGreaterThan(0);
      expect(postgres).toStrictEqual(sqlite);
    },
  };
}

/**
 * CLI output conventions: with --json, stdout holds only the JSON; tables and messages otherwise. Logs and
 * progress go to stderr. Errors are one line on stderr; exit 2 for bad input, 1 for internal errors.
 */
import { ConfigError } from '../config.ts';
import { DomainError } from '../core/errors.ts';

/** Prints JSON (pretty) to stdout. */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** Prints rows as an aligned plain-text table. */
export function printTable(rows: Array<Record<string, unknown>>, columns: string[]): void {
  const cell = (v: unknown) => (v === null || v === undefined ? '' : String(v));
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => cell(r[c]).length)));
  const line = (values: string[]) =>
    values
      .map((v, i) => v.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  process.stdout.write(`${line(columns)}\n`);
  for (const r of rows) process.stdout.write(`${line(columns.map((c) => cell(r[c])))}\n`);
}

/** A message for people, on stderr so it never mixes with data on stdout. */
export function info(message: string): void {
  process.stderr.write(`${message}\n`);
}

/** Exit code for an error: 2 for bad input (validation, not found, conflicts), 1 for internal errors. */
export function exitCodeOf(err: unknown): number {
  if (err instanceof ConfigError) return 2;
  if (err instanceof DomainError) return err.kind === 'internal' ? 1 : 2;
  if (err instanceof Error && 'code' in err && String(err.code).startsWith('commander.')) return 2;
  return 1;
}

/** The one-line message for an error. */
export function messageOf(err: unknown): string {
  if (err instanceof ConfigError) return `invalid configuration: ${err.problems.join('; ')}`;
  if (err instanceof DomainError) return `${err.code}: ${err.message}`;
  return err instanceof Error ? err.message : String(err);
}

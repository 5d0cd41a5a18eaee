/**
 * What the supporter data-rights tests share: every row of every table as text, with each encrypted value
 * decrypted under every key lawgap uses, so a test can say an address or a name appears nowhere after erasure.
 */
import { type Kysely, sql } from 'kysely';
import { errorReportKey } from '../src/services/error-reports.ts';
import { decryptField, type FieldKey } from '../src/services/field-crypto.ts';
import { signOnKey } from '../src/services/sign-on.ts';
import type { Database } from '../src/store/schema.ts';

function opened(keys: FieldKey[], value: string): string[] {
  const out: string[] = [];
  for (const key of keys) {
    try {
      out.push(decryptField(key, value));
    } catch {
      // Not under this key.
    }
  }
  return out;
}

/** Every table's rows as JSON text, plus every `v1.` ciphertext in them decrypted (one string per table). */
export async function everyRowAsText(db: Kysely<Database>, fieldKey: FieldKey): Promise<Map<string, string>> {
  const keys = [fieldKey, signOnKey(fieldKey), errorReportKey(fieldKey)];
  const out = new Map<string, string>();
  for (const table of await db.introspection.getTables()) {
    const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(table.name)}`.execute(db);
    const parts: string[] = [];
    for (const row of rows)
      for (const value of Object.values(row)) {
        if (typeof value !== 'string') continue;
        parts.push(value);
        if (value.startsWith('v1.')) parts.push(...opened(keys, value));
      }
    out.set(table.name, parts.join('\n'));
  }
  return out;
}

/** The tables whose rows (or decrypted values) contain any of the needles, case-insensitively. */
export async function tablesContaining(
  db: Kysely<Database>,
  fieldKey: FieldKey,
  needles: string[],
): Promise<string[]> {
  const found: string[] = [];
  for (const [table, text] of await everyRowAsText(db, fieldKey)) {
    const lower = text.toLowerCase();
    if (needles.some((n) => lower.includes(n.toLowerCase()))) found.push(table);
  }
  return found;
}

/** The path of a mailed data link (`/my-data/link/…`) in a text. */
export function dataLinkPath(text: string): string {
  const m = /\/my-data\/link\/(d\.[A-Za-z0-9_-]{43})/.exec(text);
  if (!m?.[0]) throw new Error(`no data link in: ${text}`);
  return m[0];
}

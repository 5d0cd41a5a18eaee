/**
 * Whole bills in bulk, for exports: the bills of a jurisdiction (and session) with all their children, read in
 * a few queries per thousand bills instead of seven per bill. Sorted by session and identifier.
 */
import type { Kysely } from 'kysely';
import type { Bill } from '../core/bills/types.ts';
import { type BillChildTable, billChildTables } from './bill-writes.ts';
import { type BillChildRows, billFromRows, childListOf } from './bills.repo.ts';
import type { BillRow } from './bills.schema.ts';
import type { Database } from './schema.ts';

/** What `loadBillsForExport` selects. */
export interface BillExportFilter {
  jurisdictionId: string;
  session?: string;
}

// Bills per round of child queries: well under both engines' bound-parameter limits.
const chunk = 1_000;

const emptyChildren = (): BillChildRows => ({
  sponsorships: [],
  actions: [],
  versions: [],
  documents: [],
  related: [],
  citations: [],
});

/** Every bill matching the filter with its children; an empty list when none. */
export async function loadBillsForExport(db: Kysely<Database>, f: BillExportFilter): Promise<Bill[]> {
  let q = db.selectFrom('bills').selectAll().where('jurisdiction_id', '=', f.jurisdictionId);
  if (f.session !== undefined) q = q.where('session_identifier', '=', f.session);
  const rows: BillRow[] = await q.orderBy('session_identifier').orderBy('identifier').execute();
  const bills: Bill[] = [];
  for (let i = 0; i < rows.length; i += chunk) {
    const part = rows.slice(i, i + chunk);
    const children = new Map(part.map((b) => [b.id, emptyChildren()]));
    const ids = [...children.keys()];
    for (const table of billChildTables) {
      const found = (await db
        .selectFrom(table as BillChildTable)
        .selectAll()
        .where('bill_id', 'in', ids)
        .orderBy('bill_id')
        .orderBy('position')
        .execute()) as Array<Database[BillChildTable]>;
      for (const row of found) {
        const lists = children.get(row.bill_id);
        (lists?.[childListOf[table]] as Array<Database[BillChildTable]> | undefined)?.push(row);
      }
    }
    for (const b of part) bills.push(billFromRows(b, children.get(b.id) ?? emptyChildren()));
  }
  return bills;
}

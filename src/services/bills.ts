/**
 * Bills: importing Open States and LegiScan files, listing and showing. Policy:
 * - each file is all-or-nothing: any rejected record (bad field, unknown jurisdiction, a key held by another
 *   bill) refuses the whole file, which is then reported with every reason and nothing written; a file's
 *   writes run in one transaction;
 * - re-importing changes nothing: a LegiScan bill whose `change_hash` is stored is skipped unread, any other
 *   bill is compared by the hash of its normalised record;
 * - the stage is derived from the actions (core/bills/stage.ts) on every write.
 * Reading is public like the law library; importing needs `laws:write`.
 */
import { actorCan } from '../core/auth/permissions.ts';
import { deriveStage } from '../core/bills/stage.ts';
import type { Bill, BillAction, BillListing, BillRecord, BillStage } from '../core/bills/types.ts';
import { DomainError, isDomainError } from '../core/errors.ts';
import type { BillFileRecord } from '../ingest/bill-fields.ts';
import { readLegiScanBills } from '../ingest/legiscan/bills.ts';
import { readOpenStatesBills } from '../ingest/openstates/bills.ts';
import { flushChangeEvents } from '../store/alerts.repo.ts';
import { recordAudit } from '../store/audit.repo.ts';
import {
  type BillDerived,
  beginBillBatch,
  billContentHash,
  endBillBatch,
  findBillKey,
  getBill,
  insertBill,
  listBills as listStoredBills,
  prefetchBillKeys,
  replaceBill,
  upsertSession,
} from '../store/bills.repo.ts';
import { nowIso } from '../store/util.ts';
import { overriddenActions } from './bill-overrides.ts';
import { recordBillChanges } from './change-events.ts';
import type { ServiceContext } from './context.ts';
import { importEachFile, rejectedMessage } from './import-files.ts';
import { notifyPublicationChanged } from './publication-events.ts';
import { openRecodingTaskIfEnacted } from './recoding.ts';

/** The file formats `importBills` reads. */
export const billFormats = ['openstates', 'legiscan'] as const;
export type BillFormat = (typeof billFormats)[number];

/** One file to import: a name for reports and its text (or a reader, so many files are not held at once). */
export interface BillFileInput {
  name: string;
  content: string | (() => string);
  /** A reader of the records instead of `content`: bulk files and zip entries (services/bill-bulk.ts). */
  read?: () => BillFileRecord[];
}

export interface ImportBillsArgs {
  format: BillFormat;
  files: BillFileInput[];
  /** For Open States scrape files without a `jurisdiction` field: an ocd-jurisdiction or ocd-division id. */
  jurisdiction?: string;
  /** Called after each file. */
  onFile?: (done: number, total: number) => void;
}

/** A record that was not imported, and why. */
export interface BillRejection {
  index: number;
  record: string;
  reason: string;
}

/** What happened to one file. */
export interface BillFileReport {
  file: string;
  status: 'imported' | 'refused';
  /** Why the whole file was refused (malformed JSON, or "n of m records rejected"). */
  error: string | null;
  new: number;
  changed: number;
  unchanged: number;
  rejected: BillRejection[];
}

/** The import's report: per file, and totals. */
export interface BillImportReport {
  files: BillFileReport[];
  totals: { new: number; changed: number; unchanged: number; rejected: number; refusedFiles: number };
}

class FileRefused extends Error {
  constructor(readonly rejected: BillRejection[]) {
    super('refused');
  }
}

function read(format: BillFormat, file: BillFileInput, jurisdiction: string | undefined): BillFileRecord[] {
  if (file.read) return file.read();
  const content = typeof file.content === 'string' ? file.content : file.content();
  if (format === 'legiscan') return readLegiScanBills(file.name, content);
  return readOpenStatesBills(file.name, content, jurisdiction ? { jurisdiction } : {});
}

/** Derived values; `actions` are the record's with analysts' overrides applied (services/bill-overrides.ts). */
function derive(record: BillRecord, actions: readonly BillAction[] = record.actions): BillDerived {
  const latest = [...record.actions].sort((a, b) => a.order - b.order).at(-1);
  return {
    stage: deriveStage(actions),
    latestAction: latest?.description ?? null,
    latestActionDate: latest?.date ?? null,
    flaggedActions: actions.filter((a) => a.unknownClassification.length > 0).length,
  };
}

/** Rejections that need the database or the whole file: unknown jurisdictions, duplicate keys. */
async function checkFile(ctx: ServiceContext, records: BillFileRecord[]): Promise<BillRejection[]> {
  const wanted = [...new Set(records.flatMap((r) => (r.record ? [r.record.jurisdictionId] : [])))];
  const known = new Set(
    wanted.length === 0
      ? []
      : (await ctx.db.selectFrom('jurisdictions').select('id').where('id', 'in', wanted).execute()).map(
          (j) => j.id,
        ),
  );
  const seen = new Map<string, string>();
  const rejected: BillRejection[] = [];
  for (const r of records) {
    if (!r.record) {
      rejected.push({ index: r.index, record: r.label, reason: r.reason ?? 'unreadable' });
      continue;
    }
    const b = r.record;
    if (!known.has(b.jurisdictionId)) {
      rejected.push({
        index: r.index,
        record: r.label,
        reason: `jurisdiction ${b.jurisdictionId} is not known`,
      });
      continue;
    }
    for (const key of [`${b.jurisdictionId} ${b.session.identifier} ${b.identifier}`, b.ocdId ?? '']) {
      if (key === '') continue;
      const before = seen.get(key);
      if (before !== undefined) {
        rejected.push({
          index: r.index,
          record: r.label,
          reason: `the file already has this bill (${before})`,
        });
      }
      seen.set(key, r.label);
    }
  }
  return rejected;
}

async function importFile(
  ctx: ServiceContext,
  format: BillFormat,
  file: BillFileInput,
  jurisdiction: string | undefined,
): Promise<BillFileReport> {
  const report: BillFileReport = {
    file: file.name,
    status: 'refused',
    error: null,
    new: 0,
    changed: 0,
    unchanged: 0,
    rejected: [],
  };
  let records: BillFileRecord[];
  try {
    records = read(format, file, jurisdiction);
  } catch (err) {
    if (isDomainError(err) && err.code === 'BILL_FILE_INVALID') return { ...report, error: err.message };
    throw err;
  }
  const rejected = await checkFile(ctx, records);
  const refuse = (list: BillRejection[]) => ({
    ...report,
    error: rejectedMessage(file.name, list.length, records.length),
    rejected: list,
  });
  if (rejected.length > 0) return refuse(rejected);
  const counts = { new: 0, changed: 0, unchanged: 0 };
  try {
    await ctx.db.transaction().execute(async (trx) => {
      const now = nowIso();
      // Stored keys of the whole file at once; new and changed bills are written in batches.
      const found = records.flatMap((r) => (r.record ? [r.record] : []));
      const keys = await prefetchBillKeys(trx, found);
      beginBillBatch(trx);
      for (const { record, index, label } of records) {
        if (!record) continue;
        const matches = await findBillKey(trx, record, keys);
        const stored = matches[0];
        const conflict =
          matches.length > 1 ||
          (stored !== undefined &&
            stored.ocdId !== null &&
            record.ocdId !== null &&
            stored.ocdId !== record.ocdId);
        if (conflict) {
          throw new FileRefused([
            {
              index,
              record: label,
              reason: 'its OCD id and its (jurisdiction, session, identifier) name different stored bills',
            },
          ]);
        }
        if (stored && record.changeHash !== null && stored.changeHash === record.changeHash) {
          counts.unchanged++;
          continue;
        }
        const contentHash = billContentHash(record);
        if (stored && stored.contentHash === contentHash) {
          counts.unchanged++;
          continue;
        }
        const sessionId = await upsertSession(trx, record.session, now);
        const actions = stored && (await overriddenActions(trx, ctx.actor, stored.id, record.actions));
        const args = { record, sessionId, contentHash, derived: derive(record, actions || undefined), now };
        const stage = args.derived.stage;
        let billId: string;
        if (stored) {
          const before = await getBill(trx, stored.id);
          billId = stored.id;
          await replaceBill(trx, billId, args);
          await recordBillChanges(trx, { before, billId, record, stage, now });
          counts.changed++;
        } else {
          billId = await insertBill(trx, args);
          await recordBillChanges(trx, { before: undefined, billId, record, stage, now });
          counts.new++;
        }
        await openRecodingTaskIfEnacted(trx, ctx.actor, billId, record, args.derived.stage);
      }
      await endBillBatch(trx);
      await flushChangeEvents(trx);
      if (counts.new + counts.changed > 0) {
        await recordAudit(trx, ctx.actor, 'bills.import', file.name, { format, ...counts });
      }
    });
  } catch (err) {
    if (err instanceof FileRefused) return refuse(err.rejected);
    throw err;
  }
  return { ...report, status: 'imported', ...counts };
}

/** Imports bill files, each all-or-nothing; throws FORBIDDEN without `laws:write`. */
export async function importBills(ctx: ServiceContext, args: ImportBillsArgs): Promise<BillImportReport> {
  if (!actorCan(ctx.actor, 'laws:write'))
    throw new DomainError('FORBIDDEN', 'importing bills needs laws:write');
  const report = await importEachFile(args.files, args.onFile, (file) =>
    importFile(ctx, args.format, file, args.jurisdiction),
  );
  // A bill's stage or text may have changed: the portal's live bills and projected scores with it.
  notifyPublicationChanged();
  return report;
}

/** Filters of `listBills`. */
export interface ListBillsArgs {
  jurisdictionId?: string;
  session?: string;
  stage?: BillStage;
  /** One of the bill's subjects (case-insensitive). */
  subject?: string;
  /** Linked to this indicator, the link not rejected. */
  indicator?: string;
  limit?: number;
}

/** Bills matching the filters, each with its stage. */
export async function listBills(ctx: ServiceContext, args: ListBillsArgs = {}): Promise<BillListing[]> {
  return listStoredBills(ctx.db, args);
}

/** One bill by lawgap id or OCD bill id; throws BILL_NOT_FOUND. */
export async function showBill(ctx: ServiceContext, id: string): Promise<Bill> {
  const bill = await getBill(ctx.db, id);
  if (!bill) throw new DomainError('BILL_NOT_FOUND', `no bill ${id}`, { id });
  return bill;
}

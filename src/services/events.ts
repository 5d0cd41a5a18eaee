/**
 * Events (hearings): importing Open States event files and reading a bill's hearings. Policy, as for bills:
 * each file is all-or-nothing (a bad field, an unknown jurisdiction or an event twice refuses the file with
 * every reason); re-importing an unchanged event writes nothing. An event stands on its own, so an agenda
 * bill that is not stored does not reject it: it stays unlinked and is counted, and a later re-import after
 * the bill arrives links it. Reading is public like the law library; importing needs `laws:write`.
 */
import { actorCan } from '../core/auth/permissions.ts';
import type { EventRecord, HearingEvent } from '../core/bills/events.ts';
import { DomainError } from '../core/errors.ts';
import { type EventFileRecord, readOpenStatesEvents } from '../ingest/openstates/events.ts';
import { recordAudit } from '../store/audit.repo.ts';
import { getBill } from '../store/bills.repo.ts';
import { eventHash, eventsOfBill, resolveAgendaBill, storedEvent, writeEvent } from '../store/events.repo.ts';
import { nowIso } from '../store/util.ts';
import type { BillFileInput, BillFileReport, BillImportReport, BillRejection } from './bills.ts';
import { hearingSnapshot, recordHearingChange } from './change-events.ts';
import type { ServiceContext } from './context.ts';
import { importEachFile, readFileRecords, rejectedMessage } from './import-files.ts';

export interface ImportEventsArgs {
  files: BillFileInput[];
  /** For event files without a `jurisdiction` field: an ocd-jurisdiction or ocd-division id. */
  jurisdiction?: string;
  onFile?: (done: number, total: number) => void;
}

/** What happened to one file: the bill report plus agenda bills linked and not found. */
export interface EventFileReport extends BillFileReport {
  agendaBillsLinked: number;
  agendaBillsUnlinked: number;
}

/** The import's report: per file, and totals. */
export interface EventImportReport extends Omit<BillImportReport, 'files'> {
  files: EventFileReport[];
}

async function check(ctx: ServiceContext, records: EventFileRecord[]): Promise<BillRejection[]> {
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
  for (const { record, index, label, reason } of records) {
    if (!record) {
      rejected.push({ index, record: label, reason: reason ?? 'unreadable' });
      continue;
    }
    if (!known.has(record.jurisdictionId)) {
      rejected.push({ index, record: label, reason: `jurisdiction ${record.jurisdictionId} is not known` });
      continue;
    }
    const before = seen.get(record.sourceId);
    if (before !== undefined)
      rejected.push({
        index,
        record: label,
        reason: `the file already has event ${record.sourceId} (${before})`,
      });
    seen.set(record.sourceId, label);
  }
  return rejected;
}

async function importFile(
  ctx: ServiceContext,
  args: ImportEventsArgs,
  file: BillFileInput,
): Promise<EventFileReport> {
  const report: EventFileReport = {
    file: file.name,
    status: 'refused',
    error: null,
    new: 0,
    changed: 0,
    unchanged: 0,
    rejected: [],
    agendaBillsLinked: 0,
    agendaBillsUnlinked: 0,
  };
  const read = readFileRecords(file, 'BILL_FILE_INVALID', (content) =>
    readOpenStatesEvents(file.name, content, args.jurisdiction ? { jurisdiction: args.jurisdiction } : {}),
  );
  if ('error' in read) return { ...report, error: read.error };
  const { records } = read;
  const rejected = await check(ctx, records);
  if (rejected.length > 0)
    return { ...report, error: rejectedMessage(file.name, rejected.length, records.length), rejected };
  const events = records.flatMap((r) => (r.record ? [r.record] : []));
  const resolved: { record: EventRecord; billIds: string[] }[] = [];
  let unlinked = 0;
  for (const record of events) {
    const billIds: string[] = [];
    for (const b of record.agenda.flatMap((a) => a.bills)) {
      const id = await resolveAgendaBill(ctx.db, record.jurisdictionId, record.startDate, b);
      if (id === null) unlinked++;
      else billIds.push(id);
    }
    resolved.push({ record, billIds: [...new Set(billIds)].sort() });
  }
  const counts = { new: 0, changed: 0, unchanged: 0 };
  await ctx.db.transaction().execute(async (trx) => {
    const now = nowIso();
    for (const { record, billIds } of resolved) {
      const hash = eventHash(record, billIds);
      const stored = await storedEvent(trx, record.sourceId);
      if (stored?.contentHash === hash) {
        counts.unchanged++;
        continue;
      }
      const before = stored ? await hearingSnapshot(trx, stored.id) : null;
      await writeEvent(trx, record, billIds, hash, now, stored?.id);
      const id = stored?.id ?? (await storedEvent(trx, record.sourceId))?.id;
      if (id) await recordHearingChange(trx, { before, id, record, billIds, now });
      counts[stored ? 'changed' : 'new']++;
    }
    if (counts.new + counts.changed > 0)
      await recordAudit(trx, ctx.actor, 'events.import', file.name, counts);
  });
  const total = events.reduce((n, e) => n + e.agenda.reduce((m, a) => m + a.bills.length, 0), 0);
  return {
    ...report,
    status: 'imported',
    ...counts,
    agendaBillsLinked: total - unlinked,
    agendaBillsUnlinked: unlinked,
  };
}

/** Imports Open States event files, each all-or-nothing; throws FORBIDDEN without `laws:write`. */
export async function importEvents(ctx: ServiceContext, args: ImportEventsArgs): Promise<EventImportReport> {
  if (!actorCan(ctx.actor, 'laws:write'))
    throw new DomainError('FORBIDDEN', 'importing events needs laws:write');
  return importEachFile(args.files, args.onFile, (file) => importFile(ctx, args, file));
}

/** The events (hearings) whose agenda names one bill, oldest first; throws BILL_NOT_FOUND. */
export async function billEvents(ctx: ServiceContext, id: string): Promise<HearingEvent[]> {
  const bill = await getBill(ctx.db, id);
  if (!bill) throw new DomainError('BILL_NOT_FOUND', `no bill ${id}`, { id });
  return eventsOfBill(ctx.db, bill.id);
}

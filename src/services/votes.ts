/**
 * Votes on bills: importing Open States vote events and LegiScan roll calls, and reading a bill's votes.
 * Policy, as for bills:
 * - each file is all-or-nothing: any rejected record (bad field, a bill that is not stored, a vote twice in
 *   the file) refuses the whole file with every reason and nothing written; a file's writes run in one
 *   transaction;
 * - re-importing changes nothing: a vote is compared by the hash of its record, bill and linked people;
 * - each member vote is linked to a stored person when its voter id is one, or its name (for LegiScan: the
 *   name the same people_id has among stored sponsorships) matches exactly one person of the bill's
 *   jurisdiction; a wrong link is worse than none.
 * Reading is public like the law library; importing needs `laws:write`.
 */
import { actorCan } from '../core/auth/permissions.ts';
import type { Vote, VoteRecord } from '../core/bills/votes.ts';
import { DomainError } from '../core/errors.ts';
import { readVoteFile, type VoteFileRecord } from '../ingest/votes.ts';
import { recordAudit } from '../store/audit.repo.ts';
import { getBill } from '../store/bills.repo.ts';
import { nowIso } from '../store/util.ts';
import {
  findVoteBills,
  linkMember,
  peopleIndex,
  type ResolvedVote,
  storedVote,
  voteHash,
  votesOfBill,
  writeVote,
} from '../store/votes.repo.ts';
import type { BillFileInput, BillFileReport, BillFormat, BillImportReport, BillRejection } from './bills.ts';
import { recordVoteRecorded } from './change-events.ts';
import type { ServiceContext } from './context.ts';
import { importEachFile, readFileRecords, rejectedMessage } from './import-files.ts';

export interface ImportVotesArgs {
  format: BillFormat;
  files: BillFileInput[];
  /** For Open States vote files that name their bill by identifier: an ocd-jurisdiction or ocd-division id. */
  jurisdiction?: string;
  /** Called after each file. */
  onFile?: (done: number, total: number) => void;
}

/** What happened to one file: the bill report plus how many member votes were linked to people. */
export interface VoteFileReport extends BillFileReport {
  membersLinked: number;
  membersUnlinked: number;
}

/** The import's report: per file, and totals. */
export interface VoteImportReport extends Omit<BillImportReport, 'files'> {
  files: VoteFileReport[];
}

function describeRef(r: VoteRecord): string {
  const b = r.bill;
  if (b.kind === 'ocd') return b.ocdId;
  if (b.kind === 'legiscan') return `LegiScan bill_id ${b.billId}`;
  return `${b.identifier} (${b.session}${b.jurisdictionId ? `, ${b.jurisdictionId}` : ''})`;
}

/** Resolves bills and people, rejecting votes whose bill is not stored (or is ambiguous) or is twice. */
async function resolve(
  ctx: ServiceContext,
  records: VoteFileRecord[],
): Promise<{ resolved: ResolvedVote[]; rejected: BillRejection[] }> {
  const index = await peopleIndex(ctx.db);
  const seen = new Map<string, string>();
  const resolved: ResolvedVote[] = [];
  const rejected: BillRejection[] = [];
  for (const { record, index: i, label, reason } of records) {
    const reject = (why: string) => rejected.push({ index: i, record: label, reason: why });
    if (!record) {
      reject(reason ?? 'unreadable');
      continue;
    }
    const bills = await findVoteBills(ctx.db, record.bill);
    const bill = bills[0];
    if (!bill) {
      reject(`its bill ${describeRef(record)} is not stored; import the bill first`);
      continue;
    }
    if (bills.length > 1) {
      reject(`its bill ${describeRef(record)} names ${bills.length} stored bills; give --jurisdiction`);
      continue;
    }
    const before = seen.get(record.sourceId);
    if (before !== undefined) {
      reject(`the file already has vote ${record.sourceId} (${before})`);
      continue;
    }
    seen.set(record.sourceId, label);
    const members = record.members.map((m) =>
      m.voterName === null && m.voterRef !== null && index.legiScanNames.has(m.voterRef)
        ? { ...m, voterName: index.legiScanNames.get(m.voterRef) ?? null }
        : m,
    );
    const named = { ...record, members };
    resolved.push({
      record: named,
      billId: bill.id,
      personIds: members.map((m) => linkMember(index, bill.jurisdictionId, m)),
    });
  }
  return { resolved, rejected };
}

async function importFile(
  ctx: ServiceContext,
  args: ImportVotesArgs,
  file: BillFileInput,
): Promise<VoteFileReport> {
  const report: VoteFileReport = {
    file: file.name,
    status: 'refused',
    error: null,
    new: 0,
    changed: 0,
    unchanged: 0,
    rejected: [],
    membersLinked: 0,
    membersUnlinked: 0,
  };
  const read = readFileRecords(file, 'BILL_FILE_INVALID', (content) =>
    readVoteFile(
      args.format,
      file.name,
      content,
      args.jurisdiction ? { jurisdiction: args.jurisdiction } : {},
    ),
  );
  if ('error' in read) return { ...report, error: read.error };
  const { records } = read;
  const { resolved, rejected } = await resolve(ctx, records);
  if (rejected.length > 0)
    return { ...report, error: rejectedMessage(file.name, rejected.length, records.length), rejected };
  const counts = { new: 0, changed: 0, unchanged: 0 };
  await ctx.db.transaction().execute(async (trx) => {
    const now = nowIso();
    for (const v of resolved) {
      const hash = voteHash(v);
      const stored = await storedVote(trx, v.record);
      if (stored?.contentHash === hash) {
        counts.unchanged++;
        continue;
      }
      await writeVote(trx, v, hash, now, stored?.id);
      if (!stored) await recordVoteRecorded(trx, v, now);
      counts[stored ? 'changed' : 'new']++;
    }
    if (counts.new + counts.changed > 0) {
      await recordAudit(trx, ctx.actor, 'votes.import', file.name, { format: args.format, ...counts });
    }
  });
  const linked = resolved.reduce((n, v) => n + v.personIds.filter((p) => p !== null).length, 0);
  const members = resolved.reduce((n, v) => n + v.personIds.length, 0);
  return {
    ...report,
    status: 'imported',
    ...counts,
    membersLinked: linked,
    membersUnlinked: members - linked,
  };
}

/** Imports vote files, each all-or-nothing; throws FORBIDDEN without `laws:write`. */
export async function importVotes(ctx: ServiceContext, args: ImportVotesArgs): Promise<VoteImportReport> {
  if (!actorCan(ctx.actor, 'laws:write'))
    throw new DomainError('FORBIDDEN', 'importing votes needs laws:write');
  return importEachFile(args.files, args.onFile, (file) => importFile(ctx, args, file));
}

/** The votes of one bill (lawgap id or OCD bill id), oldest first; throws BILL_NOT_FOUND. */
export async function billVotes(ctx: ServiceContext, id: string): Promise<Vote[]> {
  const bill = await getBill(ctx.db, id);
  if (!bill) throw new DomainError('BILL_NOT_FOUND', `no bill ${id}`, { id });
  return votesOfBill(ctx.db, bill.id);
}

/**
 * Recording change events inside an import's transaction (the outbox): the import passes the state before its
 * write and what it wrote; this computes the events (core/alerts) and stores them with the same `trx`, so an
 * import that rolls back records none and one that commits cannot lose them.
 */
import type { Kysely } from 'kysely';
import { type BillSnapshot, billChangeEvents, type CommitteeIndex } from '../core/alerts/bill-changes.ts';
import type { EventBill } from '../core/alerts/types.ts';
import {
  type HearingSnapshot,
  hearingChangeEvents,
  voteRecordedEvent,
} from '../core/alerts/vote-hearing-changes.ts';
import type { EventRecord } from '../core/bills/events.ts';
import type { Bill, BillRecord, BillStage } from '../core/bills/types.ts';
import { insertChangeEvents, queueChangeEvents } from '../store/alerts.repo.ts';
import type { Database } from '../store/schema.ts';
import { fromJson } from '../store/util.ts';
import { type ResolvedVote, storedVote } from '../store/votes.repo.ts';

type Db = Kysely<Database>;

/** Committees of a jurisdiction by name, read once per transaction (an import names the same few often). */
const committeesByTrx = new WeakMap<Db, Map<string, Promise<Map<string, string[]>>>>();

function committeesOf(db: Db, jurisdictionId: string): Promise<Map<string, string[]>> {
  let perTrx = committeesByTrx.get(db);
  if (!perTrx) {
    perTrx = new Map();
    committeesByTrx.set(db, perTrx);
  }
  let found = perTrx.get(jurisdictionId);
  if (!found) {
    found = db
      .selectFrom('committees')
      .select(['id', 'name'])
      .where((eb) => eb.or([eb('jurisdiction_id', '=', jurisdictionId), eb('jurisdiction_id', 'is', null)]))
      .execute()
      .then((rows) => {
        const byName = new Map<string, string[]>();
        for (const r of rows) byName.set(r.name, [...(byName.get(r.name) ?? []), r.id]);
        return byName;
      });
    perTrx.set(jurisdictionId, found);
  }
  return found;
}

async function committeeIndex(
  db: Db,
  jurisdictionId: string,
  names: (string | null)[],
): Promise<CommitteeIndex> {
  const wanted = [...new Set(names.filter((n): n is string => n !== null && n !== ''))];
  if (wanted.length === 0) return new Map();
  const byName = await committeesOf(db, jurisdictionId);
  // A name shared by two committees resolves to neither: a wrong target is worse than none.
  return new Map(
    wanted.flatMap((name) => {
      const ids = byName.get(name);
      return ids?.length === 1 && ids[0] ? [[name, ids[0]] as const] : [];
    }),
  );
}

function snapshotOfStored(b: Bill): BillSnapshot {
  return {
    bill: eventBill(b.id, b.identifier, b.title, b.jurisdictionId, b.sessionIdentifier, b.stage),
    actions: b.actions,
    versions: b.versions,
    sponsorPersonIds: b.sponsorships.flatMap((s) => (s.personId ? [s.personId] : [])),
  };
}

function eventBill(
  id: string,
  identifier: string,
  title: string,
  jurisdictionId: string,
  session: string,
  stage: string,
): EventBill {
  return { id, identifier, title, jurisdictionId, session, stage };
}

/** Records the events of writing `record` (stage `stage`) as bill `billId` over `before` (undefined: new). */
export async function recordBillChanges(
  trx: Db,
  args: { before: Bill | undefined; billId: string; record: BillRecord; stage: BillStage; now: string },
): Promise<number> {
  const { record } = args;
  const after: BillSnapshot = {
    bill: eventBill(
      args.billId,
      record.identifier,
      record.title,
      record.jurisdictionId,
      record.session.identifier,
      args.stage,
    ),
    actions: record.actions,
    versions: record.versions,
    sponsorPersonIds: record.sponsorships.flatMap((s) => (s.personId ? [s.personId] : [])),
  };
  const committees = await committeeIndex(
    trx,
    record.jurisdictionId,
    record.actions.map((a) => a.organization),
  );
  const drafts = billChangeEvents(args.before ? snapshotOfStored(args.before) : null, after, committees);
  if (drafts.length === 0) return 0;
  // Indicators the bill is linked to (not rejected links), so following an indicator follows its bills.
  const links = args.before
    ? await trx
        .selectFrom('bill_indicator_links')
        .select('indicator_id')
        .where('bill_id', '=', args.billId)
        .where('status', '!=', 'rejected')
        .orderBy('indicator_id')
        .execute()
    : [];
  const indicators = links.map((l) => ({ kind: 'indicator' as const, id: l.indicator_id }));
  const withIndicators = drafts.map((d) => ({ ...d, targets: [...d.targets, ...indicators] }));
  // Queued: the bill import writes them in multi-row statements before it commits (flushChangeEvents).
  return queueChangeEvents(trx, withIndicators, args.now);
}

async function eventBills(db: Db, ids: string[]): Promise<EventBill[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('bills')
    .select(['id', 'identifier', 'title', 'jurisdiction_id', 'session_identifier', 'stage'])
    .where('id', 'in', ids)
    .orderBy('id')
    .execute();
  return rows.map((r) =>
    eventBill(r.id, r.identifier, r.title, r.jurisdiction_id, r.session_identifier, r.stage),
  );
}

/** Records `vote.recorded` for a vote that was just stored for the first time. */
export async function recordVoteRecorded(trx: Db, v: ResolvedVote, now: string): Promise<number> {
  const [bill] = await eventBills(trx, [v.billId]);
  const voteId = (await storedVote(trx, v.record))?.id;
  if (!bill || voteId === undefined) return 0;
  const r = v.record;
  const draft = voteRecordedEvent(
    {
      id: voteId,
      motionText: r.motionText,
      result: r.result,
      startDate: r.startDate,
      chamber: r.chamber,
      counts: r.counts,
      personIds: v.personIds,
    },
    bill,
  );
  return (await insertChangeEvents(trx, [draft], now)).length;
}

/** The stored hearing as events compare it; null when the id is not stored. */
export async function hearingSnapshot(db: Db, id: string): Promise<HearingSnapshot | null> {
  const r = await db.selectFrom('events').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) return null;
  const links = await db.selectFrom('event_bills').select('bill_id').where('event_id', '=', id).execute();
  return {
    id: r.id,
    jurisdictionId: r.jurisdiction_id,
    name: r.name,
    startDate: r.start_date,
    endDate: r.end_date,
    allDay: Number(r.all_day) === 1,
    status: r.status,
    classification: r.classification,
    description: r.description,
    location: r.location,
    participants: fromJson<HearingSnapshot['participants']>(r.participants_json),
    agenda: fromJson<unknown[]>(r.agenda_json),
    links: fromJson<unknown[]>(r.links_json),
    billIds: links.map((l) => l.bill_id).sort(),
  };
}

/** Records `hearing.scheduled` or `hearing.changed` after writing hearing `record` (stored as `id`). */
export async function recordHearingChange(
  trx: Db,
  args: { before: HearingSnapshot | null; id: string; record: EventRecord; billIds: string[]; now: string },
): Promise<number> {
  const { record } = args;
  const after: HearingSnapshot = {
    id: args.id,
    jurisdictionId: record.jurisdictionId,
    name: record.name,
    startDate: record.startDate,
    endDate: record.endDate,
    allDay: record.allDay,
    status: record.status,
    classification: record.classification,
    description: record.description,
    location: record.location,
    participants: record.participants,
    agenda: JSON.parse(JSON.stringify(record.agenda)) as unknown[],
    links: JSON.parse(JSON.stringify(record.links)) as unknown[],
    billIds: [...new Set(args.billIds)].sort(),
  };
  const committees = await committeeIndex(
    trx,
    record.jurisdictionId,
    record.participants.map((p) => p.name),
  );
  const drafts = hearingChangeEvents(args.before, after, await eventBills(trx, after.billIds), committees);
  return (await insertChangeEvents(trx, drafts, args.now)).length;
}

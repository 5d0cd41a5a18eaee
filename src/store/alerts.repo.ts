/**
 * Change events (the outbox), their targets, follows and feed positions. Events are inserted by imports inside
 * their own transaction; the feed is the events with a target some follow of the user names, newest first,
 * paged by id (UUID v7 ids sort by creation).
 */
import type { Kysely } from 'kysely';
import type {
  ChangeEvent,
  ChangeEventDraft,
  ChangeEventType,
  ChangeSubjectKind,
  EmailFrequency,
  FollowTargetKind,
} from '../core/alerts/types.ts';
import type { ChangeEventRow, FollowRow } from './alerts.schema.ts';
import type { Database } from './schema.ts';
import { fromJson, newId, newSortableId } from './util.ts';

type EventRow = ChangeEventRow;
type TargetRow = { event_id: string; target_kind: string; target_id: string };

function rowsOf(
  drafts: ChangeEventDraft[],
  now: string,
): { events: ChangeEvent[]; rows: EventRow[]; targets: TargetRow[] } {
  const events = drafts.map((d) => ({ ...d, id: newSortableId(), createdAt: now }));
  const rows = events.map((e) => ({
    id: e.id,
    type: e.type,
    jurisdiction_id: e.jurisdictionId,
    bill_id: e.billId,
    subject_kind: e.subjectKind,
    subject_id: e.subjectId,
    payload_json: JSON.stringify(e.payload),
    fanned_out: 0,
    created_at: e.createdAt,
  }));
  const targets = events.flatMap((e) => {
    const seen = new Set<string>();
    return e.targets.flatMap((t) => {
      const key = `${t.kind} ${t.id}`;
      if (seen.has(key)) return [];
      seen.add(key);
      return [{ event_id: e.id, target_kind: t.kind, target_id: t.id }];
    });
  });
  return { events, rows, targets };
}

/** Writes event and target rows in multi-row statements (well under both engines' bound-value limits). */
async function writeRows(db: Kysely<Database>, rows: EventRow[], targets: TargetRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) {
    await db
      .insertInto('change_events')
      .values(rows.slice(i, i + 1000))
      .execute();
  }
  for (let i = 0; i < targets.length; i += 2000) {
    await db
      .insertInto('change_event_targets')
      .values(targets.slice(i, i + 2000))
      .execute();
  }
}

/** Stores drafts as change events with their targets; returns the stored events in order. */
export async function insertChangeEvents(
  db: Kysely<Database>,
  drafts: ChangeEventDraft[],
  now: string,
): Promise<ChangeEvent[]> {
  if (drafts.length === 0) return [];
  const { events, rows, targets } = rowsOf(drafts, now);
  await writeRows(db, rows, targets);
  return events;
}

/** Events queued per transaction by a bulk import, written by `flushChangeEvents` before it commits. */
const queued = new WeakMap<Kysely<Database>, { rows: EventRow[]; targets: TargetRow[] }>();

/**
 * Queues drafts as change events in the transaction `db` (written at the latest by `flushChangeEvents`, which
 * the import calls before it commits, so the outbox still commits or rolls back with the change); returns how
 * many events were queued. Writes the queue out once it holds 5,000 events.
 */
export async function queueChangeEvents(
  db: Kysely<Database>,
  drafts: ChangeEventDraft[],
  now: string,
): Promise<number> {
  if (drafts.length === 0) return 0;
  const { rows, targets } = rowsOf(drafts, now);
  let q = queued.get(db);
  if (!q) {
    q = { rows: [], targets: [] };
    queued.set(db, q);
  }
  q.rows.push(...rows);
  q.targets.push(...targets);
  if (q.rows.length >= 5000) await flushChangeEvents(db);
  return rows.length;
}

/** Writes the events queued in the transaction `db`. */
export async function flushChangeEvents(db: Kysely<Database>): Promise<void> {
  const q = queued.get(db);
  if (!q || q.rows.length === 0) return;
  queued.delete(db);
  await writeRows(db, q.rows, q.targets);
}

async function withTargets(db: Kysely<Database>, rows: ChangeEventRow[]): Promise<ChangeEvent[]> {
  if (rows.length === 0) return [];
  const targets = await db
    .selectFrom('change_event_targets')
    .selectAll()
    .where(
      'event_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('event_id')
    .orderBy('target_kind')
    .orderBy('target_id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    type: r.type as ChangeEventType,
    jurisdictionId: r.jurisdiction_id,
    billId: r.bill_id,
    subjectKind: r.subject_kind as ChangeSubjectKind,
    subjectId: r.subject_id,
    payload: fromJson<Record<string, unknown>>(r.payload_json),
    targets: targets
      .filter((t) => t.event_id === r.id)
      .map((t) => ({ kind: t.target_kind as FollowTargetKind, id: t.target_id })),
    createdAt: r.created_at,
  }));
}

/** Events not yet fanned out, oldest first. */
export async function pendingFanOut(db: Kysely<Database>, limit = 500): Promise<ChangeEvent[]> {
  const rows = await db
    .selectFrom('change_events')
    .selectAll()
    .where('fanned_out', '=', 0)
    .orderBy('id')
    .limit(limit)
    .execute();
  return withTargets(db, rows);
}

/** Marks events as fanned out. */
export async function markFannedOut(db: Kysely<Database>, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.updateTable('change_events').set({ fanned_out: 1 }).where('id', 'in', ids).execute();
}

/** One event by id; undefined when none. */
export async function getChangeEvent(db: Kysely<Database>, id: string): Promise<ChangeEvent | undefined> {
  const row = await db.selectFrom('change_events').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? (await withTargets(db, [row]))[0] : undefined;
}

/** Events of a bill, oldest first (for tests and the bill page). */
export async function eventsOfBillChanges(db: Kysely<Database>, billId: string): Promise<ChangeEvent[]> {
  const rows = await db
    .selectFrom('change_events')
    .selectAll()
    .where('bill_id', '=', billId)
    .orderBy('id')
    .execute();
  return withTargets(db, rows);
}

/** A user's follow of one target. */
export interface Follow {
  id: string;
  userId: string;
  kind: FollowTargetKind;
  targetId: string;
  emailFrequency: EmailFrequency;
  createdAt: string;
}

function follow(r: FollowRow): Follow {
  return {
    id: r.id,
    userId: r.user_id,
    kind: r.target_kind as FollowTargetKind,
    targetId: r.target_id,
    emailFrequency: r.email_frequency as EmailFrequency,
    createdAt: r.created_at,
  };
}

/** Adds a follow; returns undefined when the user already follows that target. */
export async function insertFollow(
  db: Kysely<Database>,
  f: Omit<Follow, 'id' | 'createdAt'>,
  now: string,
): Promise<Follow | undefined> {
  const existing = await db
    .selectFrom('follows')
    .select('id')
    .where('user_id', '=', f.userId)
    .where('target_kind', '=', f.kind)
    .where('target_id', '=', f.targetId)
    .executeTakeFirst();
  if (existing) return undefined;
  const row: FollowRow = {
    id: newId(),
    user_id: f.userId,
    target_kind: f.kind,
    target_id: f.targetId,
    email_frequency: f.emailFrequency,
    created_at: now,
  };
  await db.insertInto('follows').values(row).execute();
  return follow(row);
}

/** A user's follows, oldest first. */
export async function listFollows(db: Kysely<Database>, userId: string): Promise<Follow[]> {
  const rows = await db
    .selectFrom('follows')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(follow);
}

/** One follow of a user; undefined when it is not theirs or does not exist. */
export async function getFollow(
  db: Kysely<Database>,
  userId: string,
  id: string,
): Promise<Follow | undefined> {
  const row = await db
    .selectFrom('follows')
    .selectAll()
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row ? follow(row) : undefined;
}

/** Changes a follow's email frequency; false when it is not the user's. */
export async function updateFollow(
  db: Kysely<Database>,
  userId: string,
  id: string,
  emailFrequency: EmailFrequency,
): Promise<boolean> {
  const r = await db
    .updateTable('follows')
    .set({ email_frequency: emailFrequency })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Removes a follow; false when it is not the user's. */
export async function deleteFollow(db: Kysely<Database>, userId: string, id: string): Promise<boolean> {
  const r = await db
    .deleteFrom('follows')
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return Number(r.numDeletedRows) === 1;
}

/** Page of a user's feed: events any of their follows matches, newest first, ids below `before`. */
export async function feedEvents(
  db: Kysely<Database>,
  userId: string,
  args: { limit: number; before?: string | undefined },
): Promise<ChangeEvent[]> {
  let q = db
    .selectFrom('change_events as e')
    .selectAll('e')
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('change_event_targets as t')
          .innerJoin('follows as f', (j) =>
            j.onRef('f.target_kind', '=', 't.target_kind').onRef('f.target_id', '=', 't.target_id'),
          )
          .select('t.event_id')
          .whereRef('t.event_id', '=', 'e.id')
          .where('f.user_id', '=', userId),
      ),
    );
  if (args.before !== undefined) q = q.where('e.id', '<', args.before);
  return withTargets(db, await q.orderBy('e.id', 'desc').limit(args.limit).execute());
}

/** How many feed events of the user are newer than `seenUntil` (an event id; null: all). */
export async function countFeedAfter(
  db: Kysely<Database>,
  userId: string,
  seenUntil: string | null,
): Promise<number> {
  let q = db
    .selectFrom('change_events as e')
    .select((eb) => eb.fn.countAll().as('n'))
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('change_event_targets as t')
          .innerJoin('follows as f', (j) =>
            j.onRef('f.target_kind', '=', 't.target_kind').onRef('f.target_id', '=', 't.target_id'),
          )
          .select('t.event_id')
          .whereRef('t.event_id', '=', 'e.id')
          .where('f.user_id', '=', userId),
      ),
    );
  if (seenUntil !== null) q = q.where('e.id', '>', seenUntil);
  const row = await q.executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** The event id up to which the user has seen the feed; null when never. */
export async function getFeedPosition(db: Kysely<Database>, userId: string): Promise<string | null> {
  const row = await db
    .selectFrom('feed_positions')
    .select('seen_until')
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row?.seen_until ?? null;
}

/** Sets the user's feed position (never moves it back). */
export async function setFeedPosition(
  db: Kysely<Database>,
  userId: string,
  until: string,
  now: string,
): Promise<string> {
  const current = await getFeedPosition(db, userId);
  if (current !== null && current >= until) return current;
  if (current === null) {
    await db
      .insertInto('feed_positions')
      .values({ user_id: userId, seen_until: until, updated_at: now })
      .execute();
  } else {
    await db
      .updateTable('feed_positions')
      .set({ seen_until: until, updated_at: now })
      .where('user_id', '=', userId)
      .execute();
  }
  return until;
}

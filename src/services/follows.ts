/**
 * Follows and the in-app feed. A signed-in person (or a token acting for its user) follows bills, people,
 * committees, jurisdictions and indicators; the feed is the change events whose targets they follow, newest
 * first. Each person sees and changes only their own follows: someone else's is "not found". The CLI (system
 * actor) acts for the user it names by email.
 */
import type { ChangeEvent, EmailFrequency, FollowTargetKind } from '../core/alerts/types.ts';
import { DomainError } from '../core/errors.ts';
import {
  countFeedAfter,
  deleteFollow,
  type Follow,
  feedEvents,
  getFeedPosition,
  getFollow,
  insertFollow,
  listFollows,
  setFeedPosition,
  updateFollow,
} from '../store/alerts.repo.ts';
import { nowIso } from '../store/util.ts';
import type { ServiceContext } from './context.ts';

export type { Follow } from '../store/alerts.repo.ts';

/** Whom a follow call acts for: the actor's user, or (CLI only) the user named by `userEmail`. */
export interface FollowerArgs {
  userEmail?: string | undefined;
}

async function followerId(ctx: ServiceContext, args: FollowerArgs): Promise<string> {
  const a = ctx.actor;
  if (a.kind === 'user' || a.kind === 'token') return a.userId;
  if (a.kind === 'system' && args.userEmail) {
    const email = args.userEmail.trim().toLowerCase();
    const row = await ctx.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
    if (!row) throw new DomainError('USER_NOT_FOUND', `no user with email ${email}`);
    return row.id;
  }
  if (a.kind === 'system')
    throw new DomainError('VALIDATION_FAILED', 'name the user whose follows these are (--user EMAIL)');
  throw new DomainError('AUTH_REQUIRED', 'sign in to follow');
}

/** Checks the target exists and returns the id events use (a bill's OCD id becomes its lawgap id). */
async function resolveTarget(ctx: ServiceContext, kind: FollowTargetKind, id: string): Promise<string> {
  const db = ctx.db;
  if (kind === 'bill') {
    const row = await db
      .selectFrom('bills')
      .select('id')
      .where((eb) => eb.or([eb('id', '=', id), eb('ocd_id', '=', id)]))
      .executeTakeFirst();
    if (!row) throw new DomainError('BILL_NOT_FOUND', `no bill ${id}`, { id });
    return row.id;
  }
  if (kind === 'jurisdiction') {
    const row = await db.selectFrom('jurisdictions').select('id').where('id', '=', id).executeTakeFirst();
    if (!row) throw new DomainError('JURISDICTION_NOT_FOUND', `no jurisdiction ${id}`, { id });
    return row.id;
  }
  if (kind === 'person') {
    const row = await db.selectFrom('people').select('id').where('id', '=', id).executeTakeFirst();
    if (!row) throw new DomainError('PERSON_NOT_FOUND', `no person ${id}`, { id });
    return row.id;
  }
  if (kind === 'committee') {
    const row = await db.selectFrom('committees').select('id').where('id', '=', id).executeTakeFirst();
    if (!row) throw new DomainError('COMMITTEE_NOT_FOUND', `no committee ${id}`, { id });
    return row.id;
  }
  const row = await db
    .selectFrom('framework_indicators')
    .select('id')
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new DomainError('INDICATOR_NOT_FOUND', `no indicator ${id}`, { id });
  return row.id;
}

/** Follows a target; throws its kind's NOT_FOUND when it does not exist and FOLLOW_EXISTS when followed. */
export async function addFollow(
  ctx: ServiceContext,
  args: FollowerArgs & { kind: FollowTargetKind; id: string; emailFrequency: EmailFrequency },
): Promise<Follow> {
  const userId = await followerId(ctx, args);
  const targetId = await resolveTarget(ctx, args.kind, args.id);
  const f = await insertFollow(
    ctx.db,
    { userId, kind: args.kind, targetId, emailFrequency: args.emailFrequency },
    nowIso(),
  );
  if (!f) throw new DomainError('FOLLOW_EXISTS', `already following ${args.kind} ${targetId}`);
  return f;
}

/** The follower's follows, oldest first. */
export async function listMyFollows(ctx: ServiceContext, args: FollowerArgs = {}): Promise<Follow[]> {
  return listFollows(ctx.db, await followerId(ctx, args));
}

/** Changes the email frequency of one of the follower's follows; throws FOLLOW_NOT_FOUND. */
export async function changeFollow(
  ctx: ServiceContext,
  args: FollowerArgs & { id: string; emailFrequency: EmailFrequency },
): Promise<Follow> {
  const userId = await followerId(ctx, args);
  if (!(await updateFollow(ctx.db, userId, args.id, args.emailFrequency)))
    throw new DomainError('FOLLOW_NOT_FOUND', `no follow ${args.id}`);
  const f = await getFollow(ctx.db, userId, args.id);
  if (!f) throw new DomainError('FOLLOW_NOT_FOUND', `no follow ${args.id}`);
  return f;
}

/** Stops one of the follower's follows; throws FOLLOW_NOT_FOUND. */
export async function removeFollow(ctx: ServiceContext, args: FollowerArgs & { id: string }): Promise<void> {
  const userId = await followerId(ctx, args);
  if (!(await deleteFollow(ctx.db, userId, args.id)))
    throw new DomainError('FOLLOW_NOT_FOUND', `no follow ${args.id}`);
}

/** One page of the feed. */
export interface FeedPage {
  events: ChangeEvent[];
  /** Feed events newer than the follower's seen position. */
  unseen: number;
  /** Pass as `before` for the next page; null on the last page. */
  nextBefore: string | null;
}

/** The follower's feed, newest first, `limit` events older than `before` (an event id). */
export async function feed(
  ctx: ServiceContext,
  args: FollowerArgs & { limit?: number; before?: string | undefined },
): Promise<FeedPage> {
  const userId = await followerId(ctx, args);
  const limit = Math.min(Math.max(args.limit ?? 50, 1), 200);
  const rows = await feedEvents(ctx.db, userId, { limit: limit + 1, before: args.before });
  const events = rows.slice(0, limit);
  const unseen = await countFeedAfter(ctx.db, userId, await getFeedPosition(ctx.db, userId));
  return { events, unseen, nextBefore: rows.length > limit ? (events.at(-1)?.id ?? null) : null };
}

/** Marks the feed seen up to an event id (never backwards); returns the position. */
export async function markFeedSeen(
  ctx: ServiceContext,
  args: FollowerArgs & { until: string },
): Promise<{ seenUntil: string; unseen: number }> {
  const userId = await followerId(ctx, args);
  const seenUntil = await setFeedPosition(ctx.db, userId, args.until, nowIso());
  return { seenUntil, unseen: await countFeedAfter(ctx.db, userId, seenUntil) };
}

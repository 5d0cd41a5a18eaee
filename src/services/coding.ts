/**
 * Coding: setting, changing, reviewing and reading coded answers. Policy: every answer is checked against the
 * framework (a known indicator, a code of its response type or NA), its citations against the law library (each
 * an existing provision of the answer's own jurisdiction, with a quote found verbatim in the provision's text;
 * provisions of treaties stored under another jurisdiction are refused for now) and its interval against the
 * jurisdiction's other answers for the indicator (no overlap). A value above 0 needs at least one citation; a
 * 0 or NA may cite nothing, since an absence cannot be quoted. Each write runs in one transaction with a history
 * row (who, when, before, after). Reading published answers is public; other statuses need `org:read`.
 * Coding is shared by the instance (one coding of each law); an organization's own jurisdictions stay visible
 * to its members only.
 */
import type { Kysely } from 'kysely';
import { actorCan, actorLabel } from '../core/auth/permissions.ts';
import { checkStatusMove, initialStatuses, statusAfterEdit } from '../core/coding/status.ts';
import {
  type AnswerHistoryEntry,
  type AnswerOrigin,
  type CodedAnswer,
  type CodingStatus,
  snapshotOf,
} from '../core/coding/types.ts';
import { DomainError, isDomainError } from '../core/errors.ts';
import type { Framework } from '../core/framework/types.ts';
import { actorNames } from '../store/actor-names.repo.ts';
import {
  appendHistory,
  getAnswer,
  insertAnswer,
  listAnswers,
  listHistory,
  replaceCitations,
  updateAnswerRow,
} from '../store/coding.repo.ts';
import type { Database } from '../store/schema.ts';
import { type CitationInput, checkAnswer } from './answer-checks.ts';
import type { ServiceContext } from './context.ts';
import { getFramework, listFrameworks } from './framework.ts';
import { requireJurisdiction } from './jurisdictions.ts';
import { notifyPublicationChanged } from './publication-events.ts';
import { refuseOpenDivergence } from './qc-gate.ts';

/** A new answer. `validFrom` defaults to the latest start of the cited versions; `status` to coded. */
export interface NewAnswerArgs {
  jurisdictionId: string;
  indicatorId: string;
  value: string;
  citations: CitationInput[];
  validFrom?: string;
  validTo?: string | null;
  cautionNote?: string | null;
  status?: CodingStatus;
  /** Framework version (default: the latest). */
  frameworkVersion?: number;
  /** The analyzer suggestion a person confirmed, recorded in the answer's first history row. */
  origin?: AnswerOrigin;
}

/** The fields an edit may change; anything left out keeps its value. */
export interface AnswerPatch {
  value?: string;
  citations?: CitationInput[];
  cautionNote?: string | null;
  validFrom?: string;
  validTo?: string | null;
}

/** Options of a status change. */
export interface StatusOptions {
  /** Let a coder review their own answer (default: only for the local command line, a system actor). */
  singleCoder?: boolean;
}

function requireWrite(ctx: ServiceContext): void {
  if (!actorCan(ctx.actor, 'coding:write')) throw new DomainError('FORBIDDEN', 'you may not code answers');
}

/** The organization whose own jurisdictions the actor sees ('all' for the command line). */
export function visibleOrg(ctx: ServiceContext): string | null | 'all' {
  if (ctx.actor.kind === 'system') return 'all';
  if (ctx.actor.kind === 'public') return null;
  return ctx.actor.organizationId;
}

async function frameworkById(ctx: ServiceContext, frameworkId: string): Promise<Framework> {
  const summary = (await listFrameworks(ctx)).find((f) => f.id === frameworkId);
  if (!summary) throw new DomainError('FRAMEWORK_NOT_FOUND', `framework ${frameworkId} does not exist`);
  return getFramework(ctx, summary.version);
}

/** Creates an answer inside the caller's transaction (no permission check); used by create and CSV import. */
export async function createAnswerIn(ctx: ServiceContext, args: NewAnswerArgs): Promise<CodedAnswer> {
  const status = args.status ?? 'coded';
  if (!initialStatuses.includes(status)) {
    throw new DomainError(
      'ANSWER_STATUS_INVALID',
      `a new answer is ${initialStatuses.join(' or ')}, not ${status}`,
    );
  }
  const jurisdiction = await requireJurisdiction(ctx, args.jurisdictionId);
  const framework = await getFramework(ctx, args.frameworkVersion);
  const checked = await checkAnswer(
    ctx.db,
    framework,
    { jurisdictionId: jurisdiction.id, indicatorId: args.indicatorId },
    {
      value: args.value,
      citations: args.citations,
      ...(args.validFrom !== undefined ? { validFrom: args.validFrom } : {}),
      validTo: args.validTo ?? null,
      cautionNote: args.cautionNote ?? null,
    },
  );
  const { citations, ...fields } = checked;
  const id = await insertAnswer(ctx.db, {
    ...fields,
    jurisdictionId: jurisdiction.id,
    frameworkId: framework.id,
    indicatorId: args.indicatorId,
    status,
    coder: actorLabel(ctx.actor),
  });
  await replaceCitations(ctx.db, id, citations);
  const created = await loadAnswer(ctx.db, id);
  await appendHistory(ctx.db, {
    answerId: id,
    actor: actorLabel(ctx.actor),
    action: 'create',
    before: null,
    after: args.origin ? { ...snapshotOf(created), origin: args.origin } : snapshotOf(created),
  });
  return created;
}

async function loadAnswer(db: Kysely<Database>, id: string): Promise<CodedAnswer> {
  const a = await getAnswer(db, id);
  if (!a) throw new DomainError('ANSWER_NOT_FOUND', `answer ${id} does not exist`, { id });
  return a;
}

/** An answer the actor may see (any status); throws ANSWER_NOT_FOUND. */
async function visibleAnswer(ctx: ServiceContext, id: string): Promise<CodedAnswer> {
  const a = await loadAnswer(ctx.db, id);
  try {
    await requireJurisdiction(ctx, a.jurisdictionId);
  } catch (err) {
    if (!isDomainError(err, 'JURISDICTION_NOT_FOUND')) throw err;
    throw new DomainError('ANSWER_NOT_FOUND', `answer ${id} does not exist`, { id });
  }
  return a;
}

/** Creates a coded answer (or a machine suggestion) with its history row; needs `coding:write`. */
export async function createAnswer(ctx: ServiceContext, args: NewAnswerArgs): Promise<CodedAnswer> {
  requireWrite(ctx);
  return ctx.db.transaction().execute((trx) => createAnswerIn({ ...ctx, db: trx }, args));
}

/** Changes an answer's value, citations, note or interval; a reviewed or published answer goes back to coded. */
export async function updateAnswer(
  ctx: ServiceContext,
  id: string,
  patch: AnswerPatch,
): Promise<CodedAnswer> {
  requireWrite(ctx);
  const updated = await ctx.db.transaction().execute((trx) => updateAnswerIn({ ...ctx, db: trx }, id, patch));
  notifyPublicationChanged();
  return updated;
}

/** Changes an answer inside the caller's transaction (no permission check); used by update and QC. */
export async function updateAnswerIn(
  ctx: ServiceContext,
  id: string,
  patch: AnswerPatch,
): Promise<CodedAnswer> {
  const trx = ctx.db;
  const before = await visibleAnswer(ctx, id);
  const framework = await frameworkById(ctx, before.frameworkId);
  const checked = await checkAnswer(
    trx,
    framework,
    { jurisdictionId: before.jurisdictionId, indicatorId: before.indicatorId, selfId: id },
    {
      value: patch.value ?? before.value,
      citations:
        patch.citations ?? before.citations.map((c) => ({ provisionId: c.provisionId, quote: c.quote })),
      validFrom: patch.validFrom ?? before.validFrom,
      validTo: patch.validTo === undefined ? before.validTo : patch.validTo,
      cautionNote: patch.cautionNote === undefined ? before.cautionNote : patch.cautionNote,
    },
  );
  const { citations, ...fields } = checked;
  await updateAnswerRow(trx, id, {
    ...fields,
    status: statusAfterEdit(before.status),
    coder: actorLabel(ctx.actor),
  });
  if (patch.citations) await replaceCitations(trx, id, citations);
  const after = await loadAnswer(trx, id);
  await appendHistory(trx, {
    answerId: id,
    actor: actorLabel(ctx.actor),
    action: 'update',
    before: snapshotOf(before),
    after: snapshotOf(after),
  });
  return after;
}

/** Moves an answer to another review state (rules in core/coding/status.ts), with its history row. */
export async function setAnswerStatus(
  ctx: ServiceContext,
  id: string,
  status: CodingStatus,
  options: StatusOptions = {},
): Promise<CodedAnswer> {
  if (!actorCan(ctx.actor, 'coding:write')) throw new DomainError('FORBIDDEN', 'you may not change answers');
  const moved = await ctx.db.transaction().execute(async (trx) => {
    const before = await visibleAnswer({ ...ctx, db: trx }, id);
    const { actor, coder } = checkStatusMove(ctx.actor, before, status, options.singleCoder);
    if (status === 'published') await refuseOpenDivergence(trx, before);
    await updateAnswerRow(trx, id, { ...before, status, coder });
    const after = await loadAnswer(trx, id);
    await appendHistory(trx, {
      answerId: id,
      actor,
      action: 'status',
      before: snapshotOf(before),
      after: snapshotOf(after),
    });
    return after;
  });
  notifyPublicationChanged();
  return moved;
}

/** Which answers to list. */
export interface ListAnswersArgs {
  jurisdictionId?: string;
  indicatorId?: string;
  status?: CodingStatus;
  asOf?: string;
  frameworkVersion?: number;
}

/** What the actor may list of coded records (answers, modifier findings); the filter shared by their stores. */
export interface CodingListScope {
  organizationId: string | null | 'all';
  jurisdictionId?: string;
  frameworkId?: string;
  asOf?: string;
  statuses?: CodingStatus[];
}

/**
 * Resolves a listing request into the store filter: published records for anyone, every status with `org:read`
 * (asking for an unpublished status without it is FORBIDDEN); checks the jurisdiction and framework version.
 */
export async function codingListScope(
  ctx: ServiceContext,
  args: { jurisdictionId?: string; status?: CodingStatus; asOf?: string; frameworkVersion?: number },
  what: string,
): Promise<CodingListScope> {
  const mayReadAll = actorCan(ctx.actor, 'org:read');
  if (args.status && args.status !== 'published' && !mayReadAll) {
    throw new DomainError('FORBIDDEN', `reading unpublished ${what} needs org:read`);
  }
  if (args.jurisdictionId) await requireJurisdiction(ctx, args.jurisdictionId);
  const framework =
    args.frameworkVersion === undefined ? null : await getFramework(ctx, args.frameworkVersion);
  return {
    organizationId: visibleOrg(ctx),
    ...(args.jurisdictionId ? { jurisdictionId: args.jurisdictionId } : {}),
    ...(framework ? { frameworkId: framework.id } : {}),
    ...(args.asOf ? { asOf: args.asOf } : {}),
    ...(args.status ? { statuses: [args.status] } : mayReadAll ? {} : { statuses: ['published' as const] }),
  };
}

/** Answers visible to the actor: published ones for anyone, every status with `org:read`; FORBIDDEN otherwise. */
export async function listVisibleAnswers(
  ctx: ServiceContext,
  args: ListAnswersArgs = {},
): Promise<CodedAnswer[]> {
  const scope = await codingListScope(ctx, args, 'answers');
  return listAnswers(ctx.db, { ...scope, ...(args.indicatorId ? { indicatorId: args.indicatorId } : {}) });
}

/** A history row with the name of who made the change (null for system actors and deleted accounts). */
export type NamedHistoryEntry = AnswerHistoryEntry & { actorName: string | null };

/** Every change to an answer, oldest first; needs `org:read`. An unknown or invisible answer has no history: []. */
export async function getAnswerHistory(ctx: ServiceContext, id: string): Promise<NamedHistoryEntry[]> {
  if (!actorCan(ctx.actor, 'org:read'))
    throw new DomainError('FORBIDDEN', 'reading answer history needs org:read');
  try {
    await visibleAnswer(ctx, id);
  } catch (err) {
    if (isDomainError(err, 'ANSWER_NOT_FOUND')) return [];
    throw err;
  }
  const history = await listHistory(ctx.db, id);
  const names = await actorNames(
    ctx.db,
    history.map((h) => h.actor),
  );
  return history.map((h) => ({ ...h, actorName: names.get(h.actor) ?? null }));
}

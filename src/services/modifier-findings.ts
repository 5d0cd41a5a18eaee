/**
 * Negative-modifier findings: setting, reviewing and reading them. Policy: a finding is checked against the
 * framework (one of its negative modifiers) and, through the answers' own checks (answer-checks.ts), against the
 * law library (existing provisions of the finding's jurisdiction, quotes found verbatim, versions in force
 * during the interval); `applies: true` needs at least one citation. At most one finding per jurisdiction ×
 * framework version × modifier applies on any date (FINDING_OVERLAP). Review states and who may move them are
 * the answers' (core/coding/status.ts). Each write runs in one transaction with a history row. Reading published
 * findings is public; other statuses need `org:read`.
 */
import type { Kysely } from 'kysely';
import { actorCan, actorLabel } from '../core/auth/permissions.ts';
import {
  type CodedModifierFinding,
  type FindingHistoryEntry,
  findingSnapshotOf,
} from '../core/coding/modifier-findings.ts';
import { checkStatusMove, initialStatuses, statusAfterEdit } from '../core/coding/status.ts';
import { type CodingStatus, codingLimits } from '../core/coding/types.ts';
import { describeInterval, findOverlap } from '../core/coding/validity.ts';
import { DomainError, isDomainError } from '../core/errors.ts';
import { actorNames } from '../store/actor-names.repo.ts';
import {
  appendFindingHistory,
  getFinding,
  insertFinding,
  listFindingHistory,
  listFindingIntervals,
  listFindings,
  replaceFindingCitations,
  updateFindingRow,
} from '../store/modifier-findings.repo.ts';
import type { Database } from '../store/schema.ts';
import { type CitationInput, checkCitations, checkTreatyStanding, settleInterval } from './answer-checks.ts';
import { codingListScope } from './coding.ts';
import type { ServiceContext } from './context.ts';
import { getFramework } from './framework.ts';
import { requireJurisdiction } from './jurisdictions.ts';
import { notifyPublicationChanged } from './publication-events.ts';

/** A new finding. `validFrom` defaults to the latest start of the cited versions; `status` to coded. */
export interface NewFindingArgs {
  jurisdictionId: string;
  modifierId: string;
  applies: boolean;
  citations: CitationInput[];
  validFrom?: string;
  validTo?: string | null;
  cautionNote?: string | null;
  status?: CodingStatus;
  /** Framework version (default: the latest). */
  frameworkVersion?: number;
}

function invalid(message: string, details?: Record<string, unknown>): never {
  throw new DomainError('ANSWER_INVALID', message, details);
}

async function loadFinding(db: Kysely<Database>, id: string): Promise<CodedModifierFinding> {
  const f = await getFinding(db, id);
  if (!f) throw new DomainError('FINDING_NOT_FOUND', `finding ${id} does not exist`, { id });
  return f;
}

async function visibleFinding(ctx: ServiceContext, id: string): Promise<CodedModifierFinding> {
  const f = await loadFinding(ctx.db, id);
  try {
    await requireJurisdiction(ctx, f.jurisdictionId);
  } catch (err) {
    if (!isDomainError(err, 'JURISDICTION_NOT_FOUND')) throw err;
    throw new DomainError('FINDING_NOT_FOUND', `finding ${id} does not exist`, { id });
  }
  return f;
}

/** Records a negative-modifier finding with its history row; needs `coding:write`. */
export async function createFinding(
  ctx: ServiceContext,
  args: NewFindingArgs,
): Promise<CodedModifierFinding> {
  if (!actorCan(ctx.actor, 'coding:write'))
    throw new DomainError('FORBIDDEN', 'you may not code modifier findings');
  const status = args.status ?? 'coded';
  if (!initialStatuses.includes(status)) {
    throw new DomainError(
      'ANSWER_STATUS_INVALID',
      `a new finding is ${initialStatuses.join(' or ')}, not ${status}`,
    );
  }
  return ctx.db.transaction().execute(async (trx) => {
    const tctx = { ...ctx, db: trx };
    const jurisdiction = await requireJurisdiction(tctx, args.jurisdictionId);
    const framework = await getFramework(tctx, args.frameworkVersion);
    if (!framework.negativeModifiers.some((m) => m.id === args.modifierId)) {
      throw new DomainError(
        'MODIFIER_NOT_FOUND',
        `negative modifier ${args.modifierId} is not in ${framework.id}`,
        { modifier: args.modifierId },
      );
    }
    const cautionNote = args.cautionNote ?? null;
    if (cautionNote !== null && cautionNote.length > codingLimits.noteChars)
      invalid('the caution note is too long', { field: 'cautionNote' });
    if (args.applies && args.citations.length === 0)
      invalid('a finding that applies needs at least one citation with a quote', { field: 'citations' });
    const refs = await checkCitations(trx, jurisdiction.id, args.citations, { deferTreaties: true });
    const interval = settleInterval(refs, args.validFrom, args.validTo ?? null, 'the finding');
    await checkTreatyStanding(trx, jurisdiction.id, refs, interval.validFrom, args.citations);
    const others = await listFindingIntervals(trx, {
      jurisdictionId: jurisdiction.id,
      frameworkId: framework.id,
      modifierId: args.modifierId,
    });
    const clash = findOverlap(interval, others);
    if (clash) {
      throw new DomainError(
        'FINDING_OVERLAP',
        `${args.modifierId} already has a finding for ${jurisdiction.id} ${describeInterval(clash)} (finding ${clash.id}); close that finding first`,
        { findingId: clash.id },
      );
    }
    const actor = actorLabel(ctx.actor);
    const id = await insertFinding(trx, {
      jurisdictionId: jurisdiction.id,
      frameworkId: framework.id,
      modifierId: args.modifierId,
      applies: args.applies,
      validFrom: interval.validFrom,
      validTo: interval.validTo,
      status,
      cautionNote,
      coder: actor,
    });
    await replaceFindingCitations(trx, id, args.citations);
    const created = await loadFinding(trx, id);
    await appendFindingHistory(trx, {
      findingId: id,
      actor,
      action: 'create',
      before: null,
      after: findingSnapshotOf(created),
    });
    return created;
  });
}

/** Moves a finding to another review state (the answers' rules, core/coding/status.ts), with its history row. */
export async function setFindingStatus(
  ctx: ServiceContext,
  id: string,
  status: CodingStatus,
  options: { singleCoder?: boolean } = {},
): Promise<CodedModifierFinding> {
  if (!actorCan(ctx.actor, 'coding:write'))
    throw new DomainError('FORBIDDEN', 'you may not change modifier findings');
  const moved = await ctx.db
    .transaction()
    .execute((trx) => setFindingStatusIn({ ...ctx, db: trx }, id, status, options));
  notifyPublicationChanged();
  return moved;
}

async function setFindingStatusIn(
  ctx: ServiceContext,
  id: string,
  status: CodingStatus,
  options: { singleCoder?: boolean },
): Promise<CodedModifierFinding> {
  const trx = ctx.db;
  const before = await visibleFinding(ctx, id);
  const { actor, coder } = checkStatusMove(ctx.actor, before, status, options.singleCoder);
  await updateFindingRow(trx, id, { ...before, status, coder });
  const after = await loadFinding(trx, id);
  await appendFindingHistory(trx, {
    findingId: id,
    actor,
    action: 'status',
    before: findingSnapshotOf(before),
    after: findingSnapshotOf(after),
  });
  return after;
}

/** The fields an edit may change; anything left out keeps its value. `status` moves it afterwards. */
export interface FindingPatch {
  applies?: boolean;
  citations?: CitationInput[];
  cautionNote?: string | null;
  validFrom?: string;
  validTo?: string | null;
  status?: CodingStatus;
}

/**
 * Edits a finding (applies, evidence, note, interval) with the creation checks, sending a reviewed or published
 * finding back to coded, then moves it to `status` when given (the review rules); one history row per step, in
 * one transaction. Throws FINDING_NOT_FOUND, FORBIDDEN, VALIDATION_FAILED for an empty patch, and the checks'
 * own codes (EVIDENCE_NOT_FOUND, ANSWER_INVALID, FINDING_OVERLAP, ANSWER_STATUS_INVALID).
 */
export async function updateFinding(
  ctx: ServiceContext,
  id: string,
  patch: FindingPatch,
  options: { singleCoder?: boolean } = {},
): Promise<CodedModifierFinding> {
  if (!actorCan(ctx.actor, 'coding:write'))
    throw new DomainError('FORBIDDEN', 'you may not change modifier findings');
  const { status, ...edit } = patch;
  const edits = Object.values(edit).some((v) => v !== undefined);
  if (!edits && status === undefined)
    throw new DomainError('VALIDATION_FAILED', 'nothing to change: give a field to edit or a status');
  const updated = await ctx.db.transaction().execute(async (trx) => {
    const tctx = { ...ctx, db: trx };
    const changed = !edits
      ? null
      : await (async () => {
          const before = await visibleFinding({ ...ctx, db: trx }, id);
          const cautionNote = edit.cautionNote === undefined ? before.cautionNote : edit.cautionNote;
          if (cautionNote !== null && cautionNote.length > codingLimits.noteChars)
            invalid('the caution note is too long', { field: 'cautionNote' });
          const applies = edit.applies ?? before.applies;
          const citations =
            edit.citations ?? before.citations.map((c) => ({ provisionId: c.provisionId, quote: c.quote }));
          if (applies && citations.length === 0)
            invalid('a finding that applies needs at least one citation with a quote', {
              field: 'citations',
            });
          const refs = await checkCitations(trx, before.jurisdictionId, citations, { deferTreaties: true });
          const interval = settleInterval(
            refs,
            edit.validFrom ?? before.validFrom,
            edit.validTo === undefined ? before.validTo : edit.validTo,
            'the finding',
          );
          await checkTreatyStanding(trx, before.jurisdictionId, refs, interval.validFrom, citations);
          const others = await listFindingIntervals(trx, before);
          const clash = findOverlap(
            interval,
            others.filter((o) => o.id !== id),
          );
          if (clash) {
            throw new DomainError(
              'FINDING_OVERLAP',
              `${before.modifierId} already has a finding for ${before.jurisdictionId} ${describeInterval(clash)} (finding ${clash.id})`,
              { findingId: clash.id },
            );
          }
          const actor = actorLabel(ctx.actor);
          await updateFindingRow(trx, id, {
            applies,
            ...interval,
            status: statusAfterEdit(before.status),
            cautionNote,
            coder: actor,
          });
          if (edit.citations) await replaceFindingCitations(trx, id, edit.citations);
          const after = await loadFinding(trx, id);
          await appendFindingHistory(trx, {
            findingId: id,
            actor,
            action: 'update',
            before: findingSnapshotOf(before),
            after: findingSnapshotOf(after),
          });
          return after;
        })();
    if (status === undefined || status === changed?.status) return changed ?? visibleFinding(tctx, id);
    return setFindingStatusIn(tctx, id, status, options);
  });
  notifyPublicationChanged();
  return updated;
}

/** Which findings to list. */
export interface ListFindingsArgs {
  jurisdictionId?: string;
  status?: CodingStatus;
  asOf?: string;
  frameworkVersion?: number;
}

/** Findings visible to the actor: published ones for anyone, every status with `org:read`; FORBIDDEN otherwise. */
export async function listVisibleFindings(
  ctx: ServiceContext,
  args: ListFindingsArgs = {},
): Promise<CodedModifierFinding[]> {
  return listFindings(ctx.db, await codingListScope(ctx, args, 'findings'));
}

/** Every change to a finding, oldest first; needs `org:read`. An unknown or invisible finding has no history: []. */
export async function getFindingHistory(
  ctx: ServiceContext,
  id: string,
): Promise<Array<FindingHistoryEntry & { actorName: string | null }>> {
  if (!actorCan(ctx.actor, 'org:read'))
    throw new DomainError('FORBIDDEN', 'reading finding history needs org:read');
  try {
    await visibleFinding(ctx, id);
  } catch (err) {
    if (isDomainError(err, 'FINDING_NOT_FOUND')) return [];
    throw err;
  }
  const history = await listFindingHistory(ctx.db, id);
  const names = await actorNames(
    ctx.db,
    history.map((h) => h.actor),
  );
  return history.map((h) => ({ ...h, actorName: names.get(h.actor) ?? null }));
}

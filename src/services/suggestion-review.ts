/**
 * Reviewing analyzer suggestions (policy in core/analyzer/review.ts): a person accepts one as suggested, edits
 * it and then accepts, or rejects it. Accepting creates a coded answer in status `coded` through the coding
 * service, so every coding rule applies (quotes verbatim, citations of the jurisdiction, no overlap), and its
 * first history row records which analyzer proposed it and who confirmed it. A reviewed suggestion is final.
 */
import { answerCode, type StoredSuggestion, suggestionLimits } from '../core/analyzer/review.ts';
import { actorCan, actorLabel } from '../core/auth/permissions.ts';
import type { CodedAnswer } from '../core/coding/types.ts';
import { DomainError, isDomainError } from '../core/errors.ts';
import { recordAudit } from '../store/audit.repo.ts';
import { getLawVersion } from '../store/laws.repo.ts';
import { getSuggestion, recordReview } from '../store/suggestions.repo.ts';
import type { CitationInput } from './answer-checks.ts';
import { createAnswerIn } from './coding.ts';
import type { ServiceContext } from './context.ts';
import { getFramework } from './framework.ts';
import { requireJurisdiction } from './jurisdictions.ts';

/** What a person changes before accepting; anything left out keeps the suggestion's own. */
export interface SuggestionEdit {
  /** A code of the indicator's response type (Y/P/N, Y/N, 0/1/2) or NA. */
  value?: string;
  /** Replaces the suggestion's citations; every quote is checked verbatim against its provision. */
  citations?: CitationInput[];
  cautionNote?: string | null;
}

/** A review's outcome: the suggestion as now stored and, when accepted, the coded answer it became. */
export interface ReviewResult {
  suggestion: StoredSuggestion;
  answer: CodedAnswer | null;
}

function requireReviewer(ctx: ServiceContext): void {
  if (!actorCan(ctx.actor, 'coding:write'))
    throw new DomainError('FORBIDDEN', 'you may not review analyzer suggestions');
}

/** A pending suggestion the actor may see; throws SUGGESTION_NOT_FOUND or SUGGESTION_REVIEWED. */
async function pendingSuggestion(ctx: ServiceContext, id: string): Promise<StoredSuggestion> {
  const s = await getSuggestion(ctx.db, id);
  const missing = () => new DomainError('SUGGESTION_NOT_FOUND', `suggestion ${id} does not exist`, { id });
  if (!s) throw missing();
  try {
    await requireJurisdiction(ctx, s.jurisdictionId);
  } catch (err) {
    if (isDomainError(err, 'JURISDICTION_NOT_FOUND')) throw missing();
    throw err;
  }
  if (s.reviewStatus !== 'pending') {
    throw new DomainError(
      'SUGGESTION_REVIEWED',
      `suggestion ${id} was already ${s.reviewStatus} by ${s.reviewedBy} on ${s.reviewedAt}; it cannot be reviewed again`,
      { id, reviewStatus: s.reviewStatus },
    );
  }
  return s;
}

function isEdit(s: StoredSuggestion, proposed: string, edit: SuggestionEdit | undefined): boolean {
  if (!edit) return false;
  if (edit.value !== undefined && edit.value !== proposed) return true;
  if (edit.cautionNote !== undefined && edit.cautionNote !== null) return true;
  if (edit.citations === undefined) return false;
  const before = JSON.stringify(s.evidence.map((e) => [e.provisionId, e.quote]));
  return before !== JSON.stringify(edit.citations.map((c) => [c.provisionId, c.quote]));
}

/**
 * Accepts a pending suggestion, as suggested or with the person's edits: creates a coded answer (status `coded`,
 * valid from the version's start) whose history records the analyzer version and the person; needs `coding:write`.
 */
export async function acceptSuggestion(
  ctx: ServiceContext,
  id: string,
  edit?: SuggestionEdit,
): Promise<ReviewResult> {
  requireReviewer(ctx);
  return ctx.db.transaction().execute(async (trx) => {
    const tctx = { ...ctx, db: trx };
    const s = await pendingSuggestion(tctx, id);
    const framework = await getFramework(tctx, s.frameworkVersion);
    const indicator = framework.indicators.find((i) => i.id === s.indicatorId);
    if (!indicator) {
      throw new DomainError('INDICATOR_NOT_FOUND', `indicator ${s.indicatorId} is not in ${framework.id}`);
    }
    const proposed = answerCode(indicator.type, s.answer);
    const version = await getLawVersion(trx, s.documentId, s.versionId);
    if (!version) throw new DomainError('LAW_VERSION_NOT_FOUND', `version ${s.versionId} no longer exists`);
    const edited = isEdit(s, proposed, edit);
    const confirmedBy = actorLabel(ctx.actor);
    const answer = await createAnswerIn(tctx, {
      jurisdictionId: s.jurisdictionId,
      indicatorId: s.indicatorId,
      value: edit?.value ?? proposed,
      citations: edit?.citations ?? s.evidence.map((e) => ({ provisionId: e.provisionId, quote: e.quote })),
      validFrom: version.effectiveFrom,
      validTo: version.effectiveTo,
      cautionNote: edit?.cautionNote ?? null,
      status: 'coded',
      frameworkVersion: s.frameworkVersion,
      origin: {
        kind: 'analyzer',
        suggestionId: s.id,
        analyzerVersion: s.analyzerVersion,
        review: edited ? 'edited' : 'accepted',
        confirmedBy,
      },
    });
    const status = edited ? 'edited' : 'accepted';
    await recordReview(trx, id, { status, by: confirmedBy, reason: null, answerId: answer.id });
    await recordAudit(trx, ctx.actor, `suggestion.${status}`, id, {
      answerId: answer.id,
      analyzerVersion: s.analyzerVersion,
    });
    const after = await getSuggestion(trx, id);
    if (!after) throw new DomainError('SUGGESTION_NOT_FOUND', `suggestion ${id} does not exist`, { id });
    return { suggestion: after, answer };
  });
}

/** Rejects a pending suggestion with an optional reason; no answer is created. Needs `coding:write`. */
export async function rejectSuggestion(
  ctx: ServiceContext,
  id: string,
  reason?: string | null,
): Promise<ReviewResult> {
  requireReviewer(ctx);
  const why = reason?.trim() || null;
  if (why !== null && why.length > suggestionLimits.reasonChars) {
    throw new DomainError(
      'SUGGESTION_INVALID',
      `the reason is longer than ${suggestionLimits.reasonChars} characters`,
      {
        field: 'reason',
      },
    );
  }
  return ctx.db.transaction().execute(async (trx) => {
    const tctx = { ...ctx, db: trx };
    await pendingSuggestion(tctx, id);
    await recordReview(trx, id, {
      status: 'rejected',
      by: actorLabel(ctx.actor),
      reason: why,
      answerId: null,
    });
    await recordAudit(trx, ctx.actor, 'suggestion.rejected', id, { reason: why });
    const after = await getSuggestion(trx, id);
    if (!after) throw new DomainError('SUGGESTION_NOT_FOUND', `suggestion ${id} does not exist`, { id });
    return { suggestion: after, answer: null };
  });
}

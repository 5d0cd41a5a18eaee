/**
 * Analyzer suggestions: running the analyzer over a stored law version and keeping its proposals, unreviewed
 * (policy in core/analyzer/review.ts). Suggestions live in their own table, never among coded answers, so a
 * machine proposal can never count in a score, an export or a QC statistic until a person confirms it, which
 * creates an ordinary coded answer (services/suggestion-review.ts). Each evidence citation is resolved to the
 * stored provision of that version, and each quote is checked verbatim against its stored text with the same
 * whitespace-normalised check coding uses; a quote that fails is dropped and noted, never stored as evidence.
 */
import type { Kysely } from 'kysely';
import { analyzeDocument } from '../core/analyzer/analyze.ts';
import type {
  DroppedEvidence,
  ReviewStatus,
  StoredEvidence,
  StoredSuggestion,
} from '../core/analyzer/review.ts';
import type { Suggestion } from '../core/analyzer/types.ts';
import { actorCan, actorLabel } from '../core/auth/permissions.ts';
import { quoteProblem } from '../core/coding/evidence.ts';
import { codingLimits } from '../core/coding/types.ts';
import { DomainError } from '../core/errors.ts';
import type { Framework } from '../core/framework/types.ts';
import type { LawDocument, LawVersion, Provision } from '../core/laws/types.ts';
import { recordAudit } from '../store/audit.repo.ts';
import { listProvisions } from '../store/laws.repo.ts';
import type { Database } from '../store/schema.ts';
import {
  listSuggestions as listSuggestionRows,
  suggestionsOfVersion,
  writeSuggestion,
} from '../store/suggestions.repo.ts';
import { visibleOrg } from './coding.ts';
import type { ServiceContext } from './context.ts';
import { getFramework } from './framework.ts';
import { requireJurisdiction } from './jurisdictions.ts';
import { getLaw } from './laws.ts';

/** What one analysis stored: suggestions created, pending ones replaced by a newer analyzer, and left alone. */
export interface AnalysisResult {
  versionId: string;
  analyzerVersion: string;
  frameworkId: string;
  created: number;
  replaced: number;
  unchanged: number;
  /** Already reviewed by a person: never overwritten. */
  kept: number;
  /** Evidence quotes dropped because they were not verbatim or cited no stored provision. */
  dropped: number;
}

function requireCodingWrite(ctx: ServiceContext): void {
  if (!actorCan(ctx.actor, 'coding:write'))
    throw new DomainError('FORBIDDEN', 'you may not store or review analyzer suggestions');
}

/** Resolves a suggestion's evidence to stored provisions, keeping only quotes found verbatim. */
export function resolveEvidence(
  suggestion: Suggestion,
  byCitation: ReadonlyMap<string, Provision>,
): { evidence: StoredEvidence[]; dropped: DroppedEvidence[] } {
  const evidence: StoredEvidence[] = [];
  const dropped: DroppedEvidence[] = [];
  const seen = new Set<string>();
  for (const e of suggestion.evidence) {
    const provision = byCitation.get(e.citation);
    const problem = !provision
      ? 'no stored provision has this citation'
      : e.quote.length > codingLimits.quoteChars
        ? 'the quote is too long'
        : quoteProblem(e.quote, provision.text);
    if (problem || !provision) {
      dropped.push({ citation: e.citation, quote: e.quote, reason: problem ?? 'unknown provision' });
      continue;
    }
    // Coded answers cite a provision once; the analyzer's first quote from it is the one kept.
    if (seen.has(provision.id)) continue;
    seen.add(provision.id);
    evidence.push({ provisionId: provision.id, citation: provision.citation, quote: e.quote });
  }
  return { evidence: evidence.slice(0, codingLimits.citations), dropped };
}

function sameProposal(stored: StoredSuggestion, s: Suggestion, evidence: StoredEvidence[]): boolean {
  return (
    stored.answer === s.answer &&
    stored.confidence === s.confidence &&
    stored.rationale === s.rationale &&
    JSON.stringify(stored.evidence) === JSON.stringify(evidence)
  );
}

/**
 * Analyzes a stored version inside the caller's transaction (no permission check) and stores one suggestion per
 * indicator: new ones pending, pending ones replaced when the proposal changed, reviewed ones kept as they are.
 */
export async function analyzeVersionIn(
  db: Kysely<Database>,
  actor: string,
  framework: Framework,
  target: { document: LawDocument; version: LawVersion },
): Promise<AnalysisResult> {
  const { document, version } = target;
  const provisions = await listProvisions(db, version.id);
  const analysis = analyzeDocument(
    {
      title: document.title,
      language: document.language,
      provisions: provisions.map((p) => ({ citation: p.citation, heading: p.heading, text: p.text })),
    },
    framework,
  );
  const byCitation = new Map(provisions.map((p) => [p.citation, p]));
  const existing = await suggestionsOfVersion(db, version.id, framework.id);
  const result: AnalysisResult = {
    versionId: version.id,
    analyzerVersion: analysis.analyzerVersion,
    frameworkId: framework.id,
    created: 0,
    replaced: 0,
    unchanged: 0,
    kept: 0,
    dropped: 0,
  };
  const known = new Set(framework.indicators.map((i) => i.id));
  for (const s of analysis.suggestions) {
    if (!known.has(s.indicator)) continue;
    const { evidence, dropped } = resolveEvidence(s, byCitation);
    result.dropped += dropped.length;
    const before = existing.get(s.indicator);
    if (before && before.reviewStatus !== 'pending') {
      result.kept++;
      continue;
    }
    if (before && before.analyzerVersion === analysis.analyzerVersion && sameProposal(before, s, evidence)) {
      result.unchanged++;
      continue;
    }
    const confidence = Math.min(1, Math.max(0, Number.isFinite(s.confidence) ? s.confidence : 0));
    await writeSuggestion(
      db,
      {
        jurisdictionId: document.jurisdictionId,
        versionId: version.id,
        frameworkId: framework.id,
        indicatorId: s.indicator,
        answer: s.answer,
        confidence,
        evidence,
        dropped,
        rationale: s.rationale.slice(0, 2000),
        analyzerVersion: analysis.analyzerVersion,
        createdBy: actor,
      },
      before?.id,
    );
    if (before) result.replaced++;
    else result.created++;
  }
  return result;
}

/** Runs the analyzer on a stored version and stores its suggestions in one transaction; needs `coding:write`. */
export async function analyzeVersion(
  ctx: ServiceContext,
  args: { documentId: string; versionId: string; frameworkVersion?: number },
): Promise<AnalysisResult> {
  requireCodingWrite(ctx);
  const { document, versions } = await getLaw(ctx, args.documentId);
  const version = versions.find((v) => v.id === args.versionId);
  if (!version) {
    throw new DomainError('LAW_VERSION_NOT_FOUND', `law ${document.id} has no version ${args.versionId}`, {
      versionId: args.versionId,
    });
  }
  const framework = await getFramework(ctx, args.frameworkVersion);
  return ctx.db.transaction().execute(async (trx) => {
    const result = await analyzeVersionIn(trx, actorLabel(ctx.actor), framework, { document, version });
    await recordAudit(trx, ctx.actor, 'suggestions.analyze', version.id, { ...result });
    return result;
  });
}

/** Which suggestions to list. */
export interface ListSuggestionsArgs {
  jurisdictionId?: string;
  versionId?: string;
  reviewStatus?: ReviewStatus;
}

/** Visible suggestions (optionally of one jurisdiction, version or review state); needs `org:read` or `coding:write`. */
export async function listSuggestions(
  ctx: ServiceContext,
  args: ListSuggestionsArgs,
): Promise<StoredSuggestion[]> {
  if (!actorCan(ctx.actor, 'org:read') && !actorCan(ctx.actor, 'coding:write'))
    throw new DomainError('FORBIDDEN', 'reading analyzer suggestions needs org:read');
  if (args.jurisdictionId !== undefined) await requireJurisdiction(ctx, args.jurisdictionId);
  return listSuggestionRows(ctx.db, {
    ...(args.jurisdictionId !== undefined ? { jurisdictionId: args.jurisdictionId } : {}),
    organizationId: visibleOrg(ctx),
    ...(args.versionId !== undefined ? { versionId: args.versionId } : {}),
    ...(args.reviewStatus !== undefined ? { reviewStatus: args.reviewStatus } : {}),
  });
}

/**
 * Provision search, one page at a time. Policy: a page holds at most `searchLimits.maxLimit` hits and may
 * start at most `searchLimits.maxOffset` hits in (deep pages cost the engine every hit before them; narrow the
 * query instead). `hasMore` comes from asking the engine for one hit beyond the page, so no count is run.
 * The indicator filter reads the answers the caller may read: published ones for anyone, every status with
 * `org:read` (see coding.ts). Reading is public; organizations' own jurisdictions stay with their members.
 */
import { actorCan } from '../core/auth/permissions.ts';
import { DomainError } from '../core/errors.ts';
import { isIsoDate } from '../core/laws/intervals.ts';
import { searchLimits } from '../core/laws/search.ts';
import type { LawDocumentType } from '../core/laws/types.ts';
import type { DialectName } from '../store/db.ts';
import { indicatorExists } from '../store/search/indicators.ts';
import type { SearchHit, Visibility } from '../store/search/port.ts';
import { searchFor } from '../store/search/search-for.ts';
import type { ServiceContext } from './context.ts';
import { requireJurisdiction } from './jurisdictions.ts';

/** A search: the query (words and "quoted phrases"), its filters and the page wanted. */
export interface SearchLawsArgs {
  query: string;
  jurisdictionId?: string;
  /** Only provisions of this document (a document the caller cannot see matches nothing). */
  documentId?: string;
  type?: LawDocumentType;
  asOf?: string;
  /** Only provisions cited by coded answers for this indicator (e.g. `CR-01`). */
  indicatorId?: string;
  /** Hits per page, 1 to 100 (default 20). */
  limit?: number;
  /** Hits to skip, 0 to 1000 (default 0). */
  offset?: number;
}

/** One page of hits, best first, and where the next one starts (null on the last page). */
export interface SearchPage {
  hits: SearchHit[];
  limit: number;
  offset: number;
  hasMore: boolean;
  nextOffset: number | null;
}

function visibilityOf(ctx: ServiceContext): Visibility {
  if (ctx.actor.kind === 'system') return 'all';
  if (ctx.actor.kind === 'public') return { organizationId: null };
  return { organizationId: ctx.actor.organizationId };
}

function wholeNumber(value: number, min: number, max: number, field: string): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new DomainError('LAW_INVALID', `${field} must be a whole number from ${min} to ${max}`, { field });
  }
  return value;
}

/**
 * One page of provisions matching the query, best first, with snippets; throws LAW_INVALID (bad date, limit,
 * offset or query length), JURISDICTION_NOT_FOUND, or INDICATOR_NOT_FOUND for an indicator no framework has.
 */
export async function searchLawPage(
  ctx: ServiceContext & { dialect: DialectName },
  args: SearchLawsArgs,
): Promise<SearchPage> {
  if (args.asOf !== undefined && !isIsoDate(args.asOf)) {
    throw new DomainError('LAW_INVALID', `asOf must be a date YYYY-MM-DD, got "${args.asOf}"`, {
      field: 'asOf',
    });
  }
  if (args.query.length > searchLimits.maxQueryChars) {
    throw new DomainError('LAW_INVALID', `the query is longer than ${searchLimits.maxQueryChars} characters`);
  }
  const limit = wholeNumber(args.limit ?? searchLimits.defaultLimit, 1, searchLimits.maxLimit, 'limit');
  const offset = wholeNumber(args.offset ?? 0, 0, searchLimits.maxOffset, 'offset');
  if (args.jurisdictionId !== undefined) await requireJurisdiction(ctx, args.jurisdictionId);
  if (args.indicatorId !== undefined && !(await indicatorExists(ctx.db, args.indicatorId))) {
    throw new DomainError('INDICATOR_NOT_FOUND', `no framework has an indicator ${args.indicatorId}`, {
      indicatorId: args.indicatorId,
    });
  }
  const found = await searchFor(ctx.dialect).search(ctx.db, {
    text: args.query,
    limit: limit + 1,
    offset,
    visibility: visibilityOf(ctx),
    ...(args.jurisdictionId !== undefined ? { jurisdictionId: args.jurisdictionId } : {}),
    ...(args.documentId !== undefined ? { documentId: args.documentId } : {}),
    ...(args.type !== undefined ? { type: args.type } : {}),
    ...(args.asOf !== undefined ? { asOf: args.asOf } : {}),
    ...(args.indicatorId !== undefined
      ? {
          indicator: {
            id: args.indicatorId,
            statuses: actorCan(ctx.actor, 'org:read') ? null : ['published'],
          },
        }
      : {}),
  });
  const hasMore = found.length > limit;
  return {
    hits: found.slice(0, limit),
    limit,
    offset,
    hasMore,
    nextOffset: hasMore && offset + limit <= searchLimits.maxOffset ? offset + limit : null,
  };
}

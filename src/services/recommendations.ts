/**
 * Organizations' recommendations for closing gaps. Policy: a recommendation belongs to the actor's active
 * organization (the command line names one); writing needs `recommendations:write`, reading `org:read`.
 * Setting text appends a new version under the latest framework version (never edits an old one); readers get
 * the latest version in their locale, or the English one marked as a fallback. Another organization's text is
 * never visible, and anonymous readers see none.
 */
import { actorCan, actorLabel } from '../core/auth/permissions.ts';
import { DomainError } from '../core/errors.ts';
import type { Framework, Locale } from '../core/framework/types.ts';
import { isLocale } from '../core/i18n/locales.ts';
import {
  checkRecommendationText,
  type Recommendation,
  type ResolvedRecommendation,
  resolveRecommendation,
} from '../core/recommendations/types.ts';
import { insertRecommendationVersion, listRecommendationVersions } from '../store/recommendations.repo.ts';
import { requireOrganization } from './accounts.ts';
import type { ServiceContext } from './context.ts';
import { getFramework } from './framework.ts';

/** Which organization and framework version a call is about (the organization only from the CLI). */
export interface RecommendationScope {
  /** Slug or id; only the command line names one, others use their active organization. */
  organization?: string;
  frameworkVersion?: number;
}

/** What a reader sees for one indicator: the resolved text, or null when there is none. */
export interface RecommendationView {
  indicatorId: string;
  frameworkId: string;
  locale: Locale;
  recommendation: ResolvedRecommendation | null;
}

async function scopeOf(
  ctx: ServiceContext,
  scope: RecommendationScope,
  permission: 'org:read' | 'recommendations:write',
): Promise<{ organizationId: string; framework: Framework }> {
  if (!actorCan(ctx.actor, permission))
    throw new DomainError('FORBIDDEN', `recommendations need ${permission}`);
  let organizationId: string;
  if (ctx.actor.kind === 'system') {
    if (!scope.organization) throw new DomainError('VALIDATION_FAILED', 'name the organization (--org)');
    organizationId = (await requireOrganization(ctx.db, scope.organization)).id;
  } else if (ctx.actor.kind !== 'public' && ctx.actor.organizationId) {
    organizationId = ctx.actor.organizationId;
  } else {
    throw new DomainError('FORBIDDEN', 'choose an organization first');
  }
  return { organizationId, framework: await getFramework(ctx, scope.frameworkVersion) };
}

function requireIndicator(framework: Framework, indicatorId: string): void {
  if (!framework.indicators.some((i) => i.id === indicatorId)) {
    throw new DomainError('INDICATOR_NOT_FOUND', `${indicatorId} is not an indicator of ${framework.id}`, {
      indicatorId,
    });
  }
}

function requireLocale(locale: string): Locale {
  if (!isLocale(locale))
    throw new DomainError('VALIDATION_FAILED', 'locale must be en, es or fr', { field: 'locale' });
  return locale;
}

/** Appends a new version of the organization's recommendation for an indicator in a locale; returns it. */
export async function setRecommendation(
  ctx: ServiceContext,
  args: RecommendationScope & {
    indicatorId: string;
    locale: string;
    text: string;
    modelLanguage?: string | null;
  },
): Promise<Recommendation> {
  const locale = requireLocale(args.locale);
  const checked = checkRecommendationText(args.text, args.modelLanguage ?? null);
  if (!checked.ok) throw new DomainError('VALIDATION_FAILED', checked.reason, { field: checked.field });
  return ctx.db.transaction().execute(async (trx) => {
    const tctx = { ...ctx, db: trx };
    const { organizationId, framework } = await scopeOf(tctx, args, 'recommendations:write');
    requireIndicator(framework, args.indicatorId);
    return insertRecommendationVersion(trx, {
      organizationId,
      frameworkId: framework.id,
      indicatorId: args.indicatorId,
      locale,
      text: checked.text,
      modelLanguage: checked.modelLanguage,
      author: actorLabel(ctx.actor),
    });
  });
}

/** The latest version of each of the organization's recommendations (one per indicator and locale). */
export async function listRecommendations(
  ctx: ServiceContext,
  args: RecommendationScope & { locale?: string } = {},
): Promise<Recommendation[]> {
  const locale = args.locale === undefined ? undefined : requireLocale(args.locale);
  const { organizationId, framework } = await scopeOf(ctx, args, 'org:read');
  const all = await listRecommendationVersions(ctx.db, {
    organizationId,
    frameworkId: framework.id,
    ...(locale ? { locale } : {}),
  });
  const seen = new Set<string>();
  // Versions come newest first within each indicator × locale, so the first seen is the latest.
  return all.filter((r) => {
    const key = `${r.indicatorId}|${r.locale}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The recommendation for one indicator in a locale (English as fallback); throws INDICATOR_NOT_FOUND. */
export async function getRecommendation(
  ctx: ServiceContext,
  indicatorId: string,
  args: RecommendationScope & { locale?: string } = {},
): Promise<RecommendationView> {
  const locale = requireLocale(args.locale ?? 'en');
  const { organizationId, framework } = await scopeOf(ctx, args, 'org:read');
  requireIndicator(framework, indicatorId);
  const list = await listRecommendationVersions(ctx.db, {
    organizationId,
    frameworkId: framework.id,
    indicatorId,
  });
  return {
    indicatorId,
    frameworkId: framework.id,
    locale,
    recommendation: resolveRecommendation(list, locale),
  };
}

/** Every version of one indicator's recommendation (of one locale when given), newest first. */
export async function recommendationHistory(
  ctx: ServiceContext,
  indicatorId: string,
  args: RecommendationScope & { locale?: string } = {},
): Promise<Recommendation[]> {
  const locale = args.locale === undefined ? undefined : requireLocale(args.locale);
  const { organizationId, framework } = await scopeOf(ctx, args, 'org:read');
  requireIndicator(framework, indicatorId);
  const list = await listRecommendationVersions(ctx.db, {
    organizationId,
    frameworkId: framework.id,
    indicatorId,
    ...(locale ? { locale } : {}),
  });
  return list.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.version - a.version);
}

/**
 * The resolved recommendations of the actor's active organization for a framework, by indicator id; empty for
 * anonymous readers, the command line and members without `org:read`.
 */
export async function recommendationsForReport(
  ctx: ServiceContext,
  frameworkId: string,
  locale: Locale,
): Promise<Map<string, ResolvedRecommendation>> {
  const out = new Map<string, ResolvedRecommendation>();
  const actor = ctx.actor;
  if (actor.kind !== 'user' && actor.kind !== 'token') return out;
  if (!actor.organizationId || !actorCan(actor, 'org:read')) return out;
  const all = await listRecommendationVersions(ctx.db, { organizationId: actor.organizationId, frameworkId });
  const byIndicator = new Map<string, Recommendation[]>();
  for (const r of all) byIndicator.set(r.indicatorId, [...(byIndicator.get(r.indicatorId) ?? []), r]);
  for (const [indicatorId, list] of byIndicator) {
    const resolved = resolveRecommendation(list, locale);
    if (resolved) out.set(indicatorId, resolved);
  }
  return out;
}

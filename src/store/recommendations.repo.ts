/**
 * Recommendation rows. Versions are only ever appended: a new version is numbered one past the latest of its
 * organization × framework × indicator × locale inside the caller's transaction, and the unique key refuses a
 * concurrent duplicate rather than overwriting.
 */
import type { Kysely } from 'kysely';
import type { Locale } from '../core/framework/types.ts';
import type { Recommendation } from '../core/recommendations/types.ts';
import type { Database, RecommendationRow } from './schema.ts';
import { newId, nowIso } from './util.ts';

function toRecommendation(r: RecommendationRow): Recommendation {
  return {
    id: r.id,
    organizationId: r.organization_id,
    frameworkId: r.framework_id,
    indicatorId: r.indicator_id,
    locale: r.locale as Locale,
    version: Number(r.version),
    text: r.text,
    modelLanguage: r.model_language,
    author: r.author,
    createdAt: r.created_at,
  };
}

/** Appends the next version of a recommendation and returns it. */
export async function insertRecommendationVersion(
  db: Kysely<Database>,
  r: Omit<Recommendation, 'id' | 'version' | 'createdAt'>,
): Promise<Recommendation> {
  const last = await db
    .selectFrom('recommendations')
    .select((eb) => eb.fn.max('version').as('v'))
    .where('organization_id', '=', r.organizationId)
    .where('framework_id', '=', r.frameworkId)
    .where('indicator_id', '=', r.indicatorId)
    .where('locale', '=', r.locale)
    .executeTakeFirst();
  const row: RecommendationRow = {
    id: newId(),
    organization_id: r.organizationId,
    framework_id: r.frameworkId,
    indicator_id: r.indicatorId,
    locale: r.locale,
    version: Number(last?.v ?? 0) + 1,
    text: r.text,
    model_language: r.modelLanguage,
    author: r.author,
    created_at: nowIso(),
  };
  await db.insertInto('recommendations').values(row).execute();
  return toRecommendation(row);
}

/**
 * Every version of an organization's recommendations under a framework, optionally of one indicator and one
 * locale, by indicator, locale, then newest version first.
 */
export async function listRecommendationVersions(
  db: Kysely<Database>,
  key: { organizationId: string; frameworkId: string; indicatorId?: string; locale?: Locale },
): Promise<Recommendation[]> {
  let q = db
    .selectFrom('recommendations')
    .selectAll()
    .where('organization_id', '=', key.organizationId)
    .where('framework_id', '=', key.frameworkId);
  if (key.indicatorId !== undefined) q = q.where('indicator_id', '=', key.indicatorId);
  if (key.locale !== undefined) q = q.where('locale', '=', key.locale);
  const rows = await q.orderBy('indicator_id').orderBy('locale').orderBy('version', 'desc').execute();
  return rows.map(toRecommendation);
}

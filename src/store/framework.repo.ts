/** Framework versions: stored whole (body) and per indicator (for queries). A stored version never changes. */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { DomainError } from '../core/errors.ts';
import type { Framework, FrameworkSummary, LocalizedText } from '../core/framework/types.ts';
import type { Database } from './schema.ts';
import { fromJson, nowIso } from './util.ts';

/** A stable checksum of a framework's content. */
export function frameworkChecksum(framework: Framework): string {
  return createHash('sha256').update(JSON.stringify(framework)).digest('hex');
}

/** 'unchanged' when this exact version is stored, null when neither its id nor its number is; else throws. */
async function compareWithStored(
  db: Kysely<Database>,
  framework: Framework,
  checksum: string,
): Promise<'unchanged' | null> {
  const existing = await db
    .selectFrom('framework_versions')
    .select(['id', 'version', 'checksum'])
    .where((eb) => eb.or([eb('id', '=', framework.id), eb('version', '=', framework.version)]))
    .executeTakeFirst();
  if (!existing) return null;
  if (existing.checksum === checksum && existing.id === framework.id) return 'unchanged';
  throw new DomainError(
    'FRAMEWORK_IMMUTABLE',
    `framework ${existing.id} (version ${existing.version}) is published and cannot change; publish a new version instead`,
  );
}

/**
 * Stores a framework version if absent. Returns 'inserted' or 'unchanged'; throws FRAMEWORK_IMMUTABLE when
 * a version with the same id or number is stored with different content.
 */
export async function saveFrameworkVersion(
  db: Kysely<Database>,
  framework: Framework,
): Promise<'inserted' | 'unchanged'> {
  const checksum = frameworkChecksum(framework);
  return db.transaction().execute(async (trx) => {
    const existing = await compareWithStored(trx, framework, checksum);
    if (existing) return existing;
    const inserted = await trx
      .insertInto('framework_versions')
      .values({
        id: framework.id,
        version: framework.version,
        title_json: JSON.stringify(framework.title),
        published: framework.published,
        body_json: JSON.stringify(framework),
        checksum,
        indicator_count: framework.indicators.length,
        created_at: nowIso(),
      })
      // Two processes starting on a fresh database (server and CLI, or two replicas) both find no row;
      // the later one inserts nothing and compares with what the earlier one stored.
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) {
      const stored = await compareWithStored(trx, framework, checksum);
      if (stored) return stored;
      throw new Error(`framework ${framework.id} was neither inserted nor found`);
    }
    await trx
      .insertInto('framework_indicators')
      .values(
        framework.indicators.map((ind, position) => ({
          framework_id: framework.id,
          id: ind.id,
          area: ind.area,
          position,
          type: ind.type,
          weight: ind.weight,
          level: ind.level,
          question_json: JSON.stringify(ind.question),
          sources_json: JSON.stringify(ind.sources),
        })),
      )
      .execute();
    return 'inserted';
  });
}

/** Lists stored framework versions, newest first. */
export async function listFrameworkVersions(db: Kysely<Database>): Promise<FrameworkSummary[]> {
  const rows = await db
    .selectFrom('framework_versions')
    .select(['id', 'version', 'title_json', 'published', 'indicator_count'])
    .orderBy('version', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    version: r.version,
    title: fromJson<LocalizedText>(r.title_json),
    published: r.published,
    indicatorCount: r.indicator_count,
  }));
}

/** Loads one framework version by number, or the latest when none is given; null when absent. */
export async function getFrameworkVersion(db: Kysely<Database>, version?: number): Promise<Framework | null> {
  let q = db.selectFrom('framework_versions').select('body_json');
  q = version === undefined ? q.orderBy('version', 'desc').limit(1) : q.where('version', '=', version);
  const row = await q.executeTakeFirst();
  return row ? fromJson<Framework>(row.body_json) : null;
}

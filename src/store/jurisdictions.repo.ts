/** Jurisdictions: the built-in tree (countries and first-level subdivisions) plus organizations' own. */
import type { Kysely, Selectable } from 'kysely';
import type { LocalizedText } from '../core/framework/types.ts';
import type { Jurisdiction, JurisdictionLevel } from '../core/jurisdictions/types.ts';
import type { Database, JurisdictionRow } from './schema.ts';
import { nowIso } from './util.ts';

function toJurisdiction(r: Selectable<JurisdictionRow>): Jurisdiction {
  const name: LocalizedText = { en: r.name_en };
  if (r.name_es !== null) name.es = r.name_es;
  if (r.name_fr !== null) name.fr = r.name_fr;
  return {
    id: r.id,
    parentId: r.parent_id,
    level: r.level as JurisdictionLevel,
    type: r.type,
    name,
    isoCode: r.iso_code,
    isoAlpha3: r.iso_alpha3,
    isoNumeric: r.iso_numeric,
    organizationId: r.organization_id,
  };
}

function toRow(j: Jurisdiction, createdAt: string): JurisdictionRow {
  return {
    id: j.id,
    parent_id: j.parentId,
    level: j.level,
    type: j.type,
    name_en: j.name.en,
    name_es: j.name.es ?? null,
    name_fr: j.name.fr ?? null,
    iso_code: j.isoCode,
    iso_alpha3: j.isoAlpha3,
    iso_numeric: j.isoNumeric,
    organization_id: j.organizationId,
    created_at: createdAt,
  };
}

/**
 * Inserts the jurisdictions that are missing and refreshes names and codes of built-in ones. Parents must come
 * before children in the list. Returns how many were inserted.
 */
export async function upsertBuiltinJurisdictions(
  db: Kysely<Database>,
  list: Jurisdiction[],
): Promise<number> {
  const existing = new Set((await db.selectFrom('jurisdictions').select('id').execute()).map((r) => r.id));
  const at = nowIso();
  const fresh = list.filter((j) => !existing.has(j.id)).map((j) => toRow(j, at));
  return db.transaction().execute(async (trx) => {
    let inserted = 0;
    for (let i = 0; i < fresh.length; i += 200) {
      const r = await trx
        .insertInto('jurisdictions')
        .values(fresh.slice(i, i + 200))
        // Another process starting on the same fresh database may have inserted some meanwhile.
        .onConflict((oc) => oc.column('id').doNothing())
        .executeTakeFirst();
      inserted += Number(r.numInsertedOrUpdatedRows ?? 0);
    }
    return inserted;
  });
}

/** Inserts one jurisdiction. The caller has validated it and checked that the id is free. */
export async function insertJurisdiction(db: Kysely<Database>, j: Jurisdiction): Promise<Jurisdiction> {
  await db.insertInto('jurisdictions').values(toRow(j, nowIso())).execute();
  return j;
}

export interface JurisdictionFilter {
  parentId?: string | null;
  level?: JurisdictionLevel;
  /** Include jurisdictions added by this organization (built-in ones are always included). */
  organizationId?: string | null;
  /** Include every organization's own jurisdictions (the local operator's view). */
  allOrganizations?: boolean;
}

/** Lists jurisdictions ordered by id; built-in ones plus those of the given organization. */
export async function listJurisdictions(db: Kysely<Database>, filter: JurisdictionFilter = {}) {
  let q = db.selectFrom('jurisdictions').selectAll();
  if (filter.parentId !== undefined) {
    q =
      filter.parentId === null
        ? q.where('parent_id', 'is', null)
        : q.where('parent_id', '=', filter.parentId);
  }
  if (filter.level) q = q.where('level', '=', filter.level);
  const org = filter.organizationId ?? null;
  if (!filter.allOrganizations) {
    q = q.where((eb) =>
      org === null
        ? eb('organization_id', 'is', null)
        : eb.or([eb('organization_id', 'is', null), eb('organization_id', '=', org)]),
    );
  }
  const rows = await q.orderBy('id').execute();
  return rows.map(toJurisdiction);
}

/** One jurisdiction by OCD id, or null. */
export async function getJurisdiction(db: Kysely<Database>, id: string): Promise<Jurisdiction | null> {
  const row = await db.selectFrom('jurisdictions').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toJurisdiction(row) : null;
}

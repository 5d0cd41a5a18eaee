/**
 * Treaty parties: each jurisdiction's standing under a treaty document (one record per treaty and
 * jurisdiction, dates as `YYYY-MM-DD` text) and every change made to it. Frozen. No dialect-specific step.
 * Also adds the one international jurisdiction where treaty documents are filed, `ocd-division/country:xz`
 * (ISO 3166-1 user-assigned code XZ; level `international`; see core/treaties/types.ts for why).
 */
import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and typed loosely on purpose
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('treaty_parties')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('treaty_id', 'text', (c) => c.notNull().references('law_documents.id'))
    .addColumn('jurisdiction_id', 'text', (c) => c.notNull().references('jurisdictions.id'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('signed_on', 'text')
    .addColumn('consented_on', 'text')
    .addColumn('in_force_on', 'text')
    .addColumn('note', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('treaty_parties_pair_unique', ['treaty_id', 'jurisdiction_id'])
    .execute();
  await db.schema
    .createIndex('treaty_parties_jurisdiction_idx')
    .on('treaty_parties')
    .columns(['jurisdiction_id'])
    .execute();

  await db.schema
    .createTable('treaty_party_history')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('party_id', 'text', (c) => c.notNull().references('treaty_parties.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('before_json', 'text')
    .addColumn('after_json', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('treaty_party_history_party_idx')
    .on('treaty_party_history')
    .columns(['party_id', 'id'])
    .execute();

  await db
    .insertInto('jurisdictions')
    .values({
      id: 'ocd-division/country:xz',
      parent_id: null,
      level: 'international',
      type: 'international',
      name_en: 'International (treaties)',
      name_es: 'Internacional (tratados)',
      name_fr: 'International (traités)',
      iso_code: null,
      iso_alpha3: null,
      iso_numeric: null,
      organization_id: null,
      created_at: '2026-11-29T07:00:00.000Z',
    })
    .execute();
}

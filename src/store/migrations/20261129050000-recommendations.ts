/**
 * Recommendations: an organization's own versioned advice per framework indicator and locale, shown with the
 * gap report. Frozen. No dialect-specific step. Versions are appended, never updated.
 */
import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and typed loosely on purpose
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('recommendations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('framework_id', 'text', (c) => c.notNull().references('framework_versions.id'))
    .addColumn('indicator_id', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('model_language', 'text')
    .addColumn('author', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('recommendations_unique', [
      'organization_id',
      'framework_id',
      'indicator_id',
      'locale',
      'version',
    ])
    .execute();
}

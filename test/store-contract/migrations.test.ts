/** Migrations and start-up on an empty database, on every engine. */
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { isDomainError } from '../../src/core/errors.ts';
import { builtinFrameworks } from '../../src/core/framework/builtin.ts';
import { parseFramework } from '../../src/core/framework/parse-framework.ts';
import { prepareDatabase } from '../../src/services/bootstrap.ts';
import type { Store } from '../../src/store/db.ts';
import { listFrameworkVersions } from '../../src/store/framework.repo.ts';
import { listJurisdictions } from '../../src/store/jurisdictions.repo.ts';
import { migrateToLatest } from '../../src/store/migrate.ts';
import { migrations } from '../../src/store/migrations/index.ts';
import { engines, openEmptyStore } from '../engines.ts';
import { crossEngine } from './snapshot.ts';

/** Every migration of this build, in order, starting with the initial one. */
const all = Object.keys(migrations);
/** The full-text index is the one dialect-specific part of the schema: an FTS5 table (and its shadow tables) on SQLite, a generated column on PostgreSQL. */
const searchIndex = { sqliteTables: /^law_provisions_fts/, postgresColumn: 'search_vector' };
const snapshots = crossEngine();
const builtin = parseFramework(builtinFrameworks[0]);

async function withEmptyStore(dialect: Store['dialect'], work: (store: Store) => Promise<void>) {
  const store = await openEmptyStore(dialect);
  try {
    await work(store);
  } finally {
    await store.destroy();
  }
}

/** Table and column names with nullability: the part of the schema that must match across engines. */
async function schemaShape(store: Store) {
  const tables = await store.db.introspection.getTables();
  return tables
    .filter((t) => !searchIndex.sqliteTables.test(t.name))
    .map((t) => ({
      table: t.name,
      columns: t.columns
        .filter((c) => c.name !== searchIndex.postgresColumn)
        // SQLite lets a non-integer PRIMARY KEY hold NULL (a documented quirk), so key columns are compared by name.
        .map((c) => `${c.name}${c.isNullable && c.name !== 'id' ? '?' : ''}`)
        .sort()
        .join(' '),
    }))
    .sort((a, b) => a.table.localeCompare(b.table));
}

async function count(store: Store, table: 'framework_indicators' | 'users'): Promise<number> {
  const r = await store.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

for (const dialect of await engines()) {
  describe(`migrations [${dialect}]`, () => {
    it('applies every migration to an empty database, then nothing', async () => {
      await withEmptyStore(dialect, async (store) => {
        expect(all[0]).toBe('20261129010000-initial');
        expect(await migrateToLatest(store.db)).toEqual(all);
        expect(await migrateToLatest(store.db)).toEqual([]);
        const shape = await schemaShape(store);
        expect(shape.map((t) => t.table)).toEqual([
          'analyzer_suggestions',
          'answer_citations',
          'answer_error_reports',
          'answer_history',
          'api_tokens',
          'audit_events',
          'bill_action_overrides',
          'bill_actions',
          'bill_citations',
          'bill_documents',
          'bill_indicator_links',
          'bill_related_bills',
          'bill_sponsorships',
          'bill_versions',
          'bills',
          'call_reports',
          'campaign_bills',
          'campaign_custom_targets',
          'campaign_facts',
          'campaign_gaps',
          'campaign_identifiers',
          'campaign_interactions',
          'campaign_messages',
          'campaign_milestones',
          'campaign_partners',
          'campaign_positions',
          'campaign_stories',
          'campaigns',
          'case_datasets',
          'case_imports',
          'case_records',
          'case_releases',
          'change_event_targets',
          'change_events',
          'coded_answers',
          'committee_memberships',
          'committees',
          'district_boundaries',
          'district_imports',
          'do_not_contact',
          'email_digests',
          'email_queue',
          'email_subscriptions',
          'event_bills',
          'events',
          'feed_positions',
          'follows',
          'framework_indicators',
          'framework_versions',
          'help_resources',
          'jurisdictions',
          'law_documents',
          'law_provisions',
          'law_versions',
          'legislative_sessions',
          'letter_actions',
          'letter_consents',
          'letter_deliveries',
          'letters',
          'mail_outbox',
          'memberships',
          'modifier_finding_citations',
          'modifier_finding_history',
          'modifier_findings',
          'one_time_tokens',
          'organizations',
          'people',
          'person_roles',
          'petition_consents',
          'petition_counts',
          'petition_invalidations',
          'petition_signatures',
          'petition_used_challenges',
          'petitions',
          'postcode_districts',
          'privacy_ledgers',
          'privacy_releases',
          'qc_assignments',
          'qc_batches',
          'qc_codings',
          'qc_divergences',
          'recoding_task_history',
          'recoding_tasks',
          'recommendations',
          'sessions',
          'sign_on_letters',
          'sign_on_signatures',
          'statistic_figures',
          'statistic_imports',
          'supporter_data_links',
          'treaty_parties',
          'treaty_party_history',
          'users',
          'vote_members',
          'votes',
          'webhook_attempts',
          'webhook_deliveries',
          'webhook_endpoints',
        ]);
        snapshots.record(dialect, 'schema', shape);
        const tables = await store.db.introspection.getTables();
        if (dialect === 'sqlite') {
          expect(tables.some((t) => t.name === 'law_provisions_fts')).toBe(true);
        } else {
          const provisions = tables.find((t) => t.name === 'law_provisions');
          expect(provisions?.columns.map((c) => c.name)).toContain(searchIndex.postgresColumn);
        }
      });
    });

    // 330 built-in jurisdictions plus the international one the treaty-parties migration adds.
    it('prepares a database once: 1 framework with 66 indicators and 330 + 1 jurisdictions', async () => {
      await withEmptyStore(dialect, async (store) => {
        expect(await prepareDatabase(store.db)).toEqual({
          migrationsApplied: all,
          frameworksInserted: 1,
          jurisdictionsInserted: 330,
        });
        expect(await prepareDatabase(store.db)).toEqual({
          migrationsApplied: [],
          frameworksInserted: 0,
          jurisdictionsInserted: 0,
        });
        const versions = await listFrameworkVersions(store.db);
        expect(versions).toEqual([
          {
            id: 'lawgap-v1',
            version: 1,
            title: builtin.title,
            published: builtin.published,
            indicatorCount: 66,
          },
        ]);
        expect(await count(store, 'framework_indicators')).toBe(66);
        expect(await listJurisdictions(store.db)).toHaveLength(331);
        snapshots.record(dialect, 'prepared', versions);
      });
    });

    it('lets several start-ups prepare one fresh database at once, loading the data once', async () => {
      await withEmptyStore(dialect, async (store) => {
        const results = await Promise.all([1, 2, 3].map(() => prepareDatabase(store.db)));
        const total = (pick: (r: (typeof results)[number]) => number) =>
          results.reduce((sum, r) => sum + pick(r), 0);
        expect(total((r) => r.migrationsApplied.length)).toBe(all.length);
        expect(total((r) => r.frameworksInserted)).toBe(1);
        expect(total((r) => r.jurisdictionsInserted)).toBe(330);
        expect(await count(store, 'framework_indicators')).toBe(66);
        expect(await listJurisdictions(store.db)).toHaveLength(331);
      });
    });

    it('refuses to start on a database with an applied migration it does not know', async () => {
      await withEmptyStore(dialect, async (store) => {
        await migrateToLatest(store.db);
        const stranger = '20991231000000-from-a-newer-build';
        await sql`insert into kysely_migration (name, timestamp) values (${stranger}, ${new Date().toISOString()})`.execute(
          store.db,
        );
        for (const start of [() => migrateToLatest(store.db), () => prepareDatabase(store.db)]) {
          const err = await start().then(
            () => null,
            (e: unknown) => e,
          );
          expect(isDomainError(err, 'MIGRATION_UNKNOWN'), String(err)).toBe(true);
          expect((err as Error).message).toContain(stranger);
          expect((err as { details: unknown }).details).toEqual({ unknown: [stranger] });
        }
        // Refused before loading anything: only the migrations' own row (the international jurisdiction) exists.
        expect(await listFrameworkVersions(store.db)).toEqual([]);
        expect((await listJurisdictions(store.db)).map((j) => j.id)).toEqual(['ocd-division/country:xz']);
      });
    });
  });
}

describe('migrations across engines', () => {
  it('give the same schema and reference data', (ctx) => {
    snapshots.assertIdentical(ctx);
  });
});

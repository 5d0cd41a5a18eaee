/**
 * Campaigns: owned by one organisation, shared with partner organisations (a coalition) with a role each;
 * the gaps (indicators) and bills each campaign targets; milestones written by the owner or a partner; custom
 * targets (people or offices the bill's stage does not give), each target's recorded positions (the latest
 * counts; history kept) and the interaction log. A target is keyed by `person:<ocd person id>` or
 * `custom:<id>`, so positions outlive the stage changes that move a person in and out of the target list;
 * the messaging library: facts (each with its source) and messages (talking points, letter and call-script
 * templates, optionally for one target group).
 * Frozen. No dialect-specific step.
 */
import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and typed loosely on purpose
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('campaigns')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('jurisdiction_id', 'text', (c) => c.notNull().references('jurisdictions.id'))
    .addColumn('start_date', 'text')
    .addColumn('end_date', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('campaigns_org_idx').on('campaigns').column('organization_id').execute();

  await db.schema
    .createTable('campaign_partners')
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id'))
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('added_by', 'text', (c) => c.notNull())
    .addColumn('added_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('campaign_partners_pk', ['campaign_id', 'organization_id'])
    .execute();
  await db.schema
    .createIndex('campaign_partners_org_idx')
    .on('campaign_partners')
    .column('organization_id')
    .execute();

  await db.schema
    .createTable('campaign_gaps')
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id'))
    .addColumn('indicator_id', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('campaign_gaps_pk', ['campaign_id', 'indicator_id'])
    .execute();

  await db.schema
    .createTable('campaign_bills')
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id'))
    .addColumn('bill_id', 'text', (c) => c.notNull().references('bills.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('campaign_bills_pk', ['campaign_id', 'bill_id'])
    .execute();
  await db.schema.createIndex('campaign_bills_bill_idx').on('campaign_bills').column('bill_id').execute();

  await db.schema
    .createTable('campaign_milestones')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id'))
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('campaign_milestones_campaign_idx')
    .on('campaign_milestones')
    .column('campaign_id')
    .execute();

  await db.schema
    .createTable('campaign_custom_targets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id'))
    .addColumn('person_id', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('office', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('campaign_custom_targets_campaign_idx')
    .on('campaign_custom_targets')
    .column('campaign_id')
    .execute();

  for (const name of ['campaign_positions', 'campaign_interactions']) {
    let table = db.schema
      .createTable(name)
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id'))
      .addColumn('target_key', 'text', (c) => c.notNull())
      .addColumn('date', 'text', (c) => c.notNull())
      .addColumn('note', 'text')
      .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
      .addColumn('recorded_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull());
    table =
      name === 'campaign_positions'
        ? table.addColumn('position', 'text', (c) => c.notNull()).addColumn('source', 'text')
        : table.addColumn('kind', 'text', (c) => c.notNull());
    await table.execute();
    await db.schema
      .createIndex(`${name}_campaign_idx`)
      .on(name)
      .columns(['campaign_id', 'target_key'])
      .execute();
  }

  await db.schema
    .createTable('campaign_facts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id'))
    .addColumn('statement', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('source_url', 'text')
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('jurisdiction_id', 'text')
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('campaign_facts_campaign_idx')
    .on('campaign_facts')
    .column('campaign_id')
    .execute();

  await db.schema
    .createTable('campaign_messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('target_group', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('indicator_id', 'text')
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('campaign_messages_campaign_idx')
    .on('campaign_messages')
    .column('campaign_id')
    .execute();
}

/** Help resource and answer error report rows. Callers check access first; rows are mapped by the services. */
import type { Kysely } from 'kysely';
import type { AnswerErrorReportRow, HelpResourceRow } from './help-resources.schema.ts';
import type { Database } from './schema.ts';

/** Stores a new help resource. */
export async function insertHelpResource(db: Kysely<Database>, row: HelpResourceRow): Promise<void> {
  await db.insertInto('help_resources').values(row).execute();
}

/** The organisation's resource, or undefined (another organisation's reads like a missing one). */
export async function findHelpResource(
  db: Kysely<Database>,
  organizationId: string,
  id: string,
): Promise<HelpResourceRow | undefined> {
  return db
    .selectFrom('help_resources')
    .selectAll()
    .where('id', '=', id)
    .where('organization_id', '=', organizationId)
    .executeTakeFirst();
}

/** The organisation's resources, by jurisdiction and name. */
export async function listHelpResources(
  db: Kysely<Database>,
  organizationId: string,
  jurisdictionId?: string,
): Promise<HelpResourceRow[]> {
  let q = db.selectFrom('help_resources').selectAll().where('organization_id', '=', organizationId);
  if (jurisdictionId) q = q.where('jurisdiction_id', '=', jurisdictionId);
  return q.orderBy('jurisdiction_id').orderBy('name').orderBy('id').execute();
}

/** Published resources of a jurisdiction, by kind and name. */
export async function listPublishedHelpResources(
  db: Kysely<Database>,
  jurisdictionId: string,
): Promise<HelpResourceRow[]> {
  return db
    .selectFrom('help_resources')
    .selectAll()
    .where('jurisdiction_id', '=', jurisdictionId)
    .where('published', '=', 1)
    .orderBy('kind')
    .orderBy('name')
    .orderBy('id')
    .execute();
}

/** Changes a resource. */
export async function updateHelpResource(
  db: Kysely<Database>,
  id: string,
  set: Partial<Omit<HelpResourceRow, 'id' | 'organization_id' | 'created_by' | 'created_at'>>,
): Promise<void> {
  await db.updateTable('help_resources').set(set).where('id', '=', id).execute();
}

/** Stores an error report. */
export async function insertErrorReport(db: Kysely<Database>, row: AnswerErrorReportRow): Promise<void> {
  await db.insertInto('answer_error_reports').values(row).execute();
}

/** The organisation's error reports (optionally of one status), newest first. */
export async function listErrorReports(
  db: Kysely<Database>,
  organizationId: string,
  status?: string,
): Promise<AnswerErrorReportRow[]> {
  let q = db.selectFrom('answer_error_reports').selectAll().where('organization_id', '=', organizationId);
  if (status) q = q.where('status', '=', status);
  return q.orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
}

/** One of the organisation's error reports, or undefined. */
export async function findErrorReport(
  db: Kysely<Database>,
  organizationId: string,
  id: string,
): Promise<AnswerErrorReportRow | undefined> {
  return db
    .selectFrom('answer_error_reports')
    .selectAll()
    .where('id', '=', id)
    .where('organization_id', '=', organizationId)
    .executeTakeFirst();
}

/** Marks a report resolved. */
export async function resolveErrorReportRow(
  db: Kysely<Database>,
  id: string,
  set: Pick<AnswerErrorReportRow, 'status' | 'resolution' | 'resolved_by' | 'resolved_at'>,
): Promise<void> {
  await db.updateTable('answer_error_reports').set(set).where('id', '=', id).execute();
}

/**
 * The actor label of whoever last published the answer (from its history), or null when it never was.
 * Reads answer history, which holds the status changes.
 */
export async function lastPublisherOf(db: Kysely<Database>, answerId: string): Promise<string | null> {
  const rows = await db
    .selectFrom('answer_history')
    .select(['actor', 'after_json'])
    .where('answer_id', '=', answerId)
    .where('action', '=', 'status')
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  for (const r of rows) {
    if ((JSON.parse(r.after_json) as { status?: string }).status === 'published') return r.actor;
  }
  return null;
}

/** The organisation of an API token, or null. */
export async function tokenOrganization(db: Kysely<Database>, tokenId: string): Promise<string | null> {
  const row = await db
    .selectFrom('api_tokens')
    .select('organization_id')
    .where('id', '=', tokenId)
    .executeTakeFirst();
  return row?.organization_id ?? null;
}

/** A user's memberships with the given roles, earliest first. */
export async function membershipsWithRoles(
  db: Kysely<Database>,
  userId: string,
  roles: readonly string[],
): Promise<string[]> {
  if (roles.length === 0) return [];
  const rows = await db
    .selectFrom('memberships')
    .select('organization_id')
    .where('user_id', '=', userId)
    .where('role', 'in', roles)
    .orderBy('created_at')
    .orderBy('organization_id')
    .execute();
  return rows.map((r) => r.organization_id);
}

/** A published answer's jurisdiction and indicator, or undefined when the answer is not published. */
export async function findPublishedAnswer(
  db: Kysely<Database>,
  answerId: string,
): Promise<{ id: string; jurisdiction_id: string; indicator_id: string } | undefined> {
  return db
    .selectFrom('coded_answers')
    .select(['id', 'jurisdiction_id', 'indicator_id'])
    .where('id', '=', answerId)
    .where('status', '=', 'published')
    .executeTakeFirst();
}

/**
 * What the campaign target view reads and writes: the jurisdiction's sitting members and committees (for the
 * venue), custom targets, and the positions and interaction logs keyed by target. Callers have already checked
 * that the organisation may see the campaign.
 */
import type { Kysely } from 'kysely';
import type { InteractionKind, TargetPosition, VenuePeople } from '../core/campaigns/targets.ts';
import type {
  CampaignCustomTargetRow,
  CampaignInteractionRow,
  CampaignPositionRow,
} from './campaigns.schema.ts';
import type { Database } from './schema.ts';
import { newSortableId } from './util.ts';

/** Sitting members on the date (a seat with no end, or ending on or after it) and committees of a jurisdiction. */
export async function venuePeople(
  db: Kysely<Database>,
  jurisdictionId: string,
  date: string,
): Promise<VenuePeople> {
  const seats = await db
    .selectFrom('person_roles')
    .innerJoin('people', 'people.id', 'person_roles.person_id')
    .select(['people.id as personId', 'people.name', 'person_roles.type'])
    .where('person_roles.jurisdiction_id', '=', jurisdictionId)
    .where((eb) =>
      eb.or([eb('person_roles.start_date', 'is', null), eb('person_roles.start_date', '<=', date)]),
    )
    .where((eb) => eb.or([eb('person_roles.end_date', 'is', null), eb('person_roles.end_date', '>=', date)]))
    .orderBy('people.name')
    .orderBy('people.id')
    .execute();
  const committees = await db
    .selectFrom('committees')
    .select(['id', 'name', 'parent'])
    .where('jurisdiction_id', '=', jurisdictionId)
    .orderBy('id')
    .execute();
  const members =
    committees.length === 0
      ? []
      : await db
          .selectFrom('committee_memberships')
          .select(['committee_id', 'person_id', 'name', 'role', 'end_date'])
          .where(
            'committee_id',
            'in',
            committees.map((c) => c.id),
          )
          .orderBy('committee_id')
          .orderBy('position')
          .execute();
  return {
    seats,
    committees: committees.map((c) => ({
      ...c,
      members: members
        .filter((m) => m.committee_id === c.id && (m.end_date === null || m.end_date >= date))
        .map((m) => ({ personId: m.person_id, name: m.name, role: m.role })),
    })),
  };
}

/** Names of people by id (for custom targets and positions on people outside the current venue). */
export async function personNames(
  db: Kysely<Database>,
  ids: readonly string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('people')
    .select(['id', 'name'])
    .where('id', 'in', [...ids])
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function listCustomTargets(
  db: Kysely<Database>,
  campaignId: string,
): Promise<CampaignCustomTargetRow[]> {
  return db
    .selectFrom('campaign_custom_targets')
    .selectAll()
    .where('campaign_id', '=', campaignId)
    .orderBy('id')
    .execute();
}

export async function insertCustomTarget(
  db: Kysely<Database>,
  row: Omit<CampaignCustomTargetRow, 'id'>,
): Promise<CampaignCustomTargetRow> {
  const full = { ...row, id: newSortableId() };
  await db.insertInto('campaign_custom_targets').values(full).execute();
  return full;
}

/** Every position recorded in the campaign, oldest first (the last per target is its current one). */
export async function listPositions(
  db: Kysely<Database>,
  campaignId: string,
): Promise<CampaignPositionRow[]> {
  return db
    .selectFrom('campaign_positions')
    .selectAll()
    .where('campaign_id', '=', campaignId)
    .orderBy('date')
    .orderBy('id')
    .execute();
}

export async function insertPosition(
  db: Kysely<Database>,
  row: Omit<CampaignPositionRow, 'id' | 'position'> & { position: TargetPosition },
): Promise<CampaignPositionRow> {
  const full = { ...row, id: newSortableId() };
  await db.insertInto('campaign_positions').values(full).execute();
  return full;
}

/** The interaction log, newest first, optionally of one target. */
export async function listInteractions(
  db: Kysely<Database>,
  campaignId: string,
  targetKey?: string,
): Promise<CampaignInteractionRow[]> {
  let q = db.selectFrom('campaign_interactions').selectAll().where('campaign_id', '=', campaignId);
  if (targetKey) q = q.where('target_key', '=', targetKey);
  return q.orderBy('date', 'desc').orderBy('id', 'desc').execute();
}

export async function insertInteraction(
  db: Kysely<Database>,
  row: Omit<CampaignInteractionRow, 'id' | 'kind'> & { kind: InteractionKind },
): Promise<CampaignInteractionRow> {
  const full = { ...row, id: newSortableId() };
  await db.insertInto('campaign_interactions').values(full).execute();
  return full;
}

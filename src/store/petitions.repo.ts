/** Petition rows and their per-petition counts. Callers check access first. */
import type { Kysely } from 'kysely';
import type { Petition, PetitionStatus } from '../core/petitions/types.ts';
import type { PetitionRow } from './petitions.schema.ts';
import type { Database } from './schema.ts';

/** A stored petition as the domain type. */
export function toPetition(r: PetitionRow): Petition {
  return {
    id: r.id,
    campaignId: r.campaign_id,
    slug: r.slug,
    title: r.title,
    text: r.text,
    targetDescription: r.target_description,
    goal: Number(r.goal),
    status: r.status as PetitionStatus,
    senderName: r.sender_name,
    senderEmail: r.sender_email,
    partnerName: r.partner_name,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    openedAt: r.opened_at,
    closedAt: r.closed_at,
  };
}

/** Stores a new petition. */
export async function insertPetition(db: Kysely<Database>, row: PetitionRow): Promise<void> {
  await db.insertInto('petitions').values(row).execute();
}

/** Changes a petition's columns. */
export async function updatePetitionRow(
  db: Kysely<Database>,
  id: string,
  patch: Partial<Omit<PetitionRow, 'id' | 'campaign_id' | 'organization_id' | 'created_at' | 'created_by'>>,
): Promise<void> {
  await db.updateTable('petitions').set(patch).where('id', '=', id).execute();
}

/** A petition by id, or undefined. */
export async function findPetitionRow(db: Kysely<Database>, id: string): Promise<PetitionRow | undefined> {
  return db.selectFrom('petitions').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A petition by its public slug, or undefined. */
export async function findPetitionBySlug(
  db: Kysely<Database>,
  slug: string,
): Promise<PetitionRow | undefined> {
  return db.selectFrom('petitions').selectAll().where('slug', '=', slug).executeTakeFirst();
}

/** True when another petition (not `exceptId`) already uses the slug. */
export async function slugTaken(db: Kysely<Database>, slug: string, exceptId?: string): Promise<boolean> {
  let q = db.selectFrom('petitions').select('id').where('slug', '=', slug);
  if (exceptId) q = q.where('id', '<>', exceptId);
  return (await q.executeTakeFirst()) !== undefined;
}

/** The petitions of a campaign, oldest first. */
export async function listPetitionRows(db: Kysely<Database>, campaignId: string): Promise<PetitionRow[]> {
  return db
    .selectFrom('petitions')
    .selectAll()
    .where('campaign_id', '=', campaignId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** Signatures of a petition by status and counted flag, counted now (for the workspace, never the page). */
export async function signatureTallies(
  db: Kysely<Database>,
  petitionId: string,
): Promise<{ pending: number; validated: number; counted: number }> {
  const rows = await db
    .selectFrom('petition_signatures')
    .select(['status', 'counted', (eb) => eb.fn.countAll<number>().as('n')])
    .where('petition_id', '=', petitionId)
    .groupBy(['status', 'counted'])
    .execute();
  const out = { pending: 0, validated: 0, counted: 0 };
  for (const r of rows) {
    const n = Number(r.n);
    if (r.status === 'pending') out.pending += n;
    if (r.status === 'validated') out.validated += n;
    if (Number(r.counted) === 1) out.counted += n;
  }
  return out;
}

/** The stored aggregate of a petition (as the background loop last wrote it), or null before the first run. */
export async function storedCount(
  db: Kysely<Database>,
  petitionId: string,
): Promise<{ counted: number; refreshedAt: string } | null> {
  const r = await db
    .selectFrom('petition_counts')
    .select(['counted', 'refreshed_at'])
    .where('petition_id', '=', petitionId)
    .executeTakeFirst();
  return r ? { counted: Number(r.counted), refreshedAt: r.refreshed_at } : null;
}

/**
 * Recomputes every petition's aggregate from its signatures and writes the rows whose numbers changed; returns
 * the slugs of the petitions whose counted total changed (their cached pages are stale).
 */
export async function refreshCounts(db: Kysely<Database>, at: string): Promise<string[]> {
  const petitions = await db.selectFrom('petitions').select(['id', 'slug']).execute();
  const sums = await db
    .selectFrom('petition_signatures')
    .select(['petition_id', 'status', 'counted', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(['petition_id', 'status', 'counted'])
    .execute();
  const stored = new Map(
    (await db.selectFrom('petition_counts').selectAll().execute()).map((r) => [r.petition_id, r]),
  );
  const changed: string[] = [];
  for (const p of petitions) {
    const mine = sums.filter((s) => s.petition_id === p.id);
    const total = (f: (s: (typeof mine)[number]) => boolean) =>
      mine.filter(f).reduce((sum, s) => sum + Number(s.n), 0);
    const next = {
      counted: total((s) => Number(s.counted) === 1),
      pending: total((s) => s.status === 'pending'),
      validated: total((s) => s.status === 'validated'),
    };
    const before = stored.get(p.id);
    if (
      before &&
      Number(before.counted) === next.counted &&
      Number(before.pending) === next.pending &&
      Number(before.validated) === next.validated
    )
      continue;
    await db
      .insertInto('petition_counts')
      .values({ petition_id: p.id, ...next, refreshed_at: at })
      .onConflict((oc) => oc.column('petition_id').doUpdateSet({ ...next, refreshed_at: at }))
      .execute();
    if (!before || Number(before.counted) !== next.counted) changed.push(p.slug);
  }
  return changed;
}

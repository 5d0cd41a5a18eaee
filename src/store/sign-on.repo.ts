/**
 * Sign-on letter and signature rows. Workspace reads take the reading organisation and filter in the query
 * itself: a letter is returned only when its campaign is owned or partnered by that organisation (SEC-10), so
 * another coalition's letter id reads exactly like a missing one. Public reads (by id or invite-token hash)
 * return rows for the service to check the letter's status; they never select the contact ciphertext.
 */
import type { Kysely } from 'kysely';
import type {
  Letter,
  LetterStatus,
  LogoType,
  PublicSignatory,
  SignatureStatus,
} from '../core/campaigns/sign-on.ts';
import type { Database } from './schema.ts';
import type { SignOnLetterRow, SignOnSignatureRow } from './sign-on.schema.ts';
import { newSortableId } from './util.ts';

/** Campaign ids the organisation may read (owned or partnered), as a subquery. */
function visibleCampaignIds(db: Kysely<Database>, organizationId: string) {
  return db
    .selectFrom('campaigns')
    .select('campaigns.id')
    .where((eb) =>
      eb.or([
        eb('campaigns.organization_id', '=', organizationId),
        eb(
          'campaigns.id',
          'in',
          eb
            .selectFrom('campaign_partners')
            .select('campaign_partners.campaign_id')
            .where('campaign_partners.organization_id', '=', organizationId),
        ),
      ]),
    );
}

function toLetter(r: SignOnLetterRow): Letter {
  return {
    id: r.id,
    campaignId: r.campaign_id,
    organizationId: r.organization_id,
    title: r.title,
    body: r.body,
    status: r.status as LetterStatus,
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** A campaign's letters, newest first (the caller has checked the campaign is visible). */
export async function listLetters(db: Kysely<Database>, campaignId: string): Promise<Letter[]> {
  const rows = await db
    .selectFrom('sign_on_letters')
    .selectAll()
    .where('campaign_id', '=', campaignId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map(toLetter);
}

/** One letter if the organisation may read its campaign, else undefined (whether or not it exists). */
export async function findLetter(
  db: Kysely<Database>,
  organizationId: string,
  id: string,
): Promise<Letter | undefined> {
  const row = await db
    .selectFrom('sign_on_letters')
    .selectAll()
    .where('id', '=', id)
    .where('campaign_id', 'in', visibleCampaignIds(db, organizationId))
    .executeTakeFirst();
  return row ? toLetter(row) : undefined;
}

/** One letter by id whatever its status, for public reads the service then checks; undefined when missing. */
export async function findLetterById(db: Kysely<Database>, id: string): Promise<Letter | undefined> {
  const row = await db.selectFrom('sign_on_letters').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toLetter(row) : undefined;
}

/** The letter whose invite token hashes to this value, else undefined. */
export async function findLetterByTokenHash(db: Kysely<Database>, hash: string): Promise<Letter | undefined> {
  const row = await db
    .selectFrom('sign_on_letters')
    .selectAll()
    .where('invite_token_hash', '=', hash)
    .executeTakeFirst();
  return row ? toLetter(row) : undefined;
}

/** Stores a new letter; returns its id. */
export async function insertLetter(
  db: Kysely<Database>,
  args: Omit<SignOnLetterRow, 'id' | 'updated_at'>,
): Promise<string> {
  const id = newSortableId();
  await db
    .insertInto('sign_on_letters')
    .values({ ...args, id, updated_at: args.created_at })
    .execute();
  return id;
}

/** Changes a letter's title, body, status or invite hash. */
export async function updateLetter(
  db: Kysely<Database>,
  id: string,
  patch: Partial<Pick<SignOnLetterRow, 'title' | 'body' | 'status' | 'invite_token_hash'>> & {
    updated_at: string;
  },
): Promise<void> {
  await db.updateTable('sign_on_letters').set(patch).where('id', '=', id).execute();
}

/** Stores a pending signature; returns its id. */
export async function insertSignature(
  db: Kysely<Database>,
  row: Omit<SignOnSignatureRow, 'id' | 'status' | 'moderated_by' | 'moderated_at'>,
): Promise<string> {
  const id = newSortableId();
  await db
    .insertInto('sign_on_signatures')
    .values({
      ...row,
      logo: row.logo ? Buffer.from(row.logo) : null,
      id,
      status: 'pending',
      moderated_by: null,
      moderated_at: null,
    })
    .execute();
  return id;
}

/** True when the letter has a pending or approved signature under this organisation key. */
export async function hasActiveSignature(
  db: Kysely<Database>,
  letterId: string,
  organizationKey: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('sign_on_signatures')
    .select('id')
    .where('letter_id', '=', letterId)
    .where('organization_key', '=', organizationKey)
    .where('status', '<>', 'rejected')
    .executeTakeFirst();
  return row !== undefined;
}

/** The columns of a signature row without the logo bytes. */
export type SignatureListRow = Omit<SignOnSignatureRow, 'logo'> & { has_logo: boolean };

const listColumns = [
  'id',
  'letter_id',
  'organization_name',
  'organization_key',
  'signer_name',
  'signer_title',
  'email_ciphertext',
  'logo_type',
  'website',
  'status',
  'moderated_by',
  'moderated_at',
  'created_at',
] as const;

/** A letter's signatures, oldest first, optionally of one status (the logo bytes are left out). */
export async function listSignatures(
  db: Kysely<Database>,
  letterId: string,
  status?: SignatureStatus,
): Promise<SignatureListRow[]> {
  let q = db.selectFrom('sign_on_signatures').select(listColumns).where('letter_id', '=', letterId);
  if (status) q = q.where('status', '=', status);
  const rows = await q.orderBy('created_at').orderBy('id').execute();
  return rows.map((r) => ({ ...r, has_logo: r.logo_type !== null }));
}

/** The approved signatories of a letter as the public sees them (no contact, no signer). */
export async function listApprovedSignatories(
  db: Kysely<Database>,
  letterId: string,
): Promise<PublicSignatory[]> {
  const rows = await db
    .selectFrom('sign_on_signatures')
    .select(['id', 'organization_name', 'website', 'logo_type', 'created_at'])
    .where('letter_id', '=', letterId)
    .where('status', '=', 'approved')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    organizationName: r.organization_name,
    website: r.website,
    hasLogo: r.logo_type !== null,
    signedAt: r.created_at,
  }));
}

/** One signature row (without the logo bytes), else undefined. */
export async function findSignature(db: Kysely<Database>, id: string): Promise<SignatureListRow | undefined> {
  const row = await db
    .selectFrom('sign_on_signatures')
    .select(listColumns)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? { ...row, has_logo: row.logo_type !== null } : undefined;
}

/** Records a moderation decision. */
export async function moderateSignature(
  db: Kysely<Database>,
  id: string,
  status: 'approved' | 'rejected',
  by: string,
  at: string,
): Promise<void> {
  await db
    .updateTable('sign_on_signatures')
    .set({ status, moderated_by: by, moderated_at: at })
    .where('id', '=', id)
    .execute();
}

/** The logo of an approved signature of the letter, else undefined. */
export async function approvedLogo(
  db: Kysely<Database>,
  letterId: string,
  signatureId: string,
): Promise<{ type: LogoType; bytes: Buffer } | undefined> {
  const row = await db
    .selectFrom('sign_on_signatures')
    .select(['logo', 'logo_type'])
    .where('id', '=', signatureId)
    .where('letter_id', '=', letterId)
    .where('status', '=', 'approved')
    .executeTakeFirst();
  if (!row?.logo || !row.logo_type) return undefined;
  return { type: row.logo_type as LogoType, bytes: Buffer.from(row.logo) };
}

/** The logos of a letter's approved signatures, by signature id (for the self-contained export). */
export async function approvedLogos(
  db: Kysely<Database>,
  letterId: string,
): Promise<Map<string, { type: LogoType; bytes: Buffer }>> {
  const rows = await db
    .selectFrom('sign_on_signatures')
    .select(['id', 'logo', 'logo_type'])
    .where('letter_id', '=', letterId)
    .where('status', '=', 'approved')
    .where('logo_type', 'is not', null)
    .execute();
  return new Map(
    rows.flatMap((r) =>
      r.logo && r.logo_type
        ? [[r.id, { type: r.logo_type as LogoType, bytes: Buffer.from(r.logo) }] as const]
        : [],
    ),
  );
}

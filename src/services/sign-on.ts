/**
 * Sign-on letters. Policy:
 * - a letter belongs to a campaign; its owner or an editor partner writes it and moderates its signatures
 *   (`campaigns:write`); every organisation that may read the campaign reads its letters (`org:read`); another
 *   coalition gets CAMPAIGN_NOT_FOUND for the campaign and LETTER_NOT_FOUND for the letter, like missing ones;
 * - the invite token is shown once (on creation and on rotation); only its SHA-256 is stored; rotating voids
 *   the old link; the link signs only while the letter is open;
 * - a signature's contact address is encrypted with the sign-on key (derived from the field key) and appears
 *   only in the workspace; the public sees approved signatures' organisation, website and logo, nothing else;
 * - one pending or approved signature per organisation name per letter (SIGNATURE_DUPLICATE);
 * - moderation records who and when, and is audited; no audit entry or error carries a contact address.
 */
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { actorLabel } from '../core/auth/permissions.ts';
import {
  canModerate,
  canMoveLetter,
  checkLetterFields,
  checkLogo,
  checkSignatureFields,
  isPublicLetter,
  type Letter,
  type LetterExport,
  type LetterStatus,
  type LogoType,
  letterExport,
  organizationKey,
  type PublicSignatory,
  type Signature,
  type SignatureInput,
  type SignatureStatus,
} from '../core/campaigns/sign-on.ts';
import { canEditCampaign, type FieldProblem } from '../core/campaigns/types.ts';
import { DomainError } from '../core/errors.ts';
import { recordAudit } from '../store/audit.repo.ts';
import {
  approvedLogo,
  approvedLogos,
  findLetter,
  findLetterById,
  findLetterByTokenHash,
  findSignature,
  hasActiveSignature,
  insertLetter,
  insertSignature,
  listApprovedSignatories,
  listLetters,
  listSignatures,
  moderateSignature,
  type SignatureListRow,
  updateLetter,
} from '../store/sign-on.repo.ts';
import { nowIso } from '../store/util.ts';
import { actingOrganization, type CampaignScope, getCampaign } from './campaigns.ts';
import type { ServiceContext } from './context.ts';
import { decryptField, encryptField, type FieldKey } from './field-crypto.ts';

/** A service context that can read and write contact addresses and build invite links. */
export interface SignOnContext extends ServiceContext {
  fieldKey: FieldKey;
  /** The public address of the site, for invite links. */
  publicUrl: string;
}

/** A letter with its invite link, shown only right after creation or rotation. */
export interface LetterWithInvite {
  letter: Letter;
  inviteUrl: string;
}

/** A public letter: its text and approved signatories. */
export interface PublicLetter {
  id: string;
  campaignId: string;
  title: string;
  body: string;
  status: LetterStatus;
  signatories: PublicSignatory[];
}

/** The key of the sign-on contact data class, derived from the field key (a key per data class). */
export function signOnKey(fieldKey: FieldKey): FieldKey {
  return createHmac('sha256', fieldKey).update('lawgap/sign-on/v1').digest() as FieldKey;
}

/** The stored form of an invite token (SHA-256, hex). */
export function inviteTokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function newInvite(ctx: SignOnContext): { hash: string; url: string } {
  const token = randomBytes(32).toString('base64url');
  return { hash: inviteTokenHash(token), url: `${ctx.publicUrl.replace(/\/$/, '')}/sign-on/${token}` };
}

function invalid(problems: FieldProblem[]): never {
  throw new DomainError('VALIDATION_FAILED', problems.map((p) => `${p.field}: ${p.message}`).join('; '), {
    problems,
  });
}

async function readableLetter(ctx: ServiceContext, scope: CampaignScope, id: string) {
  const organizationId = await actingOrganization(ctx, scope, 'org:read');
  const letter = await findLetter(ctx.db, organizationId, id);
  if (!letter) throw new DomainError('LETTER_NOT_FOUND', `no letter ${id}`, { id });
  return letter;
}

async function editableLetter(ctx: ServiceContext, scope: CampaignScope, id: string) {
  const organizationId = await actingOrganization(ctx, scope, 'campaigns:write');
  const letter = await findLetter(ctx.db, organizationId, id);
  if (!letter) throw new DomainError('LETTER_NOT_FOUND', `no letter ${id}`, { id });
  const campaign = await getCampaign(ctx, letter.campaignId, { organization: organizationId });
  if (!canEditCampaign(campaign.access))
    throw new DomainError('FORBIDDEN', 'your organization only views this campaign');
  return letter;
}

/** The letters of a campaign the acting organisation may read; CAMPAIGN_NOT_FOUND otherwise. */
export async function campaignLetters(
  ctx: ServiceContext,
  campaignId: string,
  scope: CampaignScope = {},
): Promise<Letter[]> {
  await getCampaign(ctx, campaignId, scope);
  return listLetters(ctx.db, campaignId);
}

/** One letter; LETTER_NOT_FOUND when missing or its campaign is not shared with the acting organisation. */
export async function getLetter(ctx: ServiceContext, id: string, scope: CampaignScope = {}): Promise<Letter> {
  return readableLetter(ctx, scope, id);
}

/** Writes a letter (owner or editor partner); returns it with its invite link, shown this once. */
export async function createLetter(
  ctx: SignOnContext,
  campaignId: string,
  args: CampaignScope & { title: string; body: string; status?: LetterStatus },
): Promise<LetterWithInvite> {
  const organizationId = await actingOrganization(ctx, args, 'campaigns:write');
  const campaign = await getCampaign(ctx, campaignId, { organization: organizationId });
  if (!canEditCampaign(campaign.access))
    throw new DomainError('FORBIDDEN', 'your organization only views this campaign');
  const problems = checkLetterFields(args);
  if (problems.length > 0) invalid(problems);
  const status = args.status ?? 'draft';
  if (status === 'closed')
    throw new DomainError('LETTER_STATE_INVALID', 'a new letter is a draft or open', { field: 'status' });
  const invite = newInvite(ctx);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const created = await insertLetter(trx, {
      campaign_id: campaignId,
      organization_id: organizationId,
      title: args.title.trim(),
      body: args.body.trim(),
      status,
      invite_token_hash: invite.hash,
      created_by: actorLabel(ctx.actor),
      created_at: nowIso(),
    });
    await recordAudit(trx, ctx.actor, 'signOn.letter_create', created, { campaignId, organizationId });
    return created;
  });
  return { letter: await readableLetter(ctx, { organization: organizationId }, id), inviteUrl: invite.url };
}

/** Changes a letter's title, text or status (draft → open → closed → open); LETTER_STATE_INVALID otherwise. */
export async function updateLetterFields(
  ctx: ServiceContext,
  id: string,
  patch: CampaignScope & { title?: string; body?: string; status?: LetterStatus },
): Promise<Letter> {
  const letter = await editableLetter(ctx, patch, id);
  const title = patch.title ?? letter.title;
  const body = patch.body ?? letter.body;
  const problems = checkLetterFields({ title, body });
  if (problems.length > 0) invalid(problems);
  const status = patch.status ?? letter.status;
  if (!canMoveLetter(letter.status, status))
    throw new DomainError('LETTER_STATE_INVALID', `a ${letter.status} letter cannot become ${status}`, {
      field: 'status',
    });
  await ctx.db.transaction().execute(async (trx) => {
    await updateLetter(trx, id, { title: title.trim(), body: body.trim(), status, updated_at: nowIso() });
    await recordAudit(trx, ctx.actor, 'signOn.letter_update', id, { status });
  });
  return readableLetter(ctx, patch, id);
}

/** Makes a new invite link (the old one stops working); returns it, shown this once. */
export async function rotateInvite(
  ctx: SignOnContext,
  id: string,
  scope: CampaignScope = {},
): Promise<LetterWithInvite> {
  await editableLetter(ctx, scope, id);
  const invite = newInvite(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    await updateLetter(trx, id, { invite_token_hash: invite.hash, updated_at: nowIso() });
    await recordAudit(trx, ctx.actor, 'signOn.invite_rotated', id);
  });
  return { letter: await readableLetter(ctx, scope, id), inviteUrl: invite.url };
}

function toSignature(ctx: SignOnContext, r: SignatureListRow): Signature {
  return {
    id: r.id,
    letterId: r.letter_id,
    organizationName: r.organization_name,
    signerName: r.signer_name,
    signerTitle: r.signer_title,
    contactEmail: decryptField(signOnKey(ctx.fieldKey), r.email_ciphertext),
    website: r.website,
    hasLogo: r.has_logo,
    status: r.status as SignatureStatus,
    moderatedBy: r.moderated_by,
    moderatedAt: r.moderated_at,
    createdAt: r.created_at,
  };
}

/** A letter's signatures for its campaign's organisations (with contact addresses), optionally of one status. */
export async function letterSignatures(
  ctx: SignOnContext,
  id: string,
  args: CampaignScope & { status?: SignatureStatus } = {},
): Promise<Signature[]> {
  await readableLetter(ctx, args, id);
  return (await listSignatures(ctx.db, id, args.status)).map((r) => toSignature(ctx, r));
}

/** Approves or rejects a signature (owner or editor partner); SIGNATURE_STATE_INVALID for a final one. */
export async function moderate(
  ctx: SignOnContext,
  signatureId: string,
  decision: 'approved' | 'rejected',
  scope: CampaignScope = {},
): Promise<Signature> {
  const row = await findSignature(ctx.db, signatureId);
  const notFound = () =>
    new DomainError('SIGNATURE_NOT_FOUND', `no signature ${signatureId}`, { id: signatureId });
  if (!row) throw notFound();
  try {
    await editableLetter(ctx, scope, row.letter_id);
  } catch (err) {
    if (err instanceof DomainError && err.code === 'LETTER_NOT_FOUND') throw notFound();
    throw err;
  }
  if (!canModerate(row.status as SignatureStatus, decision))
    throw new DomainError('SIGNATURE_STATE_INVALID', `a ${row.status} signature cannot be ${decision}`);
  await ctx.db.transaction().execute(async (trx) => {
    await moderateSignature(trx, signatureId, decision, actorLabel(ctx.actor), nowIso());
    await recordAudit(
      trx,
      ctx.actor,
      `signOn.${decision === 'approved' ? 'approve' : 'reject'}`,
      signatureId,
      {
        letterId: row.letter_id,
      },
    );
  });
  return toSignature(ctx, (await findSignature(ctx.db, signatureId)) as SignatureListRow);
}

/** The letter an invite token opens: TOKEN_INVALID for an unknown token, LETTER_STATE_INVALID unless open. */
export async function letterForInvite(ctx: ServiceContext, token: string): Promise<Letter> {
  const letter = /^[A-Za-z0-9_-]{20,100}$/.test(token)
    ? await findLetterByTokenHash(ctx.db, inviteTokenHash(token))
    : undefined;
  if (!letter) throw new DomainError('TOKEN_INVALID', 'this invitation link is not valid');
  if (letter.status !== 'open')
    throw new DomainError('LETTER_STATE_INVALID', 'this letter does not take signatures now', {
      status: letter.status,
    });
  return letter;
}

/** A logo as uploaded: its bytes (the declared name and type are ignored). */
export interface LogoUpload {
  bytes: Uint8Array;
}

/**
 * Signs a letter through its invite link: stores a pending signature. VALIDATION_FAILED lists every field
 * problem (details.problems), SIGNATURE_DUPLICATE when the organisation already signed.
 */
export async function signLetter(
  ctx: SignOnContext,
  token: string,
  input: SignatureInput,
  logo: LogoUpload | null,
): Promise<{ id: string; letterId: string; organizationName: string }> {
  const letter = await letterForInvite(ctx, token);
  const { fields, problems } = checkSignatureFields(input);
  let logoType: LogoType | null = null;
  if (logo && logo.bytes.length > 0) {
    const checked = checkLogo(logo.bytes);
    if ('problem' in checked) problems.push(checked.problem);
    else logoType = checked.type;
  }
  if (problems.length > 0) invalid(problems);
  const key = organizationKey(fields.organizationName);
  const duplicate = () =>
    new DomainError('SIGNATURE_DUPLICATE', `${fields.organizationName} has already signed this letter`, {
      field: 'organizationName',
    });
  if (await hasActiveSignature(ctx.db, letter.id, key)) throw duplicate();
  try {
    const id = await ctx.db.transaction().execute(async (trx) => {
      const created = await insertSignature(trx, {
        letter_id: letter.id,
        organization_name: fields.organizationName,
        organization_key: key,
        signer_name: fields.signerName,
        signer_title: fields.signerTitle,
        email_ciphertext: encryptField(signOnKey(ctx.fieldKey), fields.contactEmail),
        logo: logoType && logo ? logo.bytes : null,
        logo_type: logoType,
        website: fields.website,
        created_at: nowIso(),
      });
      await recordAudit(trx, ctx.actor, 'signOn.sign', created, { letterId: letter.id });
      return created;
    });
    return { id, letterId: letter.id, organizationName: fields.organizationName };
  } catch (err) {
    // Two submissions racing past the check meet the unique index.
    if (await hasActiveSignature(ctx.db, letter.id, key)) throw duplicate();
    throw err;
  }
}

async function publicLetterRecord(ctx: ServiceContext, id: string): Promise<Letter> {
  const letter = await findLetterById(ctx.db, id);
  if (!letter || !isPublicLetter(letter.status))
    throw new DomainError('LETTER_NOT_FOUND', `no public letter ${id}`, { id });
  return letter;
}

/** An open or closed letter with its approved signatories; LETTER_NOT_FOUND for a draft or missing one. */
export async function publicLetter(ctx: ServiceContext, id: string): Promise<PublicLetter> {
  const letter = await publicLetterRecord(ctx, id);
  return {
    id: letter.id,
    campaignId: letter.campaignId,
    title: letter.title,
    body: letter.body,
    status: letter.status,
    signatories: await listApprovedSignatories(ctx.db, id),
  };
}

/** The logo of an approved signature of a public letter; SIGNATURE_NOT_FOUND otherwise. */
export async function publicLogo(
  ctx: ServiceContext,
  letterId: string,
  signatureId: string,
): Promise<{ type: LogoType; bytes: Buffer }> {
  await publicLetterRecord(ctx, letterId);
  const logo = await approvedLogo(ctx.db, letterId, signatureId);
  if (!logo) throw new DomainError('SIGNATURE_NOT_FOUND', 'no such logo');
  return logo;
}

/** What an export needs: the letter's paragraphs, approved signatories, and their logos as data: URIs. */
export interface LetterExportData {
  export: LetterExport;
  logoDataUris: Map<string, string>;
}

async function exportOf(ctx: ServiceContext, letter: Letter): Promise<LetterExportData> {
  const signatories = await listApprovedSignatories(ctx.db, letter.id);
  const logos = await approvedLogos(ctx.db, letter.id);
  const logoDataUris = new Map(
    [...logos].map(([id, l]) => [id, `data:${l.type};base64,${l.bytes.toString('base64')}`]),
  );
  return { export: letterExport(letter, signatories), logoDataUris };
}

/** The export of a public letter (open or closed). */
export async function publicLetterExport(ctx: ServiceContext, id: string): Promise<LetterExportData> {
  return exportOf(ctx, await publicLetterRecord(ctx, id));
}

/** The export of any letter the acting organisation may read (a draft too), for the workspace and the CLI. */
export async function workspaceLetterExport(
  ctx: ServiceContext,
  id: string,
  scope: CampaignScope = {},
): Promise<LetterExportData> {
  return exportOf(ctx, await readableLetter(ctx, scope, id));
}

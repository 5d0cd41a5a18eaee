/**
 * Signing a petition by double opt-in. Policy:
 * - a signature is written with its consents and its confirmation mail (queued in the outbox) in ONE
 *   transaction; the caller answers only after it commits, so an acknowledged signature is never lost and its
 *   mail is never lost;
 * - the answer is the same whatever happened (stored, repeated idempotency key, honeypot filled, too many
 *   signatures for one address): nothing tells whether an address already signed;
 * - an idempotency key (one per form load, or the client's header) makes a repeated POST a no-op;
 * - a signature stays `pending` until the mailed link's page is confirmed by POST (a GET never confirms);
 *   it is then `validated`, and counted unless the same person (canonical address) already counts;
 * - every mail's one-click unsubscribe withdraws the signer's consents (the signature itself stays counted);
 * - the address, name and postcode are stored encrypted; the keyed hash of the canonical address is kept for
 *   de-duplication; tokens are stored as SHA-256 hashes;
 * - abuse (docs/petitions.md): a submitted proof-of-work challenge is verified before any write and used once
 *   (marked used in the signature's transaction); a form without one (no JavaScript) is accepted under a lower
 *   per-address limit; a signature over a limit is stored `marked` and never counted; one pending signature
 *   per person and petition (a unique key settles concurrent duplicates); only the keyed hash of the client
 *   address is stored.
 */
import { createHmac, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { DomainError } from '../core/errors.ts';
import type { Locale } from '../core/framework/types.ts';
import { isLocale } from '../core/i18n/locales.ts';
import { t } from '../core/i18n/messages.ts';
import { canonicalEmail, trimEmail } from '../core/petitions/canonical-email.ts';
import {
  type ConsentPurpose,
  isPlausibleAddress,
  type Petition,
  petitionConsentVersion,
  petitionLimits,
} from '../core/petitions/types.ts';
import {
  findSignatureBy,
  findSignatureByKey,
  validateSignature,
  voidConfirmation,
  withdrawConsents,
} from '../store/petition-signatures.repo.ts';
import { findPetitionBySlug, findPetitionRow, storedCount, toPetition } from '../store/petitions.repo.ts';
import type { PetitionSignatureRow } from '../store/petitions.schema.ts';
import type { Database } from '../store/schema.ts';
import { hashSecret } from '../store/sessions.repo.ts';
import { consentRecords } from '../store/supporter-consents.repo.ts';
import { newSortableId } from '../store/util.ts';
import { encryptField, type FieldKey, subKey } from './field-crypto.ts';
import { outboxRow } from './mail-outbox.ts';
import { challengeLifetimeMs, type VerifiedChallenge, verifySignChallenge } from './petition-challenge.ts';
import { clientHash, type SigningLimiter } from './petition-limits.ts';
import { type PlannedSignature, type SignatureWriter, writeSignatures } from './signature-writer.ts';

/** Pending signatures (and their links) last this long; the background job deletes older ones. */
export const pendingLifetimeMs = 30 * 24 * 3600 * 1000;
/** At most this many signatures of one address per petition an hour are stored (and mailed). */
export const maxSignaturesPerHour = 3;

/** What signing needs besides the database. */
export interface SigningDeps {
  db: Kysely<Database>;
  fieldKey: FieldKey;
  /** The public base URL for links (no trailing slash). */
  publicUrl: string;
  now?: Date;
  /** The per-address and per-petition limits (none: nothing is marked). */
  limiter?: SigningLimiter;
  /** The group commit the app's signatures share (none: each signature is its own transaction). */
  writer?: SignatureWriter;
}

/** A signature as the public form sends it. */
export interface SignatureInput {
  name: string;
  email: string;
  postcode: string;
  country: string;
  consents: Partial<Record<ConsentPurpose, boolean>>;
  /** The honeypot field: a person leaves it empty. */
  honeypot: string;
  idempotencyKey: string;
  locale: Locale;
  /** The solved challenge field (`altcha`); empty or absent when the browser ran no script. */
  challenge?: string;
  /** The client address (only its keyed hash is kept); absent for a signature not made over HTTP. */
  clientIp?: string;
  /** The campaign partner it came through (already checked: services/embed-partners.ts), or null. */
  partnerOrgId?: string | null;
}

/** One problem with a form field. */
export interface SignatureProblem {
  field: 'name' | 'email' | 'postcode' | 'country' | 'consent';
  reason: 'required' | 'invalid' | 'tooLong';
}

/** What happened (for tests and counters; the page answers the same whatever it is). */
export type SignOutcome = 'stored' | 'marked' | 'repeat' | 'honeypot' | 'limited';

/** A petition by its slug when it is public (not a draft); null otherwise. */
export async function findPublicPetition(db: Kysely<Database>, slug: string): Promise<Petition | null> {
  if (slug.length === 0 || slug.length > petitionLimits.slugChars) return null;
  const row = await findPetitionBySlug(db, slug);
  return row && row.status !== 'draft' ? toPetition(row) : null;
}

/** A petition's count as the background loop last aggregated it. */
export async function aggregatedCount(db: Kysely<Database>, petitionId: string): Promise<number> {
  return (await storedCount(db, petitionId))?.counted ?? 0;
}

/** A petition and its last aggregated count, for the public page; null when it is not public. */
export async function publicPetition(
  db: Kysely<Database>,
  slug: string,
): Promise<{ petition: Petition; count: number } | null> {
  const petition = await findPublicPetition(db, slug);
  return petition && { petition, count: await aggregatedCount(db, petition.id) };
}

/** The keyed hash of an address's canonical form (hex), as stored in `email_hash`. */
export function signerHash(key: FieldKey, email: string): string {
  return createHmac('sha256', subKey(key, 'petition-email')).update(canonicalEmail(email)).digest('hex');
}

/** The unsubscribe token of a signature (stable for its id): `p.<mac>`. */
export function signatureUnsubscribeToken(key: FieldKey, signatureId: string): string {
  return `p.${createHmac('sha256', subKey(key, 'petition-unsubscribe')).update(signatureId).digest('base64url')}`;
}

/** True for the shape of our confirmation (43 base64url) or unsubscribe (`p.` + 43) tokens. */
export function isSignatureToken(token: string): boolean {
  return /^(?:p\.)?[A-Za-z0-9_-]{43}$/.test(token);
}

/** Every problem with the form's fields (empty when it may be stored). */
export function signatureProblems(input: SignatureInput): SignatureProblem[] {
  const problems: SignatureProblem[] = [];
  const name = input.name.trim();
  if (name === '') problems.push({ field: 'name', reason: 'required' });
  else if (name.length > petitionLimits.signerNameChars) problems.push({ field: 'name', reason: 'tooLong' });
  const email = trimEmail(input.email);
  if (email === '') problems.push({ field: 'email', reason: 'required' });
  else if (!isPlausibleAddress(email)) problems.push({ field: 'email', reason: 'invalid' });
  if (input.postcode.trim().length > petitionLimits.postcodeChars)
    problems.push({ field: 'postcode', reason: 'tooLong' });
  if (input.country !== '' && !/^[A-Za-z]{2}$/.test(input.country))
    problems.push({ field: 'country', reason: 'invalid' });
  if (input.consents.campaign !== true) problems.push({ field: 'consent', reason: 'required' });
  return problems;
}

/** A given idempotency key when well-formed (8 to 100 of `A-Za-z0-9_-`), else a fresh random one. */
function idempotencyKey(given: string): string {
  return /^[A-Za-z0-9_-]{8,100}$/.test(given) ? given : randomBytes(18).toString('base64url');
}

/**
 * Signs an open petition: throws PETITION_NOT_FOUND (unknown or draft), PETITION_CLOSED, or VALIDATION_FAILED
 * with `details.problems` (SignatureProblem[]); otherwise stores the signature, its consents and its
 * confirmation mail in one transaction (unless the outcome says why not) and resolves after the commit.
 * `known` is the petition the caller already read for this request (else it is read here).
 */
export async function signPetition(
  deps: SigningDeps,
  slug: string,
  input: SignatureInput,
  known?: Petition,
): Promise<SignOutcome> {
  const petition = known ?? (await findPublicPetition(deps.db, slug));
  if (!petition || petition.slug !== slug || petition.status === 'draft')
    throw new DomainError('PETITION_NOT_FOUND', 'no such petition');
  if (petition.status !== 'open') throw new DomainError('PETITION_CLOSED', 'this petition is closed');
  const problems = signatureProblems(input);
  if (problems.length > 0)
    throw new DomainError('VALIDATION_FAILED', problems.map((p) => `${p.field}: ${p.reason}`).join('; '), {
      problems,
    });
  if (input.honeypot !== '') return 'honeypot';
  const verified = input.challenge ? await verifySignChallenge(deps.fieldKey, slug, input.challenge) : null;
  if (typeof verified === 'string')
    throw new DomainError('PETITION_CHALLENGE_INVALID', `challenge: ${verified}`, { reason: verified });
  const now = deps.now ?? new Date();
  const plan = planSignature(deps, petition, input, verified, now);
  const outcome = await (deps.writer
    ? deps.writer.write(plan)
    : writeSignatures(deps.db, [plan]).then((o) => o[0]!));
  if (outcome !== 'replayed') return outcome;
  // A used challenge that names this very request (same idempotency key) is a repeat, not a replay.
  if (await findSignatureByKey(deps.db, petition.id, plan.signature.idempotency_key)) return 'repeat';
  throw new DomainError('PETITION_CHALLENGE_INVALID', 'challenge: replayed', { reason: 'replayed' });
}

/** Everything a signature writes: its row, the challenge to mark used, its consents and its mail. */
function planSignature(
  deps: SigningDeps,
  petition: Petition,
  input: SignatureInput,
  verified: VerifiedChallenge | null,
  now: Date,
): PlannedSignature {
  const at = now.toISOString();
  const email = trimEmail(input.email);
  const hash = signerHash(deps.fieldKey, email);
  const ipHash = input.clientIp ? clientHash(deps.fieldKey, input.clientIp) : null;
  const marked =
    deps.limiter?.check({
      petitionId: petition.id,
      ipHash: ipHash ?? 'none',
      solved: verified !== null,
      now,
    }) ?? null;
  const id = newSortableId(now.getTime());
  const confirm = randomBytes(32).toString('base64url');
  const unsubscribe = signatureUnsubscribeToken(deps.fieldKey, id);
  const postcode = input.postcode.trim();
  const signature: PetitionSignatureRow = {
    id,
    petition_id: petition.id,
    idempotency_key: idempotencyKey(input.idempotencyKey),
    email_ciphertext: encryptField(deps.fieldKey, email),
    email_hash: hash,
    name_ciphertext: encryptField(deps.fieldKey, input.name.trim()),
    postcode_ciphertext: postcode ? encryptField(deps.fieldKey, postcode) : null,
    country: input.country ? input.country.toUpperCase() : null,
    locale: input.locale,
    status: 'pending',
    counted: 0,
    confirm_token_hash: hashSecret(confirm),
    unsubscribe_token_hash: hashSecret(unsubscribe),
    created_at: at,
    confirmed_at: null,
    ip_hash: ipHash,
    email_domain: canonicalEmail(email).split('@').pop() ?? null,
    marked,
    challenge: verified ? 'solved' : 'none',
    invalidation_id: null,
    pending_person: hash,
    partner_org_id: input.partnerOrgId ?? null,
  };
  const consents = consentRecords({
    given: input.consents,
    version: petitionConsentVersion,
    locale: input.locale,
    channel: 'web',
    partnerName: petition.partnerName,
    at,
  }).map((r) => ({ ...r, signature_id: id }));
  const message = confirmationMail(deps, petition, email, input.locale, confirm, unsubscribe);
  const mail = outboxRow(deps.fieldKey, {
    publicUrl: deps.publicUrl,
    kind: 'petition.confirm',
    subjectId: id,
    message,
    now,
  });
  const challenge = verified && {
    signature: verified.signature,
    expires_at: new Date(
      Math.max(Date.parse(verified.expiresAt), now.getTime() + challengeLifetimeMs),
    ).toISOString(),
  };
  return {
    signature,
    challenge: challenge || null,
    consents,
    mail,
    since: new Date(now.getTime() - 3600_000).toISOString(),
    perHour: maxSignaturesPerHour,
  };
}

function confirmationMail(
  deps: SigningDeps,
  petition: Petition,
  to: string,
  locale: Locale,
  confirm: string,
  unsubscribe: string,
) {
  const link = `${deps.publicUrl}/act/confirm/${confirm}`;
  const stop = `${deps.publicUrl}/act/unsubscribe/${unsubscribe}`;
  const senderName = petition.senderName.replace(/["\\\r\n]/g, '');
  return {
    from: `"${senderName}" <${petition.senderEmail}>`,
    to,
    subject: t(locale, 'petition.mail.subject', { title: petition.title }),
    text: t(locale, 'petition.mail.body', { title: petition.title, link, stop }),
    headers: { 'List-Unsubscribe': `<${stop}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
  };
}

/** A signature found by a mailed token, with its petition. */
export interface TokenSignature {
  signature: PetitionSignatureRow;
  petition: Petition;
  locale: Locale;
}

async function withPetition(db: Kysely<Database>, s: PetitionSignatureRow): Promise<TokenSignature | null> {
  const row = await findPetitionRow(db, s.petition_id);
  if (!row) return null;
  return { signature: s, petition: toPetition(row), locale: isLocale(s.locale) ? s.locale : 'en' };
}

/** The pending signature a confirmation token names, unexpired; null otherwise (nothing changes). */
export async function peekSignatureConfirmation(
  db: Kysely<Database>,
  token: string,
  now = new Date(),
): Promise<TokenSignature | null> {
  if (!isSignatureToken(token) || token.startsWith('p.')) return null;
  const s = await findSignatureBy(db, 'confirm_token_hash', hashSecret(token));
  if (!s) return null;
  if (s.status !== 'pending' || now.getTime() - Date.parse(s.created_at) > pendingLifetimeMs) return null;
  return withPetition(db, s);
}

/** Confirms a pending signature; throws TOKEN_INVALID for a wrong, used or expired token. */
export async function confirmSignature(
  db: Kysely<Database>,
  token: string,
  now = new Date(),
): Promise<TokenSignature> {
  const found = await peekSignatureConfirmation(db, token, now);
  if (!found || !(await validateSignature(db, found.signature, now.toISOString())))
    throw new DomainError('TOKEN_INVALID', 'this confirmation link is invalid, expired or already used');
  return found;
}

/** The signature an unsubscribe token names; null when it names none. */
export async function peekSignatureUnsubscribe(
  db: Kysely<Database>,
  token: string,
): Promise<TokenSignature | null> {
  if (!isSignatureToken(token) || !token.startsWith('p.')) return null;
  const s = await findSignatureBy(db, 'unsubscribe_token_hash', hashSecret(token));
  return s ? withPetition(db, s) : null;
}

/**
 * Withdraws every consent of the signature the token names (no more mail of any purpose) and voids a pending
 * signature's confirmation link; the signature itself stays as it is. Repeating it is harmless. Throws
 * TOKEN_INVALID when the token names nothing.
 */
export async function withdrawByToken(
  db: Kysely<Database>,
  token: string,
  now = new Date(),
): Promise<TokenSignature> {
  const found = await peekSignatureUnsubscribe(db, token);
  if (!found) throw new DomainError('TOKEN_INVALID', 'this unsubscribe link is invalid');
  await db.transaction().execute(async (trx) => {
    await withdrawConsents(trx, found.signature.id, now.toISOString());
    if (found.signature.status === 'pending') await voidConfirmation(trx, found.signature.id);
  });
  return found;
}

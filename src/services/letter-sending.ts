/**
 * The public side of letter and call actions. Policy:
 * - the supporter's lawmakers (found by the district picker) are intersected with the campaign's current
 *   targets (campaign-targets.ts, following the bill); only those targets may receive the letter; nothing is
 *   invented when none match;
 * - a letter is stored with its consent and its confirmation mail (outbox) in ONE transaction; it goes to the
 *   targets only once the supporter confirms by POST on the mailed link; the confirmation then queues one
 *   delivery per target in ONE transaction (unique per letter and person, so a repeated confirm adds none);
 * - deliveries are paced per recipient (at most the action's hourly number, later ones scheduled after);
 * - address, name and the letter's text are stored encrypted; tokens as SHA-256 hashes; nothing is logged.
 */
import { createHmac, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Actor } from '../core/auth/permissions.ts';
import { DomainError } from '../core/errors.ts';
import type { Locale } from '../core/framework/types.ts';
import { t } from '../core/i18n/messages.ts';
import { actionLimits, headerName, letterConsentVersion } from '../core/letter-actions/types.ts';
import { canonicalEmail, trimEmail } from '../core/petitions/canonical-email.ts';
import { type ConsentPurpose, isPlausibleAddress } from '../core/petitions/types.ts';
import type { LetterActionRow, LetterRow } from '../store/letter-actions.schema.ts';
import { getPerson } from '../store/people.repo.ts';
import type { Database } from '../store/schema.ts';
import { hashSecret } from '../store/sessions.repo.ts';
import { recordConsents } from '../store/supporter-consents.repo.ts';
import { newSortableId } from '../store/util.ts';
import { previewMessage } from './campaign-messages.ts';
import { campaignTargets } from './campaign-targets.ts';
import { encryptField, type FieldKey, subKey } from './field-crypto.ts';
import { queueMail } from './mail-outbox.ts';

export type { LetterActionRow } from '../store/letter-actions.schema.ts';

/** What the public side needs besides the database. */
export interface LetterDeps {
  db: Kysely<Database>;
  fieldKey: FieldKey;
  publicUrl: string;
  now?: Date;
}

/** A current target of the campaign with public contact details. */
export interface ActionTarget {
  personId: string;
  name: string;
  detail: string;
  phones: Array<{ office: string; voice: string }>;
}

/** A letter as the form sends it. */
export interface LetterInput {
  targets: string[];
  text: string;
  name: string;
  email: string;
  consent: boolean;
  /** Further purposes ticked (`updates`); the campaign purpose is `consent`. Letters name no partner. */
  consents?: Partial<Record<ConsentPurpose, boolean>>;
  honeypot: string;
  idempotencyKey: string;
  locale: Locale;
  /** The campaign partner it came through (already checked: services/embed-partners.ts), or null. */
  partnerOrgId?: string | null;
}

/** One problem with a letter form field. */
export interface LetterProblem {
  field: 'targets' | 'text' | 'name' | 'email' | 'consent';
  reason: 'required' | 'invalid' | 'tooLong';
}

/** What happened (the page answers the same whatever it is). */
export type LetterOutcome = 'stored' | 'repeat' | 'honeypot' | 'limited';

const actionActor: Actor = { kind: 'system', name: 'letter-action' };

/** The open or closed action of a kind at a slug; null for unknown, draft, or another kind. */
export async function publicAction(
  db: Kysely<Database>,
  slug: string,
  kind: 'letter' | 'call',
): Promise<LetterActionRow | null> {
  if (slug.length === 0 || slug.length > 80) return null;
  const row = await db.selectFrom('letter_actions').selectAll().where('slug', '=', slug).executeTakeFirst();
  return row && row.kind === kind && row.status !== 'draft' ? row : null;
}

/** The campaign's current targets that are people, with their office phone numbers. */
export async function actionTargets(db: Kysely<Database>, action: LetterActionRow): Promise<ActionTarget[]> {
  const ctx = { db, actor: actionActor };
  const all = await campaignTargets(ctx, action.campaign_id, { organization: action.organization_id });
  const out: ActionTarget[] = [];
  for (const target of all.targets) {
    if (!target.personId) continue;
    const person = await getPerson(db, target.personId);
    const phones = (person?.offices ?? []).flatMap((o) =>
      o.voice ? [{ office: o.name ?? o.classification, voice: o.voice }] : [],
    );
    out.push({ personId: target.personId, name: target.name, detail: target.detail, phones });
  }
  return out;
}

/** The targets among the supporter's lawmakers (by person id), in target order. */
export function matchTargets(targets: ActionTarget[], lawmakerIds: readonly string[]): ActionTarget[] {
  const mine = new Set(lawmakerIds);
  return targets.filter((t) => mine.has(t.personId));
}

/**
 * The action's message with the campaign's fields filled; the target fields stay as `{{target.name}}` and
 * `{{target.detail}}` so each target's copy gets its own.
 */
export async function actionText(db: Kysely<Database>, action: LetterActionRow): Promise<string> {
  const ctx = { db, actor: actionActor };
  const { text } = await previewMessage(ctx, action.campaign_id, action.message_id, {
    organization: action.organization_id,
  });
  return text
    .replaceAll('[target.name]', '{{target.name}}')
    .replaceAll('[target.detail]', '{{target.detail}}');
}

/** The keyed hash of an address's canonical form (hex). */
export function supporterHash(key: FieldKey, email: string): string {
  return createHmac('sha256', subKey(key, 'letter-email')).update(canonicalEmail(email)).digest('hex');
}

/** The unsubscribe token of a letter: `l.<mac>`. */
export function letterUnsubscribeToken(key: FieldKey, letterId: string): string {
  return `l.${createHmac('sha256', subKey(key, 'letter-unsubscribe')).update(letterId).digest('base64url')}`;
}

/** Every problem with the letter form (empty when it may be stored). */
export function letterProblems(input: LetterInput, allowed: readonly string[]): LetterProblem[] {
  const problems: LetterProblem[] = [];
  if (input.targets.length === 0) problems.push({ field: 'targets', reason: 'required' });
  else if (input.targets.some((id) => !allowed.includes(id)))
    problems.push({ field: 'targets', reason: 'invalid' });
  const text = input.text.trim();
  if (text === '') problems.push({ field: 'text', reason: 'required' });
  else if (text.length > actionLimits.letterChars) problems.push({ field: 'text', reason: 'tooLong' });
  const name = input.name.trim();
  if (name === '') problems.push({ field: 'name', reason: 'required' });
  else if (name.length > actionLimits.supporterNameChars) problems.push({ field: 'name', reason: 'tooLong' });
  const email = trimEmail(input.email);
  if (email === '') problems.push({ field: 'email', reason: 'required' });
  else if (!isPlausibleAddress(email)) problems.push({ field: 'email', reason: 'invalid' });
  if (!input.consent) problems.push({ field: 'consent', reason: 'required' });
  return problems;
}

/**
 * Stores a letter to matched targets with its consent and confirmation mail in one transaction: throws
 * ACTION_NOT_FOUND, ACTION_CLOSED, or VALIDATION_FAILED with `details.problems` (LetterProblem[]).
 */
export async function sendLetter(deps: LetterDeps, slug: string, input: LetterInput): Promise<LetterOutcome> {
  const action = await publicAction(deps.db, slug, 'letter');
  if (!action) throw new DomainError('ACTION_NOT_FOUND', 'no such letter action');
  if (action.status !== 'open') throw new DomainError('ACTION_CLOSED', 'this action is closed');
  const targets = await actionTargets(deps.db, action);
  const problems = letterProblems(
    input,
    targets.map((t) => t.personId),
  );
  if (problems.length > 0)
    throw new DomainError('VALIDATION_FAILED', problems.map((p) => `${p.field}: ${p.reason}`).join('; '), {
      problems,
    });
  if (input.honeypot !== '') return 'honeypot';
  const now = deps.now ?? new Date();
  const at = now.toISOString();
  const email = trimEmail(input.email);
  const hash = supporterHash(deps.fieldKey, email);
  const recent = await deps.db
    .selectFrom('letters')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('action_id', '=', action.id)
    .where('email_hash', '=', hash)
    .where('created_at', '>', new Date(now.getTime() - 3600_000).toISOString())
    .executeTakeFirst();
  if (Number(recent?.n ?? 0) >= actionLimits.lettersPerHour) return 'limited';
  const id = newSortableId(now.getTime());
  const confirm = randomBytes(32).toString('base64url');
  const unsubscribe = letterUnsubscribeToken(deps.fieldKey, id);
  const key = /^[A-Za-z0-9_-]{8,100}$/.test(input.idempotencyKey)
    ? input.idempotencyKey
    : randomBytes(18).toString('base64url');
  const row: LetterRow = {
    id,
    action_id: action.id,
    idempotency_key: key,
    email_ciphertext: encryptField(deps.fieldKey, email),
    email_hash: hash,
    name_ciphertext: encryptField(deps.fieldKey, input.name.trim()),
    text_ciphertext: encryptField(deps.fieldKey, input.text.trim()),
    target_ids_json: JSON.stringify([...new Set(input.targets)]),
    locale: input.locale,
    status: 'pending',
    consent_version: letterConsentVersion,
    consent_channel: 'web',
    consent_given_at: at,
    consent_withdrawn_at: null,
    confirm_token_hash: hashSecret(confirm),
    unsubscribe_token_hash: hashSecret(unsubscribe),
    created_at: at,
    confirmed_at: null,
    partner_org_id: input.partnerOrgId ?? null,
  };
  const link = `${deps.publicUrl}/act/letters/confirm/${confirm}`;
  const stop = `${deps.publicUrl}/act/letters/unsubscribe/${unsubscribe}`;
  const names = targets.filter((t) => input.targets.includes(t.personId)).map((t) => t.name);
  const mail = {
    from: `"${headerName(action.sender_name ?? '')}" <${action.sender_email}>`,
    to: email,
    subject: t(input.locale, 'letters.mail.subject', { title: action.title }),
    text: t(input.locale, 'letters.mail.body', {
      title: action.title,
      targets: names.join(', '),
      link,
      stop,
    }),
    headers: { 'List-Unsubscribe': `<${stop}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
  };
  return deps.db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('letters')
      .values(row)
      .onConflict((oc) => oc.columns(['action_id', 'idempotency_key']).doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return 'repeat';
    await recordConsents(
      trx,
      { kind: 'letter', id },
      {
        given: { ...input.consents, campaign: input.consent },
        version: letterConsentVersion,
        locale: input.locale,
        channel: 'web',
        partnerName: null,
        at,
      },
    );
    await queueMail(trx, deps.fieldKey, {
      publicUrl: deps.publicUrl,
      kind: 'letter.confirm',
      subjectId: id,
      message: mail,
      now,
    });
    return 'stored' as const;
  });
}

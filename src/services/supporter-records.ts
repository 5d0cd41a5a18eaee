/**
 * Everything lawgap holds about one supporter's email address, found the ways it is stored (docs/
 * supporter-data.md): petition signatures and letters by the keyed hash of the canonical address (with their
 * consents, deliveries and queued mail), alert subscriptions by the keyed hash of the normalised address, and
 * the few places that keep an address only encrypted (sign-on contacts, error-report contacts, unsent mail),
 * by decrypting and comparing canonical forms. Call reports are anonymous: nothing links them to anyone. The
 * records are decrypted here for the export; erasure (supporter-erasure.ts) works on the same set.
 */
import type { Kysely } from 'kysely';
import { canonicalEmail, trimEmail } from '../core/petitions/canonical-email.ts';
import type { Database } from '../store/schema.ts';
import { holderConsents } from '../store/supporter-consents.repo.ts';
import { dataLinkHash, doNotContactSince } from './do-not-contact.ts';
import { emailHash, normaliseEmail } from './email-keys.ts';
import { errorReportKey } from './error-reports.ts';
import { decryptField, type FieldKey } from './field-crypto.ts';
import { supporterHash } from './letter-sending.ts';
import type { OutboxMessage } from './mail-outbox.ts';
import { signerHash } from './petition-signing.ts';
import { signOnKey } from './sign-on.ts';

/** The ids of every record held about an address (what erasure acts on). */
export interface SupporterRecordIds {
  signatures: Array<{ id: string; status: string }>;
  letters: Array<{ id: string; status: string }>;
  subscriptions: string[];
  signOnSignatures: string[];
  errorReports: string[];
  /** Unsent queued mail addressed to it (confirmation links, data links) not tied to the records above. */
  outbox: string[];
}

function open(key: FieldKey, ciphertext: string | null | undefined): string | null {
  if (!ciphertext) return null;
  try {
    return decryptField(key, ciphertext);
  } catch {
    return null;
  }
}

/** True when two addresses name the same mailbox (canonical forms equal). */
function sameAddress(a: string | null, canonical: string): boolean {
  return a !== null && a.trim() !== '' && canonicalEmail(trimEmail(a)) === canonical;
}

/** The ids of everything held about the address (empty lists when nothing is). */
export async function supporterRecordIds(
  db: Kysely<Database>,
  key: FieldKey,
  email: string,
): Promise<SupporterRecordIds> {
  const canonical = canonicalEmail(trimEmail(email));
  const signatures = await db
    .selectFrom('petition_signatures')
    .select(['id', 'status'])
    .where('email_hash', '=', signerHash(key, email))
    .orderBy('id')
    .execute();
  const letters = await db
    .selectFrom('letters')
    .select(['id', 'status'])
    .where('email_hash', '=', supporterHash(key, email))
    .orderBy('id')
    .execute();
  const subscriptions = await db
    .selectFrom('email_subscriptions')
    .select('id')
    .where('email_hash', '=', emailHash(key, email))
    .orderBy('id')
    .execute();
  const signOnRows = await db.selectFrom('sign_on_signatures').select(['id', 'email_ciphertext']).execute();
  const reportRows = await db
    .selectFrom('answer_error_reports')
    .select(['id', 'contact_ciphertext'])
    .where('contact_ciphertext', 'is not', null)
    .execute();
  const mailRows = await db
    .selectFrom('mail_outbox')
    .select(['id', 'payload_ciphertext'])
    .where('sent_at', 'is', null)
    .where('payload_ciphertext', 'is not', null)
    .execute();
  const onKey = signOnKey(key);
  const reportKey = errorReportKey(key);
  return {
    signatures,
    letters,
    subscriptions: subscriptions.map((s) => s.id),
    signOnSignatures: signOnRows
      .filter((r) => sameAddress(open(onKey, r.email_ciphertext), canonical))
      .map((r) => r.id),
    errorReports: reportRows
      .filter((r) => sameAddress(open(reportKey, r.contact_ciphertext), canonical))
      .map((r) => r.id),
    outbox: mailRows
      .filter((r) => {
        const text = open(key, r.payload_ciphertext);
        return text !== null && sameAddress((JSON.parse(text) as OutboxMessage).to, canonical);
      })
      .map((r) => r.id),
  };
}

/** True when anything at all is held about the address. */
export function holdsAnything(ids: SupporterRecordIds): boolean {
  return Object.values(ids).some((list: unknown[]) => list.length > 0);
}

const none = ['__none__'];
const orNone = (ids: string[]) => (ids.length > 0 ? ids : none);

/**
 * Everything held about the address, decrypted, as one JSON-ready object: what the supporter downloads.
 * Sections with nothing in them are empty lists.
 */
export async function supporterExport(
  db: Kysely<Database>,
  key: FieldKey,
  email: string,
  now = new Date(),
): Promise<Record<string, unknown>> {
  const ids = await supporterRecordIds(db, key, email);
  const signatures = await db
    .selectFrom('petition_signatures as s')
    .innerJoin('petitions as p', 'p.id', 's.petition_id')
    .selectAll('s')
    .select(['p.slug', 'p.title'])
    .where('s.id', 'in', orNone(ids.signatures.map((s) => s.id)))
    .orderBy('s.id')
    .execute();
  const letters = await db
    .selectFrom('letters as l')
    .innerJoin('letter_actions as a', 'a.id', 'l.action_id')
    .selectAll('l')
    .select(['a.slug', 'a.title'])
    .where('l.id', 'in', orNone(ids.letters.map((l) => l.id)))
    .orderBy('l.id')
    .execute();
  const deliveries = await db
    .selectFrom('letter_deliveries as d')
    .leftJoin('mail_outbox as o', 'o.id', 'd.outbox_id')
    .select(['d.letter_id', 'd.person_id', 'd.channel', 'd.status', 'd.scheduled_at', 'o.sent_at'])
    .where('d.letter_id', 'in', orNone(ids.letters.map((l) => l.id)))
    .orderBy('d.id')
    .execute();
  const subscriptions = await db
    .selectFrom('email_subscriptions')
    .selectAll()
    .where('id', 'in', orNone(ids.subscriptions))
    .orderBy('id')
    .execute();
  const signOn = await db
    .selectFrom('sign_on_signatures as s')
    .innerJoin('sign_on_letters as l', 'l.id', 's.letter_id')
    .select([
      's.id',
      'l.title',
      's.organization_name',
      's.signer_name',
      's.signer_title',
      's.website',
      's.status',
      's.created_at',
    ])
    .where('s.id', 'in', orNone(ids.signOnSignatures))
    .execute();
  const reports = await db
    .selectFrom('answer_error_reports')
    .select(['id', 'answer_id', 'message', 'locale', 'status', 'created_at'])
    .where('id', 'in', orNone(ids.errorReports))
    .execute();
  const links = await db
    .selectFrom('supporter_data_links')
    .select(['created_at', 'expires_at'])
    .where('email_hash', '=', dataLinkHash(key, email))
    .orderBy('created_at')
    .execute();
  const listed = await doNotContactSince(db, key, email);
  const account = await db
    .selectFrom('users')
    .select(['id', 'display_name', 'created_at'])
    .where('email', '=', normaliseEmail(email))
    .executeTakeFirst();
  const follows = account
    ? await db
        .selectFrom('follows')
        .select(['target_kind', 'target_id', 'email_frequency', 'created_at'])
        .where('user_id', '=', account.id)
        .orderBy('created_at')
        .execute()
    : [];
  return {
    email: trimEmail(email),
    exportedAt: now.toISOString(),
    petitionSignatures: await Promise.all(
      signatures.map(async (s) => ({
        id: s.id,
        petition: { slug: s.slug, title: s.title },
        name: open(key, s.name_ciphertext),
        email: open(key, s.email_ciphertext),
        postcode: open(key, s.postcode_ciphertext),
        country: s.country,
        locale: s.locale,
        status: s.status,
        counted: Number(s.counted) === 1,
        createdAt: s.created_at,
        confirmedAt: s.confirmed_at,
        consents: await holderConsents(db, { kind: 'signature', id: s.id }),
      })),
    ),
    letters: await Promise.all(
      letters.map(async (l) => ({
        id: l.id,
        action: { slug: l.slug, title: l.title },
        name: open(key, l.name_ciphertext),
        email: open(key, l.email_ciphertext),
        text: open(key, l.text_ciphertext),
        targets: JSON.parse(l.target_ids_json) as string[],
        locale: l.locale,
        status: l.status,
        createdAt: l.created_at,
        confirmedAt: l.confirmed_at,
        consent: {
          version: l.consent_version,
          channel: l.consent_channel,
          givenAt: l.consent_given_at,
          withdrawnAt: l.consent_withdrawn_at,
        },
        consents: await holderConsents(db, { kind: 'letter', id: l.id }),
        deliveries: deliveries
          .filter((d) => d.letter_id === l.id)
          .map((d) => ({
            personId: d.person_id,
            channel: d.channel,
            status: d.status,
            scheduledAt: d.scheduled_at,
            sentAt: d.sent_at ?? null,
          })),
      })),
    ),
    callReports: [],
    emailSubscriptions: subscriptions.map((s) => ({
      id: s.id,
      email: open(key, s.email_ciphertext),
      targetKind: s.target_kind,
      targetId: s.target_id,
      frequency: s.frequency,
      status: s.status,
      locale: s.locale,
      consentVersion: s.consent_version,
      createdAt: s.created_at,
      confirmedAt: s.confirmed_at,
      unsubscribedAt: s.unsubscribed_at,
    })),
    signOnSignatures: signOn.map((s) => ({
      id: s.id,
      letter: s.title,
      organizationName: s.organization_name,
      signerName: s.signer_name,
      signerTitle: s.signer_title,
      website: s.website,
      status: s.status,
      createdAt: s.created_at,
    })),
    errorReports: reports.map((r) => ({
      id: r.id,
      answerId: r.answer_id,
      message: r.message,
      locale: r.locale,
      status: r.status,
      createdAt: r.created_at,
    })),
    queuedMail: ids.outbox.length,
    dataLinks: links.map((l) => ({ createdAt: l.created_at, expiresAt: l.expires_at })),
    doNotContact: listed ? { since: listed } : null,
    account: account
      ? {
          displayName: account.display_name,
          createdAt: account.created_at,
          follows: follows.map((f) => ({
            targetKind: f.target_kind,
            targetId: f.target_id,
            emailFrequency: f.email_frequency,
            createdAt: f.created_at,
          })),
        }
      : null,
  };
}

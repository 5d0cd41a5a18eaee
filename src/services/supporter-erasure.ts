/**
 * Erasing everything held about a supporter's email address, in ONE transaction. Policy (docs/
 * supporter-data.md):
 * - pending signatures and letters (never counted, never sent) are deleted with their consents and queued mail;
 * - validated signatures and confirmed letters are irreversibly anonymised: every personal field (address, name,
 *   postcode, letter text, client and address hashes, tokens, idempotency key) is cleared or replaced by random
 *   values, and the consents are deleted; the rows stay so that petition counts and letter/delivery counts stay
 *   what they were (an anonymous signature still counts once);
 * - a confirmed letter's deliveries not yet handed to the SMTP server are cancelled (their mail content erased;
 *   they count as failed, never sent), sent ones stay as anonymous counts;
 * - alert subscriptions are deleted with their queue rows and digests; sign-on contacts and error-report
 *   contacts are cleared; unsent mail to the address and every data link of it are deleted;
 * - the address goes on the do-not-contact list (a keyed hash only);
 * - the audit entry names a random erasure id and counts, never the address or a hash of it.
 * A user account with the same address is not closed here (an instance administrator disables accounts).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { recordAudit } from '../store/audit.repo.ts';
import { hashSecret } from '../store/sessions.repo.ts';
import type { ServiceContext } from './context.ts';
import { addDoNotContact, dataLinkHash } from './do-not-contact.ts';
import { encryptField, type FieldKey } from './field-crypto.ts';
import { signOnKey } from './sign-on.ts';
import { supporterRecordIds } from './supporter-records.ts';

/** What an erasure did (counts only). */
export interface ErasureSummary {
  erasureId: string;
  signaturesDeleted: number;
  signaturesAnonymised: number;
  lettersDeleted: number;
  lettersAnonymised: number;
  deliveriesCancelled: number;
  subscriptionsDeleted: number;
  signOnContactsErased: number;
  errorReportContactsErased: number;
  mailDeleted: number;
}

/** A value nobody can link to anyone (replaces a hash or key that must stay unique and non-null). */
function erased(): string {
  return `erased:${randomBytes(24).toString('base64url')}`;
}

const never = '9999-12-31T23:59:59.999Z';

/**
 * Erases or anonymises every record held about the address and lists it as do-not-contact; `via` says in the
 * audit how the request came (`self-service` or `admin`). Returns counts (all zero when nothing was held; the
 * address is listed all the same).
 */
export async function eraseSupporter(
  ctx: ServiceContext & { fieldKey: FieldKey },
  email: string,
  via: 'self-service' | 'admin',
  now = new Date(),
): Promise<ErasureSummary> {
  const key = ctx.fieldKey;
  const at = now.toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const ids = await supporterRecordIds(trx, key, email);
    const summary: ErasureSummary = {
      erasureId: randomUUID(),
      signaturesDeleted: 0,
      signaturesAnonymised: 0,
      lettersDeleted: 0,
      lettersAnonymised: 0,
      deliveriesCancelled: 0,
      subscriptionsDeleted: 0,
      signOnContactsErased: 0,
      errorReportContactsErased: 0,
      mailDeleted: 0,
    };
    const mail = new Set(ids.outbox);
    for (const s of ids.signatures) {
      await trx.deleteFrom('petition_consents').where('signature_id', '=', s.id).execute();
      for (const m of await trx
        .selectFrom('mail_outbox')
        .select('id')
        .where('subject_id', '=', s.id)
        .execute())
        mail.add(m.id);
      if (s.status === 'pending') {
        await trx.deleteFrom('petition_signatures').where('id', '=', s.id).execute();
        summary.signaturesDeleted++;
        continue;
      }
      await trx
        .updateTable('petition_signatures')
        .set({
          email_ciphertext: null,
          name_ciphertext: null,
          postcode_ciphertext: null,
          email_hash: erased(),
          idempotency_key: erased(),
          confirm_token_hash: null,
          unsubscribe_token_hash: hashSecret(erased()),
          ip_hash: null,
          email_domain: null,
          pending_person: null,
        })
        .where('id', '=', s.id)
        .execute();
      summary.signaturesAnonymised++;
    }
    for (const l of ids.letters) {
      await trx.deleteFrom('letter_consents').where('letter_id', '=', l.id).execute();
      for (const m of await trx
        .selectFrom('mail_outbox')
        .select('id')
        .where('subject_id', '=', l.id)
        .execute())
        mail.add(m.id);
      if (l.status === 'pending') {
        await trx.deleteFrom('letters').where('id', '=', l.id).execute();
        summary.lettersDeleted++;
        continue;
      }
      const unsent = await trx
        .selectFrom('letter_deliveries as d')
        .innerJoin('mail_outbox as o', 'o.id', 'd.outbox_id')
        .select(['o.id', 'o.attempts'])
        .where('d.letter_id', '=', l.id)
        .where('o.sent_at', 'is', null)
        .execute();
      for (const o of unsent) {
        // The content (with the supporter in Reply-To) goes; the row stays, never due, so it counts as failed.
        await trx
          .updateTable('mail_outbox')
          .set({
            payload_ciphertext: null,
            attempts: Math.max(1, Number(o.attempts)),
            next_attempt_at: never,
            lease_until: null,
            last_error: 'erased',
          })
          .where('id', '=', o.id)
          .execute();
        mail.delete(o.id);
        summary.deliveriesCancelled++;
      }
      await trx
        .updateTable('letters')
        .set({
          email_ciphertext: null,
          name_ciphertext: null,
          text_ciphertext: null,
          email_hash: erased(),
          idempotency_key: erased(),
          confirm_token_hash: null,
          unsubscribe_token_hash: hashSecret(erased()),
          consent_withdrawn_at: at,
        })
        .where('id', '=', l.id)
        .execute();
      summary.lettersAnonymised++;
    }
    if (ids.subscriptions.length > 0) {
      await trx
        .deleteFrom('email_queue')
        .where('recipient_kind', '=', 'subscription')
        .where('recipient_id', 'in', ids.subscriptions)
        .execute();
      await trx
        .deleteFrom('email_digests')
        .where('recipient_kind', '=', 'subscription')
        .where('recipient_id', 'in', ids.subscriptions)
        .execute();
      const r = await trx
        .deleteFrom('email_subscriptions')
        .where('id', 'in', ids.subscriptions)
        .executeTakeFirst();
      summary.subscriptionsDeleted = Number(r.numDeletedRows);
    }
    for (const id of ids.signOnSignatures) {
      await trx
        .updateTable('sign_on_signatures')
        .set({ signer_name: '', signer_title: null, email_ciphertext: encryptField(signOnKey(key), '') })
        .where('id', '=', id)
        .execute();
      summary.signOnContactsErased++;
    }
    if (ids.errorReports.length > 0) {
      const r = await trx
        .updateTable('answer_error_reports')
        .set({ contact_ciphertext: null })
        .where('id', 'in', ids.errorReports)
        .executeTakeFirst();
      summary.errorReportContactsErased = Number(r.numUpdatedRows);
    }
    if (mail.size > 0) {
      const r = await trx
        .deleteFrom('mail_outbox')
        .where('id', 'in', [...mail])
        .executeTakeFirst();
      summary.mailDeleted = Number(r.numDeletedRows);
    }
    await trx.deleteFrom('supporter_data_links').where('email_hash', '=', dataLinkHash(key, email)).execute();
    await addDoNotContact(trx, key, email, at);
    const { erasureId, ...counts } = summary;
    await recordAudit(trx, ctx.actor, 'supporters.erase', erasureId, { via, ...counts });
    return summary;
  });
}

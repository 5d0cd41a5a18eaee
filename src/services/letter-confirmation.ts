/**
 * Confirming a letter and withdrawing consent, by the tokens mailed to the supporter (the sending side is
 * letter-sending.ts). Confirmation queues one delivery per target in ONE transaction, unique per letter and
 * person, so a repeated confirm adds none; deliveries are paced per recipient.
 */
import type { Kysely, Transaction } from 'kysely';
import { renderTemplate } from '../core/campaigns/messages.ts';
import { DomainError } from '../core/errors.ts';
import type { Locale } from '../core/framework/types.ts';
import { isLocale } from '../core/i18n/locales.ts';
import { t } from '../core/i18n/messages.ts';
import { nextSlot } from '../core/letter-actions/types.ts';
import type { LetterActionRow, LetterRow } from '../store/letter-actions.schema.ts';
import type { Database } from '../store/schema.ts';
import { hashSecret } from '../store/sessions.repo.ts';
import { withdrawHolderConsents } from '../store/supporter-consents.repo.ts';
import { newSortableId } from '../store/util.ts';
import { deliveryChannels } from './delivery-channels.ts';
import { decryptField } from './field-crypto.ts';
import type { LetterDeps } from './letter-sending.ts';

/** One delivery row: queued on a channel with its outbox message and slot, or `no-address` when none can reach. */
async function insertDelivery(
  trx: Transaction<Database>,
  d: { id: string; letterId: string; actionId: string; personId: string; at: string },
  queued: { channel: string; outboxId: string; slot: string } | null,
): Promise<void> {
  await trx
    .insertInto('letter_deliveries')
    .values({
      id: d.id,
      letter_id: d.letterId,
      action_id: d.actionId,
      person_id: d.personId,
      channel: queued?.channel ?? 'email',
      status: queued ? 'queued' : 'no-address',
      outbox_id: queued?.outboxId ?? null,
      scheduled_at: queued?.slot ?? d.at,
      created_at: d.at,
    })
    .execute();
}

/** A letter found by a mailed token, with its action. */
export interface TokenLetter {
  letter: LetterRow;
  action: LetterActionRow;
  locale: Locale;
}

async function letterBy(
  db: Kysely<Database>,
  column: 'confirm_token_hash' | 'unsubscribe_token_hash',
  token: string,
): Promise<TokenLetter | null> {
  const ok = column === 'confirm_token_hash' ? /^[A-Za-z0-9_-]{43}$/ : /^l\.[A-Za-z0-9_-]{43}$/;
  if (!ok.test(token)) return null;
  const letter = await db
    .selectFrom('letters')
    .selectAll()
    .where(column, '=', hashSecret(token))
    .executeTakeFirst();
  if (!letter) return null;
  const action = await db
    .selectFrom('letter_actions')
    .selectAll()
    .where('id', '=', letter.action_id)
    .executeTakeFirst();
  if (!action) return null;
  return { letter, action, locale: isLocale(letter.locale) ? letter.locale : 'en' };
}

/** The pending letter a confirmation token names, unexpired (30 days); null otherwise. */
export async function peekLetterConfirmation(
  db: Kysely<Database>,
  token: string,
  now = new Date(),
): Promise<TokenLetter | null> {
  const found = await letterBy(db, 'confirm_token_hash', token);
  if (found?.letter.status !== 'pending') return null;
  return now.getTime() - Date.parse(found.letter.created_at) > 30 * 24 * 3600_000 ? null : found;
}

/**
 * Confirms a pending letter and queues one delivery per target in the same transaction (paced per recipient;
 * a target no channel can reach gets `no-address`); throws TOKEN_INVALID for a wrong, used or expired token.
 */
export async function confirmLetter(deps: LetterDeps, token: string): Promise<TokenLetter> {
  const now = deps.now ?? new Date();
  const found = await peekLetterConfirmation(deps.db, token, now);
  if (!found)
    throw new DomainError('TOKEN_INVALID', 'this confirmation link is invalid, expired or already used');
  const { letter, action } = found;
  const at = now.toISOString();
  const supporter = {
    name: decryptField(deps.fieldKey, letter.name_ciphertext ?? ''),
    email: decryptField(deps.fieldKey, letter.email_ciphertext ?? ''),
  };
  const text = decryptField(deps.fieldKey, letter.text_ciphertext ?? '');
  const footer = t(found.locale, 'letters.delivery.footer', { name: supporter.name, title: action.title });
  const done = await deps.db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('letters')
      .set({ status: 'confirmed', confirmed_at: at, confirm_token_hash: null })
      .where('id', '=', letter.id)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) return false;
    for (const personId of JSON.parse(letter.target_ids_json) as string[]) {
      const person = await trx
        .selectFrom('people')
        .select(['id', 'name', 'email'])
        .where('id', '=', personId)
        .executeTakeFirst();
      const target = { personId, name: person?.name ?? personId, email: person?.email ?? null };
      const channel = deliveryChannels.find((c) => c.canDeliver(target));
      const id = newSortableId(now.getTime());
      if (!channel) {
        await insertDelivery(trx, { id, letterId: letter.id, actionId: action.id, personId, at }, null);
        continue;
      }
      const latest = await trx
        .selectFrom('letter_deliveries')
        .select('scheduled_at')
        .where('person_id', '=', personId)
        .where('status', '=', 'queued')
        .orderBy('scheduled_at', 'desc')
        .limit(action.hourly_per_recipient)
        .execute();
      const slot = nextSlot(
        latest.map((l) => l.scheduled_at),
        action.hourly_per_recipient,
        now,
      ).toISOString();
      const outboxId = await channel.enqueue(trx, {
        id,
        target,
        from: { name: action.sender_name ?? '', email: action.sender_email ?? '' },
        replyTo: supporter,
        subject: action.title,
        text: `${renderTemplate(text.replace(/\{\{\s*target\.detail\s*\}\}/g, ''), { 'target.name': target.name })}\n\n-- \n${footer}`,
        notBefore: slot,
        publicUrl: deps.publicUrl,
        fieldKey: deps.fieldKey,
        now: at,
      });
      await insertDelivery(
        trx,
        { id, letterId: letter.id, actionId: action.id, personId, at },
        { channel: channel.name, outboxId, slot },
      );
    }
    return true;
  });
  if (!done)
    throw new DomainError('TOKEN_INVALID', 'this confirmation link is invalid, expired or already used');
  return found;
}

/** The letter an unsubscribe token names; null when it names none. */
export function peekLetterUnsubscribe(db: Kysely<Database>, token: string): Promise<TokenLetter | null> {
  return letterBy(db, 'unsubscribe_token_hash', token);
}

/** Withdraws every consent of the letter (one click) and voids a pending letter's link; throws TOKEN_INVALID otherwise. */
export async function withdrawLetter(
  db: Kysely<Database>,
  token: string,
  now = new Date(),
): Promise<TokenLetter> {
  const found = await peekLetterUnsubscribe(db, token);
  if (!found) throw new DomainError('TOKEN_INVALID', 'this unsubscribe link is invalid');
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('letters')
      .set({
        consent_withdrawn_at: found.letter.consent_withdrawn_at ?? now.toISOString(),
        confirm_token_hash: null,
      })
      .where('id', '=', found.letter.id)
      .execute();
    await withdrawHolderConsents(trx, { kind: 'letter', id: found.letter.id }, now.toISOString());
  });
  return found;
}

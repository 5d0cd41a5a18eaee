/**
 * Channels that deliver a confirmed letter to one target. A channel says whether it can reach the target and
 * queues the delivery inside the caller's transaction (so a crash never loses or duplicates it). Only email
 * exists now: From is the action's sending address, Reply-To the supporter (never spoofing them), To the
 * target's official address from the people data; the mail goes through the outbox (mail-outbox.ts).
 * Another official channel (a web form, a portal) implements the same interface.
 */
import type { Kysely } from 'kysely';
import { headerName } from '../core/letter-actions/types.ts';
import { enqueueMail } from '../store/mail-outbox.repo.ts';
import type { Database } from '../store/schema.ts';
import type { FieldKey } from './field-crypto.ts';
import { outboxPayload } from './mail-outbox.ts';

/** A target as a channel sees it: the person and their official contact details. */
export interface DeliveryTarget {
  personId: string;
  name: string;
  email: string | null;
}

/** One letter to one target, ready to queue. */
export interface Delivery {
  id: string;
  target: DeliveryTarget;
  from: { name: string; email: string };
  replyTo: { name: string; email: string };
  subject: string;
  text: string;
  /** When it may go (pacing per recipient). */
  notBefore: string;
  /** For the Message-ID's host. */
  publicUrl: string;
  fieldKey: FieldKey;
  now: string;
}

/** A way to deliver letters. */
export interface DeliveryChannel {
  name: string;
  canDeliver(target: DeliveryTarget): boolean;
  /** Queues the delivery in the transaction; resolves to the queued message's id. */
  enqueue(trx: Kysely<Database>, delivery: Delivery): Promise<string>;
}

/** Email through the outbox, from the campaign's address with the supporter in Reply-To. */
export const emailChannel: DeliveryChannel = {
  name: 'email',
  canDeliver: (target) => target.email?.includes('@') === true,
  async enqueue(trx, d) {
    const id = `${d.id}m`;
    await enqueueMail(trx, {
      id,
      message_id: `<${id}@${new URL(d.publicUrl).hostname}>`,
      kind: 'letter.delivery',
      subject_id: d.id,
      payload_ciphertext: outboxPayload(d.fieldKey, {
        from: `"${headerName(d.from.name)}" <${d.from.email}>`,
        to: d.target.email ?? '',
        subject: d.subject,
        text: d.text,
        headers: { 'Reply-To': `"${headerName(d.replyTo.name)}" <${d.replyTo.email}>` },
      }),
      attempts: 0,
      next_attempt_at: d.notBefore,
      lease_until: null,
      last_error: null,
      created_at: d.now,
      sent_at: null,
    });
    return id;
  },
};

/** The channels in order of preference. */
export const deliveryChannels: readonly DeliveryChannel[] = [emailChannel];

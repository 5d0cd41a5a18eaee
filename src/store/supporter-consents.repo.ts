/**
 * Consents a supporter gives with an action, one row per purpose (this campaign, updates from the organisation,
 * sharing with a named partner) with the exact wording version and locale, the channel and the time; the one
 * place petitions and letters record, list and withdraw them. A partner consent is kept only when the action
 * names a partner.
 */
import type { Kysely } from 'kysely';
import { type ConsentPurpose, consentPurposes } from '../core/petitions/types.ts';
import { consentsOf, insertConsents, withdrawConsents } from './petition-signatures.repo.ts';
import type { PetitionConsentRow } from './petitions.schema.ts';
import type { Database } from './schema.ts';

/** Whose consents: a petition signature or a letter. */
export type ConsentHolder = { kind: 'signature'; id: string } | { kind: 'letter'; id: string };

/** A consent record without its holder. */
export type ConsentRecord = Omit<PetitionConsentRow, 'signature_id'>;

/** What the form gave, and how. */
export interface GivenConsents {
  given: Partial<Record<ConsentPurpose, boolean>>;
  /** The wording version shown (e.g. `petitionConsentVersion`). */
  version: string;
  locale: string;
  /** Where it was given (`web`). */
  channel: string;
  /** The partner the action names; null: no partner consent is kept. */
  partnerName: string | null;
  at: string;
}

/** The records of the purposes ticked (partner only when the action names one), in purpose order. */
export function consentRecords(c: GivenConsents): ConsentRecord[] {
  return consentPurposes
    .filter((p) => c.given[p] === true && (p !== 'partner' || c.partnerName !== null))
    .map((purpose) => ({
      purpose,
      wording_version: c.version,
      wording_locale: c.locale,
      channel: c.channel,
      partner_name: purpose === 'partner' ? c.partnerName : null,
      given_at: c.at,
      withdrawn_at: null,
    }));
}

/** Stores the consents given with a signature or letter (call inside the action's transaction). */
export async function recordConsents(
  db: Kysely<Database>,
  holder: ConsentHolder,
  c: GivenConsents,
): Promise<void> {
  const rows = consentRecords(c);
  if (holder.kind === 'signature')
    await insertConsents(
      db,
      rows.map((r) => ({ ...r, signature_id: holder.id })),
    );
  else if (rows.length > 0)
    await db
      .insertInto('letter_consents')
      .values(rows.map((r) => ({ ...r, letter_id: holder.id })))
      .execute();
}

/** Withdraws every consent of the holder not yet withdrawn (one click); returns how many were. */
export async function withdrawHolderConsents(
  db: Kysely<Database>,
  holder: ConsentHolder,
  at: string,
): Promise<number> {
  if (holder.kind === 'signature') return withdrawConsents(db, holder.id, at);
  const r = await db
    .updateTable('letter_consents')
    .set({ withdrawn_at: at })
    .where('letter_id', '=', holder.id)
    .where('withdrawn_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** The consents of a holder, by purpose. */
export async function holderConsents(db: Kysely<Database>, holder: ConsentHolder): Promise<ConsentRecord[]> {
  const rows =
    holder.kind === 'signature'
      ? await consentsOf(db, holder.id)
      : await db
          .selectFrom('letter_consents')
          .selectAll()
          .where('letter_id', '=', holder.id)
          .orderBy('purpose')
          .execute();
  return rows.map(
    ({ purpose, wording_version, wording_locale, channel, partner_name, given_at, withdrawn_at }) => ({
      purpose,
      wording_version,
      wording_locale,
      channel,
      partner_name,
      given_at,
      withdrawn_at,
    }),
  );
}

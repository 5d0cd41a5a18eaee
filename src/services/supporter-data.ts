/**
 * Supporter data rights without an account (docs/supporter-data.md). Policy:
 * - anyone may ask for a link for an address; the answer is the same whether or not anything is held (and
 *   whether or not the limit held it back); a link is queued through the mail outbox only when something is
 *   held, at most `maxLinksPerHour` per address;
 * - the link is a random token stored only as its SHA-256, with the address encrypted; it lasts 24 hours; it
 *   downloads the data as often as wanted, and erasing uses it up (erasure deletes every link of the address);
 * - nothing acts on GET: the pages confirm by POST;
 * - administrators (`instance:admin`, or the CLI) export and erase for requests received another way; both are
 *   audited without personal data.
 */
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { actorCan } from '../core/auth/permissions.ts';
import { DomainError } from '../core/errors.ts';
import type { Locale } from '../core/framework/types.ts';
import { isLocale } from '../core/i18n/locales.ts';
import { t } from '../core/i18n/messages.ts';
import { trimEmail } from '../core/petitions/canonical-email.ts';
import { isPlausibleAddress } from '../core/petitions/types.ts';
import { recordAudit } from '../store/audit.repo.ts';
import type { Database } from '../store/schema.ts';
import { hashSecret } from '../store/sessions.repo.ts';
import { newSortableId } from '../store/util.ts';
import type { ServiceContext } from './context.ts';
import { dataLinkHash } from './do-not-contact.ts';
import { decryptField, encryptField, type FieldKey } from './field-crypto.ts';
import { queueMail } from './mail-outbox.ts';
import { type ErasureSummary, eraseSupporter } from './supporter-erasure.ts';
import { holdsAnything, supporterExport, supporterRecordIds } from './supporter-records.ts';

/** A data link works this long. */
export const dataLinkLifetimeMs = 24 * 3600 * 1000;
/** At most this many links are mailed to one address an hour (more requests are answered alike, unsent). */
export const maxLinksPerHour = 3;

/** What the self-service side needs besides the database. */
export interface DataLinkDeps {
  db: Kysely<Database>;
  fieldKey: FieldKey;
  /** The public base URL for links (no trailing slash). */
  publicUrl: string;
  /** The sender of the mail (MAIL_FROM). */
  mailFrom: string;
  now?: Date;
}

/** What happened to a request (for tests; the page answers the same whatever it is). */
export type LinkOutcome = 'sent' | 'nothing-held' | 'limited';

/** The trimmed address, or VALIDATION_FAILED naming the field and why (`required`, `invalid`). */
export function checkedEmail(email: string): string {
  const trimmed = trimEmail(email);
  const reason = trimmed === '' ? 'required' : !isPlausibleAddress(trimmed) ? 'invalid' : null;
  if (reason)
    throw new DomainError('VALIDATION_FAILED', `email: ${reason}`, {
      problems: [{ field: 'email', reason }],
    });
  return trimmed;
}

/** True for the shape of a data-link token: `d.` and 43 base64url characters. */
export function isDataLinkToken(token: string): boolean {
  return /^d\.[A-Za-z0-9_-]{43}$/.test(token);
}

/**
 * Mails a data link to the address when anything is held about it (within the hourly limit); throws only
 * VALIDATION_FAILED for a missing or malformed address.
 */
export async function requestDataLink(
  deps: DataLinkDeps,
  email: string,
  locale: Locale,
): Promise<LinkOutcome> {
  const address = checkedEmail(email);
  const now = deps.now ?? new Date();
  const hash = dataLinkHash(deps.fieldKey, address);
  const recent = await deps.db
    .selectFrom('supporter_data_links')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('email_hash', '=', hash)
    .where('created_at', '>', new Date(now.getTime() - 3600_000).toISOString())
    .executeTakeFirst();
  if (Number(recent?.n ?? 0) >= maxLinksPerHour) return 'limited';
  if (!holdsAnything(await supporterRecordIds(deps.db, deps.fieldKey, address))) return 'nothing-held';
  const token = `d.${randomBytes(32).toString('base64url')}`;
  const at = now.toISOString();
  const link = `${deps.publicUrl}/my-data/link/${token}`;
  const mail = {
    from: deps.mailFrom,
    to: address,
    subject: t(locale, 'mydata.mail.subject'),
    text: t(locale, 'mydata.mail.body', { link }),
  };
  const tokenHash = hashSecret(token);
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('supporter_data_links')
      .values({
        token_hash: tokenHash,
        email_ciphertext: encryptField(deps.fieldKey, address),
        email_hash: hash,
        locale,
        created_at: at,
        expires_at: new Date(now.getTime() + dataLinkLifetimeMs).toISOString(),
      })
      .execute();
    await queueMail(trx, deps.fieldKey, {
      publicUrl: deps.publicUrl,
      kind: 'supporter.data-link',
      subjectId: tokenHash,
      message: mail,
      now,
    });
  });
  return 'sent';
}

/** The address and language a data link names while it works; null for a wrong, expired or used token. */
export async function peekDataLink(
  db: Kysely<Database>,
  key: FieldKey,
  token: string,
  now = new Date(),
): Promise<{ email: string; locale: Locale } | null> {
  if (!isDataLinkToken(token)) return null;
  const row = await db
    .selectFrom('supporter_data_links')
    .selectAll()
    .where('token_hash', '=', hashSecret(token))
    .executeTakeFirst();
  if (!row || row.expires_at <= now.toISOString()) return null;
  return { email: decryptField(key, row.email_ciphertext), locale: isLocale(row.locale) ? row.locale : 'en' };
}

async function linkOrThrow(deps: DataLinkDeps, token: string) {
  const found = await peekDataLink(deps.db, deps.fieldKey, token, deps.now);
  if (!found) throw new DomainError('TOKEN_INVALID', 'this link is invalid, expired or already used');
  return found;
}

const selfService = { kind: 'system', name: 'supporter-self-service' } as const;

/** Everything held about the link's address (JSON-ready); TOKEN_INVALID for a link that does not work. */
export async function exportByLink(deps: DataLinkDeps, token: string): Promise<Record<string, unknown>> {
  const { email } = await linkOrThrow(deps, token);
  return supporterExport(deps.db, deps.fieldKey, email, deps.now);
}

/** Erases everything held about the link's address and uses the link up; TOKEN_INVALID when it does not work. */
export async function eraseByLink(deps: DataLinkDeps, token: string): Promise<ErasureSummary> {
  const { email } = await linkOrThrow(deps, token);
  return eraseSupporter(
    { db: deps.db, actor: selfService, fieldKey: deps.fieldKey },
    email,
    'self-service',
    deps.now,
  );
}

function requireAdmin(ctx: ServiceContext): void {
  if (!actorCan(ctx.actor, 'instance:admin'))
    throw new DomainError('FORBIDDEN', 'only instance administrators handle supporter data requests');
}

/** An administrator's export for a request received another way (audited without the address). */
export async function adminExportSupporter(
  ctx: ServiceContext & { fieldKey: FieldKey },
  email: string,
): Promise<Record<string, unknown>> {
  requireAdmin(ctx);
  const data = await supporterExport(ctx.db, ctx.fieldKey, checkedEmail(email));
  await recordAudit(ctx.db, ctx.actor, 'supporters.export', newSortableId(), { via: 'admin' });
  return data;
}

/** An administrator's erasure for a request received another way (audited with counts only). */
export async function adminEraseSupporter(
  ctx: ServiceContext & { fieldKey: FieldKey },
  email: string,
): Promise<ErasureSummary> {
  requireAdmin(ctx);
  return eraseSupporter(ctx, checkedEmail(email), 'admin');
}

/**
 * "Report an error" on a published answer. Policy: anyone may send a report about a published answer of the
 * jurisdiction whose page they are on (the answer must be published and of that jurisdiction, else
 * ANSWER_NOT_FOUND); a filled honeypot field is accepted silently and stored nowhere. The report is routed
 * to the review queue of the organisation that published the answer: the organisation of the API token that
 * last published it, or, for a person, their earliest membership whose role may publish (coding:publish).
 * An answer published by a system actor (the command line) has no organisation, and its reports wait for
 * nobody: they are stored but listed to no organisation. The optional contact address is encrypted at rest
 * with its own derived key and never logged. Reading and resolving needs `coding:review`, own queue only.
 */
import { createHmac } from 'node:crypto';
import type { Kysely } from 'kysely';
import { actorLabel, permissionsOf, roles } from '../core/auth/permissions.ts';
import { DomainError } from '../core/errors.ts';
import { recordAudit } from '../store/audit.repo.ts';
import {
  findErrorReport,
  findPublishedAnswer,
  insertErrorReport,
  lastPublisherOf,
  listErrorReports,
  membershipsWithRoles,
  resolveErrorReportRow,
  tokenOrganization,
} from '../store/help-resources.repo.ts';
import type { AnswerErrorReportRow } from '../store/help-resources.schema.ts';
import type { Database } from '../store/schema.ts';
import { newSortableId, nowIso } from '../store/util.ts';
import type { ServiceContext } from './context.ts';
import { decryptField, encryptField, type FieldKey } from './field-crypto.ts';
import { resourceOrganization } from './help-resources.ts';

/** Limits on a report. */
export const errorReportLimits = { message: 2_000, contact: 254 } as const;

/** An error report as the organisation's reviewers see it. */
export interface ErrorReport {
  id: string;
  answerId: string;
  jurisdictionId: string;
  indicatorId: string;
  message: string;
  contact: string | null;
  locale: string;
  status: 'open' | 'resolved';
  resolution: string | null;
  resolvedBy: string | null;
  resolvedAt: string | null;
  createdAt: string;
}

/** What the public form sends. */
export interface ErrorReportInput {
  jurisdictionId: string;
  answerId: string;
  message: string;
  contact?: string;
  /** The hidden field people leave empty. */
  honeypot?: string;
  locale: string;
}

/** The key of the error-report contact data class, derived from the field key. */
export function errorReportKey(fieldKey: FieldKey): FieldKey {
  return createHmac('sha256', fieldKey).update('lawgap/error-reports/v1').digest() as FieldKey;
}

const publishingRoles = roles.filter((r) => permissionsOf(r).includes('coding:publish'));

/** The organisation whose review queue gets reports about the answer, or null (published by a system actor). */
export async function publishingOrganization(db: Kysely<Database>, answerId: string): Promise<string | null> {
  const publisher = await lastPublisherOf(db, answerId);
  if (!publisher) return null;
  const [kind, id] = [
    publisher.slice(0, publisher.indexOf(':')),
    publisher.slice(publisher.indexOf(':') + 1),
  ];
  if (kind === 'token') return tokenOrganization(db, id);
  if (kind === 'user') return (await membershipsWithRoles(db, id, publishingRoles))[0] ?? null;
  return null;
}

function problem(field: string, message: string): never {
  throw new DomainError('VALIDATION_FAILED', `${field}: ${message}`, { problems: [{ field, message }] });
}

/** Stores a public report (or, with the honeypot filled, nothing); returns whether it was stored. */
export async function submitErrorReport(
  ctx: Pick<ServiceContext, 'db'> & { fieldKey: FieldKey },
  input: ErrorReportInput,
): Promise<{ stored: boolean }> {
  if ((input.honeypot ?? '').trim() !== '') return { stored: false };
  const answer = await findPublishedAnswer(ctx.db, input.answerId);
  if (!answer || answer.jurisdiction_id !== input.jurisdictionId)
    throw new DomainError('ANSWER_NOT_FOUND', 'no published answer of this jurisdiction');
  const message = input.message.trim();
  if (message === '' || message.length > errorReportLimits.message)
    problem('message', `say what is wrong in 1 to ${errorReportLimits.message} characters`);
  const contact = (input.contact ?? '').trim();
  if (
    contact !== '' &&
    (contact.length > errorReportLimits.contact || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(contact))
  )
    problem('contact', 'an email address such as name@example.org, or leave it empty');
  const row: AnswerErrorReportRow = {
    id: newSortableId(),
    answer_id: answer.id,
    jurisdiction_id: answer.jurisdiction_id,
    indicator_id: answer.indicator_id,
    organization_id: await publishingOrganization(ctx.db, answer.id),
    message,
    contact_ciphertext: contact === '' ? null : encryptField(errorReportKey(ctx.fieldKey), contact),
    locale: input.locale,
    status: 'open',
    resolution: null,
    resolved_by: null,
    resolved_at: null,
    created_at: nowIso(),
  };
  await insertErrorReport(ctx.db, row);
  return { stored: true };
}

function toReport(fieldKey: FieldKey, r: AnswerErrorReportRow): ErrorReport {
  return {
    id: r.id,
    answerId: r.answer_id,
    jurisdictionId: r.jurisdiction_id,
    indicatorId: r.indicator_id,
    message: r.message,
    contact:
      r.contact_ciphertext === null ? null : decryptField(errorReportKey(fieldKey), r.contact_ciphertext),
    locale: r.locale,
    status: r.status === 'resolved' ? 'resolved' : 'open',
    resolution: r.resolution,
    resolvedBy: r.resolved_by,
    resolvedAt: r.resolved_at,
    createdAt: r.created_at,
  };
}

/** The acting organisation's error reports (its review queue), newest first; needs `coding:review`. */
export async function listOwnErrorReports(
  ctx: ServiceContext & { fieldKey: FieldKey },
  args: { organization?: string; status?: 'open' | 'resolved' } = {},
): Promise<ErrorReport[]> {
  const organizationId = await resourceOrganization(ctx, args, 'coding:review');
  return (await listErrorReports(ctx.db, organizationId, args.status)).map((r) => toReport(ctx.fieldKey, r));
}

/** Resolves one of the organisation's reports with a note; ERROR_REPORT_NOT_FOUND for another's. */
export async function resolveErrorReport(
  ctx: ServiceContext & { fieldKey: FieldKey },
  id: string,
  args: { resolution: string; organization?: string },
): Promise<ErrorReport> {
  const organizationId = await resourceOrganization(ctx, args, 'coding:review');
  const row = await findErrorReport(ctx.db, organizationId, id);
  if (!row) throw new DomainError('ERROR_REPORT_NOT_FOUND', `no error report ${id}`);
  const resolution = args.resolution.trim();
  if (resolution === '' || resolution.length > errorReportLimits.message)
    problem('resolution', `1 to ${errorReportLimits.message} characters`);
  const set = { status: 'resolved', resolution, resolved_by: actorLabel(ctx.actor), resolved_at: nowIso() };
  await ctx.db.transaction().execute(async (trx) => {
    await resolveErrorReportRow(trx, id, set);
    await recordAudit(trx, ctx.actor, 'error_reports.resolve', id);
  });
  return toReport(ctx.fieldKey, { ...row, ...set });
}

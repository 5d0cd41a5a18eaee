/** The audit trail: who did what to which subject. Never holds passwords, tokens or personal free text. */
import type { Kysely } from 'kysely';
import { type Actor, actorLabel } from '../core/auth/permissions.ts';
import type { Database } from './schema.ts';
import { newSortableId, nowIso } from './util.ts';

export interface AuditEvent {
  at: string;
  actor: string;
  action: string;
  subject: string;
  details: Record<string, unknown> | null;
}

/** Appends an audit event. */
export async function recordAudit(
  db: Kysely<Database>,
  actor: Actor,
  action: string,
  subject: string,
  details?: Record<string, unknown>,
): Promise<void> {
  await db
    .insertInto('audit_events')
    .values({
      id: newSortableId(),
      at: nowIso(),
      actor: actorLabel(actor),
      action,
      subject,
      details_json: details ? JSON.stringify(details) : null,
    })
    .execute();
}

/** Recent audit events for a subject, newest first. */
export async function listAudit(db: Kysely<Database>, subject?: string, limit = 100): Promise<AuditEvent[]> {
  let q = db.selectFrom('audit_events').selectAll();
  if (subject) q = q.where('subject', '=', subject);
  const rows = await q.orderBy('at', 'desc').orderBy('id', 'desc').limit(limit).execute();
  return rows.map((r) => ({
    at: r.at,
    actor: r.actor,
    action: r.action,
    subject: r.subject,
    details: r.details_json ? (JSON.parse(r.details_json) as Record<string, unknown>) : null,
  }));
}

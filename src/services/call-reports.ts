/**
 * Anonymous call reports of a call action: which target was called and what happened (reached, voicemail, no
 * answer); nothing about the caller is asked or stored.
 */
import type { Kysely } from 'kysely';
import { DomainError } from '../core/errors.ts';
import { type CallOutcome, callOutcomes } from '../core/letter-actions/types.ts';
import type { Database } from '../store/schema.ts';
import { newSortableId } from '../store/util.ts';
import { actionTargets, publicAction } from './letter-sending.ts';

/** Records an anonymous call outcome for one of the action's targets; VALIDATION_FAILED names the field. */
export async function reportCall(
  db: Kysely<Database>,
  slug: string,
  input: { target: string; outcome: string; partnerOrgId?: string | null },
  now = new Date(),
): Promise<void> {
  const action = await publicAction(db, slug, 'call');
  if (!action) throw new DomainError('ACTION_NOT_FOUND', 'no such call action');
  if (action.status !== 'open') throw new DomainError('ACTION_CLOSED', 'this action is closed');
  const targets = await actionTargets(db, action);
  const problems: Array<{ field: string; reason: string }> = [];
  if (!targets.some((t) => t.personId === input.target))
    problems.push({ field: 'target', reason: 'required' });
  if (!(callOutcomes as readonly string[]).includes(input.outcome))
    problems.push({ field: 'outcome', reason: 'required' });
  if (problems.length > 0)
    throw new DomainError('VALIDATION_FAILED', problems.map((p) => `${p.field}: ${p.reason}`).join('; '), {
      problems,
    });
  await db
    .insertInto('call_reports')
    .values({
      id: newSortableId(now.getTime()),
      action_id: action.id,
      person_id: input.target,
      outcome: input.outcome as CallOutcome,
      created_at: now.toISOString(),
      partner_org_id: input.partnerOrgId ?? null,
    })
    .execute();
}

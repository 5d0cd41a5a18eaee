/**
 * Who codes what in a QC batch, for a coder's work list. Policy: members with `org:read` see every variable
 * of a visible batch with its coders (names included) and whether each has coded it; `mine` keeps the
 * caller's own assignments only (none for the command line, which codes nothing).
 */
import { actorCan } from '../core/auth/permissions.ts';
import { DomainError } from '../core/errors.ts';
import { variableKey } from '../core/qc/types.ts';
import { getUser } from '../store/accounts.repo.ts';
import { listAssignments, listCodings } from '../store/qc.repo.ts';
import type { ServiceContext } from './context.ts';
import { actorUserId, visibleBatch } from './qc.ts';

/** One variable of a batch with its coders and where the caller stands. */
export interface AssignmentView {
  jurisdictionId: string;
  indicatorId: string;
  coders: Array<{ coderId: string; coderName: string; coded: boolean }>;
  /** True when the caller is one of the variable's coders. */
  assignedToYou: boolean;
  /** Whether the caller has coded it; null when it is not assigned to them. */
  codedByYou: boolean | null;
}

/** A batch's variables with coders and progress, optionally the caller's own only; throws QC_BATCH_NOT_FOUND. */
export async function listBatchAssignments(
  ctx: ServiceContext,
  batchId: string,
  options: { mine?: boolean } = {},
): Promise<AssignmentView[]> {
  if (!actorCan(ctx.actor, 'org:read'))
    throw new DomainError('FORBIDDEN', 'reading QC batches needs org:read');
  const batch = await visibleBatch(ctx, batchId);
  const [assignments, codings] = await Promise.all([
    listAssignments(ctx.db, batch.id),
    listCodings(ctx.db, batch.id),
  ]);
  const coded = new Set(codings.map((c) => `${variableKey(c)}|${c.coderId}`));
  const me = actorUserId(ctx);
  const names = new Map<string, string>();
  for (const id of batch.coders) names.set(id, (await getUser(ctx.db, id))?.displayName ?? id);
  return assignments
    .filter((a) => !options.mine || (me !== null && a.coders.includes(me)))
    .map((a) => {
      const mine = me !== null && a.coders.includes(me);
      return {
        jurisdictionId: a.jurisdictionId,
        indicatorId: a.indicatorId,
        coders: a.coders.map((coderId) => ({
          coderId,
          coderName: names.get(coderId) ?? coderId,
          coded: coded.has(`${variableKey(a)}|${coderId}`),
        })),
        assignedToYou: mine,
        codedByYou: mine ? coded.has(`${variableKey(a)}|${me}`) : null,
      };
    });
}

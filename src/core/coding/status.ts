/**
 * Who may move an answer between review states. Policy:
 * - suggested → coded: `coding:write`; the person confirming becomes the coder (a machine suggestion is never
 *   counted until a person takes responsibility for it).
 * - coded → reviewed: `coding:review`, by someone other than the coder (four eyes), unless single-coder mode.
 *   Single-coder mode is the local command line (a system actor): one person working alone reviews their own.
 * - reviewed → published: `coding:publish` (the review already had four eyes).
 * - reviewed → coded (sent back): `coding:review`; published → reviewed (withdrawn): `coding:publish`.
 * Any other move is refused with ANSWER_STATUS_INVALID; a missing permission with FORBIDDEN. Editing the value,
 * citations, note or interval of a reviewed or published answer returns it to `coded` (see `statusAfterEdit`).
 */
import { type Actor, actorCan, actorLabel, type Permission } from '../auth/permissions.ts';
import { DomainError } from '../errors.ts';
import type { CodingStatus } from './types.ts';

const moves: Record<string, Permission> = {
  'suggested>coded': 'coding:write',
  'coded>reviewed': 'coding:review',
  'reviewed>published': 'coding:publish',
  'reviewed>coded': 'coding:review',
  'published>reviewed': 'coding:publish',
};

/** The statuses an answer may be created with: a machine suggestion, or a person's coding. */
export const initialStatuses: readonly CodingStatus[] = ['suggested', 'coded'];

/** What a status change is judged on. */
export interface TransitionRequest {
  from: CodingStatus;
  to: CodingStatus;
  /** The actor's label, compared with the coder's for the four-eyes rule. */
  actor: string;
  coder: string;
  can: (permission: Permission) => boolean;
  singleCoder: boolean;
}

/** Throws ANSWER_STATUS_INVALID or FORBIDDEN unless the move is allowed (see the policy above). */
export function checkTransition(r: TransitionRequest): void {
  const permission = moves[`${r.from}>${r.to}`];
  if (!permission) {
    throw new DomainError('ANSWER_STATUS_INVALID', `an answer cannot move from ${r.from} to ${r.to}`, {
      from: r.from,
      to: r.to,
    });
  }
  if (!r.can(permission)) {
    throw new DomainError('FORBIDDEN', `moving an answer from ${r.from} to ${r.to} needs ${permission}`);
  }
  if (r.to === 'reviewed' && r.from === 'coded' && r.actor === r.coder && !r.singleCoder) {
    throw new DomainError('FORBIDDEN', 'a reviewer cannot review their own coding');
  }
}

/**
 * Checks that `actor` may move a record (an answer or a modifier finding) from its status to `to`, and returns
 * the actor's label and the record's coder after the move: confirming a machine suggestion makes the confirming
 * person its coder. Single-coder mode defaults to a system actor (the local command line).
 */
export function checkStatusMove(
  actor: Actor,
  before: { status: CodingStatus; coder: string },
  to: CodingStatus,
  singleCoder?: boolean,
): { actor: string; coder: string } {
  const label = actorLabel(actor);
  checkTransition({
    from: before.status,
    to,
    actor: label,
    coder: before.coder,
    can: (p) => actorCan(actor, p),
    singleCoder: singleCoder ?? actor.kind === 'system',
  });
  return { actor: label, coder: before.status === 'suggested' ? label : before.coder };
}

/** The status after an edit: reviewed and published answers go back to coded; others keep theirs. */
export function statusAfterEdit(status: CodingStatus): CodingStatus {
  return status === 'reviewed' || status === 'published' ? 'coded' : status;
}

/** Every allowed move and the permission it needs, for generated documentation (the export's protocol). */
export const statusTransitions: ReadonlyArray<{
  from: CodingStatus;
  to: CodingStatus;
  permission: Permission;
}> = Object.entries(moves).map(([key, permission]) => {
  const [from, to] = key.split('>') as [CodingStatus, CodingStatus];
  return { from, to, permission };
});

/**
 * The publishing gate of quality control. Policy: an answer cannot be published while a QC batch holds an
 * unreconciled divergence over its jurisdiction × framework × indicator; a reviewer reconciles it first.
 * Kept apart from services/qc.ts so that coding (which QC builds on) depends only on this small rule.
 */
import type { Kysely } from 'kysely';
import type { CodedAnswer } from '../core/coding/types.ts';
import { DomainError } from '../core/errors.ts';
import { findOpenDivergence } from '../store/qc.repo.ts';
import type { Database } from '../store/schema.ts';

/** Throws QC_DIVERGENCE_OPEN when the answer's variable has an unreconciled divergence in any batch. */
export async function refuseOpenDivergence(
  db: Kysely<Database>,
  a: Pick<CodedAnswer, 'jurisdictionId' | 'frameworkId' | 'indicatorId'>,
): Promise<void> {
  const open = await findOpenDivergence(db, a);
  if (open) {
    throw new DomainError(
      'QC_DIVERGENCE_OPEN',
      `${a.indicatorId} for ${a.jurisdictionId} has an unreconciled divergence (batch ${open.batchId}); reconcile it before publishing`,
      { divergenceId: open.id, batchId: open.batchId },
    );
  }
}

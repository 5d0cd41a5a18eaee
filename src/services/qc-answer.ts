/**
 * Writing the answer a QC variable settles on. Policy: the answer for the variable's jurisdiction ×
 * framework × indicator whose validity contains the settled start date is updated (with history); when there
 * is none, an answer is created. Agreement of two coders, or a single coder's coding, leaves it `coded` (it
 * goes through the usual review); a reconciliation leaves it `reviewed`, because the reconciling reviewer, who
 * is neither coder, has looked at both codings and the law. A status change is its own history row.
 */
import { actorLabel } from '../core/auth/permissions.ts';
import type { CodedAnswer } from '../core/coding/types.ts';
import { codingLimits, snapshotOf } from '../core/coding/types.ts';
import type { Framework } from '../core/framework/types.ts';
import type { QcVariable } from '../core/qc/types.ts';
import { appendHistory, getAnswer, listAnswerIntervals, updateAnswerRow } from '../store/coding.repo.ts';
import type { CitationInput } from './answer-checks.ts';
import { createAnswerIn, updateAnswerIn } from './coding.ts';
import type { ServiceContext } from './context.ts';

/** What a variable settled on: a value, its evidence and the first day it applies. */
export interface Settled {
  value: string;
  citations: CitationInput[];
  validFrom: string;
}

/** Creates or updates the variable's answer inside the caller's transaction and leaves it at `status`. */
export async function settleAnswer(
  ctx: ServiceContext,
  framework: Framework,
  variable: QcVariable,
  settled: Settled,
  status: 'coded' | 'reviewed',
): Promise<CodedAnswer> {
  const intervals = await listAnswerIntervals(ctx.db, { ...variable, frameworkId: framework.id });
  const from = settled.validFrom;
  const existing = intervals.find((a) => a.validFrom <= from && (a.validTo === null || from < a.validTo));
  const written = existing
    ? await updateAnswerIn(ctx, existing.id, { value: settled.value, citations: settled.citations })
    : await createAnswerIn(ctx, {
        ...variable,
        value: settled.value,
        citations: settled.citations,
        validFrom: from,
        status: 'coded',
        frameworkVersion: framework.version,
      });
  if (written.status === status) return written;
  await updateAnswerRow(ctx.db, written.id, { ...written, status });
  const after = (await getAnswer(ctx.db, written.id)) ?? written;
  await appendHistory(ctx.db, {
    answerId: written.id,
    actor: actorLabel(ctx.actor),
    action: 'status',
    before: snapshotOf(written),
    after: snapshotOf(after),
  });
  return after;
}

/** Both coders' evidence, the earlier coding's first; a provision cited by both keeps the earlier quote. */
export function mergeCitations(
  first: readonly CitationInput[],
  second: readonly CitationInput[],
): CitationInput[] {
  const out = [...first];
  const seen = new Set(first.map((c) => c.provisionId));
  for (const c of second) if (!seen.has(c.provisionId)) out.push(c);
  return out.slice(0, codingLimits.citations);
}

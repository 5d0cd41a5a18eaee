/**
 * Bill ↔ indicator links. Policy (core/bills/links.ts):
 * - `refreshBillLinks` stores the analyzer's suggestions from the bill's impact (services/bill-impact.ts, over
 *   the published answers): each indicator the bill would raise, and each uncoded one it would meet; a stale
 *   suggestion nobody decided is removed; a link a person confirmed or rejected is never touched;
 * - a person with `bills:review` confirms or rejects a link (with a note), or adds one the analyzer missed
 *   (the indicator must be in the framework); a rejected link stays, so a refresh never suggests it again;
 * - suggestions stay labelled machine-suggested until confirmed. Links are instance-wide like the bills; the
 *   public gap report shows the live bills linked to each gap (never rejected links), reading a bill's links
 *   with their notes needs `org:read`.
 */
import { analyzerVersion } from '../core/analyzer/analyze.ts';
import { actorCan, actorLabel } from '../core/auth/permissions.ts';
import {
  type BillIndicatorLink,
  type BillLinkDecision,
  type GapLiveBill,
  machineSuggestedLabel,
  type SuggestedLink,
  sortLiveBills,
} from '../core/bills/links.ts';
import type { Bill } from '../core/bills/types.ts';
import { DomainError } from '../core/errors.ts';
import { recordAudit } from '../store/audit.repo.ts';
import { deleteLink, listLinks, liveLinkedBills, putLink } from '../store/bill-review.repo.ts';
import { getBill } from '../store/bills.repo.ts';
import { nowIso } from '../store/util.ts';
import { billImpact } from './bill-impact.ts';
import type { ServiceContext } from './context.ts';
import { getFramework } from './framework.ts';
import { notifyPublicationChanged } from './publication-events.ts';

/** A link as the API shows it: with the machine-suggested label while it applies. */
export type LabelledLink = BillIndicatorLink & { label: string | null };

/** What a refresh did. */
export interface LinkRefreshReport {
  billId: string;
  analyzerVersion: string;
  suggested: number;
  added: number;
  updated: number;
  removed: number;
  keptDecided: number;
  links: LabelledLink[];
}

const labelled = (l: BillIndicatorLink): LabelledLink => ({
  ...l,
  label: l.machineSuggested ? machineSuggestedLabel : null,
});

async function requireBill(ctx: ServiceContext, id: string): Promise<Bill> {
  const bill = await getBill(ctx.db, id);
  if (!bill) throw new DomainError('BILL_NOT_FOUND', `no bill ${id}`, { id });
  return bill;
}

function requireReview(ctx: ServiceContext): void {
  if (!actorCan(ctx.actor, 'bills:review'))
    throw new DomainError('FORBIDDEN', 'linking bills to indicators needs the bills:review permission');
}

/**
 * Stores the analyzer's suggested links of a bill, leaving decided links untouched; throws FORBIDDEN,
 * BILL_NOT_FOUND, BILL_TEXT_MISSING (no version with text) or VALIDATION_FAILED (bad date).
 */
export async function refreshBillLinks(
  ctx: ServiceContext,
  billId: string,
  options: { asOf?: string } = {},
): Promise<LinkRefreshReport> {
  requireReview(ctx);
  const bill = await requireBill(ctx, billId);
  const impact = await billImpact(ctx, bill.id, {
    include: 'published',
    ...(options.asOf ? { asOf: options.asOf } : {}),
  });
  const suggested: SuggestedLink[] = [
    ...impact.changes.map((c) => ({
      indicatorId: c.indicatorId,
      projectedAnswer: c.projected,
      currentAnswer: c.current,
      direction: 'raises' as const,
      evidence: c.evidence,
    })),
    ...impact.uncoded.map((u) => ({
      indicatorId: u.indicatorId,
      projectedAnswer: u.suggested,
      currentAnswer: null,
      direction: 'meets_uncoded' as const,
      evidence: u.evidence,
    })),
  ];
  const report = { added: 0, updated: 0, removed: 0, keptDecided: 0 };
  await ctx.db.transaction().execute(async (trx) => {
    const now = nowIso();
    const existing = new Map((await listLinks(trx, bill.id)).map((l) => [l.indicatorId, l]));
    const wanted = new Set(suggested.map((s) => s.indicatorId));
    for (const s of suggested) {
      const before = existing.get(s.indicatorId);
      if (before && before.status !== 'suggested') {
        report.keptDecided++;
        continue;
      }
      await putLink(trx, {
        billId: bill.id,
        indicatorId: s.indicatorId,
        status: 'suggested',
        machineSuggested: true,
        origin: 'analyzer',
        projectedAnswer: s.projectedAnswer,
        currentAnswer: s.currentAnswer,
        direction: s.direction,
        evidence: s.evidence,
        note: null,
        decidedBy: null,
        decidedAt: null,
        analyzerVersion,
        createdAt: before?.createdAt ?? now,
        updatedAt: now,
      });
      if (before) report.updated++;
      else report.added++;
    }
    for (const l of existing.values()) {
      if (l.status === 'suggested' && !wanted.has(l.indicatorId)) {
        await deleteLink(trx, bill.id, l.indicatorId);
        report.removed++;
      } else if (l.status !== 'suggested' && !wanted.has(l.indicatorId)) {
        report.keptDecided++;
      }
    }
    await recordAudit(trx, ctx.actor, 'bills.links.refresh', bill.id, {
      analyzerVersion,
      suggested: suggested.length,
      ...report,
    });
  });
  return {
    billId: bill.id,
    analyzerVersion,
    suggested: suggested.length,
    ...report,
    links: (await listLinks(ctx.db, bill.id)).map(labelled),
  };
}

/**
 * Confirms or rejects a bill's link to an indicator (creating it when the analyzer missed it); throws
 * FORBIDDEN, BILL_NOT_FOUND, INDICATOR_NOT_FOUND or VALIDATION_FAILED (note too long).
 */
export async function decideBillLink(
  ctx: ServiceContext,
  billId: string,
  indicatorId: string,
  args: { status: BillLinkDecision; note?: string },
): Promise<LabelledLink> {
  requireReview(ctx);
  const note = args.note?.trim() ? args.note.trim() : null;
  if (note !== null && note.length > 2000)
    throw new DomainError('VALIDATION_FAILED', 'the note is longer than 2000 characters');
  if (args.status !== 'confirmed' && args.status !== 'rejected')
    throw new DomainError('VALIDATION_FAILED', 'the status must be confirmed or rejected');
  const bill = await requireBill(ctx, billId);
  const framework = await getFramework(ctx);
  if (!framework.indicators.some((i) => i.id === indicatorId)) {
    throw new DomainError(
      'INDICATOR_NOT_FOUND',
      `framework ${framework.version} has no indicator ${indicatorId}`,
      {
        indicatorId,
      },
    );
  }
  const decided = await ctx.db.transaction().execute(async (trx) => {
    const now = nowIso();
    const before = (await listLinks(trx, bill.id)).find((l) => l.indicatorId === indicatorId);
    const link: BillIndicatorLink = {
      billId: bill.id,
      indicatorId,
      status: args.status,
      machineSuggested: false,
      origin: before?.origin ?? 'person',
      projectedAnswer: before?.projectedAnswer ?? null,
      currentAnswer: before?.currentAnswer ?? null,
      direction: before?.direction ?? null,
      evidence: before?.evidence ?? [],
      note,
      decidedBy: actorLabel(ctx.actor),
      decidedAt: now,
      analyzerVersion: before?.analyzerVersion ?? null,
      createdAt: before?.createdAt ?? now,
      updatedAt: now,
    };
    await putLink(trx, link);
    await recordAudit(trx, ctx.actor, 'bills.links.decide', bill.id, {
      indicatorId,
      status: args.status,
      before: before?.status ?? null,
    });
    return labelled(link);
  });
  // The portal's report cards list confirmed links as live bills that would close a gap.
  notifyPublicationChanged();
  return decided;
}

/** A bill's links by indicator; throws FORBIDDEN without `org:read`, or BILL_NOT_FOUND. */
export async function listBillLinks(ctx: ServiceContext, billId: string): Promise<LabelledLink[]> {
  if (!actorCan(ctx.actor, 'org:read'))
    throw new DomainError('FORBIDDEN', 'reading a bill’s indicator links needs org:read');
  const bill = await requireBill(ctx, billId);
  return (await listLinks(ctx.db, bill.id)).map(labelled);
}

/** For each indicator, the jurisdiction's live bills linked to it: confirmed first, then suggested. */
export async function liveBillsForIndicators(
  ctx: ServiceContext,
  jurisdictionId: string,
  indicatorIds: readonly string[],
): Promise<Map<string, GapLiveBill[]>> {
  const found = await liveLinkedBills(ctx.db, jurisdictionId, indicatorIds);
  return new Map([...found].map(([indicator, bills]) => [indicator, sortLiveBills(bills)]));
}

/**
 * A campaign's outcome report: for each of its bills how it ended and when; the jurisdiction's score on
 * published answers the day before the first decision and on that day (or, while no bill is decided, at the
 * campaign's start and today); each gap's answer before and after; what the coalition recorded (milestones,
 * interactions, positions, targets whose position moved); and the status the decision suggests. It reports a
 * correlation and never claims the campaign caused the change. Reading needs `org:read` and a campaign the
 * organisation can see.
 */
import {
  billDecision,
  dayBefore,
  suggestedStatus,
  type TargetMove,
  targetsMoved,
} from '../core/campaigns/outcome.ts';
import { listInteractions, listPositions } from '../store/campaign-targets.repo.ts';
import { listMilestones } from '../store/campaigns.repo.ts';
import { nowIso } from '../store/util.ts';
import { showBill } from './bills.ts';
import { type CampaignScope, getCampaign } from './campaigns.ts';
import type { ServiceContext } from './context.ts';
import { scoreAsOf } from './scores.ts';

export interface ScorePoint {
  date: string;
  totalRounded: number | null;
  grade: string | null;
}

export interface CampaignOutcome {
  campaignId: string;
  status: string;
  bills: Array<{
    billId: string;
    identifier: string;
    stage: string;
    decision: string | null;
    decidedOn: string | null;
  }>;
  /** The first decision's date, or null while no campaign bill is decided. */
  decidedOn: string | null;
  before: ScorePoint;
  after: ScorePoint;
  /** after − before (published answers), null when either is not scored. */
  delta: number | null;
  gaps: Array<{ indicatorId: string; before: string | null; after: string | null }>;
  activity: { milestones: number; interactions: number; positions: number; targetsMoved: TargetMove[] };
  suggestedStatus: 'won' | 'lost' | null;
  /** Always true: the report shows what happened around the decision, not that the campaign caused it. */
  correlationOnly: true;
}

/** The outcome report of a campaign on published answers. */
export async function campaignOutcome(
  ctx: ServiceContext,
  id: string,
  scope: CampaignScope = {},
): Promise<CampaignOutcome> {
  const campaign = await getCampaign(ctx, id, scope);
  const today = nowIso().slice(0, 10);
  const bills = [];
  for (const billId of campaign.billIds) {
    const bill = await showBill(ctx, billId);
    const decided = billDecision(bill);
    bills.push({
      billId,
      identifier: bill.identifier,
      stage: bill.stage,
      decision: decided?.decision ?? null,
      decidedOn: decided?.date ?? null,
    });
  }
  const dates = bills.flatMap((b) => (b.decidedOn ? [b.decidedOn] : [])).sort();
  const decidedOn = dates[0] ?? null;
  const beforeDate = decidedOn
    ? dayBefore(decidedOn)
    : (campaign.startDate ?? campaign.createdAt.slice(0, 10));
  const afterDate = decidedOn ?? today;
  const [before, after] = await Promise.all(
    [beforeDate, afterDate].map((date) =>
      scoreAsOf(ctx, campaign.jurisdictionId, date, { include: 'published' }),
    ),
  );
  const point = (r: NonNullable<typeof before>): ScorePoint => ({
    date: r.asOf,
    totalRounded: r.status === 'scored' ? r.result.totalRounded : null,
    grade: r.status === 'scored' ? r.result.cappedGrade : null,
  });
  const answerOf = (r: NonNullable<typeof before>, indicatorId: string) =>
    r.result.areas.flatMap((a) => a.indicators).find((i) => i.id === indicatorId)?.value ?? null;
  const [milestones, interactions, positions] = await Promise.all([
    listMilestones(ctx.db, id),
    listInteractions(ctx.db, id),
    listPositions(ctx.db, id),
  ]);
  const b = point(before!);
  const a = point(after!);
  return {
    campaignId: id,
    status: campaign.status,
    bills,
    decidedOn,
    before: b,
    after: a,
    delta:
      b.totalRounded !== null && a.totalRounded !== null
        ? Math.round((a.totalRounded - b.totalRounded) * 10) / 10
        : null,
    gaps: campaign.gaps.map((g) => ({
      indicatorId: g,
      before: answerOf(before!, g),
      after: answerOf(after!, g),
    })),
    activity: {
      milestones: milestones.length,
      interactions: interactions.length,
      positions: positions.length,
      targetsMoved: targetsMoved(positions.map((p) => ({ target: p.target_key, position: p.position }))),
    },
    suggestedStatus: suggestedStatus(bills.map((x) => x.decision as 'enacted' | 'failed' | 'vetoed' | null)),
    correlationOnly: true,
  };
}

/**
 * A campaign's timeline: the milestones its organisations wrote, with the tracker's actions and hearings of
 * the campaign's bills appearing on their own (read at request time, so a new import shows up at once).
 */
import { mergeTimeline, type TimelineEntry } from '../core/campaigns/types.ts';
import { listMilestones } from '../store/campaigns.repo.ts';
import { type CampaignScope, getCampaign } from './campaigns.ts';
import type { ServiceContext } from './context.ts';

/** The timeline, oldest first; CAMPAIGN_NOT_FOUND for a campaign the organisation may not read. */
export async function campaignTimeline(
  ctx: ServiceContext,
  id: string,
  scope: CampaignScope = {},
): Promise<TimelineEntry[]> {
  const campaign = await getCampaign(ctx, id, scope);
  const entries: TimelineEntry[] = (await listMilestones(ctx.db, id)).map((m) => ({
    date: m.date,
    kind: 'milestone',
    title: m.title,
    detail: m.note,
    billId: null,
    billIdentifier: null,
    sourceId: m.id,
  }));
  if (campaign.billIds.length > 0) {
    const actions = await ctx.db
      .selectFrom('bill_actions')
      .innerJoin('bills', 'bills.id', 'bill_actions.bill_id')
      .select([
        'bill_actions.bill_id',
        'bill_actions.position',
        'bill_actions.date',
        'bill_actions.description',
        'bill_actions.organization',
        'bills.identifier',
      ])
      .where('bill_actions.bill_id', 'in', campaign.billIds)
      .orderBy('bill_actions.bill_id')
      .orderBy('bill_actions.position')
      .execute();
    for (const a of actions) {
      entries.push({
        date: a.date,
        kind: 'bill_action',
        title: a.description,
        detail: a.organization,
        billId: a.bill_id,
        billIdentifier: a.identifier,
        sourceId: `${a.bill_id}#${a.position}`,
      });
    }
    const hearings = await ctx.db
      .selectFrom('event_bills')
      .innerJoin('events', 'events.id', 'event_bills.event_id')
      .innerJoin('bills', 'bills.id', 'event_bills.bill_id')
      .select([
        'events.id',
        'events.name',
        'events.start_date',
        'events.location',
        'events.status',
        'bills.id as bill_id',
        'bills.identifier',
      ])
      .where('event_bills.bill_id', 'in', campaign.billIds)
      .orderBy('events.start_date')
      .orderBy('events.id')
      .execute();
    for (const h of hearings) {
      entries.push({
        date: h.start_date,
        kind: 'hearing',
        title: h.name,
        detail: [h.location, h.status].filter((x) => x).join(' · ') || null,
        billId: h.bill_id,
        billIdentifier: h.identifier,
        sourceId: h.id,
      });
    }
  }
  return mergeTimeline(entries);
}

/**
 * Campaigns (issue 6): an organisation's effort to close one or more gaps in one jurisdiction, through one or
 * more bills, optionally run as a coalition with partner organisations. The owning organisation decides who
 * partners and with which role; every record of a campaign is visible only to the owner and its partners.
 * Pure validation lives here; storage and access checks are in store/ and services/.
 */
import { isIsoDate } from '../laws/intervals.ts';

export const campaignStatuses = ['planning', 'active', 'paused', 'won', 'lost'] as const;
export type CampaignStatus = (typeof campaignStatuses)[number];

/** A partner organisation's role: `editor` may change the campaign and add milestones; `viewer` only reads. */
export const partnerRoles = ['editor', 'viewer'] as const;
export type PartnerRole = (typeof partnerRoles)[number];

/** What the reading organisation is to a campaign. */
export type CampaignAccess = 'owner' | PartnerRole;

export const campaignLimits = {
  titleChars: 200,
  summaryChars: 5000,
  gaps: 20,
  bills: 20,
  milestoneTitleChars: 200,
  milestoneNoteChars: 2000,
} as const;

/** What a campaign says about itself (the editable fields). */
export interface CampaignFields {
  title: string;
  summary: string;
  status: CampaignStatus;
  jurisdictionId: string;
  /** Indicator ids of the gaps the campaign means to close (framework indicators). */
  gaps: string[];
  /** Bills meant to close them (lawgap bill ids, all of the campaign's jurisdiction). */
  billIds: string[];
  startDate: string | null;
  endDate: string | null;
}

export interface CampaignPartner {
  organizationId: string;
  organizationName: string;
  role: PartnerRole;
  addedAt: string;
}

export interface Campaign extends CampaignFields {
  id: string;
  organizationId: string;
  organizationName: string;
  partners: CampaignPartner[];
  /** The reading organisation's access. */
  access: CampaignAccess;
  /** Whether the public portal shows the campaign (while active), at `/campaigns/<publicSlug>`. */
  public: boolean;
  /** Given the first time the campaign is made public, then kept; null before. */
  publicSlug: string | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

/** A milestone someone wrote down. */
export interface CampaignMilestone {
  id: string;
  campaignId: string;
  date: string;
  title: string;
  note: string | null;
  /** The organisation that wrote it (owner or partner). */
  organizationId: string;
  createdBy: string;
  createdAt: string;
}

/** One entry of a campaign's timeline: a written milestone, or a bill action or hearing from the tracker. */
export interface TimelineEntry {
  date: string;
  kind: 'milestone' | 'bill_action' | 'hearing';
  title: string;
  detail: string | null;
  billId: string | null;
  billIdentifier: string | null;
  /** The milestone's id, the hearing's id, or `<billId>#<action order>`. */
  sourceId: string;
}

/** A problem with one field. */
export interface FieldProblem {
  field: string;
  message: string;
}

function dedupe(list: readonly string[]): string[] {
  return [...new Set(list.map((s) => s.trim()).filter((s) => s !== ''))];
}

/** Normalises and checks campaign fields; returns the clean fields and every problem found. */
export function checkCampaignFields(input: CampaignFields): {
  fields: CampaignFields;
  problems: FieldProblem[];
} {
  const problems: FieldProblem[] = [];
  const title = input.title.trim();
  if (title === '') problems.push({ field: 'title', message: 'a campaign needs a title' });
  if (title.length > campaignLimits.titleChars)
    problems.push({ field: 'title', message: `at most ${campaignLimits.titleChars} characters` });
  const summary = input.summary.trim();
  if (summary.length > campaignLimits.summaryChars)
    problems.push({ field: 'summary', message: `at most ${campaignLimits.summaryChars} characters` });
  if (!(campaignStatuses as readonly string[]).includes(input.status))
    problems.push({ field: 'status', message: `must be one of ${campaignStatuses.join(', ')}` });
  const gaps = dedupe(input.gaps);
  if (gaps.length === 0)
    problems.push({
      field: 'gaps',
      message: 'name at least one gap (indicator) the campaign means to close',
    });
  if (gaps.length > campaignLimits.gaps)
    problems.push({ field: 'gaps', message: `at most ${campaignLimits.gaps} gaps` });
  const billIds = dedupe(input.billIds);
  if (billIds.length > campaignLimits.bills)
    problems.push({ field: 'billIds', message: `at most ${campaignLimits.bills} bills` });
  for (const key of ['startDate', 'endDate'] as const) {
    const v = input[key];
    if (v !== null && !isIsoDate(v)) problems.push({ field: key, message: 'must be a date YYYY-MM-DD' });
  }
  if (
    input.startDate !== null &&
    input.endDate !== null &&
    isIsoDate(input.startDate) &&
    isIsoDate(input.endDate) &&
    input.endDate < input.startDate
  ) {
    problems.push({ field: 'endDate', message: 'the end date is before the start date' });
  }
  return {
    fields: { ...input, title, summary, gaps, billIds, jurisdictionId: input.jurisdictionId.trim() },
    problems,
  };
}

/** Checks a milestone's date, title and note. */
export function checkMilestone(input: { date: string; title: string; note: string | null }): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!isIsoDate(input.date)) problems.push({ field: 'date', message: 'must be a date YYYY-MM-DD' });
  const title = input.title.trim();
  if (title === '') problems.push({ field: 'title', message: 'a milestone needs a title' });
  if (title.length > campaignLimits.milestoneTitleChars)
    problems.push({ field: 'title', message: `at most ${campaignLimits.milestoneTitleChars} characters` });
  if (input.note !== null && input.note.length > campaignLimits.milestoneNoteChars)
    problems.push({ field: 'note', message: `at most ${campaignLimits.milestoneNoteChars} characters` });
  return problems;
}

/** True when an organisation with this access may change the campaign (fields, milestones). */
export function canEditCampaign(access: CampaignAccess): boolean {
  return access === 'owner' || access === 'editor';
}

/**
 * Merges written milestones with the tracker's bill actions and hearings into one timeline, oldest first;
 * entries on the same date keep milestones first, then actions in bill order, then hearings.
 */
export function mergeTimeline(entries: readonly TimelineEntry[]): TimelineEntry[] {
  const rank = { milestone: 0, bill_action: 1, hearing: 2 } as const;
  return entries
    .map((e, i) => ({ e, i }))
    .sort(
      (a, b) =>
        a.e.date.slice(0, 10).localeCompare(b.e.date.slice(0, 10)) ||
        rank[a.e.kind] - rank[b.e.kind] ||
        a.i - b.i,
    )
    .map(({ e }) => e);
}

/**
 * Letter and call actions of a campaign (pure: types, limits and field checks). Storage, access and delivery
 * are in store/ and services/; the rules are in docs/letter-actions.md.
 */
import { isPetitionSlug, isPlausibleAddress } from '../petitions/types.ts';

/** A letter action sends supporters' letters by email; a call action shows numbers and a script. */
export const actionKinds = ['letter', 'call'] as const;
export type ActionKind = (typeof actionKinds)[number];

/** An action is written as a draft, opened, then closed (a closed one may be opened again). */
export const actionStatuses = ['draft', 'open', 'closed'] as const;
export type ActionStatus = (typeof actionStatuses)[number];

/** What a caller reports after a call (nothing about themselves). */
export const callOutcomes = ['reached', 'voicemail', 'no_answer'] as const;
export type CallOutcome = (typeof callOutcomes)[number];

/** A delivery's status as the workspace reads it (queued and no-address are stored; the rest from the outbox). */
export const deliveryStatuses = ['queued', 'sent', 'failed', 'no-address'] as const;
export type DeliveryStatus = (typeof deliveryStatuses)[number];

/**
 * Version of the consent wording on the letter form (`letters.consent`, `letters.consent.updates`); bump when
 * its meaning changes.
 */
export const letterConsentVersion = 'letter-consent-2026-11b';

/** Field limits (characters unless named). */
export const actionLimits = {
  titleChars: 200,
  senderNameChars: 100,
  supporterNameChars: 100,
  letterChars: 10_000,
  hourlyMax: 10_000,
  /** Letters of one address per action an hour that are stored (more are answered alike and dropped). */
  lettersPerHour: 3,
} as const;

/** The default pacing: at most this many letters an hour to one recipient. */
export const defaultHourlyPerRecipient = 30;

/** A letter or call action as the workspace sees it. */
export interface LetterAction {
  id: string;
  campaignId: string;
  kind: ActionKind;
  slug: string;
  title: string;
  messageId: string;
  jurisdictionId: string;
  senderName: string | null;
  senderEmail: string | null;
  hourlyPerRecipient: number;
  status: ActionStatus;
  createdAt: string;
  updatedAt: string;
}

/** The fields a new action needs. */
export interface ActionFields {
  kind: ActionKind;
  slug: string;
  title: string;
  messageId: string;
  senderName: string | null;
  senderEmail: string | null;
  hourlyPerRecipient: number;
}

/** One problem with a field, named. */
export interface ActionProblem {
  field: string;
  message: string;
}

/** Every problem with an action's fields (empty when they are fine). */
export function actionProblems(f: ActionFields): ActionProblem[] {
  const problems: ActionProblem[] = [];
  if (!(actionKinds as readonly string[]).includes(f.kind))
    problems.push({ field: 'kind', message: `one of ${actionKinds.join(', ')}` });
  if (!isPetitionSlug(f.slug))
    problems.push({ field: 'slug', message: 'lower-case letters, digits and hyphens, 3 to 80 characters' });
  if (f.title.trim() === '') problems.push({ field: 'title', message: 'required' });
  else if (f.title.length > actionLimits.titleChars)
    problems.push({ field: 'title', message: `at most ${actionLimits.titleChars} characters` });
  if (f.messageId.trim() === '') problems.push({ field: 'messageId', message: 'required' });
  if (
    !Number.isInteger(f.hourlyPerRecipient) ||
    f.hourlyPerRecipient < 1 ||
    f.hourlyPerRecipient > actionLimits.hourlyMax
  )
    problems.push({
      field: 'hourlyPerRecipient',
      message: `a whole number from 1 to ${actionLimits.hourlyMax}`,
    });
  if (f.kind === 'letter') {
    const name = f.senderName ?? '';
    if (name.trim() === '') problems.push({ field: 'senderName', message: 'required for a letter action' });
    else if (name.length > actionLimits.senderNameChars)
      problems.push({ field: 'senderName', message: `at most ${actionLimits.senderNameChars} characters` });
    if (!isPlausibleAddress(f.senderEmail ?? ''))
      problems.push({
        field: 'senderEmail',
        message: 'a valid email address (the campaign sending address)',
      });
  }
  return problems;
}

/** The statuses an action may move to from its current one. */
export function nextActionStatuses(status: ActionStatus): ActionStatus[] {
  return status === 'draft' ? ['open'] : status === 'open' ? ['closed'] : ['open'];
}

/**
 * When the next letter to one recipient may go: `now` while fewer than `perHour` are scheduled in the hour
 * before, else an hour after the `perHour`-th latest scheduled time. `latest` is sorted newest first.
 */
export function nextSlot(latest: readonly string[], perHour: number, now: Date): Date {
  const nth = latest[perHour - 1];
  if (latest.length < perHour || nth === undefined) return now;
  const slot = new Date(Date.parse(nth) + 3600_000);
  return slot > now ? slot : now;
}

/** A display name safe inside a quoted mail header (no quotes, backslashes or line breaks). */
export function headerName(name: string): string {
  return name.replace(/["\\\r\n]/g, '').trim();
}

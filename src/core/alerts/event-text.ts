/**
 * One line of text per change event, in a locale: what happened, and the bill it concerns. Shared by the email
 * digests and the workspace feed, so both say the same thing. Payload fields are read defensively: an event
 * stored by an older build may lack one, and the text then leaves it blank rather than failing.
 */

import { billStages } from '../bills/types.ts';
import type { Locale } from '../framework/types.ts';
import { type MessageKey, t } from '../i18n/messages.ts';

/** A change event as far as its text needs. */
export interface DescribableEvent {
  type: string;
  billId: string | null;
  payload: Record<string, unknown>;
}

/** What a reader is told about one event. */
export interface EventText {
  /** The bill's identifier (`HB 12`), when the event concerns a bill. */
  billIdentifier: string | null;
  billTitle: string | null;
  /** The bill's id, for a link to its page. */
  billId: string | null;
  /** What happened, in the locale. */
  what: string;
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

function text(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

function stageName(locale: Locale, stage: unknown): string {
  const s = text(stage);
  return (billStages as readonly string[]).includes(s) ? t(locale, `alerts.stage.${s}` as MessageKey) : s;
}

function firstBill(payload: Record<string, unknown>): Record<string, unknown> {
  const bill = record(payload.bill);
  if (Object.keys(bill).length > 0) return bill;
  const bills = payload.bills;
  return Array.isArray(bills) ? record(bills[0]) : {};
}

/** Describes an event in a locale (see core/alerts/types.ts for the payload of each type). */
export function describeChangeEvent(locale: Locale, event: DescribableEvent): EventText {
  const p = event.payload;
  const bill = firstBill(p);
  const action = record(p.action);
  const version = record(p.version);
  const vote = record(p.vote);
  const hearing = record(p.hearing);
  let what: string;
  switch (event.type) {
    case 'bill.created':
      what = t(locale, 'alerts.event.bill.created');
      break;
    case 'bill.action_added':
      what = t(locale, 'alerts.event.bill.action_added', { description: text(action.description) });
      break;
    case 'bill.status_changed':
      what = t(locale, 'alerts.event.bill.status_changed', {
        from: stageName(locale, p.from),
        to: stageName(locale, p.to),
      });
      break;
    case 'bill.version_added':
      what = t(locale, 'alerts.event.bill.version_added', { note: text(version.note) });
      break;
    case 'vote.recorded':
      what = t(locale, 'alerts.event.vote.recorded', {
        motion: text(vote.motion),
        result: text(vote.result),
      });
      break;
    case 'hearing.scheduled':
    case 'hearing.changed':
      what = t(locale, `alerts.event.${event.type}`, {
        name: text(hearing.name),
        date: text(hearing.startDate),
      });
      break;
    default:
      what = t(locale, 'alerts.event.other', { type: event.type });
  }
  const billId = event.billId ?? (text(bill.id) || null);
  return {
    billId,
    billIdentifier: text(bill.identifier) || null,
    billTitle: text(bill.title) || null,
    what,
  };
}

/** The API calls of the bill, person and committee pages, merged into the workspace's API. */
import {
  type ActionOverrideBody,
  type ActionOverrideHistory,
  type ActionOverrideRemoveBody,
  type ActionOverrideResult,
  type BillLink,
  type BillLinkBody,
  type BillLinkRefreshResult,
  billReviewPaths,
} from './bill-review.ts';
import type {
  Bill,
  BillImpact,
  BillListing,
  BillQuery,
  Committee,
  CommitteeHearing,
  HearingEvent,
  Person,
  PersonActivity,
  Vote,
} from './bill-types.ts';
import type { HttpClient } from './client.ts';

const enc = encodeURIComponent;

/** `?a=1&b=2` from the set values, or '' when none is set. */
function query(values: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) if (v !== undefined && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return qs ? `?${qs}` : '';
}

/** The bill, person and committee calls bound to a client. */
export function billEndpoints(http: HttpClient) {
  return {
    bills: (q: BillQuery) => http.request<BillListing[]>('GET', `/api/v1/bills${query({ ...q })}`),
    bill: (id: string) => http.request<Bill>('GET', `/api/v1/bills/${enc(id)}`),
    billVotes: (id: string) => http.request<Vote[]>('GET', `/api/v1/bills/${enc(id)}/votes`),
    billEvents: (id: string) => http.request<HearingEvent[]>('GET', `/api/v1/bills/${enc(id)}/events`),
    billImpact: (id: string, q: { version?: number } = {}) =>
      http.request<BillImpact>('GET', `/api/v1/bills/${enc(id)}/impact${query(q)}`),
    person: (id: string) => http.request<Person>('GET', `/api/v1/people/${enc(id)}`),
    personActivity: (id: string) => http.request<PersonActivity>('GET', `/api/v1/people/${enc(id)}/activity`),
    committee: (id: string) => http.request<Committee>('GET', `/api/v1/committees/${enc(id)}`),
    committeeHearings: (id: string) =>
      http.request<CommitteeHearing[]>('GET', `/api/v1/committees/${enc(id)}/hearings`),
    billOverrides: (id: string) => http.request<ActionOverrideHistory>('GET', billReviewPaths.overrides(id)),
    overrideAction: (id: string, order: number, body: ActionOverrideBody) =>
      http.request<ActionOverrideResult>('POST', billReviewPaths.override(id, order), body),
    removeOverride: (id: string, order: number, body: ActionOverrideRemoveBody) =>
      http.request<ActionOverrideResult>('DELETE', billReviewPaths.removeOverride(id, order, body.reason)),
    billLinks: (id: string) => http.request<BillLink[]>('GET', billReviewPaths.links(id)),
    decideBillLink: (id: string, indicatorId: string, body: BillLinkBody) =>
      http.request<unknown>('POST', billReviewPaths.link(id, indicatorId), body),
    refreshBillLinks: (id: string) =>
      http.request<BillLinkRefreshResult>('POST', billReviewPaths.refresh(id)),
  };
}

/**
 * App paths of bills, people and committees, and the bill list's filters as URL query parameters, so every
 * filtered view is a link. People and committees are linked by the UUID of their OCD id (the API accepts
 * either), which keeps the path free of an encoded slash.
 */

/** The app path of a bill's page (lawgap bill id or OCD bill id). */
export function billPath(id: string): string {
  return `/bills/${encodeURIComponent(id)}`;
}

/** The app path of a bill's printable one-page brief. */
export function billBriefPath(id: string): string {
  return `${billPath(id)}/brief`;
}

/** The app path of a person's page, from their OCD person id (or bare UUID). */
export function personPath(id: string): string {
  return `/people/${encodeURIComponent(id.replace(/^ocd-person\//, ''))}`;
}

/** The app path of a committee's page, from its OCD organization id (or bare UUID). */
export function committeePath(id: string): string {
  return `/committees/${encodeURIComponent(id.replace(/^ocd-organization\//, ''))}`;
}

/** The bill list's filters, in the order they appear in the URL. */
export const billFilterNames = ['jurisdiction', 'session', 'stage', 'subject', 'indicator'] as const;
export type BillFilterName = (typeof billFilterNames)[number];
export type BillFilters = Record<BillFilterName, string>;

/** The filters a query string holds ('' for each one absent; surrounding spaces trimmed). */
export function readBillFilters(search: string): BillFilters {
  const params = new URLSearchParams(search);
  const out = {} as BillFilters;
  for (const name of billFilterNames) out[name] = params.get(name)?.trim() ?? '';
  return out;
}

/** The app path of the bill list with these filters (empty ones left out). */
export function billsPath(filters: Partial<BillFilters>): string {
  const params = new URLSearchParams();
  for (const name of billFilterNames) {
    const value = filters[name]?.trim();
    if (value) params.set(name, value);
  }
  const qs = params.toString();
  return `/bills${qs ? `?${qs}` : ''}`;
}

/** Matches `/bills/:id` and `/bills/:id/brief`; null for any other path or a malformed escape. */
export function matchBillPath(path: string): { id: string; brief: boolean } | null {
  const match = /^\/bills\/([^/]+)(\/brief)?$/.exec(path);
  if (!match?.[1]) return null;
  try {
    return { id: decodeURIComponent(match[1]), brief: Boolean(match[2]) };
  } catch {
    return null;
  }
}

/** Matches `/people/:id` or `/committees/:id`; null for any other path or a malformed escape. */
export function matchMemberPath(path: string): { kind: 'person' | 'committee'; id: string } | null {
  const match = /^\/(people|committees)\/([^/]+)$/.exec(path);
  if (!match?.[2]) return null;
  try {
    return { kind: match[1] === 'people' ? 'person' : 'committee', id: decodeURIComponent(match[2]) };
  } catch {
    return null;
  }
}

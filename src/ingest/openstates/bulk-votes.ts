/**
 * Roll-call votes of Open States bulk files, turned into scrape-format vote events (the shape
 * `ingest/votes.ts` reads), each naming its bill by OCD id, so the vote import stores them once the bills of
 * the same file are stored.
 * - Bulk JSON votes (`identifier, motion_text, motion_classification, start_date, result,
 *   organization__classification, counts[option, value], votes[option, voter_name]`) carry no id: each is
 *   recognised by a dedupe key made of its bill, date and motion (`#2`, `#3` for repeats), so a re-import finds
 *   the same votes whatever their order.
 * - CSV votes (`votes`, with `vote_counts` and `vote_people` by `vote_event_id`) keep their `ocd-vote/` id; the
 *   chamber comes from the `organizations` table. Bad cells and dangling ids throw BILL_FILE_INVALID naming
 *   the entry and line (the zip is one unit).
 * A vote whose bill is not in the file is not converted: it is counted as skipped.
 */
import { DomainError } from '../../core/errors.ts';
import { isObj, type Obj } from '../bill-fields.ts';
import { type CsvRow, chamberOfOrganization, fuzzyDate, listCell } from './bulk-common.ts';

/** A vote event in the scrape format read by `readVoteFile('openstates', …)`. */
export type ScrapeVote = Record<string, unknown>;

/** Votes converted, and how many were left out because their bill is not in the file. */
export interface BulkVotes {
  votes: ScrapeVote[];
  skipped: number;
}

const organization = (chamber: string | null) =>
  chamber === null ? null : `~${JSON.stringify({ classification: chamber })}`;

/** Makes keys unique in order of appearance: the second `k` becomes `k #2`. */
function uniqueKeys(): (key: string) => string {
  const seen = new Map<string, number>();
  return (key) => {
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    return n === 1 ? key : `${key} #${n}`;
  };
}

/** The votes of bulk JSON bills (items as parsed); bills without an OCD id skip their votes. */
export function votesOfBulkJson(items: unknown[]): BulkVotes {
  const out: BulkVotes = { votes: [], skipped: 0 };
  const key = uniqueKeys();
  for (const item of items) {
    if (!isObj(item) || !Array.isArray(item.votes)) continue;
    const id = typeof item.id === 'string' ? item.id.toLowerCase() : '';
    const bill = id.startsWith('ocd-bill/') ? id : '';
    if (bill === '') {
      out.skipped += item.votes.length;
      continue;
    }
    for (const v of item.votes) {
      const o: Obj = isObj(v) ? v : {};
      const chamber =
        typeof o.organization__classification === 'string' ? o.organization__classification : null;
      out.votes.push({
        dedupe_key: key(`${bill} ${String(o.start_date ?? '')} ${String(o.motion_text ?? '')}`),
        identifier: o.identifier,
        motion_text: o.motion_text,
        motion_classification: o.motion_classification ?? [],
        start_date: o.start_date,
        result: o.result,
        organization: organization(chamber),
        legislative_session: item.legislative_session,
        bill,
        counts: o.counts ?? [],
        votes: Array.isArray(o.votes)
          ? o.votes.map((m) => (isObj(m) ? { option: m.option, voter_name: m.voter_name } : m))
          : o.votes,
      });
    }
  }
  return out;
}

function fail(row: CsvRow, what: string): never {
  throw new DomainError('BILL_FILE_INVALID', `${row.where}: ${what}`, { where: row.where });
}

/** The votes of a CSV zip; throws BILL_FILE_INVALID naming entry and line for a bad cell or dangling id. */
export function votesOfCsv(
  tables: { votes: CsvRow[]; counts: CsvRow[]; people: CsvRow[] },
  orgs: Map<string, CsvRow>,
  billIds: Set<string>,
): BulkVotes {
  const byVote = (rows: CsvRow[]) => {
    const ids = new Set(tables.votes.map((v) => v.get('id')));
    const map = new Map<string, CsvRow[]>();
    for (const r of rows) {
      const id = r.get('vote_event_id');
      if (!ids.has(id)) fail(r, `vote_event_id "${id}" names no vote of this zip`);
      map.set(id, [...(map.get(id) ?? []), r]);
    }
    return map;
  };
  const counts = byVote(tables.counts);
  const people = byVote(tables.people);
  const out: BulkVotes = { votes: [], skipped: 0 };
  for (const v of tables.votes) {
    const bill = v.get('bill_id');
    if (!billIds.has(bill)) {
      out.skipped++;
      continue;
    }
    const date = v.get('start_date');
    if (!fuzzyDate.test(date)) fail(v, `start_date "${date}" is not a date`);
    const classes = listCell(v.get('motion_classification'));
    if (classes === null) fail(v, `motion_classification "${v.get('motion_classification')}" is not a list`);
    const org = orgs.get(v.get('organization_id'));
    const chamber = org
      ? (chamberOfOrganization(org.get('classification') || null) ?? chamberOfOrganization(org.get('name')))
      : null;
    out.votes.push({
      _id: v.get('id'),
      identifier: v.get('identifier'),
      motion_text: v.get('motion_text'),
      motion_classification: classes,
      start_date: date,
      result: v.get('result'),
      organization: organization(chamber),
      legislative_session: v.get('session_identifier'),
      bill: bill.startsWith('ocd-bill/') ? bill : `ocd-bill/${bill}`,
      counts: (counts.get(v.get('id')) ?? []).map((c) => {
        const value = Number(c.get('value'));
        if (!Number.isInteger(value) || value < 0) fail(c, `value "${c.get('value')}" is not a whole number`);
        return { option: c.get('option'), value };
      }),
      votes: (people.get(v.get('id')) ?? []).map((p) => ({
        option: p.get('option'),
        voter_name: p.get('voter_name') || null,
        voter_id: p.get('voter_id') || null,
      })),
    });
  }
  return out;
}

/**
 * Roll-call votes on bills, as read from Open States vote events and LegiScan roll calls. A vote names its
 * bill by reference (resolved against stored bills at import) and keeps every member's option in source
 * order with the source's voter id, so a person can be linked now or named later.
 */

/** The Open States vote options; LegiScan codes map onto yes, no, not voting and absent. */
export const voteOptions = [
  'yes',
  'no',
  'absent',
  'abstain',
  'not voting',
  'paired',
  'excused',
  'other',
] as const;
export type VoteOption = (typeof voteOptions)[number];

/** True for an Open States vote option. */
export function isVoteOption(value: string): value is VoteOption {
  return (voteOptions as readonly string[]).includes(value);
}

/** How a vote names its bill: an OCD bill id, a (jurisdiction?, session, identifier) name, or LegiScan's bill_id. */
export type VoteBillRef =
  | { kind: 'ocd'; ocdId: string }
  | { kind: 'name'; jurisdictionId: string | null; session: string; identifier: string }
  | { kind: 'legiscan'; billId: string };

/** One member's vote: option, the source's name and id for the voter (either may be missing). */
export interface MemberVote {
  option: VoteOption;
  voterName: string | null;
  voterRef: string | null;
}

/** A vote as read from a file, before its bill and people are resolved. */
export interface VoteRecord {
  source: 'openstates' | 'legiscan';
  /** The source's key: ocd-vote id, dedupe key, or `legiscan-roll-call:N`. */
  sourceId: string;
  bill: VoteBillRef;
  motionText: string;
  classification: string[];
  result: 'pass' | 'fail';
  /** upper, lower or legislature when the source says. */
  chamber: string | null;
  startDate: string;
  counts: { option: VoteOption; value: number }[];
  members: MemberVote[];
}

/** A stored vote of a bill, members linked to stored people where the id or a unique name matched. */
export interface Vote {
  id: string;
  billId: string;
  source: 'openstates' | 'legiscan';
  sourceId: string;
  motionText: string;
  classification: string[];
  result: 'pass' | 'fail';
  chamber: string | null;
  startDate: string;
  counts: { option: VoteOption; value: number }[];
  members: (MemberVote & { personId: string | null })[];
}

/** Types of the bill, vote, hearing, impact, people and committee answers (type-only: no zod in the bundle). */
import type { z } from 'zod';
import type { billImpact } from '../../contracts/bill-impact.ts';
import type { bill, billListing } from '../../contracts/bills.ts';
import type { hearingEvent } from '../../contracts/events.ts';
import type { committee, committeeListing, person, personListing } from '../../contracts/people.ts';
import type { committeeHearing, personActivity } from '../../contracts/person-activity.ts';
import type { vote } from '../../contracts/votes.ts';

/** A bill in a list, with its normalised stage and latest action. */
export type BillListing = z.output<typeof billListing>;
/** One bill with sponsorships, actions, versions, documents, related bills and citations. */
export type Bill = z.output<typeof bill>;
/** A normalised bill stage. */
export type BillStage = BillListing['stage'];
/** One action of a bill's history. */
export type BillAction = Bill['actions'][number];
/** One version or document of a bill. */
export type BillDocument = Bill['versions'][number];
/** One roll-call vote with its member votes. */
export type Vote = z.output<typeof vote>;
/** A hearing or other event whose agenda names a bill. */
export type HearingEvent = z.output<typeof hearingEvent>;
/** The machine-projected score if a bill were enacted. */
export type BillImpact = z.output<typeof billImpact>;
/** A person in a list. */
export type PersonListing = z.output<typeof personListing>;
/** One person with roles, party history, offices and links. */
export type Person = z.output<typeof person>;
/** A committee in a list. */
export type CommitteeListing = z.output<typeof committeeListing>;
/** One committee with its members. */
export type Committee = z.output<typeof committee>;
/** A person's sponsorships, votes and committee seats. */
export type PersonActivity = z.output<typeof personActivity>;
/** A committee's hearing with the stored bills on its agenda. */
export type CommitteeHearing = z.output<typeof committeeHearing>;

/** The filters of the bill list (subject and indicator only where the API supports them). */
export interface BillQuery {
  jurisdiction?: string;
  session?: string;
  stage?: string;
  subject?: string;
  indicator?: string;
  limit?: number;
}

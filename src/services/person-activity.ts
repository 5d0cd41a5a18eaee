/**
 * What a person did on the bills lawgap tracks, and which bills a committee heard: read models for the person
 * and committee pages. Public reading like people and bills.
 * - A person's sponsorships and member votes are those linked to them (by id at import, or by a unique name
 *   when people were imported: store/sponsor-links, store/votes); unlinked names are not guessed here.
 * - A person's committees are the memberships naming their id, and those without an id whose name is the
 *   person's name (or one of their other names) in the person's jurisdiction, as committee files often
 *   give only a name.
 * - A committee's hearings are the events of its jurisdiction with the committee among the participants
 *   (an organization participant named like the committee, case and spacing aside), with the stored bills on
 *   their agendas.
 */
import type { BillStage } from '../core/bills/types.ts';
import type { VoteOption } from '../core/bills/votes.ts';
import { DomainError } from '../core/errors.ts';
import { getCommittee, getPerson } from '../store/people.repo.ts';
import { fromJson } from '../store/util.ts';
import type { ServiceContext } from './context.ts';

/** A tracked bill as the person and committee pages name it. */
export interface BillRef {
  id: string;
  identifier: string;
  title: string;
  jurisdictionId: string;
  sessionIdentifier: string;
  stage: BillStage;
}

/** A person's activity: sponsorships, member votes and committee seats. */
export interface PersonActivity {
  personId: string;
  sponsorships: (BillRef & { primary: boolean; classification: string })[];
  votes: {
    voteId: string;
    bill: BillRef;
    motionText: string;
    startDate: string;
    result: 'pass' | 'fail';
    chamber: string | null;
    option: VoteOption;
  }[];
  committees: {
    committeeId: string;
    name: string;
    role: string;
    startDate: string | null;
    endDate: string | null;
  }[];
}

/** A hearing of a committee with the stored bills on its agenda. */
export interface CommitteeHearing {
  id: string;
  name: string;
  startDate: string;
  status: string;
  location: string | null;
  bills: BillRef[];
}

const billColumns = [
  'b.id',
  'b.identifier',
  'b.title',
  'b.jurisdiction_id',
  'b.session_identifier',
  'b.stage',
] as const;

function billRef(r: {
  id: string;
  identifier: string;
  title: string;
  jurisdiction_id: string;
  session_identifier: string;
  stage: string;
}): BillRef {
  return {
    id: r.id,
    identifier: r.identifier,
    title: r.title,
    jurisdictionId: r.jurisdiction_id,
    sessionIdentifier: r.session_identifier,
    stage: r.stage as BillStage,
  };
}

const sameName = (a: string, b: string) =>
  a.trim().replace(/\s+/g, ' ').toLowerCase() === b.trim().replace(/\s+/g, ' ').toLowerCase();

/** One person's sponsorships, votes (newest first) and committees; throws PERSON_NOT_FOUND. */
export async function personActivity(ctx: ServiceContext, id: string): Promise<PersonActivity> {
  const full = id.startsWith('ocd-person/') ? id : `ocd-person/${id}`;
  const person = await getPerson(ctx.db, full);
  if (!person) throw new DomainError('PERSON_NOT_FOUND', `no person ${id}`, { id });

  const sponsored = await ctx.db
    .selectFrom('bill_sponsorships as s')
    .innerJoin('bills as b', 'b.id', 's.bill_id')
    .select([...billColumns, 's.is_primary', 's.classification'])
    .where('s.person_id', '=', full)
    .orderBy('b.jurisdiction_id')
    .orderBy('b.session_identifier')
    .orderBy('b.identifier')
    .execute();

  const voted = await ctx.db
    .selectFrom('vote_members as m')
    .innerJoin('votes as v', 'v.id', 'm.vote_id')
    .innerJoin('bills as b', 'b.id', 'v.bill_id')
    .select([
      ...billColumns,
      'v.id as vote_id',
      'v.motion_text',
      'v.start_date',
      'v.result',
      'v.chamber',
      'm.option',
    ])
    .where('m.person_id', '=', full)
    .orderBy('v.start_date', 'desc')
    .orderBy('v.source_id')
    .execute();

  const names = [person.name, ...person.otherNames];
  const jurisdictions = [person.jurisdictionId, ...person.roles.map((r) => r.jurisdictionId)].filter(
    (j): j is string => j !== null,
  );
  const seats = await ctx.db
    .selectFrom('committee_memberships as m')
    .innerJoin('committees as c', 'c.id', 'm.committee_id')
    .select(['c.id', 'c.name as committee', 'c.jurisdiction_id', 'm.person_id', 'm.name', 'm.role'])
    .select(['m.start_date', 'm.end_date'])
    .where((eb) =>
      eb.or([
        eb('m.person_id', '=', full),
        eb.and([eb('m.person_id', 'is', null), eb('m.name', 'in', names)]),
      ]),
    )
    .orderBy('c.name')
    .orderBy('c.id')
    .orderBy('m.position')
    .execute();

  return {
    personId: full,
    sponsorships: sponsored.map((r) => ({
      ...billRef(r),
      primary: Number(r.is_primary) === 1,
      classification: r.classification,
    })),
    votes: voted.map((r) => ({
      voteId: r.vote_id,
      bill: billRef(r),
      motionText: r.motion_text,
      startDate: r.start_date,
      result: r.result as 'pass' | 'fail',
      chamber: r.chamber,
      option: r.option as VoteOption,
    })),
    committees: seats
      .filter((r) => r.person_id === full || (r.jurisdiction_id && jurisdictions.includes(r.jurisdiction_id)))
      .map((r) => ({
        committeeId: r.id,
        name: r.committee,
        role: r.role,
        startDate: r.start_date,
        endDate: r.end_date,
      })),
  };
}

/** The hearings of one committee, oldest first, with their stored agenda bills; throws COMMITTEE_NOT_FOUND. */
export async function committeeHearings(ctx: ServiceContext, id: string): Promise<CommitteeHearing[]> {
  const full = id.startsWith('ocd-organization/') ? id : `ocd-organization/${id}`;
  const committee = await getCommittee(ctx.db, full);
  if (!committee) throw new DomainError('COMMITTEE_NOT_FOUND', `no committee ${id}`, { id });
  if (!committee.jurisdictionId) return [];
  const events = await ctx.db
    .selectFrom('events')
    .select(['id', 'name', 'start_date', 'status', 'location', 'participants_json'])
    .where('jurisdiction_id', '=', committee.jurisdictionId)
    .orderBy('start_date')
    .orderBy('source_id')
    .execute();
  const held = events.filter((e) =>
    fromJson<{ name: string; entityType: string }[]>(e.participants_json).some(
      (p) =>
        (p.entityType === 'organization' || p.entityType === 'committee') && sameName(p.name, committee.name),
    ),
  );
  if (held.length === 0) return [];
  const bills = await ctx.db
    .selectFrom('event_bills as eb')
    .innerJoin('bills as b', 'b.id', 'eb.bill_id')
    .select([...billColumns, 'eb.event_id'])
    .where(
      'eb.event_id',
      'in',
      held.map((e) => e.id),
    )
    .orderBy('b.identifier')
    .execute();
  return held.map((e) => ({
    id: e.id,
    name: e.name,
    startDate: e.start_date,
    status: e.status,
    location: e.location,
    bills: bills.filter((b) => b.event_id === e.id).map(billRef),
  }));
}

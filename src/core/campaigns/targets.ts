/**
 * Targets that follow the bill (issue 6, scope 2). Where a bill is decides who can move it: the committee it
 * was last referred to, the floor of the chamber it is in, the other chamber after passage, then the executive.
 * The venue is read from the bill's actions in order (pure); the people are then the committee's members, the
 * chamber's sitting members, or the executive office holders. Groups (primary sponsors, cosponsors, supporters,
 * undecided, opposed) come from the bill's sponsorships and each target's latest recorded position.
 */
import type { BillAction, BillStage, Chamber, Sponsorship } from '../bills/types.ts';

export const targetPositions = ['support', 'oppose', 'undecided', 'unknown'] as const;
export type TargetPosition = (typeof targetPositions)[number];

export const interactionKinds = ['meeting', 'call', 'letter', 'testimony', 'email', 'other'] as const;
export type InteractionKind = (typeof interactionKinds)[number];

/** A target's group, for choosing the message it gets. */
export const targetGroups = ['primary_sponsor', 'cosponsor', 'supporter', 'undecided', 'opposed'] as const;
export type TargetGroup = (typeof targetGroups)[number];

/** Where the bill is now, and so who decides its next step. */
export type Venue =
  | { kind: 'committee'; chamber: Chamber | null; committee: string | null }
  | { kind: 'floor'; chambers: Chamber[] }
  | { kind: 'executive' }
  | { kind: 'none'; reason: 'enacted' | 'failed' | 'not_introduced' };

type VenueAction = Pick<BillAction, 'order' | 'classification' | 'chamber' | 'organization'>;

function other(chamber: Chamber | null): Chamber[] {
  if (chamber === 'upper') return ['lower'];
  if (chamber === 'lower') return ['upper'];
  return ['legislature'];
}

const committeeExit = [
  'committee-passage',
  'committee-passage-favorable',
  'committee-passage-unfavorable',
  'reported-out-of-committee',
];

/**
 * The venue after the bill's actions (sorted by order) given its stage and chamber of origin. A referral puts
 * it in that committee; a committee report puts it on that chamber's floor; passage in one chamber moves it to
 * the other; passed both or sent to the executive → the executive; vetoed → both floors (override). A referral
 * that does not name its committee still puts the bill in committee (committee null: the caller says so).
 */
export function billVenue(stage: BillStage, actions: readonly VenueAction[], origin: Chamber | null): Venue {
  if (stage === 'enacted') return { kind: 'none', reason: 'enacted' };
  if (stage === 'failed') return { kind: 'none', reason: 'failed' };
  if (stage === 'passed_both' || stage === 'sent_to_executive') return { kind: 'executive' };
  if (stage === 'vetoed') return { kind: 'floor', chambers: ['upper', 'lower'] };
  let venue: Venue = { kind: 'floor', chambers: origin ? [origin] : ['legislature'] };
  for (const a of [...actions].sort((x, y) => x.order - y.order)) {
    const has = (c: string) => a.classification.includes(c);
    if (has('referral-committee')) {
      venue = { kind: 'committee', chamber: a.chamber, committee: a.organization };
    } else if (committeeExit.some(has)) {
      venue = {
        kind: 'floor',
        chambers: [a.chamber ?? (venue.kind === 'committee' ? venue.chamber : null) ?? 'legislature'],
      };
    } else if (has('passage')) {
      venue = { kind: 'floor', chambers: other(a.chamber) };
    }
  }
  return venue;
}

/** A person who can move the bill, as the venue gives them. */
export interface DerivedTarget {
  personId: string;
  name: string;
  /** Why they are a target: `committee` (with its name), `chamber` (with the chamber), `executive`. */
  reason: 'committee' | 'chamber' | 'executive';
  detail: string;
}

/** What the venue resolution needs to know about the jurisdiction's people (current seats only). */
export interface VenuePeople {
  committees: Array<{
    id: string;
    name: string;
    parent: string | null;
    members: Array<{ personId: string | null; name: string; role: string }>;
  }>;
  /** Sitting members: role type (upper, lower, legislature, governor, …) with person id and name. */
  seats: Array<{ personId: string; name: string; type: string }>;
}

const executiveTypes = ['governor', 'lt_governor', 'executive', 'mayor', 'president', 'chief executive'];

function sameName(a: string, b: string): boolean {
  const n = (s: string) =>
    s
      .toLowerCase()
      .replace(/^(house|senate|assembly)\s+/, '')
      .replace(/\s+committee$/, '')
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
  return n(a) === n(b);
}

/**
 * The people the venue points at, each once: a committee's members with a person id (matched by name, and by
 * parent chamber when known), the sitting members of the chambers, or the executive office holders. A committee
 * that is not imported gives none (the caller shows that, never guesses).
 */
export function targetsForVenue(
  venue: Venue,
  people: VenuePeople,
): { targets: DerivedTarget[]; unresolved: string | null } {
  const seen = new Set<string>();
  const targets: DerivedTarget[] = [];
  const add = (t: DerivedTarget) => {
    if (seen.has(t.personId)) return;
    seen.add(t.personId);
    targets.push(t);
  };
  if (venue.kind === 'committee') {
    const name = venue.committee;
    if (name === null) return { targets, unresolved: 'the referral does not name the committee' };
    const candidates = people.committees.filter((c) => sameName(c.name, name));
    const committee =
      candidates.find((c) => venue.chamber !== null && c.parent === venue.chamber) ?? candidates[0];
    if (!committee) return { targets, unresolved: `committee "${venue.committee}" is not imported` };
    for (const m of committee.members) {
      if (m.personId)
        add({
          personId: m.personId,
          name: m.name,
          reason: 'committee',
          detail: `${committee.name} (${m.role})`,
        });
    }
    return { targets, unresolved: null };
  }
  if (venue.kind === 'floor') {
    for (const s of people.seats) {
      if ((venue.chambers as string[]).includes(s.type))
        add({ personId: s.personId, name: s.name, reason: 'chamber', detail: s.type });
    }
    return {
      targets,
      unresolved:
        targets.length === 0 ? `no sitting member of ${venue.chambers.join(', ')} is imported` : null,
    };
  }
  if (venue.kind === 'executive') {
    for (const s of people.seats) {
      if (executiveTypes.includes(s.type.toLowerCase()))
        add({ personId: s.personId, name: s.name, reason: 'executive', detail: s.type });
    }
    return { targets, unresolved: targets.length === 0 ? 'no executive office holder is imported' : null };
  }
  return { targets, unresolved: null };
}

/** The group of a target: sponsors first (from the bill), then by the latest position. */
export function targetGroup(
  personId: string | null,
  sponsorships: readonly Pick<Sponsorship, 'personId' | 'primary'>[],
  position: TargetPosition,
): TargetGroup {
  const sponsor = personId ? sponsorships.find((s) => s.personId === personId) : undefined;
  if (sponsor?.primary) return 'primary_sponsor';
  if (sponsor) return 'cosponsor';
  if (position === 'support') return 'supporter';
  if (position === 'oppose') return 'opposed';
  return 'undecided';
}

/** The whip count: how many targets hold each position. */
export function whipCount(positions: readonly TargetPosition[]): Record<TargetPosition, number> {
  const count: Record<TargetPosition, number> = { support: 0, oppose: 0, undecided: 0, unknown: 0 };
  for (const p of positions) count[p]++;
  return count;
}

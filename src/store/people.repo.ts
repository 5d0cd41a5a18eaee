/**
 * People and committees in the store. A person's roles and a committee's memberships are written whole in
 * source order and replaced whole when the record changes, so a stored record is always exactly one
 * imported record. `contentHash` makes "unchanged" a single comparison.
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import {
  type Committee,
  type CommitteeRecord,
  currentParty,
  type Person,
  type PersonRecord,
  type PersonRole,
} from '../core/people/types.ts';
import type { CommitteeRow, PersonRoleRow, PersonRow } from './people.schema.ts';
import type { Database } from './schema.ts';
import { fromJson } from './util.ts';

/** SHA-256 of a record as read (key order fixed by the reader), the change test of every import. */
export function recordHash(record: PersonRecord | CommitteeRecord): string {
  return createHash('sha256').update(JSON.stringify(record)).digest('hex');
}

/** The stored content hash of a person or committee; undefined when not stored. */
export async function storedHash(
  db: Kysely<Database>,
  table: 'people' | 'committees',
  id: string,
): Promise<string | undefined> {
  const row = await db.selectFrom(table).select('content_hash').where('id', '=', id).executeTakeFirst();
  return row?.content_hash;
}

/** Inserts or replaces a person and their roles. */
export async function writePerson(
  db: Kysely<Database>,
  p: PersonRecord,
  hash: string,
  now: string,
  exists: boolean,
): Promise<void> {
  const values = {
    name: p.name,
    given_name: p.givenName,
    family_name: p.familyName,
    email: p.email,
    image: p.image,
    jurisdiction_id: p.jurisdictionId,
    party: currentParty(p.party),
    party_json: JSON.stringify(p.party),
    offices_json: JSON.stringify(p.offices),
    links_json: JSON.stringify(p.links),
    sources_json: JSON.stringify(p.sources),
    other_names_json: JSON.stringify(p.otherNames),
    content_hash: hash,
    updated_at: now,
  };
  if (exists) {
    await db.updateTable('people').set(values).where('id', '=', p.id).execute();
    await db.deleteFrom('person_roles').where('person_id', '=', p.id).execute();
  } else {
    await db
      .insertInto('people')
      .values({ id: p.id, ...values, created_at: now })
      .execute();
  }
  if (p.roles.length > 0) {
    await db
      .insertInto('person_roles')
      .values(
        p.roles.map((r, position) => ({
          person_id: p.id,
          position,
          type: r.type,
          district: r.district,
          jurisdiction_id: r.jurisdictionId,
          start_date: r.startDate,
          end_date: r.endDate,
          end_reason: r.endReason,
        })),
      )
      .execute();
  }
}

/** Inserts or replaces a committee and its memberships. */
export async function writeCommittee(
  db: Kysely<Database>,
  c: CommitteeRecord,
  hash: string,
  now: string,
  exists: boolean,
): Promise<void> {
  const values = {
    name: c.name,
    classification: c.classification,
    jurisdiction_id: c.jurisdictionId,
    parent: c.parent,
    links_json: JSON.stringify(c.links),
    sources_json: JSON.stringify(c.sources),
    content_hash: hash,
    updated_at: now,
  };
  if (exists) {
    await db.updateTable('committees').set(values).where('id', '=', c.id).execute();
    await db.deleteFrom('committee_memberships').where('committee_id', '=', c.id).execute();
  } else {
    await db
      .insertInto('committees')
      .values({ id: c.id, ...values, created_at: now })
      .execute();
  }
  if (c.members.length > 0) {
    await db
      .insertInto('committee_memberships')
      .values(
        c.members.map((m, position) => ({
          committee_id: c.id,
          position,
          person_id: m.personId,
          name: m.name,
          role: m.role,
          start_date: m.startDate,
          end_date: m.endDate,
        })),
      )
      .execute();
  }
}

/** A person in a list: the current party and the latest open role. */
export interface PersonListing {
  id: string;
  name: string;
  party: string | null;
  jurisdictionId: string | null;
  role: PersonRole | null;
}

function role(r: PersonRoleRow): PersonRole {
  return {
    type: r.type,
    district: r.district,
    jurisdictionId: r.jurisdiction_id,
    startDate: r.start_date,
    endDate: r.end_date,
    endReason: r.end_reason,
  };
}

/** People, by name, optionally of one jurisdiction (their own or any role's). */
export async function listPeople(
  db: Kysely<Database>,
  f: { jurisdictionId?: string; limit?: number },
): Promise<PersonListing[]> {
  let q = db.selectFrom('people').selectAll();
  if (f.jurisdictionId) {
    const j = f.jurisdictionId;
    q = q.where((eb) =>
      eb.or([
        eb('jurisdiction_id', '=', j),
        eb('id', 'in', eb.selectFrom('person_roles').select('person_id').where('jurisdiction_id', '=', j)),
      ]),
    );
  }
  const rows = await q
    .orderBy('name')
    .orderBy('id')
    .limit(f.limit ?? 1000)
    .execute();
  const ids = rows.map((r) => r.id);
  const roles =
    ids.length === 0
      ? []
      : await db
          .selectFrom('person_roles')
          .selectAll()
          .where('person_id', 'in', ids)
          .orderBy('position')
          .execute();
  return rows.map((r) => {
    const own = roles.filter((x) => x.person_id === r.id);
    const current = own.filter((x) => x.end_date === null).at(-1) ?? own.at(-1);
    return {
      id: r.id,
      name: r.name,
      party: r.party,
      jurisdictionId: r.jurisdiction_id,
      role: current ? role(current) : null,
    };
  });
}

function person(r: PersonRow, roles: PersonRoleRow[]): Person {
  return {
    id: r.id,
    name: r.name,
    givenName: r.given_name,
    familyName: r.family_name,
    email: r.email,
    image: r.image,
    jurisdictionId: r.jurisdiction_id,
    roles: roles.map(role),
    party: fromJson(r.party_json),
    offices: fromJson(r.offices_json),
    links: fromJson(r.links_json),
    sources: fromJson(r.sources_json),
    otherNames: fromJson(r.other_names_json),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** One person with their roles; undefined when none. */
export async function getPerson(db: Kysely<Database>, id: string): Promise<Person | undefined> {
  const r = await db.selectFrom('people').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) return undefined;
  const roles = await db
    .selectFrom('person_roles')
    .selectAll()
    .where('person_id', '=', id)
    .orderBy('position')
    .execute();
  return person(r, roles);
}

/** A committee in a list, with its member count. */
export interface CommitteeListing {
  id: string;
  name: string;
  classification: string;
  jurisdictionId: string | null;
  parent: string | null;
  members: number;
}

/** Committees, by name, optionally of one jurisdiction. */
export async function listCommittees(
  db: Kysely<Database>,
  f: { jurisdictionId?: string; limit?: number },
): Promise<CommitteeListing[]> {
  let q = db
    .selectFrom('committees as c')
    .select(['c.id', 'c.name', 'c.classification', 'c.jurisdiction_id', 'c.parent'])
    .select((eb) =>
      eb
        .selectFrom('committee_memberships as m')
        .whereRef('m.committee_id', '=', 'c.id')
        .select((e) => e.fn.countAll<number>().as('n'))
        .as('members'),
    );
  if (f.jurisdictionId) q = q.where('c.jurisdiction_id', '=', f.jurisdictionId);
  const rows = await q
    .orderBy('c.name')
    .orderBy('c.id')
    .limit(f.limit ?? 1000)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    classification: r.classification,
    jurisdictionId: r.jurisdiction_id,
    parent: r.parent,
    members: Number(r.members ?? 0),
  }));
}

function committee(r: CommitteeRow, members: Committee['members']): Committee {
  return {
    id: r.id,
    name: r.name,
    classification: r.classification,
    jurisdictionId: r.jurisdiction_id,
    parent: r.parent,
    links: fromJson(r.links_json),
    sources: fromJson(r.sources_json),
    members,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** One committee with its memberships in source order; undefined when none. */
export async function getCommittee(db: Kysely<Database>, id: string): Promise<Committee | undefined> {
  const r = await db.selectFrom('committees').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) return undefined;
  const rows = await db
    .selectFrom('committee_memberships')
    .selectAll()
    .where('committee_id', '=', id)
    .orderBy('position')
    .execute();
  return committee(
    r,
    rows.map((m) => ({
      personId: m.person_id,
      name: m.name,
      role: m.role,
      startDate: m.start_date,
      endDate: m.end_date,
    })),
  );
}

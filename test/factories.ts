/**
 * Test data builders. Each returns plain values with defaults that any test may override; the `insert*`
 * helpers write through the real repositories (no fakes of our own store). Defaults are numbered so two
 * calls never collide; pass explicit values where a test compares results across engines.
 */
import type { Kysely } from 'kysely';
import type { Organization, User } from '../src/core/auth/accounts.ts';
import type { Jurisdiction } from '../src/core/jurisdictions/types.ts';
import { insertOrganization, insertUser } from '../src/store/accounts.repo.ts';
import type { Database } from '../src/store/schema.ts';

let counter = 0;
const next = () => ++counter;

/** A password that passes the policy (use it wherever a test needs a valid one). */
export const goodPassword = 'correct horse battery staple';

/** A stand-in password hash for store tests, which never verify it (hashing costs ~50 ms each). */
export const fakePasswordHash = '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$ZmFrZWhhc2g';

export interface NewUserInput {
  email: string;
  displayName: string;
  password: string;
  instanceAdmin?: boolean;
}

/** Arguments for the createUser service. */
export function buildNewUser(overrides: Partial<NewUserInput> = {}): NewUserInput {
  const n = next();
  return {
    email: `person${n}@example.org`,
    displayName: `Person ${n}`,
    password: goodPassword,
    ...overrides,
  };
}

/** Inserts a user through the repository with a stand-in hash. */
export function insertTestUser(
  db: Kysely<Database>,
  overrides: Partial<{
    email: string;
    displayName: string;
    passwordHash: string;
    instanceAdmin: boolean;
  }> = {},
): Promise<User> {
  const n = next();
  return insertUser(db, {
    email: `person${n}@example.org`,
    displayName: `Person ${n}`,
    passwordHash: fakePasswordHash,
    ...overrides,
  });
}

/** Inserts an organization through the repository. */
export function insertTestOrganization(
  db: Kysely<Database>,
  overrides: Partial<{ name: string; slug: string }> = {},
): Promise<Organization> {
  const n = next();
  return insertOrganization(db, overrides.name ?? `Org ${n}`, overrides.slug ?? `org-${n}`);
}

/** An organization's own local jurisdiction under Texas (override `organizationId`). */
export function buildJurisdiction(overrides: Partial<Jurisdiction> = {}): Jurisdiction {
  const n = next();
  return {
    id: `ocd-division/country:us/state:tx/place:town_${n}`,
    parentId: 'ocd-division/country:us/state:tx',
    level: 'local',
    type: 'place',
    name: { en: `Town ${n}` },
    isoCode: null,
    isoAlpha3: null,
    isoNumeric: null,
    organizationId: null,
    ...overrides,
  };
}

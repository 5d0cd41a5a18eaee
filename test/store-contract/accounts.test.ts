/** Users, organizations and memberships on every engine: round trips, mapping and unique constraints. */
import { describe, expect, it } from 'vitest';
import { isDomainError } from '../../src/core/errors.ts';
import { createUser } from '../../src/services/accounts.ts';
import { cliActor } from '../../src/services/context.ts';
import { createOrganization } from '../../src/services/organizations.ts';
import {
  countAdmins,
  countUsers,
  deleteMembership,
  findOrganization,
  getMembership,
  getPasswordHash,
  getUser,
  getUserCredentials,
  listMembers,
  listOrganizations,
  listUserMemberships,
  listUsers,
  updateUser,
  upsertMembership,
} from '../../src/store/accounts.repo.ts';
import { describeEachEngine } from '../engines.ts';
import { buildNewUser, fakePasswordHash, insertTestOrganization, insertTestUser } from '../factories.ts';
import { crossEngine, isoTimestamp } from './snapshot.ts';

const snapshots = crossEngine();

describeEachEngine('accounts repository', (get, dialect) => {
  it('round-trips a user, with real booleans and ISO timestamps', async () => {
    const { db } = get();
    const ada = await insertTestUser(db, {
      email: 'ada@example.org',
      displayName: 'Ada',
      instanceAdmin: true,
    });
    expect(ada).toEqual({
      id: expect.any(String),
      email: 'ada@example.org',
      displayName: 'Ada',
      instanceAdmin: true,
      disabled: false,
      locale: null,
      createdAt: expect.stringMatching(isoTimestamp),
    });
    expect(await getUser(db, ada.id)).toEqual(ada);
    expect(await getUserCredentials(db, 'ada@example.org')).toEqual({
      user: ada,
      passwordHash: fakePasswordHash,
    });
    expect(await getPasswordHash(db, ada.id)).toBe(fakePasswordHash);

    await updateUser(db, ada.id, { disabled: true, displayName: 'Ada L.', locale: 'fr' });
    const updated = await getUser(db, ada.id);
    expect(updated).toEqual({ ...ada, disabled: true, displayName: 'Ada L.', locale: 'fr' });
    expect(typeof updated?.disabled).toBe('boolean');
    expect(typeof updated?.instanceAdmin).toBe('boolean');
    await updateUser(db, ada.id, { disabled: false, locale: null, passwordHash: 'other-hash' });
    expect(await getUser(db, ada.id)).toMatchObject({ disabled: false, locale: null, displayName: 'Ada L.' });
    expect(await getPasswordHash(db, ada.id)).toBe('other-hash');

    expect(await getUser(db, '00000000-0000-4000-8000-000000000000')).toBeNull();
    expect(await getUserCredentials(db, 'nobody@example.org')).toBeNull();
    expect(await getPasswordHash(db, 'missing')).toBeNull();
    snapshots.record(dialect, 'user', await getUser(db, ada.id));
  });

  it('refuses a duplicate email (store constraint and service code)', async () => {
    const { db } = get();
    await insertTestUser(db, { email: 'grace@example.org' });
    const before = await countUsers(db);
    await expect(insertTestUser(db, { email: 'grace@example.org' })).rejects.toThrow();
    const err = await createUser(
      { db, actor: cliActor },
      buildNewUser({ email: ' Grace@Example.ORG ', displayName: 'Grace' }),
    ).then(
      () => null,
      (e: unknown) => e,
    );
    expect(isDomainError(err, 'USER_EXISTS'), String(err)).toBe(true);
    expect(await countUsers(db)).toBe(before);
    expect(typeof before).toBe('number');
  });

  it('round-trips organizations and refuses a duplicate slug', async () => {
    const { db } = get();
    const acme = await insertTestOrganization(db, { name: 'Acme Advocacy', slug: 'acme-advocacy' });
    expect(acme).toEqual({
      id: expect.any(String),
      name: 'Acme Advocacy',
      slug: 'acme-advocacy',
      createdAt: expect.stringMatching(isoTimestamp),
    });
    expect(await findOrganization(db, acme.id)).toEqual(acme);
    expect(await findOrganization(db, 'acme-advocacy')).toEqual(acme);
    expect(await findOrganization(db, 'no-such-org')).toBeNull();
    await expect(insertTestOrganization(db, { name: 'Other', slug: 'acme-advocacy' })).rejects.toThrow();
    const err = await createOrganization({ db, actor: cliActor }, 'ACME advocacy!').then(
      () => null,
      (e: unknown) => e,
    );
    expect(isDomainError(err, 'ORG_EXISTS'), String(err)).toBe(true);
    expect((await listOrganizations(db)).filter((o) => o.slug.startsWith('acme'))).toEqual([acme]);
  });

  it('lists organizations by name and users by email, the same on every engine', async () => {
    const { db } = get();
    for (const [name, slug] of [
      ['Zeta Network', 'zeta-network'],
      ['alpha collective', 'alpha-collective'],
      ['Beta Trust', 'beta-trust'],
    ] as const) {
      await insertTestOrganization(db, { name, slug });
    }
    for (const email of ['zed@example.org', 'a_b@example.org', 'ab@example.org']) {
      await insertTestUser(db, { email, displayName: email.split('@')[0] });
    }
    const orgs = (await listOrganizations(db)).map((o) => o.name);
    const users = (await listUsers(db)).map((u) => u.email);
    // SQLite sorts by code point (upper case first). PostgreSQL does the same only under the C collation; a
    // database created with en_US or an ICU locale sorts case-insensitively and fails this contract.
    const ours = orgs.filter((n) => ['Zeta Network', 'alpha collective', 'Beta Trust'].includes(n));
    expect(ours, 'engines must sort text alike (is the PostgreSQL database using the C collation?)').toEqual([
      'Beta Trust',
      'Zeta Network',
      'alpha collective',
    ]);
    expect(users).toEqual([...users].sort());
    snapshots.record(dialect, 'orderings', { orgs, users });
  });

  it('adds a membership, and a second upsert changes only the role', async () => {
    const { db } = get();
    const org = await insertTestOrganization(db, { name: 'Member Org', slug: 'member-org' });
    const lin = await insertTestUser(db, { email: 'lin@example.org', displayName: 'Lin' });
    const kay = await insertTestUser(db, { email: 'kay@example.org', displayName: 'Kay' });
    const first = await upsertMembership(db, org.id, lin.id, 'analyst');
    expect(first).toEqual({
      organizationId: org.id,
      userId: lin.id,
      role: 'analyst',
      createdAt: expect.stringMatching(isoTimestamp),
    });
    const second = await upsertMembership(db, org.id, lin.id, 'admin');
    expect(second).toEqual({ ...first, role: 'admin' });
    await upsertMembership(db, org.id, kay.id, 'viewer');
    expect(await getMembership(db, org.id, lin.id)).toEqual(second);
    expect(await countAdmins(db, org.id)).toBe(1);

    const members = await listMembers(db, org.id);
    expect(members.map((m) => [m.user.email, m.role])).toEqual([
      ['kay@example.org', 'viewer'],
      ['lin@example.org', 'admin'],
    ]);
    expect(members[1]?.user).toEqual(lin);
    expect((await listUsers(db, org.id)).map((u) => u.email)).toEqual(['kay@example.org', 'lin@example.org']);
    const linsOrgs = await listUserMemberships(db, lin.id);
    expect(linsOrgs).toEqual([{ ...second, organization: org }]);

    await deleteMembership(db, org.id, kay.id);
    expect(await getMembership(db, org.id, kay.id)).toBeNull();
    expect(await listUserMemberships(db, kay.id)).toEqual([]);
    snapshots.record(dialect, 'memberships', { members, linsOrgs });
  });
});

describe('accounts across engines', () => {
  it('return identical domain objects', (ctx) => {
    snapshots.assertIdentical(ctx);
  });
});

/** Users, organizations and memberships. */
import type { Kysely, Selectable } from 'kysely';
import type { Membership, Organization, User } from '../core/auth/accounts.ts';
import type { Role } from '../core/auth/permissions.ts';
import type { Database, OrganizationRow, UserRow } from './schema.ts';
import { newId, nowIso } from './util.ts';

function toUser(r: Selectable<UserRow>): User {
  return {
    id: r.id,
    email: r.email,
    displayName: r.display_name,
    instanceAdmin: r.is_instance_admin === 1,
    disabled: r.disabled === 1,
    locale: r.locale,
    createdAt: r.created_at,
  };
}

function toOrg(r: Selectable<OrganizationRow>): Organization {
  return { id: r.id, name: r.name, slug: r.slug, createdAt: r.created_at };
}

/** Inserts a user; the email must already be normalized and free. */
export async function insertUser(
  db: Kysely<Database>,
  u: { email: string; displayName: string; passwordHash: string; instanceAdmin?: boolean },
): Promise<User> {
  const at = nowIso();
  const row: UserRow = {
    id: newId(),
    email: u.email,
    display_name: u.displayName,
    password_hash: u.passwordHash,
    is_instance_admin: u.instanceAdmin ? 1 : 0,
    disabled: 0,
    locale: null,
    created_at: at,
    updated_at: at,
  };
  await db.insertInto('users').values(row).execute();
  return toUser(row);
}

/** One user by id, or null. */
export async function getUser(db: Kysely<Database>, id: string): Promise<User | null> {
  const r = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toUser(r) : null;
}

/** A user and their password hash by normalized email, or null. */
export async function getUserCredentials(
  db: Kysely<Database>,
  email: string,
): Promise<{ user: User; passwordHash: string } | null> {
  const r = await db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
  return r ? { user: toUser(r), passwordHash: r.password_hash } : null;
}

/** The password hash of a user by id, or null. */
export async function getPasswordHash(db: Kysely<Database>, id: string): Promise<string | null> {
  const r = await db.selectFrom('users').select('password_hash').where('id', '=', id).executeTakeFirst();
  return r?.password_hash ?? null;
}

/** Number of users. */
export async function countUsers(db: Kysely<Database>): Promise<number> {
  const r = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** All users, by email; or only the members of one organization. */
export async function listUsers(db: Kysely<Database>, organizationId?: string): Promise<User[]> {
  let q = db.selectFrom('users').selectAll('users');
  if (organizationId) {
    q = q
      .innerJoin('memberships', 'memberships.user_id', 'users.id')
      .where('memberships.organization_id', '=', organizationId);
  }
  return (await q.orderBy('users.email').execute()).map(toUser);
}

/** Updates the given fields of a user. */
export async function updateUser(
  db: Kysely<Database>,
  id: string,
  patch: { passwordHash?: string; disabled?: boolean; displayName?: string; locale?: string | null },
): Promise<void> {
  await db
    .updateTable('users')
    .set({
      updated_at: nowIso(),
      ...(patch.passwordHash !== undefined ? { password_hash: patch.passwordHash } : {}),
      ...(patch.disabled !== undefined ? { disabled: patch.disabled ? 1 : 0 } : {}),
      ...(patch.displayName !== undefined ? { display_name: patch.displayName } : {}),
      ...(patch.locale !== undefined ? { locale: patch.locale } : {}),
    })
    .where('id', '=', id)
    .execute();
}

/** Inserts an organization; the slug must be free. */
export async function insertOrganization(
  db: Kysely<Database>,
  name: string,
  slug: string,
): Promise<Organization> {
  const row: OrganizationRow = { id: newId(), name, slug, created_at: nowIso() };
  await db.insertInto('organizations').values(row).execute();
  return toOrg(row);
}

/** One organization by id or slug, or null. */
export async function findOrganization(db: Kysely<Database>, idOrSlug: string): Promise<Organization | null> {
  const r = await db
    .selectFrom('organizations')
    .selectAll()
    .where((eb) => eb.or([eb('id', '=', idOrSlug), eb('slug', '=', idOrSlug)]))
    .executeTakeFirst();
  return r ? toOrg(r) : null;
}

/** All organizations by name. */
export async function listOrganizations(db: Kysely<Database>): Promise<Organization[]> {
  return (await db.selectFrom('organizations').selectAll().orderBy('name').orderBy('id').execute()).map(
    toOrg,
  );
}

/** Adds or changes a membership. */
export async function upsertMembership(
  db: Kysely<Database>,
  organizationId: string,
  userId: string,
  role: Role,
): Promise<Membership> {
  const createdAt = nowIso();
  await db
    .insertInto('memberships')
    .values({ organization_id: organizationId, user_id: userId, role, created_at: createdAt })
    .onConflict((oc) => oc.columns(['organization_id', 'user_id']).doUpdateSet({ role }))
    .execute();
  const m = await getMembership(db, organizationId, userId);
  if (!m) throw new Error('membership vanished after upsert');
  return m;
}

/** A user's membership in an organization, or null. */
export async function getMembership(
  db: Kysely<Database>,
  organizationId: string,
  userId: string,
): Promise<Membership | null> {
  const r = await db
    .selectFrom('memberships')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return r
    ? { organizationId: r.organization_id, userId: r.user_id, role: r.role as Role, createdAt: r.created_at }
    : null;
}

/** Removes a membership. */
export async function deleteMembership(db: Kysely<Database>, organizationId: string, userId: string) {
  await db
    .deleteFrom('memberships')
    .where('organization_id', '=', organizationId)
    .where('user_id', '=', userId)
    .execute();
}

/** The memberships of a user, with their organizations, by organization name. */
export async function listUserMemberships(
  db: Kysely<Database>,
  userId: string,
): Promise<Array<Membership & { organization: Organization }>> {
  const rows = await db
    .selectFrom('memberships')
    .innerJoin('organizations', 'organizations.id', 'memberships.organization_id')
    .select([
      'memberships.organization_id',
      'memberships.user_id',
      'memberships.role',
      'memberships.created_at',
      'organizations.name',
      'organizations.slug',
      'organizations.created_at as org_created_at',
    ])
    .where('memberships.user_id', '=', userId)
    .orderBy('organizations.name')
    .execute();
  return rows.map((r) => ({
    organizationId: r.organization_id,
    userId: r.user_id,
    role: r.role as Role,
    createdAt: r.created_at,
    organization: { id: r.organization_id, name: r.name, slug: r.slug, createdAt: r.org_created_at },
  }));
}

/** The members of an organization with their roles. */
export async function listMembers(
  db: Kysely<Database>,
  organizationId: string,
): Promise<Array<Membership & { user: User }>> {
  const rows = await db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .selectAll('users')
    .select(['memberships.role', 'memberships.created_at as member_since'])
    .where('memberships.organization_id', '=', organizationId)
    .orderBy('users.email')
    .execute();
  return rows.map((r) => ({
    organizationId,
    userId: r.id,
    role: r.role as Role,
    createdAt: r.member_since,
    user: toUser(r),
  }));
}

/** How many admins an organization has. */
export async function countAdmins(db: Kysely<Database>, organizationId: string): Promise<number> {
  const r = await db
    .selectFrom('memberships')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('organization_id', '=', organizationId)
    .where('role', '=', 'admin')
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/**
 * Signing in and out. Session ids are 256-bit random secrets; only their hash is stored. A new session (a new
 * id) is issued at every login, so an id planted before login is worthless after it. Sessions end after an
 * idle period or an absolute lifetime, both checked on the server at every request.
 */
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { normalizeEmail, type User } from '../core/auth/accounts.ts';
import { type Actor, permissionsOf, type Role, roleCan } from '../core/auth/permissions.ts';
import { DomainError } from '../core/errors.ts';
import { getUser, getUserCredentials, listUserMemberships } from '../store/accounts.repo.ts';
import { recordAudit } from '../store/audit.repo.ts';
import type { Database } from '../store/schema.ts';
import {
  deleteSession,
  deleteUserSessions,
  findApiToken,
  getSession,
  insertSession,
  touchApiToken,
  touchSession,
} from '../store/sessions.repo.ts';
import { verifyPassword } from './passwords.ts';

export interface SessionPolicy {
  idleSeconds: number;
  absoluteSeconds: number;
}

/** A fresh random secret, URL-safe, with `bits` of entropy. */
export function newSecret(bits = 256): string {
  return randomBytes(bits / 8).toString('base64url');
}

export interface SignedIn {
  sessionSecret: string;
  csrfToken: string;
  user: User;
}

/**
 * Checks credentials and opens a session. Unknown email, wrong password and disabled account all throw the
 * same AUTH_FAILED, after the same amount of hashing work.
 */
export async function login(
  db: Kysely<Database>,
  policy: SessionPolicy,
  args: { email: string; password: string; previousSecret?: string | undefined },
  now = new Date(),
): Promise<SignedIn> {
  const creds = await getUserCredentials(db, normalizeEmail(args.email));
  const ok = await verifyPassword(creds?.passwordHash ?? null, args.password);
  if (!creds || !ok || creds.user.disabled) {
    throw new DomainError('AUTH_FAILED', 'email or password is wrong');
  }
  if (args.previousSecret) await deleteSession(db, args.previousSecret);
  const memberships = await listUserMemberships(db, creds.user.id);
  const sessionSecret = newSecret();
  const csrfToken = newSecret(128);
  await insertSession(
    db,
    sessionSecret,
    {
      userId: creds.user.id,
      csrfToken,
      organizationId: memberships[0]?.organizationId ?? null,
      expiresAt: new Date(now.getTime() + policy.absoluteSeconds * 1000).toISOString(),
    },
    now,
  );
  const actor: Actor = {
    kind: 'user',
    userId: creds.user.id,
    organizationId: null,
    role: null,
    instanceAdmin: false,
  };
  await recordAudit(db, actor, 'session.login', `user:${creds.user.id}`);
  return { sessionSecret, csrfToken, user: creds.user };
}

/** Ends a session on the server. */
export async function logout(db: Kysely<Database>, sessionSecret: string): Promise<void> {
  await deleteSession(db, sessionSecret);
}

export interface ResolvedSession {
  actor: Extract<Actor, { kind: 'user' }>;
  csrfToken: string;
  user: User;
}

/**
 * The actor behind a session secret, or null when the session is unknown, idle too long, past its lifetime,
 * or its user is disabled or gone (expired sessions are deleted on sight). Refreshes the idle clock.
 */
export async function resolveSession(
  db: Kysely<Database>,
  policy: SessionPolicy,
  secret: string,
  now = new Date(),
): Promise<ResolvedSession | null> {
  const session = await getSession(db, secret);
  if (!session) return null;
  const idleLimit = new Date(session.lastSeenAt).getTime() + policy.idleSeconds * 1000;
  if (now.getTime() > idleLimit || now.toISOString() > session.expiresAt) {
    await deleteSession(db, secret);
    return null;
  }
  const user = await getUser(db, session.userId);
  if (!user || user.disabled) {
    await deleteUserSessions(db, session.userId);
    return null;
  }
  let role: Role | null = null;
  let organizationId = session.organizationId;
  if (organizationId) {
    const memberships = await listUserMemberships(db, user.id);
    role = memberships.find((m) => m.organizationId === organizationId)?.role ?? null;
    if (role === null) organizationId = null;
  }
  // Write the idle clock at most once a minute: reads stay cheap and the idle limit stays accurate enough.
  if (now.getTime() - new Date(session.lastSeenAt).getTime() > 60_000) {
    await touchSession(db, secret, { lastSeenAt: now.toISOString() });
  }
  return {
    actor: { kind: 'user', userId: user.id, organizationId, role, instanceAdmin: user.instanceAdmin },
    csrfToken: session.csrfToken,
    user,
  };
}

/** Switches the session's active organization; the user must be a member. */
export async function switchOrganization(
  db: Kysely<Database>,
  secret: string,
  userId: string,
  organizationId: string,
): Promise<void> {
  const memberships = await listUserMemberships(db, userId);
  if (!memberships.some((m) => m.organizationId === organizationId)) {
    throw new DomainError('ORG_NOT_FOUND', 'you are not a member of that organization');
  }
  await touchSession(db, secret, { organizationId });
}

/** The actor behind an API token (`lgp_…`), or null when unknown, revoked, or its creator is disabled. */
export async function resolveApiToken(db: Kysely<Database>, secret: string, now = new Date()) {
  const token = await findApiToken(db, secret);
  if (!token) return null;
  const creator = await getUser(db, token.createdBy);
  if (!creator || creator.disabled) return null;
  // A token never outlives its creator's membership of the organization, nor keeps a permission its creator
  // has since lost (the admin token of an admin demoted to viewer stops working).
  const memberships = await listUserMemberships(db, creator.id);
  const membership = memberships.find((m) => m.organizationId === token.organizationId);
  if (!membership || permissionsOf(token.role).some((p) => !roleCan(membership.role, p))) return null;
  if (!token.lastUsedAt || now.getTime() - new Date(token.lastUsedAt).getTime() > 60_000) {
    await touchApiToken(db, token.id, now.toISOString());
  }
  const actor: Actor = {
    kind: 'token',
    tokenId: token.id,
    userId: token.createdBy,
    organizationId: token.organizationId,
    role: token.role,
  };
  return actor;
}

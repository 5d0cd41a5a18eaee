/**
 * Server-side sessions, API tokens and one-time tokens (setup, invitation, password reset). Only the SHA-256
 * of a secret is stored, so a copy of the database does not let anyone sign in.
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Role } from '../core/auth/permissions.ts';
import type { Database, OneTimeTokenRow, SessionRow } from './schema.ts';
import { newId, nowIso } from './util.ts';

/** SHA-256 hex of a secret, as stored. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export interface Session {
  userId: string;
  csrfToken: string;
  organizationId: string | null;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
}

function toSession(r: SessionRow): Session {
  return {
    userId: r.user_id,
    csrfToken: r.csrf_token,
    organizationId: r.organization_id,
    createdAt: r.created_at,
    lastSeenAt: r.last_seen_at,
    expiresAt: r.expires_at,
  };
}

/** Stores a new session under the hash of its secret id. */
export async function insertSession(
  db: Kysely<Database>,
  secret: string,
  s: Omit<Session, 'createdAt' | 'lastSeenAt'>,
  now: Date,
): Promise<void> {
  const at = now.toISOString();
  await db
    .insertInto('sessions')
    .values({
      id: hashSecret(secret),
      user_id: s.userId,
      csrf_token: s.csrfToken,
      organization_id: s.organizationId,
      created_at: at,
      last_seen_at: at,
      expires_at: s.expiresAt,
    })
    .execute();
}

/** The session for a secret id, or null. */
export async function getSession(db: Kysely<Database>, secret: string): Promise<Session | null> {
  const r = await db
    .selectFrom('sessions')
    .selectAll()
    .where('id', '=', hashSecret(secret))
    .executeTakeFirst();
  return r ? toSession(r) : null;
}

/** Marks a session as used now, and optionally switches its active organization. */
export async function touchSession(
  db: Kysely<Database>,
  secret: string,
  patch: { lastSeenAt?: string; organizationId?: string | null },
): Promise<void> {
  await db
    .updateTable('sessions')
    .set({
      ...(patch.lastSeenAt !== undefined ? { last_seen_at: patch.lastSeenAt } : {}),
      ...(patch.organizationId !== undefined ? { organization_id: patch.organizationId } : {}),
    })
    .where('id', '=', hashSecret(secret))
    .execute();
}

/** Ends one session. */
export async function deleteSession(db: Kysely<Database>, secret: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', hashSecret(secret)).execute();
}

/** Ends every session of a user (logout everywhere, disable, password change). */
export async function deleteUserSessions(db: Kysely<Database>, userId: string): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

/** Removes sessions past their absolute expiry. */
export async function deleteExpiredSessions(db: Kysely<Database>, now: Date): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<', now.toISOString()).execute();
}

export interface ApiToken {
  id: string;
  name: string;
  organizationId: string;
  role: Role;
  createdBy: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** Stores an API token (its hash only). */
export async function insertApiToken(
  db: Kysely<Database>,
  secret: string,
  t: { name: string; organizationId: string; role: Role; createdBy: string },
): Promise<ApiToken> {
  const row = {
    id: newId(),
    token_hash: hashSecret(secret),
    name: t.name,
    organization_id: t.organizationId,
    role: t.role,
    created_by: t.createdBy,
    created_at: nowIso(),
    last_used_at: null,
    revoked_at: null,
  };
  await db.insertInto('api_tokens').values(row).execute();
  return {
    id: row.id,
    name: row.name,
    organizationId: row.organization_id,
    role: t.role,
    createdBy: row.created_by,
    createdAt: row.created_at,
    lastUsedAt: null,
    revokedAt: null,
  };
}

const tokenColumns = [
  'id',
  'name',
  'organization_id',
  'role',
  'created_by',
  'created_at',
  'last_used_at',
  'revoked_at',
] as const;

function toApiToken(r: {
  id: string;
  name: string;
  organization_id: string;
  role: string;
  created_by: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}): ApiToken {
  return {
    id: r.id,
    name: r.name,
    organizationId: r.organization_id,
    role: r.role as Role,
    createdBy: r.created_by,
    createdAt: r.created_at,
    lastUsedAt: r.last_used_at,
    revokedAt: r.revoked_at,
  };
}

/** The live (not revoked) token for a secret, or null. */
export async function findApiToken(db: Kysely<Database>, secret: string): Promise<ApiToken | null> {
  const r = await db
    .selectFrom('api_tokens')
    .select(tokenColumns)
    .where('token_hash', '=', hashSecret(secret))
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return r ? toApiToken(r) : null;
}

/** The tokens of an organization, newest first. */
export async function listApiTokens(db: Kysely<Database>, organizationId: string): Promise<ApiToken[]> {
  const rows = await db
    .selectFrom('api_tokens')
    .select(tokenColumns)
    .where('organization_id', '=', organizationId)
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map(toApiToken);
}

/** Revokes a token of an organization; returns false when there was no such live token. */
export async function revokeApiToken(
  db: Kysely<Database>,
  organizationId: string,
  id: string,
): Promise<boolean> {
  const r = await db
    .updateTable('api_tokens')
    .set({ revoked_at: nowIso() })
    .where('id', '=', id)
    .where('organization_id', '=', organizationId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Records that a token was used. */
export async function touchApiToken(db: Kysely<Database>, id: string, at: string): Promise<void> {
  await db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
}

export type OneTimePurpose = 'setup' | 'invite' | 'reset';

export interface OneTimeToken {
  purpose: OneTimePurpose;
  userId: string | null;
  organizationId: string | null;
  email: string | null;
  role: Role | null;
  expiresAt: string | null;
  usedAt: string | null;
}

/** Stores a one-time token (its hash only). */
export async function insertOneTimeToken(
  db: Kysely<Database>,
  secret: string,
  t: Omit<OneTimeToken, 'usedAt'>,
): Promise<void> {
  const row: OneTimeTokenRow = {
    id: hashSecret(secret),
    purpose: t.purpose,
    user_id: t.userId,
    organization_id: t.organizationId,
    email: t.email,
    role: t.role,
    created_at: nowIso(),
    expires_at: t.expiresAt,
    used_at: null,
  };
  await db.insertInto('one_time_tokens').values(row).execute();
}

/** The one-time token for a secret and purpose, used or not, or null. */
export async function findOneTimeToken(
  db: Kysely<Database>,
  secret: string,
  purpose: OneTimePurpose,
): Promise<OneTimeToken | null> {
  const r = await db
    .selectFrom('one_time_tokens')
    .selectAll()
    .where('id', '=', hashSecret(secret))
    .where('purpose', '=', purpose)
    .executeTakeFirst();
  return r
    ? {
        purpose,
        userId: r.user_id,
        organizationId: r.organization_id,
        email: r.email,
        role: r.role as Role | null,
        expiresAt: r.expires_at,
        usedAt: r.used_at,
      }
    : null;
}

/**
 * Marks a one-time token used. Returns false if it was already used (a concurrent request won), so the
 * caller can refuse: the update is the single point that makes a token single-use.
 */
export async function consumeOneTimeToken(
  db: Kysely<Database>,
  secret: string,
  at: string,
): Promise<boolean> {
  const r = await db
    .updateTable('one_time_tokens')
    .set({ used_at: at })
    .where('id', '=', hashSecret(secret))
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/**
 * Voids all unused tokens of a purpose (e.g. older setup links when a new one is printed), or only those of one
 * user when `userId` is given (other reset links once a password has been reset).
 */
export async function voidOneTimeTokens(
  db: Kysely<Database>,
  purpose: OneTimePurpose,
  at: string,
  userId?: string,
) {
  let q = db
    .updateTable('one_time_tokens')
    .set({ used_at: at })
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null);
  if (userId !== undefined) q = q.where('user_id', '=', userId);
  await q.execute();
}

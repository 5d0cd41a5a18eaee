/**
 * First-run setup, user administration and password resets. Setup exists only while there are no users: it
 * is a one-time link printed on the console, never a default password.
 */
import type { Kysely } from 'kysely';
import { normalizeEmail, slugify, type User } from '../core/auth/accounts.ts';
import { actorCan } from '../core/auth/permissions.ts';
import { DomainError } from '../core/errors.ts';
import {
  countUsers,
  findOrganization,
  getUser,
  getUserCredentials,
  insertOrganization,
  insertUser,
  listUsers,
  updateUser,
  upsertMembership,
} from '../store/accounts.repo.ts';
import { recordAudit } from '../store/audit.repo.ts';
import type { Database } from '../store/schema.ts';
import {
  consumeOneTimeToken,
  deleteUserSessions,
  findOneTimeToken,
  insertOneTimeToken,
  voidOneTimeTokens,
} from '../store/sessions.repo.ts';
import type { ServiceContext } from './context.ts';
import type { Mailer } from './mailer.ts';
import { hashPassword } from './passwords.ts';
import { newSecret } from './sessions.ts';

const resetLifetimeMs = 60 * 60 * 1000;

/** True while no user exists (first run). */
export async function needsSetup(db: Kysely<Database>): Promise<boolean> {
  return (await countUsers(db)) === 0;
}

/**
 * Issues a one-time setup token when there are no users (voiding earlier ones); returns null otherwise.
 * The token is valid until used.
 */
export async function issueSetupToken(db: Kysely<Database>): Promise<string | null> {
  if (!(await needsSetup(db))) return null;
  const secret = newSecret();
  await voidOneTimeTokens(db, 'setup', new Date().toISOString());
  await insertOneTimeToken(db, secret, {
    purpose: 'setup',
    userId: null,
    organizationId: null,
    email: null,
    role: null,
    expiresAt: null,
  });
  return secret;
}

/** True when the setup token is valid and unused and no user exists yet. */
export async function checkSetupToken(db: Kysely<Database>, token: string): Promise<boolean> {
  const t = await findOneTimeToken(db, token, 'setup');
  return t !== null && t.usedAt === null && (await needsSetup(db));
}

export interface SetupArgs {
  token: string;
  email: string;
  displayName: string;
  password: string;
  organizationName: string;
}

/** Creates the first administrator and their organization; the token works once. */
export async function completeSetup(db: Kysely<Database>, args: SetupArgs): Promise<User> {
  const email = normalizeEmail(args.email);
  const passwordHash = await hashPassword(args.password, [email.split('@')[0] ?? '', args.displayName]);
  return db.transaction().execute(async (trx) => {
    const token = await findOneTimeToken(trx, args.token, 'setup');
    if (!token || token.usedAt !== null || !(await needsSetup(trx))) {
      throw new DomainError('TOKEN_INVALID', 'this setup link is invalid or has already been used');
    }
    if (!(await consumeOneTimeToken(trx, args.token, new Date().toISOString()))) {
      throw new DomainError('TOKEN_INVALID', 'this setup link is invalid or has already been used');
    }
    const user = await insertUser(trx, {
      email,
      displayName: args.displayName,
      passwordHash,
      instanceAdmin: true,
    });
    const org = await insertOrganization(trx, args.organizationName, slugify(args.organizationName));
    await upsertMembership(trx, org.id, user.id, 'admin');
    await recordAudit(trx, { kind: 'system', name: 'setup' }, 'setup.complete', `user:${user.id}`);
    return user;
  });
}

/** Creates a user directly (CLI and instance admins); throws USER_EXISTS or PASSWORD_WEAK. */
export async function createUser(
  ctx: ServiceContext,
  args: { email: string; displayName: string; password: string; instanceAdmin?: boolean },
): Promise<User> {
  if (!actorCan(ctx.actor, 'instance:admin')) throw new DomainError('FORBIDDEN', 'you may not create users');
  const email = normalizeEmail(args.email);
  if (await getUserCredentials(ctx.db, email)) {
    throw new DomainError('USER_EXISTS', `a user with email ${email} already exists`, { field: 'email' });
  }
  const passwordHash = await hashPassword(args.password, [email.split('@')[0] ?? '', args.displayName]);
  const user = await insertUser(ctx.db, {
    email,
    displayName: args.displayName,
    passwordHash,
    instanceAdmin: args.instanceAdmin ?? false,
  });
  await recordAudit(ctx.db, ctx.actor, 'user.create', `user:${user.id}`);
  return user;
}

/** Lists every user (instance admins and the CLI). */
export async function listAllUsers(ctx: ServiceContext): Promise<User[]> {
  if (!actorCan(ctx.actor, 'instance:admin'))
    throw new DomainError('FORBIDDEN', 'you may not list all users');
  return listUsers(ctx.db);
}

/** Finds a user by id or email; throws USER_NOT_FOUND. */
export async function requireUser(db: Kysely<Database>, idOrEmail: string): Promise<User> {
  const user = idOrEmail.includes('@')
    ? ((await getUserCredentials(db, normalizeEmail(idOrEmail)))?.user ?? null)
    : await getUser(db, idOrEmail);
  if (!user) throw new DomainError('USER_NOT_FOUND', `no user ${idOrEmail}`);
  return user;
}

/** Disables or re-enables an account; disabling ends all its sessions at once. */
export async function setUserDisabled(
  ctx: ServiceContext,
  idOrEmail: string,
  disabled: boolean,
): Promise<User> {
  if (!actorCan(ctx.actor, 'instance:admin')) throw new DomainError('FORBIDDEN', 'you may not disable users');
  const user = await requireUser(ctx.db, idOrEmail);
  if (ctx.actor.kind === 'user' && ctx.actor.userId === user.id && disabled) {
    throw new DomainError('VALIDATION_FAILED', 'you cannot disable your own account');
  }
  await updateUser(ctx.db, user.id, { disabled });
  if (disabled) await deleteUserSessions(ctx.db, user.id);
  await recordAudit(ctx.db, ctx.actor, disabled ? 'user.disable' : 'user.enable', `user:${user.id}`);
  return { ...user, disabled };
}

/**
 * Starts a password reset: when the email belongs to an active user, mails a single-use link valid for one
 * hour. Says nothing about whether the account exists.
 */
export async function requestPasswordReset(
  db: Kysely<Database>,
  mailer: Mailer,
  publicUrl: string,
  emailInput: string,
): Promise<void> {
  const creds = await getUserCredentials(db, normalizeEmail(emailInput));
  if (!creds || creds.user.disabled) return;
  const secret = newSecret();
  await insertOneTimeToken(db, secret, {
    purpose: 'reset',
    userId: creds.user.id,
    organizationId: null,
    email: null,
    role: null,
    expiresAt: new Date(Date.now() + resetLifetimeMs).toISOString(),
  });
  await mailer.send({
    to: creds.user.email,
    subject: 'Reset your lawgap password',
    text: `Someone asked to reset the password of your lawgap account.\n\nTo choose a new password, open this link within one hour:\n${publicUrl}/app/reset-password#token=${secret}\n\nIf it was not you, ignore this message.`,
  });
}

/** Completes a reset: sets the new password, voids the user's other reset links and ends their sessions. */
export async function completePasswordReset(
  db: Kysely<Database>,
  args: { token: string; password: string },
  now = new Date(),
): Promise<void> {
  const t = await findOneTimeToken(db, args.token, 'reset');
  if (!t?.userId || t.usedAt !== null || (t.expiresAt !== null && t.expiresAt < now.toISOString())) {
    throw new DomainError('TOKEN_INVALID', 'this reset link is invalid, expired or already used');
  }
  const user = await getUser(db, t.userId);
  if (!user || user.disabled) throw new DomainError('TOKEN_INVALID', 'this reset link is invalid');
  const passwordHash = await hashPassword(args.password, [user.email.split('@')[0] ?? '', user.displayName]);
  if (!(await consumeOneTimeToken(db, args.token, now.toISOString()))) {
    throw new DomainError('TOKEN_INVALID', 'this reset link is invalid, expired or already used');
  }
  await updateUser(db, user.id, { passwordHash });
  // Any other reset link still in a mailbox dies with the old password, as do the sessions.
  await voidOneTimeTokens(db, 'reset', now.toISOString(), user.id);
  await deleteUserSessions(db, user.id);
  await recordAudit(db, { kind: 'system', name: 'password-reset' }, 'user.password_reset', `user:${user.id}`);
}

/** Sets the user's preferred locale. */
export async function setUserLocale(db: Kysely<Database>, userId: string, locale: string): Promise<void> {
  await updateUser(db, userId, { locale });
}

/** Finds an organization by id or slug; throws ORG_NOT_FOUND. */
export async function requireOrganization(db: Kysely<Database>, idOrSlug: string) {
  const org = await findOrganization(db, idOrSlug);
  if (!org) throw new DomainError('ORG_NOT_FOUND', `no organization ${idOrSlug}`);
  return org;
}

/**
 * Organizations, memberships, invitations and API tokens. Membership changes are scoped to the actor's own
 * organization (the query names it), so one organization's admin can never touch another's members.
 */
import { normalizeEmail, type Organization, slugify } from '../core/auth/accounts.ts';
import { type Actor, actorCan, type Role } from '../core/auth/permissions.ts';
import { DomainError } from '../core/errors.ts';
import {
  countAdmins,
  deleteMembership,
  findOrganization,
  getMembership,
  getUserCredentials,
  insertOrganization,
  insertUser,
  listMembers,
  listOrganizations,
  listUserMemberships,
  upsertMembership,
} from '../store/accounts.repo.ts';
import { recordAudit } from '../store/audit.repo.ts';
import {
  type ApiToken,
  consumeOneTimeToken,
  findOneTimeToken,
  insertApiToken,
  insertOneTimeToken,
  listApiTokens,
  revokeApiToken,
} from '../store/sessions.repo.ts';
import { requireOrganization, requireUser } from './accounts.ts';
import type { ServiceContext } from './context.ts';
import type { Mailer } from './mailer.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { newSecret } from './sessions.ts';

const inviteLifetimeMs = 7 * 24 * 60 * 60 * 1000;

/** The organization the actor may manage members of; throws FORBIDDEN. */
function managedOrg(actor: Actor, organizationId: string): string {
  if (actor.kind === 'system') return organizationId;
  if (
    actor.kind === 'public' ||
    actor.organizationId !== organizationId ||
    !actorCan(actor, 'members:manage')
  ) {
    throw new DomainError('FORBIDDEN', 'you may not manage the members of this organization');
  }
  return organizationId;
}

/** Creates an organization (instance admins and the CLI); throws ORG_EXISTS when the slug is taken. */
export async function createOrganization(ctx: ServiceContext, name: string): Promise<Organization> {
  if (!actorCan(ctx.actor, 'instance:admin'))
    throw new DomainError('FORBIDDEN', 'you may not create organizations');
  const slug = slugify(name);
  if (await findOrganization(ctx.db, slug)) {
    throw new DomainError('ORG_EXISTS', `an organization with slug ${slug} already exists`, {
      field: 'name',
    });
  }
  const org = await insertOrganization(ctx.db, name, slug);
  if (ctx.actor.kind === 'user') await upsertMembership(ctx.db, org.id, ctx.actor.userId, 'admin');
  await recordAudit(ctx.db, ctx.actor, 'org.create', `org:${org.id}`);
  return org;
}

/** Organizations the actor belongs to (all of them for the CLI), with the actor's role. */
export async function listMyOrganizations(ctx: ServiceContext) {
  if (ctx.actor.kind === 'public') return [];
  if (ctx.actor.kind === 'system') {
    return (await listOrganizations(ctx.db)).map((o) => ({ ...o, role: null as Role | null }));
  }
  const ms = await listUserMemberships(ctx.db, ctx.actor.userId);
  return ms.map((m) => ({ ...m.organization, role: m.role as Role | null }));
}

/** The members of an organization (members with org:read). */
export async function listOrganizationMembers(ctx: ServiceContext, organizationId: string) {
  if (ctx.actor.kind === 'public') throw new DomainError('FORBIDDEN', 'sign in first');
  if (
    ctx.actor.kind !== 'system' &&
    (ctx.actor.organizationId !== organizationId || !actorCan(ctx.actor, 'org:read'))
  ) {
    throw new DomainError('FORBIDDEN', 'you may not see the members of this organization');
  }
  return listMembers(ctx.db, organizationId);
}

/** Changes a member's role; the CLI (system actor) may also add an existing user by id or email. */
export async function addMember(
  ctx: ServiceContext,
  args: { organization: string; user: string; role: Role },
) {
  const org = await requireOrganization(ctx.db, args.organization);
  managedOrg(ctx.actor, org.id);
  // People join through invitations, which they accept. Through the API only existing members change role, and
  // an unknown account answers like a non-member, so an organization admin learns nothing about other accounts.
  if (ctx.actor.kind !== 'system' && !(await getMembership(ctx.db, org.id, args.user))) {
    throw new DomainError('MEMBERSHIP_NOT_FOUND', 'that user is not a member');
  }
  const user = await requireUser(ctx.db, args.user);
  const current = await getMembership(ctx.db, org.id, user.id);
  if (current?.role === 'admin' && args.role !== 'admin' && (await countAdmins(ctx.db, org.id)) <= 1) {
    throw new DomainError('LAST_ADMIN', 'an organization must keep at least one admin');
  }
  const m = await upsertMembership(ctx.db, org.id, user.id, args.role);
  await recordAudit(ctx.db, ctx.actor, 'member.set', `org:${org.id}`, { userId: user.id, role: args.role });
  return m;
}

/** Removes a member; the last admin cannot be removed. */
export async function removeMember(
  ctx: ServiceContext,
  organizationId: string,
  userId: string,
): Promise<void> {
  managedOrg(ctx.actor, organizationId);
  const m = await getMembership(ctx.db, organizationId, userId);
  if (!m) throw new DomainError('MEMBERSHIP_NOT_FOUND', 'that user is not a member');
  if (m.role === 'admin' && (await countAdmins(ctx.db, organizationId)) <= 1) {
    throw new DomainError('LAST_ADMIN', 'an organization must keep at least one admin');
  }
  await deleteMembership(ctx.db, organizationId, userId);
  await recordAudit(ctx.db, ctx.actor, 'member.remove', `org:${organizationId}`, { userId });
}

/** Invites an email address to the actor's organization: mails a single-use link valid for 7 days. */
export async function inviteMember(
  ctx: ServiceContext,
  mailer: Mailer,
  publicUrl: string,
  args: { organizationId: string; email: string; role: Role },
): Promise<void> {
  const orgId = managedOrg(ctx.actor, args.organizationId);
  const org = await requireOrganization(ctx.db, orgId);
  const email = normalizeEmail(args.email);
  const secret = newSecret();
  await insertOneTimeToken(ctx.db, secret, {
    purpose: 'invite',
    userId: null,
    organizationId: org.id,
    email,
    role: args.role,
    expiresAt: new Date(Date.now() + inviteLifetimeMs).toISOString(),
  });
  await mailer.send({
    to: email,
    subject: `You are invited to ${org.name} on lawgap`,
    text: `You have been invited to join ${org.name} on lawgap as ${args.role}.\n\nOpen this link within 7 days to accept:\n${publicUrl}/app/accept-invite#token=${secret}\n\nIf you did not expect this, ignore this message.`,
  });
  await recordAudit(ctx.db, ctx.actor, 'member.invite', `org:${org.id}`, { role: args.role });
}

/** What an invitation offers, without consuming it; throws TOKEN_INVALID. */
export async function describeInvitation(ctx: Pick<ServiceContext, 'db'>, token: string) {
  const t = await findOneTimeToken(ctx.db, token, 'invite');
  if (
    !t ||
    t.usedAt ||
    !t.organizationId ||
    !t.email ||
    !t.role ||
    (t.expiresAt && t.expiresAt < new Date().toISOString())
  ) {
    throw new DomainError('TOKEN_INVALID', 'this invitation is invalid, expired or already used');
  }
  const org = await requireOrganization(ctx.db, t.organizationId);
  const existing = await getUserCredentials(ctx.db, t.email);
  return { organization: org, email: t.email, role: t.role, accountExists: existing !== null };
}

/**
 * Accepts an invitation. A new address gets an account with the given name and password; an existing account
 * must prove itself with its current password. The token works once.
 */
export async function acceptInvitation(
  ctx: Pick<ServiceContext, 'db'>,
  args: { token: string; displayName?: string | undefined; password: string },
) {
  const invite = await describeInvitation(ctx, args.token);
  const existing = await getUserCredentials(ctx.db, invite.email);
  let newAccount: { displayName: string; passwordHash: string } | null = null;
  if (existing) {
    if (!(await verifyPassword(existing.passwordHash, args.password)) || existing.user.disabled) {
      throw new DomainError('AUTH_FAILED', 'the password of the existing account is wrong');
    }
  } else {
    if (!args.displayName) {
      throw new DomainError('VALIDATION_FAILED', 'displayName is required for a new account');
    }
    const context = [invite.email.split('@')[0] ?? '', args.displayName];
    newAccount = { displayName: args.displayName, passwordHash: await hashPassword(args.password, context) };
  }
  // Consuming the token, creating the account and joining happen together or not at all.
  const userId = await ctx.db.transaction().execute(async (trx) => {
    if (!(await consumeOneTimeToken(trx, args.token, new Date().toISOString()))) {
      throw new DomainError('TOKEN_INVALID', 'this invitation is invalid, expired or already used');
    }
    const id = existing
      ? existing.user.id
      : (await insertUser(trx, { email: invite.email, ...newAccount! })).id;
    await upsertMembership(trx, invite.organization.id, id, invite.role);
    return id;
  });
  const actor = { kind: 'system', name: 'invitation' } as const;
  await recordAudit(ctx.db, actor, 'member.join', `org:${invite.organization.id}`, { userId });
  return { userId, organization: invite.organization, role: invite.role };
}

/** Creates an API token for the actor's organization; returns the secret once (only its hash is kept). */
export async function createApiToken(
  ctx: ServiceContext,
  args: { organizationId: string; name: string; role: Role },
): Promise<{ token: ApiToken; secret: string }> {
  const orgId = managedOrg(ctx.actor, args.organizationId);
  if (ctx.actor.kind !== 'user')
    throw new DomainError('FORBIDDEN', 'only a signed-in person can create tokens');
  const secret = `lgp_${newSecret()}`;
  const token = await insertApiToken(ctx.db, secret, {
    name: args.name,
    organizationId: orgId,
    role: args.role,
    createdBy: ctx.actor.userId,
  });
  await recordAudit(ctx.db, ctx.actor, 'token.create', `org:${orgId}`, {
    tokenId: token.id,
    role: args.role,
  });
  return { token, secret };
}

/** The API tokens of the actor's organization (never their secrets). */
export async function listOrganizationTokens(ctx: ServiceContext, organizationId: string) {
  return listApiTokens(ctx.db, managedOrg(ctx.actor, organizationId));
}

/** Revokes a token of the actor's organization; throws NOT_FOUND. */
export async function revokeOrganizationToken(ctx: ServiceContext, organizationId: string, tokenId: string) {
  const orgId = managedOrg(ctx.actor, organizationId);
  if (!(await revokeApiToken(ctx.db, orgId, tokenId)))
    throw new DomainError('NOT_FOUND', 'no such live token');
  await recordAudit(ctx.db, ctx.actor, 'token.revoke', `org:${orgId}`, { tokenId });
}

/** The active organization: members, invitations and API tokens. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  accepted,
  apiToken,
  createdToken,
  inviteBody,
  member,
  memberParams,
  memberRoleBody,
  newTokenBody,
  tokenParams,
} from '../../contracts/accounts.ts';
import { requireOrganization } from '../../services/accounts.ts';
import {
  addMember,
  createApiToken,
  inviteMember,
  listOrganizationMembers,
  listOrganizationTokens,
  removeMember,
  revokeOrganizationToken,
} from '../../services/organizations.ts';
import type { AppDeps } from '../deps.ts';
import { defineRoute } from '../routing.ts';
import { activeOrg, serviceCtx } from './service-ctx.ts';

/** Registers /api/v1/organizations/current/… */
export function registerOrganizationRoutes(app: FastifyInstance, deps: AppDeps): void {
  const base = '/api/v1/organizations/current';
  const tags = ['organizations'];

  defineRoute(app, deps, {
    method: 'GET',
    url: `${base}/members`,
    summary: 'Members of the active organization and their roles',
    tags,
    access: 'org:read',
    response: z.array(member),
    handler: async ({ actor }) => {
      const members = await listOrganizationMembers(serviceCtx(deps, actor), activeOrg(actor));
      return members.map((m) => ({ user: m.user, role: m.role, createdAt: m.createdAt }));
    },
  });

  defineRoute(app, deps, {
    method: 'PUT',
    url: `${base}/members/:userId`,
    summary: "Change a member's role (the last admin cannot be demoted)",
    tags,
    access: 'members:manage',
    params: memberParams,
    body: memberRoleBody,
    response: z.object({ userId: z.string(), role: z.string() }),
    handler: async ({ actor, params, body }) => {
      const ctx = serviceCtx(deps, actor);
      const org = await requireOrganization(ctx.db, activeOrg(actor));
      const m = await addMember(ctx, { organization: org.id, user: params.userId, role: body.role });
      return { userId: m.userId, role: m.role };
    },
  });

  defineRoute(app, deps, {
    method: 'DELETE',
    url: `${base}/members/:userId`,
    summary: 'Remove a member (the last admin cannot be removed)',
    tags,
    access: 'members:manage',
    params: memberParams,
    status: 204,
    handler: async ({ actor, params }) => {
      await removeMember(serviceCtx(deps, actor), activeOrg(actor), params.userId);
      return undefined;
    },
  });

  defineRoute(app, deps, {
    method: 'POST',
    url: `${base}/invitations`,
    summary: 'Invite someone by email; the single-use link is mailed (or printed when SMTP is not set)',
    tags,
    access: 'members:manage',
    body: inviteBody,
    response: accepted,
    status: 202,
    rateLimitPerMinute: 30,
    handler: async ({ actor, body }) => {
      await inviteMember(serviceCtx(deps, actor), deps.mailer, deps.config.publicUrl, {
        organizationId: activeOrg(actor),
        email: body.email,
        role: body.role,
      });
      return { ok: true as const, message: 'invitation sent' };
    },
  });

  defineRoute(app, deps, {
    method: 'GET',
    url: `${base}/tokens`,
    summary: 'API tokens of the active organization (never their secrets)',
    tags,
    access: 'members:manage',
    response: z.array(apiToken),
    handler: async ({ actor }) => listOrganizationTokens(serviceCtx(deps, actor), activeOrg(actor)),
  });

  defineRoute(app, deps, {
    method: 'POST',
    url: `${base}/tokens`,
    summary: 'Create an API token scoped to the active organization and a role; the secret is shown once',
    tags,
    access: 'members:manage',
    body: newTokenBody,
    response: createdToken,
    status: 201,
    handler: async ({ actor, body }) =>
      createApiToken(serviceCtx(deps, actor), {
        organizationId: activeOrg(actor),
        name: body.name,
        role: body.role,
      }),
  });

  defineRoute(app, deps, {
    method: 'DELETE',
    url: `${base}/tokens/:id`,
    summary: 'Revoke an API token',
    tags,
    access: 'members:manage',
    params: tokenParams,
    status: 204,
    handler: async ({ actor, params }) => {
      await revokeOrganizationToken(serviceCtx(deps, actor), activeOrg(actor), params.id);
      return undefined;
    },
  });
}

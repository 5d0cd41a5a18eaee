/** Instance-wide user administration, invitations (accepting one) and organizations. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  invitationAcceptBody,
  invitationInfo,
  invitationLookupBody,
  myOrganization,
  newOrganizationBody,
  organization,
  user,
  userParams,
} from '../../contracts/accounts.ts';
import { listAllUsers, setUserDisabled } from '../../services/accounts.ts';
import {
  acceptInvitation,
  createOrganization,
  describeInvitation,
  listMyOrganizations,
} from '../../services/organizations.ts';
import type { AppDeps } from '../deps.ts';
import type { LoginLimiter } from '../plugins/login-limiter.ts';
import { defineRoute } from '../routing.ts';
import { serviceCtx } from './service-ctx.ts';

/** Registers /api/v1/users, /api/v1/organizations and /api/v1/invitations. */
export function registerAccountRoutes(app: FastifyInstance, deps: AppDeps, limiter: LoginLimiter): void {
  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/v1/users',
    summary: 'List every user account (instance administrators)',
    tags: ['users'],
    access: 'instance:admin',
    response: z.array(user),
    handler: async ({ actor }) => listAllUsers(serviceCtx(deps, actor)),
  });

  for (const [verb, disabled] of [
    ['disable', true],
    ['enable', false],
  ] as const) {
    defineRoute(app, deps, {
      method: 'POST',
      url: `/api/v1/users/:id/${verb}`,
      summary: disabled ? 'Disable an account and end its sessions' : 'Re-enable an account',
      tags: ['users'],
      access: 'instance:admin',
      params: userParams,
      response: user,
      handler: async ({ actor, params }) => setUserDisabled(serviceCtx(deps, actor), params.id, disabled),
    });
  }

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/v1/organizations',
    summary: 'The organizations you belong to, with your role in each',
    tags: ['organizations'],
    access: 'authenticated',
    response: z.array(myOrganization),
    handler: async ({ actor }) => listMyOrganizations(serviceCtx(deps, actor)),
  });

  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/v1/organizations',
    summary: 'Create an organization (instance administrators); you become its admin',
    tags: ['organizations'],
    access: 'instance:admin',
    body: newOrganizationBody,
    response: organization,
    status: 201,
    handler: async ({ actor, body }) => createOrganization(serviceCtx(deps, actor), body.name),
  });

  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/v1/invitations/lookup',
    summary: 'What an invitation token offers (organization, role, whether the account exists)',
    tags: ['invitations'],
    access: 'public',
    body: invitationLookupBody,
    response: invitationInfo,
    rateLimitPerMinute: 20,
    handler: async ({ body }) => describeInvitation({ db: deps.store.db }, body.token),
  });

  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/v1/invitations/accept',
    summary: 'Accept an invitation: a new account, or an existing one proven by its password',
    tags: ['invitations'],
    access: 'public',
    body: invitationAcceptBody,
    response: z.object({ organization, role: z.string() }),
    rateLimitPerMinute: 20,
    handler: async ({ body, request }) => {
      // Accepting for an existing account checks its password: count it like a sign-in attempt.
      const invite = await describeInvitation({ db: deps.store.db }, body.token);
      limiter.check(invite.email, request.ip);
      const result = await acceptInvitation({ db: deps.store.db }, body);
      return { organization: result.organization, role: result.role };
    },
  });
}

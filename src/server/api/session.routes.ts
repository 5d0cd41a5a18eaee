/** Signing in and out, the session state, first-run setup and password resets. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  accepted,
  localeBody,
  loginBody,
  resetConfirmBody,
  resetRequestBody,
  sessionState,
  setupBody,
  setupCheckBody,
  switchOrgBody,
} from '../../contracts/accounts.ts';
import { okBody } from '../../contracts/common.ts';
import { permissionsOf } from '../../core/auth/permissions.ts';
import { DomainError } from '../../core/errors.ts';
import {
  checkSetupToken,
  completePasswordReset,
  completeSetup,
  needsSetup,
  requestPasswordReset,
  setUserLocale,
} from '../../services/accounts.ts';
import { listMyOrganizations } from '../../services/organizations.ts';
import { login, logout, resolveSession, switchOrganization } from '../../services/sessions.ts';
import type { AppDeps } from '../deps.ts';
import { clearSessionCookie, setSessionCookie } from '../plugins/auth.ts';
import type { LoginLimiter } from '../plugins/login-limiter.ts';
import { defineRoute } from '../routing.ts';

type State = z.input<typeof sessionState>;

async function stateOf(deps: AppDeps, secret: string | null): Promise<State> {
  const db = deps.store.db;
  const setupRequired = await needsSetup(db);
  const policy = {
    idleSeconds: deps.config.sessionIdleSeconds,
    absoluteSeconds: deps.config.sessionAbsoluteSeconds,
  };
  const resolved = secret ? await resolveSession(db, policy, secret) : null;
  if (!resolved) {
    return {
      user: null,
      csrfToken: null,
      organizations: [],
      activeOrganizationId: null,
      role: null,
      permissions: [],
      setupRequired,
    };
  }
  const organizations = await listMyOrganizations({ db, actor: resolved.actor });
  const { actor } = resolved;
  const permissions: string[] = actor.role ? [...permissionsOf(actor.role)] : [];
  if (actor.instanceAdmin) permissions.push('instance:admin');
  return {
    user: resolved.user,
    csrfToken: resolved.csrfToken,
    organizations,
    activeOrganizationId: actor.organizationId,
    role: actor.role,
    permissions,
    setupRequired,
  };
}

/** Registers /api/v1/session, /api/v1/setup and /api/v1/password-reset. */
export function registerSessionRoutes(app: FastifyInstance, deps: AppDeps, limiter: LoginLimiter): void {
  const tags = ['session'];
  const policy = {
    idleSeconds: deps.config.sessionIdleSeconds,
    absoluteSeconds: deps.config.sessionAbsoluteSeconds,
  };

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/v1/session',
    summary: 'The current session: user, organizations, role, permissions and CSRF token',
    tags,
    access: 'public',
    response: sessionState,
    handler: async ({ request }) => stateOf(deps, request.sessionSecret),
  });

  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/v1/session',
    summary: 'Sign in with email and password (a new session id is issued at every sign-in)',
    tags,
    access: 'public',
    body: loginBody,
    response: sessionState,
    rateLimitPerMinute: 60,
    handler: async ({ body, request, reply }) => {
      limiter.check(body.email, request.ip);
      const signedIn = await login(deps.store.db, policy, {
        email: body.email,
        password: body.password,
        previousSecret: request.sessionSecret ?? undefined,
      });
      setSessionCookie(reply, deps, signedIn.sessionSecret);
      return stateOf(deps, signedIn.sessionSecret);
    },
  });

  defineRoute(app, deps, {
    method: 'DELETE',
    url: '/api/v1/session',
    summary: 'Sign out: ends the session on the server',
    tags,
    access: 'authenticated',
    status: 204,
    handler: async ({ request, reply }) => {
      if (request.sessionSecret) await logout(deps.store.db, request.sessionSecret);
      clearSessionCookie(reply, deps);
      return undefined;
    },
  });

  defineRoute(app, deps, {
    method: 'PUT',
    url: '/api/v1/session/organization',
    summary: 'Switch the active organization of this session',
    tags,
    access: 'authenticated',
    body: switchOrgBody,
    response: sessionState,
    handler: async ({ body, request, actor }) => {
      if (!request.sessionSecret || actor?.kind !== 'user') {
        throw new DomainError('FORBIDDEN', 'only a browser session can switch organization');
      }
      await switchOrganization(deps.store.db, request.sessionSecret, actor.userId, body.organizationId);
      return stateOf(deps, request.sessionSecret);
    },
  });

  defineRoute(app, deps, {
    method: 'PUT',
    url: '/api/v1/session/locale',
    summary: 'Remember the signed-in user’s language',
    tags,
    access: 'authenticated',
    body: localeBody,
    response: okBody,
    handler: async ({ body, actor }) => {
      if (actor?.kind === 'user') await setUserLocale(deps.store.db, actor.userId, body.locale);
      return { ok: true as const };
    },
  });

  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/v1/setup/check',
    summary: 'Whether a first-run setup token is still valid',
    tags: ['setup'],
    access: 'public',
    body: setupCheckBody,
    response: z.object({ valid: z.boolean() }),
    rateLimitPerMinute: 20,
    handler: async ({ body }) => ({ valid: await checkSetupToken(deps.store.db, body.token) }),
  });

  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/v1/setup',
    summary: 'First-run setup: create the first administrator and organization (single-use token)',
    tags: ['setup'],
    access: 'public',
    body: setupBody,
    response: okBody,
    status: 201,
    rateLimitPerMinute: 20,
    handler: async ({ body }) => {
      await completeSetup(deps.store.db, body);
      return { ok: true as const };
    },
  });

  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/v1/password-reset',
    summary: 'Ask for a password-reset link (same answer whether or not the account exists)',
    tags: ['session'],
    access: 'public',
    body: resetRequestBody,
    response: accepted,
    status: 202,
    rateLimitPerMinute: 10,
    handler: async ({ body, request }) => {
      limiter.check(body.email, request.ip);
      // Sending mail takes longer than not sending it; do it after answering so timing reveals nothing.
      setImmediate(() => {
        requestPasswordReset(deps.store.db, deps.mailer, deps.config.publicUrl, body.email).catch((err) =>
          // The error may quote the address; log only its class.
          request.log.error(
            { code: (err as { code?: string }).code ?? 'unknown' },
            'password reset mail failed',
          ),
        );
      });
      return { ok: true as const, message: 'If an account exists for that address, a link is on its way.' };
    },
  });

  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/v1/password-reset/confirm',
    summary: 'Set a new password with a reset token (single use, valid one hour); ends all sessions',
    tags: ['session'],
    access: 'public',
    body: resetConfirmBody,
    response: okBody,
    rateLimitPerMinute: 20,
    handler: async ({ body }) => {
      await completePasswordReset(deps.store.db, body);
      return { ok: true as const };
    },
  });
}

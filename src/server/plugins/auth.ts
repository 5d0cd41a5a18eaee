/**
 * Who is asking. A bearer API token (`Authorization: Bearer lgp_…`) or the session cookie becomes
 * `request.actor`. Writes made with a cookie must carry the session's CSRF token in `X-CSRF-Token`; writes
 * without a cookie must be JSON (which a cross-site form cannot send) and, when the browser names an Origin,
 * come from our own.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../../core/auth/permissions.ts';
import { DomainError } from '../../core/errors.ts';
import { resolveApiToken, resolveSession } from '../../services/sessions.ts';
import type { AppDeps } from '../deps.ts';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    sessionSecret: string | null;
    csrfToken: string | null;
  }
}

const unsafe = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The session cookie's name: `__Host-` prefixed wherever cookies are Secure. */
export function sessionCookieName(secure: boolean): string {
  return secure ? '__Host-lawgap_sid' : 'lawgap_sid';
}

/** Sets the session cookie. */
export function setSessionCookie(reply: FastifyReply, deps: AppDeps, secret: string): void {
  reply.setCookie(sessionCookieName(deps.config.secureCookies), secret, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: deps.config.secureCookies,
    maxAge: deps.config.sessionAbsoluteSeconds,
  });
}

/** Clears the session cookie. */
export function clearSessionCookie(reply: FastifyReply, deps: AppDeps): void {
  reply.clearCookie(sessionCookieName(deps.config.secureCookies), {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: deps.config.secureCookies,
  });
}

function sameOrigin(request: FastifyRequest, publicUrl: string): boolean {
  const origin = request.headers.origin;
  if (!origin) return true;
  if (origin === new URL(publicUrl).origin) return true;
  // Also accept the loopback name the browser actually used (localhost vs 127.0.0.1). Any other Host that
  // matches its Origin could be a DNS-rebinding attacker's domain, so it is refused.
  const host = request.headers.host ?? '';
  const loopback = /^(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/.test(host);
  return loopback && (origin === `http://${host}` || origin === `https://${host}`);
}

/** Installs actor resolution and CSRF checks on every /api and /app request. */
export function registerAuth(app: FastifyInstance, deps: AppDeps): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionSecret', null);
  app.decorateRequest('csrfToken', null);
  const cookieName = sessionCookieName(deps.config.secureCookies);
  const policy = {
    idleSeconds: deps.config.sessionIdleSeconds,
    absoluteSeconds: deps.config.sessionAbsoluteSeconds,
  };

  app.addHook('onRequest', async (request) => {
    // Judge by the matched route, not the raw URL: `/%61pi/v1/…` reaches the same handler and must meet the
    // same checks.
    if (!request.routeOptions.url?.startsWith('/api/')) return;
    const db = deps.store.db;
    const auth = request.headers.authorization;
    if (auth !== undefined) {
      const match = /^Bearer (lgp_[A-Za-z0-9_-]{20,100})$/.exec(auth);
      const actor = match ? await resolveApiToken(db, match[1]!) : null;
      if (!actor) throw new DomainError('AUTH_FAILED', 'the API token is invalid or revoked');
      request.actor = actor;
      return;
    }
    const secret = request.cookies[cookieName];
    if (secret) {
      const resolved = await resolveSession(db, policy, secret);
      if (resolved) {
        request.actor = resolved.actor;
        request.sessionSecret = secret;
        request.csrfToken = resolved.csrfToken;
      }
    }
    if (!unsafe.has(request.method)) return;
    if (request.sessionSecret) {
      if (request.headers['x-csrf-token'] !== request.csrfToken) {
        throw new DomainError('CSRF_FAILED', 'missing or wrong X-CSRF-Token header');
      }
    } else if (!sameOrigin(request, deps.config.publicUrl)) {
      throw new DomainError('CSRF_FAILED', 'cross-origin request refused');
    }
  });
}

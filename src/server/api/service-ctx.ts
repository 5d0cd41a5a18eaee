/** Turns a route's actor into a service context. Routes declare access first, so the actor is present. */
import type { Actor } from '../../core/auth/permissions.ts';
import { DomainError } from '../../core/errors.ts';
import type { ServiceContext } from '../../services/context.ts';
import type { AppDeps } from '../deps.ts';

/** The service context for an authenticated request; throws AUTH_REQUIRED without an actor. */
export function serviceCtx(deps: AppDeps, actor: Actor | null): ServiceContext {
  if (!actor) throw new DomainError('AUTH_REQUIRED', 'sign in first');
  return { db: deps.store.db, actor };
}

/** The actor's active organization; throws FORBIDDEN when none is selected. */
export function activeOrg(actor: Actor | null): string {
  if (!actor || actor.kind === 'system' || actor.kind === 'public' || !actor.organizationId) {
    throw new DomainError('FORBIDDEN', 'choose an organization first');
  }
  return actor.organizationId;
}

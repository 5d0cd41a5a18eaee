/** Actors and domain-error capture shared by the store-contract tests. */
import type { Actor, Role } from '../../src/core/auth/permissions.ts';
import { isDomainError } from '../../src/core/errors.ts';

/** A member of organization o1 with this role (the user id names the role unless given). */
export function person(role: Role, userId = `u-${role}`): Actor {
  return { kind: 'user', userId, organizationId: 'o1', role, instanceAdmin: false };
}

/** The system actor (imports and seeding). */
export const system: Actor = { kind: 'system', name: 'test' };

/** An anonymous caller. */
export const publicActor: Actor = { kind: 'public' };

/** The domain error a piece of work is refused with; throws when it succeeds or fails otherwise. */
export async function rejected(
  work: Promise<unknown>,
): Promise<{ code: string; message: string; details: unknown }> {
  const err = await work.then(
    () => null,
    (e: unknown) => e,
  );
  if (!isDomainError(err)) throw new Error(`expected a domain error, got ${String(err)}`);
  return { code: err.code, message: err.message, details: err.details };
}

/** The code of the domain error a piece of work is refused with. */
export async function codeOf(work: Promise<unknown>): Promise<string> {
  return (await rejected(work)).code;
}

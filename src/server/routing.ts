/**
 * Route declaration. Every API route is declared through `defineRoute`, which states the permission it needs
 * (deny by default: there is no way to declare a route without one), validates params, query and body with
 * zod (unknown keys rejected) before the handler runs, and records the route for the OpenAPI document and
 * for the route-permission test that enumerates every route.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { type Actor, actorCan } from '../core/auth/permissions.ts';
import { DomainError } from '../core/errors.ts';
import type { AppDeps } from './deps.ts';
import type { Access, Method } from './route-record.ts';

export type { Access } from './route-record.ts';

export interface HandlerContext<P, Q, B> extends AppDeps {
  actor: Actor | null;
  params: P;
  query: Q;
  body: B;
  request: FastifyRequest;
  reply: FastifyReply;
}

export interface RouteSpec<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
  R extends z.ZodType = z.ZodType,
> {
  method: Method;
  url: string;
  summary: string;
  tags: string[];
  access: Access;
  params?: P;
  query?: Q;
  body?: B;
  response?: R;
  /** Status of a successful answer (200 unless given). */
  status?: number;
  /** Per-route rate limit (requests per minute per IP), stricter than the global one. */
  rateLimitPerMinute?: number;
  /** Largest request body in bytes, when this route needs more than the app-wide 1 MiB. */
  bodyLimit?: number;
  handler(ctx: HandlerContext<z.output<P>, z.output<Q>, z.output<B>>): Promise<z.input<R> | undefined>;
}

function parse<T extends z.ZodType>(schema: T | undefined, value: unknown, where: string): z.output<T> {
  if (!schema) return undefined as z.output<T>;
  const result = schema.safeParse(value ?? {});
  if (!result.success) {
    const issues = result.error.issues.map((i) => ({
      path: [where, ...i.path.map(String)].join('.'),
      message: i.message,
    }));
    const first = issues[0];
    throw new DomainError(
      'VALIDATION_FAILED',
      first ? `${first.path}: ${first.message}` : `invalid ${where}`,
      { issues },
    );
  }
  return result.data;
}

/** Throws AUTH_REQUIRED or FORBIDDEN unless the actor may use a route with this access. */
export function checkAccess(access: Access, actor: Actor | null): void {
  if (access === 'public') return;
  if (!actor) throw new DomainError('AUTH_REQUIRED', 'sign in first');
  if (access === 'authenticated') return;
  if (!actorCan(actor, access)) throw new DomainError('FORBIDDEN', `you need the ${access} permission`);
}

/** Registers an API route on the app and in the route registry. */
export function defineRoute<
  P extends z.ZodType,
  Q extends z.ZodType,
  B extends z.ZodType,
  R extends z.ZodType,
>(app: FastifyInstance, deps: AppDeps, spec: RouteSpec<P, Q, B, R>): void {
  const status = spec.status ?? 200;
  deps.routes.push({
    method: spec.method,
    url: spec.url,
    summary: spec.summary,
    tags: spec.tags,
    access: spec.access,
    status,
    ...(spec.params ? { params: spec.params } : {}),
    ...(spec.query ? { query: spec.query } : {}),
    ...(spec.body ? { body: spec.body } : {}),
    ...(spec.response ? { response: spec.response } : {}),
  });
  app.route({
    method: spec.method,
    url: spec.url,
    ...(spec.bodyLimit ? { bodyLimit: spec.bodyLimit } : {}),
    config: spec.rateLimitPerMinute
      ? { rateLimit: { max: spec.rateLimitPerMinute, timeWindow: 60_000 } }
      : {},
    handler: async (request, reply) => {
      const actor = request.actor;
      checkAccess(spec.access, actor);
      const params = parse(spec.params, request.params, 'params');
      const query = parse(spec.query, request.query, 'query');
      if (spec.body && request.body === undefined) {
        throw new DomainError('VALIDATION_FAILED', 'a JSON body is required');
      }
      const body = parse(spec.body, request.body, 'body');
      const result = await spec.handler({ ...deps, actor, params, query, body, request, reply });
      if (reply.sent) return reply;
      reply.status(status);
      return result === undefined ? reply.send() : reply.send(result);
    },
  });
}

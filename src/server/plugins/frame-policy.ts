/**
 * Who may put our pages in a frame. Policy: only embed routes (under `/embed/`) may be framed by other sites;
 * they send CSP `frame-ancestors` with the configured allow-list (`EMBED_FRAME_ANCESTORS`, `*` by default) and
 * no `X-Frame-Options`. Every other route (pages, API, assets, the workspace) sends `frame-ancestors 'none'`
 * and `X-Frame-Options: DENY`, so a page that is not meant to be embedded can never be clickjacked.
 * The rest of the CSP is the same everywhere: `default-src 'self'`, no inline script or style.
 * The app's route table (every method and URL registered, whatever plugin registered it) is kept here too, so
 * a test can walk every route and check which ones allow framing.
 */
import type { FastifyHelmetOptions } from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/** The CSP directives every response shares; `frameAncestors` differs between embed routes and the rest. */
function cspDirectives(frameAncestors: readonly string[]): Record<string, string[]> {
  return {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", 'data:'],
    fontSrc: ["'self'"],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: [...frameAncestors],
  };
}

/** The helmet options of every route but the embed routes: framing forbidden both ways. */
export function helmetOptions(strictTransportSecurity: boolean): FastifyHelmetOptions {
  return {
    contentSecurityPolicy: { useDefaults: false, directives: cspDirectives(["'none'"]) },
    xFrameOptions: { action: 'deny' },
    strictTransportSecurity,
  };
}

/** True for a route (or request path) under `/embed/`, the only ones other sites may frame. */
export function isEmbedPath(url: string): boolean {
  return url === '/embed' || url.startsWith('/embed/');
}

/** One registered route. */
export interface RegisteredRoute {
  method: string;
  url: string;
}

const tables = new WeakMap<FastifyInstance, RegisteredRoute[]>();

/** Every route registered on the app so far (empty when registerFramePolicy was not called). */
export function registeredRoutes(app: FastifyInstance): readonly RegisteredRoute[] {
  return tables.get(app) ?? [];
}

/**
 * Gives every route under `/embed/` the embed frame rules and records every route in the app's route table.
 * Call after helmet and before any route is declared.
 */
export function registerFramePolicy(
  app: FastifyInstance,
  frameAncestors: readonly string[],
  strictTransportSecurity: boolean,
): void {
  const table: RegisteredRoute[] = [];
  tables.set(app, table);
  const embed = {
    contentSecurityPolicy: { useDefaults: false, directives: cspDirectives(frameAncestors) },
    xFrameOptions: false,
    strictTransportSecurity,
  } satisfies FastifyHelmetOptions;
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) table.push({ method: String(method), url: route.url });
    // @fastify/helmet reads a route's own options from `config.helmet` (what its `helmet` route option sets).
    if (isEmbedPath(route.url)) route.config = { ...(route.config ?? {}), ...{ helmet: embed } };
  });
}

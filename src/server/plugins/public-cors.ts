/**
 * CORS for the public read-only data. Policy: `Access-Control-Allow-Origin: *` is added to GET and HEAD
 * responses of the open-data downloads (`/data/<version>/<file>`) and of the API routes under
 * `/api/v1/export/` and `/api/v1/public/` whose declared access is `public`, and nowhere else: never on an
 * authenticated or permission-guarded route, never with `Access-Control-Allow-Credentials` (a wildcard origin
 * makes browsers refuse credentialed reads), never on a write. Those routes stay under the app's per-address
 * rate limit like every other.
 */
import type { FastifyInstance } from 'fastify';
import type { RouteRecord } from '../route-record.ts';

const publicPrefixes = ['/api/v1/export/', '/api/v1/public/'];

/** Whether a GET to this route pattern is public read-only data any origin may read. */
export function isCorsReadable(routeUrl: string, routes: readonly RouteRecord[]): boolean {
  if (routeUrl.startsWith('/data/')) return true;
  if (!publicPrefixes.some((p) => routeUrl.startsWith(p))) return false;
  return routes.some((r) => r.method === 'GET' && r.url === routeUrl && r.access === 'public');
}

/** Adds the CORS headers to public read-only responses (see the policy above). */
export function registerPublicCors(app: FastifyInstance, routes: readonly RouteRecord[]): void {
  app.addHook('onSend', async (request, reply, payload) => {
    const routeUrl = request.routeOptions.url;
    if (
      (request.method === 'GET' || request.method === 'HEAD') &&
      routeUrl &&
      isCorsReadable(routeUrl, routes)
    ) {
      reply.header('access-control-allow-origin', '*');
      reply.header('access-control-expose-headers', 'etag, content-disposition, x-portal-cache');
      reply.header('cross-origin-resource-policy', 'cross-origin');
    }
    return payload;
  });
}

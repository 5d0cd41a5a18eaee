/**
 * Compression of the portal's text responses (its pages and stylesheet). Policy: a body of 1 KB or more goes
 * out gzip-compressed to a client that accepts gzip (every browser does), with `Vary: Accept-Encoding`;
 * anything else, and clients that do not ask, get the raw bytes. Cached pages are the same string on every
 * hit, so their compressed bytes are kept beside them (the last 100 bodies) instead of compressed again.
 * This is scoped to the portal's routes; other routes are unchanged.
 */
import { gzipSync } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';

const kept = new Map<string, Buffer>();
const keep = 100;

/** Whether the request accepts gzip (and does not refuse it with q=0). */
export function acceptsGzip(request: FastifyRequest): boolean {
  const header = request.headers['accept-encoding'];
  const value = Array.isArray(header) ? header.join(',') : (header ?? '');
  return value.split(',').some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(';');
    if (coding !== 'gzip' && coding !== '*') return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return !q || Number(q.slice(2)) > 0;
  });
}

/** The gzip bytes of `body`, from the kept ones when it was sent before. */
function gzipped(body: string): Buffer {
  const found = kept.get(body);
  if (found) return found;
  const gz = gzipSync(body);
  kept.set(body, gz);
  const oldest = kept.keys().next();
  if (kept.size > keep && !oldest.done) kept.delete(oldest.value);
  return gz;
}

/** Sends a text body (its content type already set), compressed when the client accepts gzip. */
export function sendText(request: FastifyRequest, reply: FastifyReply, body: string): FastifyReply {
  reply.header('vary', 'Accept-Encoding');
  if (body.length < 1024 || !acceptsGzip(request)) return reply.send(body);
  return reply.header('content-encoding', 'gzip').send(gzipped(body));
}

/**
 * Sends a portal page (HTML unless `type` says otherwise) as the portal's pages go out: revalidated on each
 * use (`no-cache`), whether it came from the page cache in `x-portal-cache` when known, compressed when the
 * client accepts gzip.
 */
export function sendPortalPage(
  reply: FastifyReply,
  page: { status: number; body: string; hit?: boolean },
  type = 'text/html; charset=utf-8',
): FastifyReply {
  reply.status(page.status).type(type).header('cache-control', 'no-cache');
  if (page.hit !== undefined) reply.header('x-portal-cache', page.hit ? 'hit' : 'miss');
  return sendText(reply.request, reply, page.body);
}

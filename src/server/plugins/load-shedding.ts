/**
 * Load shedding (issue 7 "burst-proof"): past the configured event-loop delay or heap (@fastify/under-pressure),
 * or with `SHED_MAX_IN_FLIGHT` requests already in progress, the server answers `503` with `Retry-After` and a
 * generic body instead of queueing work until it falls over. The in-flight count is what catches a burst of
 * signatures: each request's callbacks are short, so the event loop never looks slow, while answers wait
 * longer and longer behind the queue of requests accepted before them. Public page GETs under `/act/` still go through: they are served from the page
 * cache (or make a challenge), so they cost little, and a visitor keeps seeing the petition.
 */
import underPressure from '@fastify/under-pressure';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config.ts';

/** Seconds a shed client is asked to wait. */
export const shedRetryAfterSeconds = 5;

function shed(request: FastifyRequest, reply: FastifyReply): object | undefined {
  if (request.method === 'GET' && request.url.startsWith('/act/')) return undefined;
  // Shedding runs before helmet's hook (app.ts), so the few headers a JSON error needs are set here.
  reply
    .status(503)
    .header('retry-after', String(shedRetryAfterSeconds))
    .header('cache-control', 'no-store')
    .header('content-security-policy', "default-src 'none'; frame-ancestors 'none'")
    .header('x-content-type-options', 'nosniff')
    .header('x-frame-options', 'DENY')
    .type('application/json; charset=utf-8');
  return { error: { code: 'OVERLOADED', message: 'the server is busy; try again shortly' } };
}

/** Registers load shedding with the thresholds of `config.shedding` (a 0 switches that check off). */
export async function registerLoadShedding(
  app: FastifyInstance,
  config: Pick<Config, 'shedding'>,
  sampleIntervalMs = 1000,
): Promise<void> {
  const { maxEventLoopDelayMs, maxHeapMb, maxUtilization, maxInFlight } = config.shedding;
  if (maxInFlight > 0) limitInFlight(app, maxInFlight);
  await app.register(underPressure, {
    maxEventLoopDelay: maxEventLoopDelayMs,
    maxHeapUsedBytes: maxHeapMb * 1024 * 1024,
    maxEventLoopUtilization: maxUtilization,
    sampleInterval: sampleIntervalMs,
    retryAfter: shedRetryAfterSeconds,
    // The plugin sends what the handler returns; undefined lets the request through.
    pressureHandler: shed as (request: FastifyRequest, reply: FastifyReply) => undefined,
  });
}

/** Sheds a request arriving while `max` others are in progress (counted until their answer or abort). */
function limitInFlight(app: FastifyInstance, max: number): void {
  let inFlight = 0;
  app.addHook('onRequest', async (request, reply) => {
    if (inFlight >= max) {
      const body = shed(request, reply);
      if (body) return reply.send(body);
    }
    inFlight += 1;
    let counted = true;
    const done = () => {
      if (counted) inFlight -= 1;
      counted = false;
    };
    reply.raw.once('close', done);
    reply.raw.once('finish', done);
  });
}

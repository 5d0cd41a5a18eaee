/**
 * Load shedding (issue 7 "burst-proof"): past the configured event-loop delay or heap, the server answers
 * `503` with `Retry-After` and a generic body instead of queueing work until it falls over
 * (@fastify/under-pressure). Public page GETs under `/act/` still go through: they are served from the page
 * cache (or make a challenge), so they cost little, and a visitor keeps seeing the petition.
 */
import underPressure from '@fastify/under-pressure';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config.ts';

/** Seconds a shed client is asked to wait. */
export const shedRetryAfterSeconds = 5;

function shed(request: FastifyRequest, reply: FastifyReply): object | undefined {
  if (request.method === 'GET' && request.url.startsWith('/act/')) return undefined;
  reply
    .status(503)
    .header('retry-after', String(shedRetryAfterSeconds))
    .header('cache-control', 'no-store')
    .type('application/json; charset=utf-8');
  return { error: { code: 'OVERLOADED', message: 'the server is busy; try again shortly' } };
}

/** Registers load shedding with the thresholds of `config.shedding` (a 0 switches that check off). */
export async function registerLoadShedding(
  app: FastifyInstance,
  config: Pick<Config, 'shedding'>,
  sampleIntervalMs = 1000,
): Promise<void> {
  const { maxEventLoopDelayMs, maxHeapMb } = config.shedding;
  await app.register(underPressure, {
    maxEventLoopDelay: maxEventLoopDelayMs,
    maxHeapUsedBytes: maxHeapMb * 1024 * 1024,
    sampleInterval: sampleIntervalMs,
    retryAfter: shedRetryAfterSeconds,
    // The plugin sends what the handler returns; undefined lets the request through.
    pressureHandler: shed as (request: FastifyRequest, reply: FastifyReply) => undefined,
  });
}

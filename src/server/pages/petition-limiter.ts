/**
 * The one per-address and per-petition signing limiter of an app, shared by the petition page and its embed
 * form (embed-act.ts), so signing through a partner's frame never doubles what an address may count.
 */
import type { FastifyInstance } from 'fastify';
import type { Config } from '../../config.ts';
import { SigningLimiter } from '../../services/petition-limits.ts';

const limiters = new WeakMap<FastifyInstance, SigningLimiter>();

/** The app's signing limiter (created on first use with the configured limits). */
export function appSigningLimiter(app: FastifyInstance, limits: Config['petitionAbuse']): SigningLimiter {
  let limiter = limiters.get(app);
  if (!limiter) {
    limiter = new SigningLimiter(limits);
    limiters.set(app, limiter);
  }
  return limiter;
}

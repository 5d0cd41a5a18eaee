/**
 * The one per-address and per-petition signing limiter of an app, and its one group commit of signatures,
 * shared by the petition page and its embed form (embed-act.ts): signing through a partner's frame never
 * doubles what an address may count, and both forms' signatures share transactions.
 */
import type { FastifyInstance } from 'fastify';
import type { Config } from '../../config.ts';
import { SigningLimiter } from '../../services/petition-limits.ts';
import { SignatureWriter } from '../../services/signature-writer.ts';
import type { Store } from '../../store/db.ts';

const limiters = new WeakMap<FastifyInstance, SigningLimiter>();
const writers = new WeakMap<FastifyInstance, SignatureWriter>();

/** The app's signing limiter (created on first use with the configured limits). */
export function appSigningLimiter(app: FastifyInstance, limits: Config['petitionAbuse']): SigningLimiter {
  let limiter = limiters.get(app);
  if (!limiter) {
    limiter = new SigningLimiter(limits);
    limiters.set(app, limiter);
  }
  return limiter;
}

/**
 * The app's group commit of signatures: one transaction at a time on SQLite (one connection), a few at once
 * on PostgreSQL (a pool).
 */
export function appSignatureWriter(app: FastifyInstance, store: Store): SignatureWriter {
  let writer = writers.get(app);
  if (!writer) {
    writer = new SignatureWriter(store.db, {
      parallel: store.dialect === 'postgres' ? 2 : 1,
      maxBatch: 400,
      settleMs: 4,
    });
    writers.set(app, writer);
  }
  return writer;
}

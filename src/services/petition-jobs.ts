/**
 * The petitions' background work, run by the server every few seconds (`startPetitionLoop`):
 * deliver the mail outbox; refresh the per-petition counts from the signatures (so the signing and confirming
 * requests never update a shared counter row: "counters are aggregated asynchronously"); delete pending
 * signatures older than 30 days; delete sent outbox rows older than 30 days; forget expired used challenges;
 * once an hour, erase the keyed client-address hash of signatures older than 30 days (the address is needed for
 * abuse checks only: per-address limits and the moderation view's trends and bulk invalidation).
 */
import type { Kysely } from 'kysely';
import { purgeSentMail } from '../store/mail-outbox.repo.ts';
import {
  forgetClientHashes,
  purgePendingSignatures,
  purgeUsedChallenges,
} from '../store/petition-signatures.repo.ts';
import { refreshCounts } from '../store/petitions.repo.ts';
import type { Database } from '../store/schema.ts';
import { startLoop } from './background-loop.ts';
import type { FieldKey } from './field-crypto.ts';
import { deliverOutbox } from './mail-outbox.ts';
import type { Mailer } from './mailer.ts';
import { pendingLifetimeMs } from './petition-signing.ts';

/** How often the server runs the petition jobs. */
export const petitionLoopIntervalMs = 2000;
/** How long a signature keeps its client-address hash. */
export const clientHashLifetimeMs = 30 * 24 * 3600 * 1000;
/** How often the loop erases expired client-address hashes. */
const forgetEveryMs = 3600 * 1000;

/** Erases the client-address hash of signatures older than `clientHashLifetimeMs`; returns how many. */
export function forgetOldClientHashes(db: Kysely<Database>, now = new Date()): Promise<number> {
  return forgetClientHashes(db, new Date(now.getTime() - clientHashLifetimeMs).toISOString());
}

/** What the jobs need; `now` lets tests move time. */
export interface PetitionJobDeps {
  db: Kysely<Database>;
  fieldKey: FieldKey;
  mailer: Mailer;
  now?: () => Date;
  /** How long a sender holds an outbox message (default `mailLeaseMs`). */
  leaseMs?: number;
}

/** What one run did; `changedSlugs` are the petitions whose counted total changed. */
export interface PetitionJobResult {
  sent: number;
  failed: number;
  changedSlugs: string[];
  purgedPending: number;
  purgedMail: number;
}

/** Runs every petition job once. */
export async function runPetitionJobs(deps: PetitionJobDeps): Promise<PetitionJobResult> {
  const clock = deps.now ?? (() => new Date());
  const delivered = await deliverOutbox({ ...deps, now: clock });
  const now = clock();
  const changedSlugs = await refreshCounts(deps.db, now.toISOString());
  const cutoff = new Date(now.getTime() - pendingLifetimeMs).toISOString();
  const purgedPending = await purgePendingSignatures(deps.db, cutoff);
  const purgedMail = await purgeSentMail(deps.db, cutoff);
  await purgeUsedChallenges(deps.db, now.toISOString());
  return { ...delivered, changedSlugs, purgedPending, purgedMail };
}

/** Starts the loop; `onCounts` hears which petitions' counts changed (their cached pages are stale). */
export function startPetitionLoop(
  deps: PetitionJobDeps,
  intervalMs: number,
  onError: (err: unknown) => void,
  onCounts: (slugs: string[]) => void = () => undefined,
): () => Promise<void> {
  let forgotAt = 0;
  return startLoop(
    async () => {
      const result = await runPetitionJobs(deps);
      const now = (deps.now ?? (() => new Date()))();
      if (now.getTime() - forgotAt >= forgetEveryMs) {
        await forgetOldClientHashes(deps.db, now);
        forgotAt = now.getTime();
      }
      if (result.changedSlugs.length > 0) onCounts(result.changedSlugs);
    },
    intervalMs,
    onError,
  );
}

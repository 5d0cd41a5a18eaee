/**
 * The self-hosted proof-of-work of the sign form (altcha-lib v2, SHA-256, deterministic mode): the server hides
 * a random counter below `challengeWork`, signs the challenge and the derived key with a key derived from the
 * field key (never stored), and the browser (or a scripted client) counts up until the derived key's prefix
 * matches. A challenge expires after 10 minutes and is used once: its signature is written to
 * `petition_used_challenges` in the signature's own transaction, so a replay rolls back and writes nothing.
 * Verification (expiry, signature, solution) is pure CPU and runs before any write.
 */
import { createHmac } from 'node:crypto';
import { type Challenge, createChallenge, randomInt, verifySolution } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import type { FieldKey } from './field-crypto.ts';

/** How long a challenge may be solved and used. */
export const challengeLifetimeMs = 10 * 60 * 1000;

/** The form field that carries a solved challenge (base64 JSON of `{ challenge, solution }`). */
export const challengeField = 'altcha';

/** A challenge as the client receives it. */
export type SignChallenge = Challenge;

/** Why a submitted challenge was refused. */
export type ChallengeRefusal = 'malformed' | 'expired' | 'forged' | 'wrong';

/** A verified challenge: its signature (to mark it used) and when it expires. */
export interface VerifiedChallenge {
  signature: string;
  expiresAt: string;
}

function secrets(key: FieldKey) {
  const derive = (label: string) => createHmac('sha256', key).update(`lawgap/${label}/v1`).digest('hex');
  return {
    hmacSignatureSecret: derive('petition-challenge'),
    hmacKeySignatureSecret: derive('petition-challenge-key'),
  };
}

/** A fresh challenge for the sign form of the petition at `slug`, hiding a counter below `work`. */
export async function newSignChallenge(
  key: FieldKey,
  slug: string,
  work: number,
  now = new Date(),
): Promise<SignChallenge> {
  const max = Math.max(2, work);
  return createChallenge({
    algorithm: 'SHA-256',
    cost: 1,
    counter: randomInt(max, Math.floor(max / 2)),
    deriveKey,
    data: { slug },
    expiresAt: new Date(now.getTime() + challengeLifetimeMs),
    ...secrets(key),
  });
}

/**
 * Checks a submitted field (base64 JSON `{ challenge, solution }`) for the petition at `slug`: the verified
 * challenge, or why it is refused. The clock is altcha's (the real time), as the challenge's expiry is.
 */
export async function verifySignChallenge(
  key: FieldKey,
  slug: string,
  field: string,
): Promise<VerifiedChallenge | ChallengeRefusal> {
  let payload: { challenge?: Challenge; solution?: { counter: number; derivedKey: string } };
  try {
    if (field.length > 4096) return 'malformed';
    payload = JSON.parse(Buffer.from(field, 'base64').toString('utf8'));
  } catch {
    return 'malformed';
  }
  const challenge = payload?.challenge;
  const solution = payload?.solution;
  if (!challenge?.parameters || typeof challenge.signature !== 'string' || !solution) return 'malformed';
  if (challenge.parameters.algorithm !== 'SHA-256' || challenge.parameters.cost !== 1) return 'forged';
  let result: Awaited<ReturnType<typeof verifySolution>>;
  try {
    result = await verifySolution({ challenge, solution, deriveKey, ...secrets(key) });
  } catch {
    return 'malformed';
  }
  if (result.expired) return 'expired';
  if (result.invalidSignature) return 'forged';
  if (!result.verified) return 'wrong';
  if (challenge.parameters.data?.slug !== slug) return 'forged';
  const expiresAt = (challenge.parameters.expiresAt ?? 0) * 1000;
  return { signature: challenge.signature, expiresAt: new Date(expiresAt).toISOString() };
}

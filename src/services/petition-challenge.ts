/**
 * The self-hosted proof-of-work of the sign form (altcha-lib v2, SHA-256, deterministic mode): the server hides
 * a random counter below `challengeWork`, signs the challenge and the derived key with a key derived from the
 * field key (never stored), and the browser (or a scripted client) counts up until the derived key's prefix
 * matches. A challenge expires after 10 minutes and is used once: its signature is written to
 * `petition_used_challenges` in the signature's own transaction, so a replay rolls back and writes nothing.
 * Verification (expiry, signature, solution) is pure CPU and runs before any write.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { type Challenge, createChallenge, randomInt } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import { type FieldKey, subKey } from './field-crypto.ts';

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
  return {
    hmacSignatureSecret: subKey(key, 'petition-challenge').toString('hex'),
    hmacKeySignatureSecret: subKey(key, 'petition-challenge-key').toString('hex'),
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
  let refusal: ChallengeRefusal | null;
  try {
    refusal = checkSolution(challenge, solution, secrets(key));
  } catch {
    return 'malformed';
  }
  if (refusal) return refusal;
  if (challenge.parameters.data?.slug !== slug) return 'forged';
  const expiresAt = (challenge.parameters.expiresAt ?? 0) * 1000;
  return { signature: challenge.signature, expiresAt: new Date(expiresAt).toISOString() };
}

/** `obj` with its keys sorted at every level and undefined members dropped (altcha's canonical form). */
function sortKeys(obj: unknown): unknown {
  if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) return obj;
  return Object.fromEntries(
    Object.keys(obj)
      .sort()
      .flatMap((k) => {
        const v = (obj as Record<string, unknown>)[k];
        return v === undefined ? [] : [[k, sortKeys(v)]];
      }),
  );
}

function sameHex(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

/**
 * altcha-lib v2's `verifySolution` for our challenges, in node:crypto's synchronous HMAC (the library's Web
 * Crypto HMAC imports a key per call and cost a tenth of the server's time under a burst): expiry, the
 * HMAC-SHA-256 of the canonical parameters, then the solution's derived key against the signed key signature.
 * Every challenge we issue carries a key signature, so one without it is refused as forged. Null when the
 * solution verifies. A test checks it agrees with the library's.
 */
export function checkSolution(
  challenge: Challenge,
  solution: { counter: unknown; derivedKey: unknown },
  secret: { hmacSignatureSecret: string; hmacKeySignatureSecret: string },
  nowMs = Date.now(),
): ChallengeRefusal | null {
  const parameters = challenge.parameters;
  if (parameters.expiresAt && parameters.expiresAt < nowMs / 1000) return 'expired';
  if (!challenge.signature) return 'forged';
  const signed = createHmac('sha256', secret.hmacSignatureSecret)
    .update(JSON.stringify(sortKeys(parameters)))
    .digest('hex');
  if (!sameHex(challenge.signature, signed)) return 'forged';
  if (typeof parameters.keySignature !== 'string') return 'forged';
  const { counter, derivedKey } = solution;
  if (
    typeof derivedKey !== 'string' ||
    !/^(?:[0-9a-f]{2})+$/.test(derivedKey) ||
    !Number.isInteger(counter) ||
    (counter as number) < 0 ||
    (counter as number) > 0xffffffff
  )
    return 'wrong';
  const keySigned = createHmac('sha256', secret.hmacKeySignatureSecret)
    .update(Buffer.from(derivedKey, 'hex'))
    .digest('hex');
  return sameHex(parameters.keySignature, keySigned) ? null : 'wrong';
}

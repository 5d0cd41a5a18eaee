/**
 * The proof-of-work a scripted client does before it signs a petition: fetch a challenge from our server and
 * solve it with altcha-lib's solver, returning the extra form fields the sign POST needs (`altcha`). The crash
 * test and the benchmark call `challengeFields` before every POST; in-process tests use `injectedChallenge`.
 */
import { type Challenge, solveChallenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import type { FastifyInstance } from 'fastify';

/** Solves a challenge and returns the `altcha` field's value (base64 JSON of `{ challenge, solution }`). */
export async function solveToField(challenge: Challenge): Promise<string> {
  const solution = await solveChallenge({ challenge, deriveKey, timeout: 60_000 });
  if (!solution) throw new Error('could not solve the challenge');
  const payload = { challenge, solution: { counter: solution.counter, derivedKey: solution.derivedKey } };
  return Buffer.from(JSON.stringify(payload)).toString('base64');
}

/** The extra sign-form fields (the solved challenge) for the petition at `slug` on the server at `baseUrl`. */
export async function challengeFields(baseUrl: string, slug: string): Promise<Record<string, string>> {
  const res = await fetch(`${baseUrl.replace(/\/$/, '')}/act/${encodeURIComponent(slug)}/challenge`);
  if (!res.ok) throw new Error(`challenge: HTTP ${res.status}`);
  return { altcha: await solveToField((await res.json()) as Challenge) };
}

/** The same for an app under test, through `inject` (no network). */
export async function injectedChallenge(app: FastifyInstance, slug: string): Promise<Record<string, string>> {
  const res = await app.inject({ method: 'GET', url: `/act/${encodeURIComponent(slug)}/challenge` });
  if (res.statusCode !== 200) throw new Error(`challenge: HTTP ${res.statusCode}`);
  return { altcha: await solveToField(res.json() as Challenge) };
}

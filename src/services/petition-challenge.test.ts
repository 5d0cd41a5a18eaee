import { type Challenge, solveChallenge, verifySolution } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import { describe, expect, it } from 'vitest';
import { generateFieldKey, subKey } from './field-crypto.ts';
import { checkSolution, newSignChallenge, verifySignChallenge } from './petition-challenge.ts';

const key = generateFieldKey();
const secret = {
  hmacSignatureSecret: subKey(key, 'petition-challenge').toString('hex'),
  hmacKeySignatureSecret: subKey(key, 'petition-challenge-key').toString('hex'),
};

async function solved(now = new Date()) {
  const challenge = await newSignChallenge(key, 'a-petition', 50, now);
  const s = await solveChallenge({ challenge, deriveKey, timeout: 10_000 });
  if (!s) throw new Error('unsolved');
  return { challenge, solution: { counter: s.counter, derivedKey: s.derivedKey } };
}

/** What altcha-lib's own verifier says, in our refusal words. */
async function library(challenge: Challenge, solution: { counter: number; derivedKey: string }) {
  const r = await verifySolution({ challenge, solution, deriveKey, ...secret });
  return r.expired ? 'expired' : r.invalidSignature ? 'forged' : r.verified ? null : 'wrong';
}

const field = (payload: unknown) => Buffer.from(JSON.stringify(payload)).toString('base64');

describe('checkSolution (our synchronous verifier)', () => {
  it('agrees with altcha-lib on good, tampered, wrong and expired solutions', async () => {
    const good = await solved();
    const cases: [string, Challenge, { counter: number; derivedKey: string }][] = [
      ['good', good.challenge, good.solution],
      [
        'tampered slug',
        { ...good.challenge, parameters: { ...good.challenge.parameters, data: { slug: 'other' } } },
        good.solution,
      ],
      [
        'tampered prefix',
        { ...good.challenge, parameters: { ...good.challenge.parameters, keyPrefix: '00' } },
        good.solution,
      ],
      ['forged signature', { ...good.challenge, signature: 'ab'.repeat(32) }, good.solution],
      ['wrong key', good.challenge, { ...good.solution, derivedKey: 'cd'.repeat(32) }],
      [
        'uppercase key',
        good.challenge,
        { ...good.solution, derivedKey: good.solution.derivedKey.toUpperCase() },
      ],
      ['negative counter', good.challenge, { ...good.solution, counter: -1 }],
    ];
    const old = await solved(new Date(Date.now() - 20 * 60 * 1000));
    cases.push(['expired', old.challenge, old.solution]);
    for (const [name, challenge, solution] of cases) {
      const ours = checkSolution(challenge, solution, secret);
      expect({ name, ours }).toEqual({ name, ours: await library(challenge, solution) });
    }
    expect(checkSolution(good.challenge, good.solution, secret)).toBeNull();
    expect(checkSolution(old.challenge, old.solution, secret)).toBe('expired');
  });

  it('refuses a signed challenge without a key signature (we never issue one)', async () => {
    const good = await solved();
    const { keySignature: _dropped, ...parameters } = good.challenge.parameters;
    expect(checkSolution({ ...good.challenge, parameters }, good.solution, secret)).toBe('forged');
  });

  it('verifies a form field for its own petition only, and says why a field is refused', async () => {
    const good = await solved();
    expect(await verifySignChallenge(key, 'a-petition', field(good))).toMatchObject({
      signature: good.challenge.signature,
    });
    expect(await verifySignChallenge(key, 'another', field(good))).toBe('forged');
    expect(await verifySignChallenge(generateFieldKey(), 'a-petition', field(good))).toBe('forged');
    expect(await verifySignChallenge(key, 'a-petition', 'not base64 json')).toBe('malformed');
    expect(await verifySignChallenge(key, 'a-petition', field({ challenge: good.challenge }))).toBe(
      'malformed',
    );
  });
});

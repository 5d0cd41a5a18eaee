/**
 * Abuse controls on signing, with the default limits (docs/petitions.md): the proof-of-work challenge is
 * verified before any write and used once (replayed, expired, forged, wrong and malformed ones refused with
 * nothing written); the honeypot; over-limit signatures stored marked, never counted, with the same answer;
 * one pending signature per person (canonical address) and one counted; 50 concurrent duplicate POSTs (same
 * idempotency key, and separately the same address) leave one row; only a keyed hash of the client address.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { parseFieldKey } from '../../src/services/field-crypto.ts';
import { newSignChallenge } from '../../src/services/petition-challenge.ts';
import { SigningLimiter } from '../../src/services/petition-limits.ts';
import { validateSignature } from '../../src/store/petition-signatures.repo.ts';
import { testFieldKey, testSecretKey } from '../email-alert-helpers.ts';
import { describeEachEngine } from '../engines.ts';
import { injectedChallenge, solveToField } from '../petition-challenge.ts';
import { nextIp, seedPetition, signatureRows, signFields } from '../petition-helpers.ts';
import { countRows, seedWorld, startApp } from './helpers.ts';

const defaults = loadConfig({}).petitionAbuse;
let serial = 0;
const unique = (name: string) => `${name}-${++serial}-${Date.now().toString(36)}@example.net`;

describeEachEngine('petition abuse controls', (getStore) => {
  let app: FastifyInstance;
  let petition: { id: string; slug: string };
  const db = () => getStore().db;

  /** POSTs the sign form from a given client address. */
  const post = (fields: Record<string, string>, ip = nextIp(), slug = petition.slug) =>
    app.inject({
      method: 'POST',
      url: `/act/${slug}/sign`,
      remoteAddress: ip,
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin' },
      payload: new URLSearchParams(signFields(fields)).toString(),
    });
  const solved = () => injectedChallenge(app, petition.slug);
  const rows = () => signatureRows(db(), petition.id);
  const written = async () => [
    await countRows(db(), 'petition_signatures'),
    await countRows(db(), 'petition_used_challenges'),
    await countRows(db(), 'mail_outbox'),
  ];
  const expectRefused = (res: LightMyRequestResponse) => {
    expect(res.statusCode, res.body).toBe(400);
    expect(res.body).toContain('We could not check this form. Please send it again.');
    expect(res.body).toContain('value="Kept Name"');
  };

  beforeAll(async () => {
    ({ app } = await startApp(getStore(), {
      env: { LAWGAP_SECRET_KEY: testSecretKey, PUBLIC_URL: 'http://localhost:8080' },
    }));
    await seedWorld(db());
    ({ petition } = await seedPetition(db(), 'coalition-a'));
  });
  afterAll(async () => {
    await app?.close();
  });

  it('serves a fresh signed challenge from our origin and the form loads only our script', async () => {
    const res = await app.inject({ method: 'GET', url: `/act/${petition.slug}/challenge` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const c = res.json() as { parameters: Record<string, unknown>; signature: string };
    expect(c.parameters).toMatchObject({ algorithm: 'SHA-256', cost: 1, data: { slug: petition.slug } });
    expect(c.signature).toMatch(/^[0-9a-f]{64}$/);
    const expires = Number(c.parameters.expiresAt) * 1000;
    expect(expires - Date.now()).toBeGreaterThan(9 * 60_000);
    expect(expires - Date.now()).toBeLessThanOrEqual(10 * 60_000);
    const again = (await app.inject({ method: 'GET', url: `/act/${petition.slug}/challenge` })).json();
    expect(again.signature).not.toBe(c.signature);
    const page = await app.inject({ method: 'GET', url: `/act/${petition.slug}` });
    expect(page.body.match(/<script[^>]*>/g)).toEqual(['<script src="/assets/petition.js" defer>']);
    expect(page.body).toContain('name="altcha" value=""');
    const script = await app.inject({ method: 'GET', url: '/assets/petition.js' });
    expect(script.headers['content-type']).toMatch(/^text\/javascript/);
    expect(script.body).toContain("crypto.subtle.digest('SHA-256'");
    expect(Buffer.byteLength(page.body) + Buffer.byteLength(script.body)).toBeLessThan(30 * 1024);
    expect((await app.inject({ method: 'GET', url: '/act/Bad%20Slug/challenge' })).statusCode).toBe(404);
  });

  it('stores a signature with a solved challenge, the client address only as a keyed hash', async () => {
    const ip = '203.0.113.77';
    const res = await post({ email: unique('solved'), ...(await solved()) }, ip);
    expect(res.statusCode, res.body).toBe(200);
    const row = (await rows()).at(-1)!;
    expect(row).toMatchObject({ challenge: 'solved', marked: null, email_domain: 'example.net' });
    expect(row.ip_hash).toMatch(/^[0-9a-f]{32}$/);
    expect(JSON.stringify(await db().selectFrom('petition_signatures').selectAll().execute())).not.toContain(
      ip,
    );
  });

  it('refuses a replayed challenge and writes nothing, but a repeat of the same request is a repeat', async () => {
    const fields = { email: unique('replay'), idempotency_key: `replay-key-${serial}`, ...(await solved()) };
    expect((await post(fields)).statusCode).toBe(200);
    const before = await written();
    const repeat = await post(fields);
    expect(repeat.statusCode).toBe(200);
    expect(await written()).toEqual(before);
    const replay = await post({
      ...fields,
      name: 'Kept Name',
      email: unique('replay2'),
      idempotency_key: `other-key-${serial}`,
    });
    expectRefused(replay);
    expect(await written()).toEqual(before);
  });

  it('refuses an expired challenge with nothing written', async () => {
    const old = await newSignChallenge(testFieldKey, petition.slug, 2000, new Date(Date.now() - 11 * 60_000));
    const before = await written();
    expectRefused(
      await post({ name: 'Kept Name', email: unique('expired'), altcha: await solveToField(old) }),
    );
    expect(await written()).toEqual(before);
  });

  it('refuses forged, tampered, wrong, foreign and malformed challenges with nothing written', async () => {
    const otherKey = parseFieldKey('ab'.repeat(32));
    const good = JSON.parse(Buffer.from((await solved()).altcha ?? '', 'base64').toString('utf8'));
    const encode = (x: unknown) => Buffer.from(JSON.stringify(x)).toString('base64');
    const tampered = structuredClone(good);
    tampered.challenge.parameters.cost = 2;
    const retargeted = structuredClone(good);
    retargeted.challenge.parameters.expiresAt += 3600;
    const wrong = structuredClone(good);
    const key: string = good.solution.derivedKey;
    wrong.solution = {
      counter: good.solution.counter,
      derivedKey: `${key[0] === '0' ? '1' : '0'}${key.slice(1)}`,
    };
    const cases = {
      'signed with another key': await solveToField(await newSignChallenge(otherKey, petition.slug, 2000)),
      'for another petition': await solveToField(await newSignChallenge(testFieldKey, 'another-one', 2000)),
      'with changed parameters': encode(tampered),
      'with a later expiry': encode(retargeted),
      'with a wrong solution': encode(wrong),
      'not base64 JSON': '%%%not-json%%%',
      'JSON without a solution': encode({ challenge: good.challenge }),
    };
    const before = await written();
    for (const [, altcha] of Object.entries(cases))
      expectRefused(await post({ name: 'Kept Name', email: unique('forged'), altcha }));
    expect(await written()).toEqual(before);
  });

  it('answers a filled honeypot like any signature and stores nothing', async () => {
    const before = await written();
    const trap = await post({ email: unique('bot'), website: 'http://spam.example', ...(await solved()) });
    expect(trap.statusCode).toBe(200);
    expect(trap.body).toContain('Check your email');
    expect(await written()).toEqual(before);
  });

  it('marks signatures past the per-address limit: same answer, stored, never counted', async () => {
    const ip = '198.51.100.9';
    const answers: string[] = [];
    for (let i = 0; i <= defaults.perIpHour; i++) {
      const res = await post({ email: unique('limit'), ...(await solved()) }, ip);
      expect(res.statusCode).toBe(200);
      answers.push(res.body);
    }
    expect(new Set(answers).size).toBe(1);
    const mine = (await rows()).slice(-(defaults.perIpHour + 1));
    expect(mine.map((r) => r.marked)).toEqual([...Array(defaults.perIpHour).fill(null), 'ip_limit']);
    const at = new Date().toISOString();
    for (const r of [mine[0]!, mine.at(-1)!]) expect(await validateSignature(db(), r, at)).toBe(true);
    const after = await rows();
    const counted = (id: string) => Number(after.find((r) => r.id === id)?.counted);
    expect([counted(mine[0]!.id), counted(mine.at(-1)!.id)]).toEqual([1, 0]);
  });

  it('accepts forms without a challenge (no JavaScript) under the lower per-address limit, marking the rest', async () => {
    const ip = '198.51.100.23';
    for (let i = 0; i <= defaults.unsolvedPerIpHour; i++)
      expect((await post({ email: unique('nojs') }, ip)).statusCode).toBe(200);
    const mine = (await rows()).slice(-(defaults.unsolvedPerIpHour + 1));
    expect(mine.every((r) => r.challenge === 'none')).toBe(true);
    expect(mine.map((r) => r.marked)).toEqual([
      ...Array(defaults.unsolvedPerIpHour).fill(null),
      'unsolved_limit',
    ]);
  });

  it('keeps one pending signature per person however the address is written, and counts one', async () => {
    const before = (await rows()).length;
    const a = await post({ email: 'Dedupe.Me+one@gmail.com', ...(await solved()) });
    const b = await post({ email: 'dedupeme+two@googlemail.com', ...(await solved()) });
    expect([a.statusCode, b.body]).toEqual([200, a.body]);
    const pending = (await rows()).slice(before);
    expect(pending).toHaveLength(1);
    await validateSignature(db(), pending[0]!, new Date().toISOString());
    expect((await post({ email: 'DEDUPEME@gmail.com', ...(await solved()) })).statusCode).toBe(200);
    const again = (await rows()).slice(before);
    expect(again).toHaveLength(2);
    await validateSignature(db(), again[1]!, new Date().toISOString());
    const final = (await rows()).slice(before);
    expect(final.map((r) => [r.status, Number(r.counted)])).toEqual([
      ['validated', 1],
      ['validated', 0],
    ]);
  });

  it('leaves one row for 50 concurrent POSTs with one idempotency key, and one for 50 with one address', async () => {
    // Solved one after another first: 50 solvers at once would block the loop long enough to trip load shedding.
    const challenges: Array<Record<string, string>> = [];
    for (let i = 0; i < 100; i++) challenges.push(await solved());
    const fields = { email: unique('burst'), idempotency_key: `burst-key-${serial}` };
    const same = await Promise.all(challenges.slice(0, 50).map((c) => post({ ...fields, ...c })));
    expect(new Set(same.map((r) => r.statusCode))).toEqual(new Set([200]));
    const byKey = (await rows()).filter((r) => r.idempotency_key === fields.idempotency_key);
    expect(byKey).toHaveLength(1);

    const email = unique('burst-address');
    const before = await countRows(db(), 'petition_signatures');
    const outbox = await countRows(db(), 'mail_outbox');
    const burst = await Promise.all(
      challenges.slice(50).map((c, i) => post({ email, idempotency_key: `addr-${serial}-${i}`, ...c })),
    );
    expect(new Set(burst.map((r) => r.statusCode))).toEqual(new Set([200]));
    expect(new Set(burst.map((r) => r.body)).size).toBe(1);
    expect(await countRows(db(), 'petition_signatures')).toBe(before + 1);
    expect(await countRows(db(), 'mail_outbox')).toBe(outbox + 1);
  });
});

describe('signing limits (defaults)', () => {
  it('marks signatures past the per-petition limit in a minute, then starts again the next minute', () => {
    const limiter = new SigningLimiter(defaults);
    const now = new Date('2026-11-29T10:15:05Z');
    const marks = Array.from({ length: defaults.perPetitionMinute + 1 }, (_, i) =>
      limiter.check({ petitionId: 'p1', ipHash: `ip${i}`, solved: true, now }),
    );
    expect(marks.slice(0, -1).every((m) => m === null)).toBe(true);
    expect(marks.at(-1)).toBe('petition_limit');
    expect(limiter.check({ petitionId: 'p2', ipHash: 'x', solved: true, now })).toBeNull();
    const next = new Date('2026-11-29T10:16:00Z');
    expect(limiter.check({ petitionId: 'p1', ipHash: 'y', solved: true, now: next })).toBeNull();
  });

  it('keeps its memory bounded: past the cap, new keys share one bucket', () => {
    const limiter = new SigningLimiter({ ...defaults, perIpHour: 2 }, 10);
    const now = new Date('2026-11-29T10:15:05Z');
    for (let i = 0; i < 20; i++) limiter.check({ petitionId: 'p', ipHash: `ip${i}`, solved: true, now });
    expect(limiter.check({ petitionId: 'p', ipHash: 'late', solved: true, now })).toBe('ip_limit');
  });
});

/**
 * The methodology page's quality-control figures, crosswalks and coding protocol on every engine: one QC batch
 * (analyst = coder A, admin = coder B) with three agreements and one divergence, reconciled by the reviewer;
 * only variables whose answer is published (and public: not an organisation's own jurisdiction) count, and the figures equal the hand computation. No coder,
 * organisation, batch name, reconciliation reason or email appears on /methodology in any language.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createJurisdiction } from '../../src/services/jurisdictions.ts';
import { type CodingFixtures, iceland, importCodingFixtures, pid } from '../coding-fixtures.ts';
import { describeEachEngine } from '../engines.ts';
import {
  emailOf,
  type Persona,
  personaClient,
  type Session,
  seedWorld,
  signInAll,
  startApp,
  type World,
} from './helpers.ts';

const batchCanary = 'QC-BATCH-NAME-CANARY-7731';
const reasonCanary = 'QC-REASON-CANARY-5120';
const locales = ['en', 'es', 'fr'] as const;
const system = { kind: 'system', name: 'test' } as const;

describeEachEngine('methodology QC figures', (getStore) => {
  let app: FastifyInstance;
  let sessions: Record<Persona, Session>;
  let fx: CodingFixtures;
  let world: World;
  const answerIds = new Map<string, string>();

  const { send, ok } = personaClient(
    () => app,
    () => sessions,
  );
  const coding = (indicatorId: string, value: string, quote?: string, citation = 's. 1(1)') => ({
    jurisdictionId: iceland,
    indicatorId,
    value,
    citations: quote ? [{ provisionId: pid(fx.v1, citation), quote }] : [],
    ...(quote ? {} : { validFrom: '2030-01-01' }),
  });
  const publish = async (id: string, from: 'coded' | 'reviewed') => {
    if (from === 'coded')
      ok(await send('POST', `/api/v1/answers/${id}/status`, 'reviewer', { status: 'reviewed' }));
    ok(await send('POST', `/api/v1/answers/${id}/status`, 'reviewer', { status: 'published' }));
  };
  const page = async (locale: string) => {
    const res = await send('GET', `/methodology?lang=${locale}`, null);
    expect(res.statusCode).toBe(200);
    return res.body;
  };

  beforeAll(async () => {
    ({ app } = await startApp(getStore()));
    world = await seedWorld(getStore().db);
    sessions = await signInAll(app);
    fx = await importCodingFixtures(getStore());
    const batch = ok<{ batch: { id: string } }>(
      await send('POST', '/api/v1/qc/batches', 'reviewer', {
        name: batchCanary,
        jurisdictions: [iceland],
        indicators: ['CR-01', 'CR-05', 'CR-08', 'CR-11'],
        coders: [emailOf('analyst'), emailOf('admin')],
      }),
      201,
    );
    const submit = async (who: Persona, body: unknown) =>
      ok<{ answer: { id: string } | null; divergenceId: string | null }>(
        await send('POST', `/api/v1/qc/batches/${batch.batch.id}/codings`, who, body),
        201,
      );
    const both = async (indicator: string, a: unknown, b: unknown) => {
      await submit('analyst', a);
      const second = await submit('admin', b);
      if (second.answer) answerIds.set(indicator, second.answer.id);
      return second;
    };
    await both(
      'CR-01',
      coding('CR-01', 'Y', 'recruits, transports or harbours'),
      coding('CR-01', 'Y', 'exploitation'),
    );
    await both('CR-05', coding('CR-05', 'N'), coding('CR-05', 'N'));
    await both(
      'CR-11',
      coding('CR-11', 'P', 'The consent of a victim', 's. 1(2)'),
      coding('CR-11', 'P', 'is irrelevant', 's. 1(2)'),
    );
    const diverged = await both('CR-08', coding('CR-08', 'Y', 'by force or deception'), coding('CR-08', 'N'));
    const reconcile = async (divergenceId: string | null, value: string) =>
      ok<{ answer: { id: string } }>(
        await send('POST', `/api/v1/qc/divergences/${divergenceId}/reconcile`, 'reviewer', {
          value,
          reason: reasonCanary,
        }),
      ).answer.id;
    answerIds.set('CR-08', await reconcile(diverged.divergenceId, 'Y'));

    // A second batch over the organisation's own city: its published answer is not public, so it never counts.
    const city = await createJurisdiction(
      { db: getStore().db, actor: system },
      { parentId: iceland, type: 'place', name: { en: 'Examplia Town' }, organizationId: world.orgA.id },
    );
    const own = ok<{ batch: { id: string } }>(
      await send('POST', '/api/v1/qc/batches', 'reviewer', {
        name: batchCanary,
        jurisdictions: [city.id],
        indicators: ['CR-05'],
        coders: [emailOf('analyst'), emailOf('admin')],
      }),
      201,
    );
    const inCity = (value: string) => ({ ...coding('CR-05', value), jurisdictionId: city.id });
    ok(await send('POST', `/api/v1/qc/batches/${own.batch.id}/codings`, 'analyst', inCity('N')), 201);
    const cityDiverged = ok<{ divergenceId: string | null }>(
      await send('POST', `/api/v1/qc/batches/${own.batch.id}/codings`, 'admin', inCity('NA')),
      201,
    );
    answerIds.set('city', await reconcile(cityDiverged.divergenceId, 'N'));
  }, 60_000);
  afterAll(async () => {
    await app?.close();
  });

  it('shows no figures while no double-coded answer is published, then the hand-computed ones', async () => {
    expect(await page('en')).toContain('No published answer has been coded by two coders yet.');
    await publish(answerIds.get('CR-01') ?? '', 'coded');
    await publish(answerIds.get('CR-05') ?? '', 'coded');
    await publish(answerIds.get('CR-08') ?? '', 'reviewed');
    await publish(answerIds.get('city') ?? '', 'reviewed');
    // CR-11 stays coded and the city is an organisation's own, so neither counts. Published pairs (A, B): (Y, Y) (N, N) (Y, N).
    // 1 of 3 diverged: 33.3%. Marginals A: Y 2, N 1; B: Y 1, N 2 → pₑ = (2·1 + 1·2) / 9 = 4/9, pₒ = 2/3,
    // κ = (2/3 − 4/9) / (1 − 4/9) = (2/9) / (5/9) = 0.40.
    const en = await page('en');
    expect(en).toContain(
      '3 variables coded by two coders, of which 1 (33.3%) diverged before reconciliation',
    );
    const cells =
      '<td class="num">3</td><td class="num">1</td><td class="num">33.3%</td><td class="num">0.40</td>';
    // Once for the area CR, once for all areas.
    expect(en.split(cells)).toHaveLength(3);
    expect(en).toMatch(/<tr><th scope="row">CR [^<]+<\/th><td class="num">3<\/td>/);
    for (const locale of ['es', 'fr'] as const) {
      const body = await page(locale);
      expect(body).toMatch(
        /<td class="num">3<\/td><td class="num">1<\/td><td class="num">33,3\s?%<\/td><td class="num">0,40<\/td>/u,
      );
    }
  });

  it('states the protocol and the crosswalks, and never names a coder, organisation, batch or reason', async () => {
    const forbidden = [
      batchCanary,
      reasonCanary,
      'Test analyst',
      'Test admin',
      'Test reviewer',
      'Coalition A',
      'Coalition B',
      '@example.org',
      'Section 1(1) names',
    ];
    for (const locale of locales) {
      const body = await page(locale);
      for (const word of forbidden) expect(body, `${word} (${locale})`).not.toContain(word);
      expect(body).toContain('id="protocol"');
      expect(body).toContain('id="crosswalks"');
      expect(body).toContain('id="cw-palermo"');
      expect(Buffer.byteLength(body), locale).toBeLessThan(60 * 1024);
    }
    const en = await page('en');
    expect(en).toContain('machine-suggested, not reviewed');
    expect(en).toMatch(/<tr><th scope="row">CR-01<\/th><td>Palermo art\. 3\(a\), 5\(1\)<\/td><\/tr>/);
  });
});

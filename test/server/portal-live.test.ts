/**
 * The portal's comparison page, score-over-time charts, live bills on gaps and public campaigns, on both
 * engines: a comparison with its server-drawn Plot SVG (no inline style) and table, every bad choice a 400
 * page naming the problem, public campaign pages with open actions and consented stories only, private and
 * unknown campaigns 404 and nowhere listed, the public flag through the API (owner yes, viewer no, bad body
 * 400), and the cache emptied when a campaign is made private or a bill link confirmed.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { decideBillLink } from '../../src/services/bill-links.ts';
import { importBills } from '../../src/services/bills.ts';
import { createAnswer, setAnswerStatus } from '../../src/services/coding.ts';
import { parseFieldKey } from '../../src/services/field-crypto.ts';
import { setCampaignPublic } from '../../src/services/public-campaigns.ts';
import { createStory, publishStory } from '../../src/services/stories.ts';
import { hb4021, hb4021Import } from '../bill-fixtures.ts';
import { iceland, texas } from '../coding-fixtures.ts';
import { describeEachEngine } from '../engines.ts';
import { type CampaignSeed, campaignCanaries, seedPortalCampaigns } from '../portal-campaign-fixtures.ts';
import { type PortalSeed, portalDate, seedPortal } from '../portal-fixtures.ts';
import { as, seedWorld, signInAll, startApp } from './helpers.ts';

const system = { kind: 'system', name: 'test' } as const;
const secretKey = randomBytes(32).toString('base64');
const storyText = 'I was not believed until the law changed.';

beforeAll(() => {
  vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
  vi.setSystemTime(new Date(portalDate));
});
afterAll(() => {
  vi.useRealTimers();
});

describeEachEngine('portal: compare, trends, bills on gaps, campaigns', (getStore) => {
  let app: FastifyInstance;
  let seed: PortalSeed;
  let campaigns: CampaignSeed;
  const get = (url: string) => app.inject({ method: 'GET', url });
  const ctx = () => ({ db: getStore().db, actor: system });

  beforeAll(async () => {
    seed = await seedPortal(getStore());
    campaigns = await seedPortalCampaigns(getStore(), seed.zero);
    const fieldKey = parseFieldKey(secretKey);
    const story = await createStory({ ...ctx(), fieldKey, today: () => '2031-05-01' }, campaigns.publicId, {
      organization: 'portal-coalition',
      pseudonym: 'Rosa',
      text: storyText,
      consent: {
        purpose: 'Shown on the campaign page',
        channels: ['web'],
        identifiability: 'pseudonymous',
        givenOn: '2031-01-15',
        expiresOn: '2033-01-15',
        withdrawalRoute: 'Tell the advocate on duty',
        retentionMonths: 12,
        researchUse: false,
        consentTextVersion: 'v1',
        recordedBy: 'Advocate R.',
      },
    });
    await publishStory({ ...ctx(), fieldKey, today: () => '2031-05-01' }, story.id, {
      organization: 'portal-coalition',
    });
    ({ app } = await startApp(getStore(), { env: { LAWGAP_SECRET_KEY: secretKey } }));
  }, 60_000);
  afterAll(async () => {
    await app?.close();
  });

  it('compares two jurisdictions with a server Plot chart, its table, areas and cited answers', async () => {
    const res = await get(`/compare?j=${iceland}&j=${texas}&lang=en`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<svg');
    expect(res.body).toMatch(/<svg[^>]*role="img"[^>]*class="score-plot"|<svg[^>]*class="score-plot"/);
    expect(res.body).toContain('<title>Published score on 1 January of each year: Iceland, Texas</title>');
    expect(res.body).toContain('<table class="history-data">');
    expect(res.body).not.toMatch(/<style|style="|<script/);
    expect(res.body).toContain('Overall score and grade');
    expect(res.body).toContain(`>${seed.full} <span`);
    expect(res.body).toMatch(/href="\/law\/[^"]+"/);
    expect(res.body).toContain('<option value="ocd-division/country:is" selected>');
    const again = await get(`/compare?j=${iceland}&j=${texas}&lang=en`);
    expect(again.headers['x-portal-cache']).toBe('hit');
    const form = await get('/compare?lang=es');
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Comparar jurisdicciones');
    expect(form.body).toContain('href="/compare?lang=es"');
    expect(form.body).not.toContain('<svg class="score-plot"');
  });

  it('answers 400 with the form and the reason for every bad choice', async () => {
    const cases: Array<[string, string]> = [
      [`/compare?j=${iceland}`, 'Choose 2 to 4 different jurisdictions; you chose 1.'],
      [`/compare?j=${iceland}&j=${iceland}`, 'Each jurisdiction may be chosen once.'],
      [`/compare?j=${iceland}&j=%3Cx%3E`, 'There is no public jurisdiction “&lt;x&gt;”.'],
      [`/compare?j=${iceland}&j=ocd-division/country:zz`, 'no public jurisdiction “ocd-division/country:zz”'],
      [
        `/compare?${['is', 'us', 'fr', 'de', 'es'].map((c) => `j=ocd-division/country:${c}`).join('&')}`,
        'you chose 5',
      ],
    ];
    for (const [url, message] of cases) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(400);
      expect(res.body, url).toContain(message);
      expect(res.body, url).toContain('<form method="get" action="/compare"');
      expect(res.body, url).not.toContain('<x>');
    }
    const fr = await get(`/compare?j=${iceland}&lang=fr`);
    expect(fr.statusCode).toBe(400);
    expect(fr.body).toContain('vous en avez choisi 1');
  });

  it('shows the score history, public campaigns to join and live confirmed bills on the report card', async () => {
    const card = await get(`/jurisdictions/${iceland}?lang=en`);
    expect(card.statusCode).toBe(200);
    expect(card.body).toContain('<svg');
    expect(card.body).toContain('class="score-plot"');
    expect(card.body).toContain('<table class="history-data">');
    expect(card.body).toContain(`href="/campaigns/${campaigns.publicSlug}?lang=en"`);
    expect(card.body).not.toContain(campaigns.pausedSlug);
    expect(card.body).not.toContain(campaignCanaries.privateTitle);
    expect(Buffer.byteLength(card.body)).toBeLessThan(60 * 1024);
    // A Texas gap with HB 4021 confirmed as closing it; a machine suggestion alone would not be shown.
    const indicator = seed.framework.indicators.find((i) => i.id === seed.zero);
    if (!indicator) throw new Error('no indicator');
    const values = Object.entries(seed.framework.responseTypes[indicator.type].values);
    const bottom = values.sort((a, b) => a[1] - b[1])[0]?.[0] ?? 'N';
    const tx = await createAnswer(ctx(), {
      jurisdictionId: texas,
      indicatorId: seed.zero,
      value: bottom,
      citations: [],
      validFrom: '2030-01-01',
    });
    await setAnswerStatus(ctx(), tx.id, 'reviewed');
    await setAnswerStatus(ctx(), tx.id, 'published');
    await importBills(ctx(), hb4021Import);
    const before = await get(`/jurisdictions/${texas}?lang=en`);
    expect(before.body).not.toContain('Bills that would close this gap');
    await decideBillLink(ctx(), hb4021, seed.zero, { status: 'confirmed' });
    const after = await get(`/jurisdictions/${texas}?lang=en`);
    expect(after.headers['x-portal-cache']).toBe('miss');
    expect(after.body).toContain('Bills that would close this gap');
    expect(after.body).toContain('HB 4021');
    expect(after.body).toMatch(/projected score if enacted|no bill text yet/);
  });

  it('serves a public campaign with its open actions and consented stories; private ones are 404', async () => {
    const res = await get(`/campaigns/${campaigns.publicSlug}?lang=en`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<h1>Close the gap in Iceland</h1>');
    expect(res.body).toContain(`href="/act/${campaigns.openPetitionSlug}?lang=en"`);
    expect(res.body).toContain(storyText);
    expect(res.body).toContain('Rosa');
    expect(res.body).not.toContain(campaignCanaries.draftPetition);
    expect(res.body).not.toMatch(/<script|style="/);
    const paused = await get(`/campaigns/${campaigns.pausedSlug}`);
    expect(paused.statusCode).toBe(200);
    for (const url of ['/campaigns/nope', '/campaigns/%3Cx%3E?lang=es']) {
      const missing = await get(url);
      expect(missing.statusCode, url).toBe(404);
      expect(missing.body).not.toContain('<x>');
    }
    const home = await get('/?lang=en');
    expect(home.body).toContain(`href="/campaigns/${campaigns.publicSlug}?lang=en"`);
    expect(home.body).not.toContain(campaigns.pausedSlug);
    // Made private: gone from its page and the home page on the very next request (cache emptied).
    await setCampaignPublic(ctx(), campaigns.publicId, { organization: 'portal-coalition', public: false });
    expect((await get(`/campaigns/${campaigns.publicSlug}?lang=en`)).statusCode).toBe(404);
    expect((await get('/?lang=en')).body).not.toContain(campaigns.publicSlug);
    const back = await setCampaignPublic(ctx(), campaigns.publicId, {
      organization: 'portal-coalition',
      public: true,
    });
    expect(back.publicSlug).toBe(campaigns.publicSlug);
    expect((await get(`/campaigns/${campaigns.publicSlug}?lang=en`)).statusCode).toBe(200);
  });

  it('lets owners and editors set the public flag through the API, and refuses others and bad bodies', async () => {
    await seedWorld(getStore().db);
    const sessions = await signInAll(app);
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/campaigns',
      headers: as(sessions.campaigner),
      payload: { title: 'Flag test', jurisdictionId: iceland, gaps: [seed.zero], status: 'active' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = (created.json() as { id: string }).id;
    const put = (who: keyof typeof sessions, payload: unknown) =>
      app.inject({
        method: 'PUT',
        url: `/api/v1/campaigns/${id}/public`,
        headers: as(sessions[who]),
        payload: payload as object,
      });
    expect((await put('viewer', { public: true })).statusCode).toBe(403);
    expect((await put('otherAdmin', { public: true })).statusCode).toBe(404);
    const bad = await put('campaigner', { public: 'yes' });
    expect(bad.statusCode).toBe(400);
    expect((await put('campaigner', { public: true, extra: 1 })).statusCode).toBe(400);
    const ok = await put('campaigner', { public: true });
    expect(ok.statusCode, ok.body).toBe(200);
    const state = ok.json() as { public: boolean; publicSlug: string };
    expect(state.public).toBe(true);
    expect(state.publicSlug).toMatch(/^flag-test-[0-9a-z]{8}$/);
    const shown = await app.inject({
      method: 'GET',
      url: `/api/v1/campaigns/${id}`,
      headers: as(sessions.viewer),
    });
    expect(shown.json()).toMatchObject({ public: true, publicSlug: state.publicSlug });
    expect((await get(`/campaigns/${state.publicSlug}`)).statusCode).toBe(200);
  });
});

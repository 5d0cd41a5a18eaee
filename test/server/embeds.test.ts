/**
 * Embeds over HTTP, on both engines: the petition, letter and call pages in embed form (frame headers, the
 * same forms posting under /embed/, a cached petition page that touches no database on a hit), partner
 * attribution recorded per action and an unknown code recorded as none (never an error), the per-partner
 * counts for the campaign's organisations only, and the portal widgets (badge, badge.svg, gaps, map, map.svg)
 * showing published data only and invalidated on publish; the report card's "Embed this" snippets.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { setPartner } from '../../src/services/campaigns.ts';
import { setAnswerStatus } from '../../src/services/coding.ts';
import { cliActor } from '../../src/services/context.ts';
import { iceland } from '../coding-fixtures.ts';
import { testSecretKey } from '../email-alert-helpers.ts';
import { describeEachEngine } from '../engines.ts';
import { postForm, seedActions, seedDistricts } from '../letter-action-helpers.ts';
import { postSign, seedPetition, signatureRows, signFields } from '../petition-helpers.ts';
import { canaries, type PortalSeed, portalDate, seedPortal } from '../portal-fixtures.ts';
import { as, seedWorld, signInAll, startApp } from './helpers.ts';

const system = { kind: 'system', name: 'test' } as const;

beforeAll(() => {
  vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
  vi.setSystemTime(new Date(portalDate));
});
afterAll(() => {
  vi.useRealTimers();
});

describeEachEngine('embeds', (getStore) => {
  let app: FastifyInstance;
  let seed: PortalSeed;
  let petition: { id: string; slug: string; campaignId: string };
  let actions: Awaited<ReturnType<typeof seedActions>>;
  let orgB: string;
  const db = () => getStore().db;
  const get = (url: string) => app.inject({ method: 'GET', url });

  beforeAll(async () => {
    ({ app } = await startApp(getStore(), {
      env: { LAWGAP_SECRET_KEY: testSecretKey, PUBLIC_URL: 'http://localhost:8080' },
    }));
    seed = await seedPortal(getStore());
    const world = await seedWorld(db());
    orgB = world.orgB.id;
    await seedDistricts(db());
    const seeded = await seedPetition(db(), 'coalition-a');
    petition = { id: seeded.petition.id, slug: seeded.petition.slug, campaignId: seeded.campaign.id };
    actions = await seedActions(db(), 'coalition-a');
    const ctx = { db: db(), actor: cliActor };
    for (const campaign of [seeded.campaign.id, actions.campaign.id])
      await setPartner(ctx, campaign, {
        organization: 'coalition-a',
        partner: 'coalition-b',
        role: 'viewer',
      });
  }, 60_000);
  afterAll(async () => {
    await app?.close();
  });

  it('serves the petition embed framable, with the same form posting under /embed/ and the partner code', async () => {
    const res = await get(`/embed/act/${petition.slug}?partner=coalition-b&lang=es`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['x-frame-options']).toBeUndefined();
    expect(String(res.headers['content-security-policy'])).toContain('frame-ancestors *');
    expect(res.body).toContain(`action="/embed/act/${petition.slug}/sign"`);
    expect(res.body).toContain('name="partner" value="coalition-b"');
    expect(res.body).toContain('name="altcha"');
    expect(res.body).toContain('<html lang="es">');
    expect(res.body).toMatch(/<a href="\/\?lang=es" target="_top">/);
    expect(res.body).not.toContain('%%IDEMPOTENCY_KEY%%');
    // The public page itself stays unframable.
    const plain = await get(`/act/${petition.slug}`);
    expect(plain.headers['x-frame-options']).toBe('DENY');
    expect(String(plain.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
  });

  it('serves the cached petition embed without touching the database', async () => {
    await get(`/embed/act/${petition.slug}?lang=fr`);
    const spy = vi.spyOn(getStore().db, 'selectFrom');
    const res = await get(`/embed/act/${petition.slug}?lang=fr&partner=coalition-b`);
    expect(res.statusCode).toBe(200);
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
  });

  it('serves the cached call embed without touching the database', async () => {
    const call = `/embed/act/${actions.callAction.slug}/call`;
    await get(`${call}?lang=es`);
    const spy = vi.spyOn(getStore().db, 'selectFrom');
    const res = await get(`${call}?lang=es&partner=coalition-b`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('name="partner" value="coalition-b"');
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
  });

  it('records the partner of a signature, and none for an unknown or malformed code, never an error', async () => {
    const sign = (email: string, partner?: string) =>
      app.inject({
        method: 'POST',
        url: `/embed/act/${petition.slug}/sign`,
        remoteAddress: `10.55.0.${email.length}`,
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin' },
        payload: new URLSearchParams(signFields({ email, ...(partner ? { partner } : {}) })).toString(),
      });
    const known = await sign('ana.partner@example.net', 'coalition-b');
    expect(known.statusCode, known.body).toBe(200);
    expect(known.headers['x-frame-options']).toBeUndefined();
    const unknown = await sign('bo.unknown@example.net', 'no-such-partner');
    expect(unknown.statusCode).toBe(200);
    const bad = await sign('cy.bad@example.net', '<script>');
    expect(bad.statusCode).toBe(200);
    expect(bad.body).not.toContain('<script>');
    // The owner is not a partner of its own campaign.
    const owner = await sign('di.owner@example.net', 'coalition-a');
    expect(owner.statusCode).toBe(200);
    const rows = await signatureRows(db(), petition.id);
    expect(rows.map((r) => r.partner_org_id)).toEqual([orgB, null, null, null]);
    // The public page's own form records no partner.
    await postSign(app, petition.slug, signFields({ email: 'eve.plain@example.net' }));
    expect((await signatureRows(db(), petition.id)).at(-1)?.partner_org_id).toBeNull();
  });

  it('refuses an embed signature posted from another site, as the public page does', async () => {
    const res = await app.inject({
      method: 'POST',
      url: `/embed/act/${petition.slug}/sign`,
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'cross-site' },
      payload: new URLSearchParams(signFields({ email: 'x.cross@example.net' })).toString(),
    });
    expect(res.statusCode).toBe(403);
  });

  it('records the partner of a letter and of a call report through the embeds', async () => {
    const slug = actions.letterAction.slug;
    const finder = await get(`/embed/act/${slug}/letter?partner=coalition-b`);
    expect(finder.statusCode).toBe(200);
    expect(finder.body).toContain(`action="/embed/act/${slug}/letter"`);
    expect(finder.body).toContain('name="partner" value="coalition-b"');
    const lookup = await get(`/embed/act/${slug}/letter?postcode=78701&partner=coalition-b`);
    expect([200, 400]).toContain(lookup.statusCode);
    const preview = await postForm(app, `/embed/act/${slug}/letter`, {
      t: [],
      lang: 'en',
    });
    expect(preview.statusCode).toBe(400);
    const letterForm = await postForm(app, `/embed/act/${slug}/letter`, {
      t: ['ocd-person/1b2c3d4e-0001-4a00-8000-00000000d001'],
      lang: 'en',
      partner: 'coalition-b',
    });
    expect(letterForm.statusCode, letterForm.body).toBe(200);
    expect(letterForm.headers['x-frame-options']).toBeUndefined();
    expect(letterForm.body).toContain(`action="/embed/act/${slug}/letter/send"`);
    expect(letterForm.body).toContain('name="partner" value="coalition-b"');
    expect(letterForm.body).toContain('Dear ');
    const send = await postForm(app, `/embed/act/${slug}/letter/send`, {
      t: ['ocd-person/1b2c3d4e-0001-4a00-8000-00000000d001'],
      text: 'Dear Quinn, please act.',
      name: 'Ana Example',
      email: 'ana.letter@example.net',
      consent: 'yes',
      website: '',
      lang: 'en',
      partner: 'coalition-b',
    });
    expect(send.statusCode, send.body).toBe(200);
    const letter = await db().selectFrom('letters').selectAll().executeTakeFirstOrThrow();
    expect(letter.partner_org_id).toBe(orgB);

    const call = actions.callAction.slug;
    const page = await get(`/embed/act/${call}/call?partner=coalition-b`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`action="/embed/act/${call}/call"`);
    const report = (partner: string) =>
      postForm(app, `/embed/act/${call}/call`, {
        target: 'ocd-person/1b2c3d4e-0001-4a00-8000-00000000d001',
        outcome: 'reached',
        lang: 'en',
        partner,
      });
    expect((await report('coalition-b')).statusCode).toBe(200);
    expect((await report('unknown-partner')).statusCode).toBe(200);
    const bad = await postForm(app, `/embed/act/${call}/call`, {
      target: 'nobody',
      outcome: 'x',
      lang: 'en',
    });
    expect(bad.statusCode).toBe(400);
    const calls = await db().selectFrom('call_reports').select('partner_org_id').orderBy('id').execute();
    expect(calls.map((c) => c.partner_org_id)).toEqual([orgB, null]);
  });

  it('refuses a bad or cross-site embed letter as the public page does, and keeps the updates consent', async () => {
    const slug = actions.letterAction.slug;
    const letters = async () => (await db().selectFrom('letters').select('id').execute()).length;
    const before = await letters();
    const fields = {
      t: ['ocd-person/1b2c3d4e-0001-4a00-8000-00000000d001'],
      text: 'Dear Quinn, please act.',
      name: 'Bea Example',
      email: 'bea.letter@example.net',
      consent: 'yes',
      consent_updates: 'yes',
      website: '',
      lang: 'en',
      partner: 'coalition-b',
    };
    const bad = await postForm(app, `/embed/act/${slug}/letter/send`, { ...fields, email: 'not-an-address' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('not-an-address');
    const cross = await postForm(app, `/embed/act/${slug}/letter/send`, fields, {
      'sec-fetch-site': 'cross-site',
    });
    expect(cross.statusCode).toBe(403);
    expect(await letters()).toBe(before);
    const sent = await postForm(app, `/embed/act/${slug}/letter/send`, fields);
    expect(sent.statusCode, sent.body).toBe(200);
    expect(await letters()).toBe(before + 1);
    const purposes = await db()
      .selectFrom('letter_consents')
      .innerJoin('letters', 'letters.id', 'letter_consents.letter_id')
      .select('letter_consents.purpose')
      .where('letters.partner_org_id', '=', orgB)
      .execute();
    expect(purposes.map((p) => p.purpose)).toContain('updates');
  });

  it('shows the counts per partner to the campaign organisations only', async () => {
    const sessions = await signInAll(app);
    const url = `/api/v1/campaigns/${actions.campaign.id}/embed-partners`;
    const res = await app.inject({ method: 'GET', url, headers: as(sessions.viewer) });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as {
      partners: Array<{ code: string }>;
      counts: Array<{ code: string | null; calls: number }>;
    };
    expect(body.partners.map((p) => p.code)).toEqual(['coalition-b']);
    expect(body.counts.find((c) => c.code === 'coalition-b')?.calls).toBe(1);
    expect(body.counts.find((c) => c.code === null)?.calls).toBe(1);
    const partner = await app.inject({ method: 'GET', url, headers: as(sessions.otherAdmin) });
    expect(partner.statusCode).toBe(200);
    const bad = await app.inject({
      method: 'GET',
      url: '/api/v1/campaigns/nope/embed-partners',
      headers: as(sessions.viewer),
    });
    expect(bad.statusCode).toBe(404);
    expect((await get(url)).statusCode).toBe(401);
  });

  it('serves the portal widgets with published data only, framable, and drops them on publish', async () => {
    const id = iceland;
    const urls = [
      `/embed/jurisdictions/${id}/badge`,
      `/embed/jurisdictions/${id}/badge.svg`,
      `/embed/jurisdictions/${id}/gaps`,
      '/embed/map',
      '/embed/map.svg',
      '/embed/map.svg?view=us',
    ];
    for (const url of urls) {
      for (const lang of ['en', 'es', 'fr']) {
        const res = await get(`${url}${url.includes('?') ? '&' : '?'}lang=${lang}`);
        expect(res.statusCode, url).toBe(200);
        expect(res.headers['x-frame-options'], url).toBeUndefined();
        for (const canary of Object.values(canaries))
          expect(res.body, `${canary} on ${url}`).not.toContain(canary);
      }
    }
    const svg = await get(`/embed/jurisdictions/${id}/badge.svg`);
    expect(svg.headers['content-type']).toBe('image/svg+xml; charset=utf-8');
    expect(svg.body).toMatch(/<title id="t">[^<]+<\/title>/);
    expect(svg.body).toMatch(/<desc id="d">[^<]+<\/desc>/);
    const map = await get('/embed/map.svg');
    expect(map.body.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(map.body).toContain('<pattern id="band-');
    const gaps = await get(`/embed/jurisdictions/${id}/gaps`);
    expect(gaps.body).toContain(seed.zero);
    expect(gaps.body).not.toContain(`<strong>${seed.draft}</strong>`);
    expect((await get(`/embed/jurisdictions/${id}/gaps`)).headers['x-portal-cache']).toBe('hit');
    expect((await get('/embed/jurisdictions/ocd-division/country:zz/badge')).statusCode).toBe(404);
    expect((await get(`/embed/jurisdictions/${id}/nothing`)).statusCode).toBe(404);
    await setAnswerStatus({ db: db(), actor: system }, seed.draftId, 'reviewed');
    await setAnswerStatus({ db: db(), actor: system }, seed.draftId, 'published');
    expect((await get(`/embed/jurisdictions/${id}/gaps`)).headers['x-portal-cache']).toBe('miss');
  });

  it('links the report card to its "Embed this" page, whose snippets need no JavaScript', async () => {
    const card = await get(`/jurisdictions/${iceland}?lang=fr`);
    expect(card.statusCode).toBe(200);
    expect(card.body).toContain(`href="/jurisdictions/${iceland}/embed"`);
    expect(card.body).not.toContain('id="embed-this"');
    expect((await get('/jurisdictions/ocd-division/country:zz/embed')).statusCode).toBe(404);
    const res = await get(`/jurisdictions/${iceland}/embed?lang=fr`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('id="embed-this"');
    expect(res.body).toContain(
      `&lt;iframe src=&quot;http://localhost:8080/embed/jurisdictions/${iceland}/badge?lang=fr&quot;`,
    );
    expect(res.body).toContain('badge.svg?lang=fr');
    expect(res.body).toContain('http://localhost:8080/embed/map?lang=fr');
  });
});

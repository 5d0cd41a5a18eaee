/**
 * Supporter consent and data rights over HTTP, with mail through a real SMTP server on loopback: per-purpose
 * consent on letters and its one-click withdrawal; `/my-data` answering alike for known and unknown addresses;
 * the mailed link (confirm by POST, never on GET); the download holding every record type of the address and
 * nothing of another; erasure leaving the address and name in no row (ciphertexts decrypted too) while counts
 * stay; replayed, expired, forged and missing tokens refused; do-not-contact suppressing alert mail until fresh
 * consent; a new signature possible only with fresh consent; the erasure audited without personal data.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { publicActor } from '../../src/core/auth/permissions.ts';
import { letterConsentVersion } from '../../src/core/letter-actions/types.ts';
import { importBills } from '../../src/services/bills.ts';
import { cliActor } from '../../src/services/context.ts';
import { emailHash } from '../../src/services/email-keys.ts';
import { encryptField } from '../../src/services/field-crypto.ts';
import { deliverOutbox } from '../../src/services/mail-outbox.ts';
import { smtpMailer } from '../../src/services/mailer.ts';
import { createLetter, signLetter } from '../../src/services/sign-on.ts';
import { peekDataLink } from '../../src/services/supporter-data.ts';
import { getBill } from '../../src/store/bills.repo.ts';
import { hb4021, hb4021Import, tx } from '../bill-fixtures.ts';
import { AlertSink, mailNewBillEvent, testFieldKey, testSecretKey, tokenIn } from '../email-alert-helpers.ts';
import { describeEachEngine } from '../engines.ts';
import { letterLink, people, postForm, seedActions, seedDistricts } from '../letter-action-helpers.ts';
import { linkPath, postSign, seedPetition, signFields } from '../petition-helpers.ts';
import { dataLinkPath, tablesContaining } from '../supporter-data-helpers.ts';
import { seedWorld, startApp } from './helpers.ts';

const tag = randomBytes(4).toString('hex');
const ana = { email: `ana.${tag}@example.net`, name: `Ana Canary${tag}`, postcode: `7${tag.slice(0, 4)}` };
const bob = { email: `bob.${tag}@example.net`, name: `Bob Other${tag}` };
const publicUrl = 'http://localhost:8080';

describeEachEngine('supporter data rights', (getStore) => {
  let app: FastifyInstance;
  let sink: AlertSink;
  const lines: string[] = [];
  let petition: { id: string; slug: string };
  let letterSlug: string;
  let billId: string;
  let link = '';
  const db = () => getStore().db;
  const deliver = () =>
    deliverOutbox({
      db: db(),
      fieldKey: testFieldKey,
      mailer: smtpMailer(sink.url, 'lawgap <no-reply@localhost>'),
    });
  const mailTo = async (address: string) => {
    const deadline = Date.now() + 5000;
    for (;;) {
      await deliver();
      const found = sink.messages.find((m) => m.to.includes(address));
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no mail to ${address}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  const eventMailed = (description: string) =>
    mailNewBillEvent(db(), { id: billId, jurisdictionId: tx }, description, sink.url, publicUrl);
  const follow = async (email: string) => {
    const res = await postForm(app, '/follow', {
      kind: 'bill',
      id: billId,
      email,
      frequency: 'immediate',
      consent: 'yes',
      lang: 'en',
    });
    expect(res.statusCode, res.body).toBe(200);
    const mail = await mailTo(email);
    const token = tokenIn(mail.text, '/follow/confirm');
    expect((await postForm(app, `/follow/confirm?token=${token}`, { lang: 'en' })).statusCode).toBe(200);
  };
  const sign = async (who: { email: string; name: string }, extra: Record<string, string> = {}) => {
    const res = await postSign(
      app,
      petition.slug,
      signFields({ email: who.email, name: who.name, ...extra }),
    );
    expect(res.statusCode, res.body).toBe(200);
    const mail = await mailTo(who.email);
    sink.take();
    return mail;
  };
  const letter = async (
    who: { email: string; name: string },
    confirm: boolean,
    extra: Record<string, string> = {},
  ) => {
    const res = await postForm(app, `/act/${letterSlug}/letter/send`, {
      t: [people.quinn.id, people.jordan.id],
      text: `Dear {{target.name}},\n\nPlease act. ${who.name}`,
      name: who.name,
      email: who.email,
      consent: 'yes',
      website: '',
      lang: 'en',
      idempotency_key: randomBytes(12).toString('base64url'),
      ...extra,
    });
    expect(res.statusCode, res.body).toBe(200);
    const mail = await mailTo(who.email);
    sink.take();
    if (confirm)
      expect((await postForm(app, letterLink(mail.text, 'confirm'), { lang: 'en' })).statusCode).toBe(200);
    return mail;
  };
  const requestLink = (email: string, headers: Record<string, string> = {}) =>
    postForm(app, '/my-data', { email, lang: 'en' }, headers);

  beforeAll(async () => {
    sink = await AlertSink.start();
    ({ app } = await startApp(getStore(), {
      env: { LAWGAP_SECRET_KEY: testSecretKey, LOG_LEVEL: 'trace', PUBLIC_URL: publicUrl },
      mailer: smtpMailer(sink.url, 'lawgap <no-reply@localhost>'),
      build: { logger: true, logStream: { write: (l) => lines.push(l) } },
    }));
    await seedWorld(db());
    await seedDistricts(db());
    await importBills({ db: db(), actor: cliActor }, hb4021Import);
    billId = (await getBill(db(), hb4021))?.id ?? '';
    const seeded = await seedPetition(db(), 'coalition-a');
    petition = seeded.petition;
    const signOn = { db: db(), actor: cliActor, fieldKey: testFieldKey, publicUrl };
    const { inviteUrl } = await createLetter(signOn, seeded.campaign.id, {
      organization: 'coalition-a',
      title: 'Act now',
      body: 'We, the undersigned organisations, urge the legislature to act.',
      status: 'open',
    });
    const invite = inviteUrl.split('/sign-on/')[1] ?? '';
    for (const [who, organizationName] of [
      [ana, 'Shelter North'],
      [bob, 'Shelter South'],
    ] as const)
      await signLetter(
        { ...signOn, actor: publicActor },
        invite,
        {
          organizationName,
          signerName: who.name,
          signerTitle: '',
          website: '',
          contactEmail: who.email,
        },
        null,
      );
    letterSlug = (await seedActions(db(), 'coalition-a')).letterAction.slug;
    // Ana: a confirmed signature with every consent, a confirmed and a pending letter, an alert subscription.
    const signed = await sign(ana, {
      postcode: ana.postcode,
      consent_updates: 'yes',
      consent_partner: 'yes',
    });
    expect((await postForm(app, linkPath(signed.text, 'confirm'), { lang: 'en' })).statusCode).toBe(200);
    await letter(ana, true, { consent_updates: 'yes' });
    await letter(ana, false);
    await follow(ana.email);
    // Bob: the same kinds of record, which must survive Ana's erasure untouched.
    const bobSigned = await sign(bob);
    expect((await postForm(app, linkPath(bobSigned.text, 'confirm'), { lang: 'en' })).statusCode).toBe(200);
    await letter(bob, true);
    await follow(bob.email);
    sink.take();
  });
  afterAll(async () => {
    await app?.close();
    await sink?.close();
  });
  beforeEach(() => {
    sink.take();
  });

  it('records a letter’s consents per purpose with wording version, channel and time; one click withdraws them', async () => {
    const mail = await letter(bob, false, { consent_updates: 'yes' });
    const row = await db().selectFrom('letters').select('id').orderBy('id', 'desc').executeTakeFirstOrThrow();
    const consents = await db()
      .selectFrom('letter_consents')
      .selectAll()
      .where('letter_id', '=', row.id)
      .execute();
    expect(consents.map((c) => c.purpose).sort()).toEqual(['campaign', 'updates']);
    for (const c of consents) {
      expect(c).toMatchObject({
        wording_version: letterConsentVersion,
        wording_locale: 'en',
        channel: 'web',
      });
      expect(c.withdrawn_at).toBeNull();
    }
    expect((await postForm(app, letterLink(mail.text, 'unsubscribe'), { lang: 'en' })).statusCode).toBe(200);
    const after = await db()
      .selectFrom('letter_consents')
      .selectAll()
      .where('letter_id', '=', row.id)
      .execute();
    expect(after.every((c) => c.withdrawn_at !== null)).toBe(true);
  });

  it('shows /my-data without JavaScript in three languages, and refuses bad input clearly', async () => {
    for (const [lang, heading] of [
      ['en', 'Your data'],
      ['es', 'Sus datos'],
      ['fr', 'Vos données'],
    ] as const) {
      const res = await app.inject({ method: 'GET', url: `/my-data?lang=${lang}` });
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain(`<h1>${heading}</h1>`);
      expect(res.body).not.toContain('<script');
    }
    const malformed = await requestLink('not-an-address');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.body).toContain('Enter an email address like name@example.org.');
    expect(malformed.body).toContain('aria-invalid="true"');
    const empty = await requestLink('  ');
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Enter your email address.');
    const foreign = await requestLink(ana.email, { 'sec-fetch-site': 'cross-site' });
    expect(foreign.statusCode).toBe(403);
    await deliver();
    expect(sink.messages).toEqual([]);
  });

  it('answers alike for a known and an unknown address, and mails a link only to the known one', async () => {
    const known = await requestLink(ana.email.toUpperCase());
    const unknown = await requestLink(`nobody.${tag}@example.net`);
    expect(known.statusCode).toBe(200);
    expect(unknown.statusCode).toBe(200);
    expect(known.body).toBe(unknown.body);
    const mail = await mailTo(ana.email);
    expect(sink.messages.filter((m) => m.to.some((to) => to.startsWith('nobody.')))).toEqual([]);
    link = dataLinkPath(mail.text);
    const stored = await db().selectFrom('supporter_data_links').select('token_hash').execute();
    expect(stored.some((r) => link.includes(r.token_hash))).toBe(false);
  });

  it('changes nothing on GET and downloads every record of the address, and nothing of another', async () => {
    const page = await app.inject({ method: 'GET', url: link });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(ana.email);
    expect(page.body).toContain(`action="${link}/erase"`);
    const res = await postForm(app, `${link}/download`, { lang: 'en' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('attachment');
    const data = JSON.parse(res.body) as Record<string, Array<Record<string, unknown>>>;
    expect(data.petitionSignatures).toHaveLength(1);
    expect(data.petitionSignatures?.[0]).toMatchObject({
      name: ana.name,
      email: ana.email,
      postcode: ana.postcode,
    });
    const consents = data.petitionSignatures?.[0]?.consents as Array<{
      purpose: string;
      wording_version: string;
    }>;
    expect(consents.map((c) => c.purpose)).toEqual(['campaign', 'partner', 'updates']);
    expect(data.letters).toHaveLength(2);
    const sent = data.letters?.find((l) => l.status === 'confirmed');
    expect(sent?.text).toContain('Please act.');
    expect(sent?.deliveries).toHaveLength(2);
    expect(sent?.consents).toHaveLength(2);
    expect(data.emailSubscriptions).toHaveLength(1);
    expect(data.signOnSignatures).toHaveLength(1);
    expect(data.signOnSignatures?.[0]).toMatchObject({
      organizationName: 'Shelter North',
      signerName: ana.name,
    });
    expect(data.callReports).toEqual([]);
    expect(data.dataLinks).toHaveLength(1);
    expect(res.body).not.toContain(bob.email);
    expect(res.body).not.toContain(bob.name);
  });

  it('refuses forged, malformed, missing and expired links with a clear page', async () => {
    for (const url of [
      `/my-data/link/d.${randomBytes(32).toString('base64url')}`,
      '/my-data/link/not-a-token',
      '/my-data/link/',
    ]) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(400);
      expect(res.body).toContain('This link does not work');
    }
    const forged = await postForm(
      app,
      `/my-data/link/d.${randomBytes(32).toString('base64url')}/download`,
      {},
    );
    expect(forged.statusCode).toBe(400);
    const token = link.split('/').pop() ?? '';
    const later = new Date(Date.now() + 24 * 3600_000 + 1000);
    expect(await peekDataLink(db(), testFieldKey, token, later)).toBeNull();
    expect(await peekDataLink(db(), testFieldKey, token)).not.toBeNull();
  });

  it('erases only after a confirmed POST, leaves the address and name nowhere, and keeps the counts', async () => {
    const countedBefore = await db()
      .selectFrom('petition_signatures')
      .select('id')
      .where('petition_id', '=', petition.id)
      .where('counted', '=', 1)
      .execute();
    const unconfirmed = await postForm(app, `${link}/erase`, { lang: 'en' });
    expect(unconfirmed.statusCode).toBe(400);
    expect(unconfirmed.body).toContain('Tick the box to confirm the erasure.');
    const res = await postForm(app, `${link}/erase`, { lang: 'en', confirm: 'yes' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.body).toContain('Your data has been erased');
    const needles = [ana.email, ana.name, ana.postcode, `ana.${tag}`];
    expect(await tablesContaining(db(), testFieldKey, needles)).toEqual([]);
    expect(await tablesContaining(db(), testFieldKey, [bob.email, bob.name])).not.toEqual([]);
    const countedAfter = await db()
      .selectFrom('petition_signatures')
      .select('id')
      .where('petition_id', '=', petition.id)
      .where('counted', '=', 1)
      .execute();
    expect(countedAfter.length).toBe(countedBefore.length);
    const audit = await db()
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'supporters.erase')
      .execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]?.details_json ?? '{}')).toMatchObject({
      via: 'self-service',
      signaturesAnonymised: 1,
      lettersAnonymised: 1,
      lettersDeleted: 1,
      subscriptionsDeleted: 1,
      signOnContactsErased: 1,
    });
    expect(lines.join('\n')).not.toContain(link.split('/').pop());
    // Replaying the used link changes nothing and says so.
    for (const path of [link, `${link}/download`]) {
      const again =
        path === link
          ? await app.inject({ method: 'GET', url: path })
          : await postForm(app, path, { lang: 'en' });
      expect(again.statusCode).toBe(400);
    }
    expect((await postForm(app, `${link}/erase`, { lang: 'en', confirm: 'yes' })).statusCode).toBe(400);
  });

  it('suppresses alert mail to an erased address until fresh double-opt-in consent', async () => {
    // A subscription confirmed before the erasure (say, restored from a backup) must not mail the address.
    await db()
      .insertInto('email_subscriptions')
      .values({
        id: randomUUID(),
        email_ciphertext: encryptField(testFieldKey, ana.email),
        email_hash: emailHash(testFieldKey, ana.email),
        target_kind: 'bill',
        target_id: billId,
        frequency: 'immediate',
        status: 'active',
        confirm_token_hash: null,
        unsubscribe_token_hash: randomBytes(32).toString('hex'),
        locale: 'en',
        consent_version: 'follow-consent-2026-11',
        confirmation_sent_at: null,
        created_at: '2026-01-01T00:00:00.000Z',
        confirmed_at: '2026-01-01T00:00:00.000Z',
        unsubscribed_at: null,
      })
      .execute();
    await eventMailed('Referred to committee');
    const first = sink.take();
    expect(first.some((m) => m.to.includes(bob.email))).toBe(true);
    expect(first.some((m) => m.to.includes(ana.email))).toBe(false);
    await db()
      .deleteFrom('email_subscriptions')
      .where('email_hash', '=', emailHash(testFieldKey, ana.email))
      .execute();
    await follow(ana.email);
    sink.take();
    await eventMailed('Reported favourably');
    expect(sink.take().some((m) => m.to.includes(ana.email))).toBe(true);
  });

  it('lets an erased address sign again only with fresh consent', async () => {
    const without = await postSign(
      app,
      petition.slug,
      signFields({ email: ana.email, name: ana.name, consent_campaign: '' }),
    );
    expect(without.statusCode).toBe(400);
    const mail = await sign(ana);
    expect(mail.text).toContain('/act/confirm/');
  });
});

/**
 * Email alerts on every engine, with mail going to a real SMTP server on loopback: fan-out into the queue,
 * immediate and daily digests with their List-Unsubscribe headers, locales, one-click unsubscribe, addresses
 * encrypted at rest, the 30-day clean-up of pending subscriptions, and at-least-once sending.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ChangeEvent } from '../../src/core/alerts/types.ts';
import type { User } from '../../src/core/auth/accounts.ts';
import { importBills } from '../../src/services/bills.ts';
import { cliActor } from '../../src/services/context.ts';
import { sendDueDigests } from '../../src/services/email-digests.ts';
import { fanOutEmails } from '../../src/services/email-fan-out.ts';
import {
  confirmEmailSubscription,
  requestEmailSubscription,
  unsubscribeByToken,
} from '../../src/services/email-subscriptions.ts';
import { smtpMailer } from '../../src/services/mailer.ts';
import { insertUser } from '../../src/store/accounts.repo.ts';
import { insertFollow } from '../../src/store/alerts.repo.ts';
import { getBill } from '../../src/store/bills.repo.ts';
import type { Store } from '../../src/store/db.ts';
import { hb4021, hb4021Import, tx } from '../bill-fixtures.ts';
import { AlertSink, storeActionEvent, testFieldKey, tokenIn } from '../email-alert-helpers.ts';
import { describeEachEngine } from '../engines.ts';

const publicUrl = 'https://alerts.example.org';
const hour = 3600 * 1000;
const t0 = new Date('2091-03-01T08:00:00.000Z');
const at = (ms: number) => new Date(t0.getTime() + ms);

describeEachEngine('email alerts', (getStore: () => Store) => {
  let sink: AlertSink;
  let bill: { id: string; identifier: string; title: string; jurisdictionId: string };
  let users: Record<'prompt' | 'daily' | 'quiet' | 'spanish', User>;
  const db = () => getStore().db;
  const mailer = () => smtpMailer(sink.url, 'lawgap <alerts@example.org>');
  const run = (now: Date) =>
    sendDueDigests({ db: db() }, { mailer: mailer(), now, publicUrl, fieldKey: testFieldKey });
  const deps = (now = t0) => ({ db: db(), fieldKey: testFieldKey, mailer: mailer(), publicUrl, now });
  const fanOut = (events: ChangeEvent[]) =>
    db()
      .transaction()
      .execute((trx) => fanOutEmails(trx, events));
  const event = async (description: string, now: Date) => {
    const e = await storeActionEvent(db(), bill, description, now.toISOString());
    await fanOut([e]);
    return e;
  };
  /** Subscribes and confirms through the mailed link; returns the address. */
  const subscribe = async (email: string, frequency: 'immediate' | 'daily', locale: string) => {
    expect(
      await requestEmailSubscription(deps(), { email, kind: 'bill', id: bill.id, frequency, locale }),
    ).toBe('mailed');
    const [mail] = await sink.waitFor(1);
    sink.take();
    await confirmEmailSubscription(db(), tokenIn(mail?.text ?? '', '/follow/confirm'), t0);
  };

  beforeAll(async () => {
    sink = await AlertSink.start();
    await importBills({ db: db(), actor: cliActor }, hb4021Import);
    const b = await getBill(db(), hb4021);
    if (!b) throw new Error('fixture bill missing');
    bill = { id: b.id, identifier: b.identifier, title: b.title, jurisdictionId: b.jurisdictionId };
    const make = (name: string) =>
      insertUser(db(), { email: `${name}@example.org`, displayName: name, passwordHash: 'x' });
    users = {
      prompt: await make('prompt'),
      daily: await make('daily'),
      quiet: await make('quiet'),
      spanish: await make('spanish'),
    };
    await db().updateTable('users').set({ locale: 'es' }).where('id', '=', users.spanish.id).execute();
    const now = t0.toISOString();
    await insertFollow(
      db(),
      { userId: users.prompt.id, kind: 'bill', targetId: bill.id, emailFrequency: 'immediate' },
      now,
    );
    // Two follows matching one event: it is listed once.
    await insertFollow(
      db(),
      { userId: users.prompt.id, kind: 'jurisdiction', targetId: tx, emailFrequency: 'daily' },
      now,
    );
    await insertFollow(
      db(),
      { userId: users.daily.id, kind: 'jurisdiction', targetId: tx, emailFrequency: 'daily' },
      now,
    );
    await insertFollow(
      db(),
      { userId: users.quiet.id, kind: 'bill', targetId: bill.id, emailFrequency: 'none' },
      now,
    );
    await insertFollow(
      db(),
      { userId: users.spanish.id, kind: 'bill', targetId: bill.id, emailFrequency: 'immediate' },
      now,
    );
  });
  afterAll(async () => {
    await sink?.close();
  });
  beforeEach(() => {
    sink.take();
    sink.refuse = false;
  });

  it('stores a subscriber address only encrypted, and a pending one gets nothing until confirmed', async () => {
    const address = 'Pending.Person@Example.org';
    expect(
      await requestEmailSubscription(deps(), {
        email: address,
        kind: 'bill',
        id: hb4021,
        frequency: 'immediate',
        locale: 'en',
      }),
    ).toBe('mailed');
    const [confirmation] = await sink.waitFor(1);
    expect(confirmation?.to).toEqual(['pending.person@example.org']);
    expect(confirmation?.subject).toBe(`Confirm your lawgap alerts about ${bill.identifier}: ${bill.title}`);
    const rows = await db().selectFrom('email_subscriptions').selectAll().execute();
    expect(rows).toHaveLength(1);
    // The OCD id given is stored as the bill's own id, the one events name.
    expect(rows[0]?.target_id).toBe(bill.id);
    expect(rows[0]?.status).toBe('pending');
    const stored = JSON.stringify(rows).toLowerCase();
    expect(stored).not.toContain('pending.person');
    expect(stored).not.toContain('example.org');
    expect(rows[0]?.email_ciphertext).toMatch(/^v1\./);

    const e = await event('Pending check', t0);
    expect(
      await db().selectFrom('email_queue').select('recipient_kind').where('event_id', '=', e.id).execute(),
    ).not.toContainEqual({ recipient_kind: 'subscription' });
    // (The next tests' runs mail everyone else: the exact recipient lists there leave this address out.)
  });

  it('queues each event once per follow that wants mail and per active subscription, even when retried', async () => {
    await subscribe('reader@example.net', 'immediate', 'fr');
    const e = await storeActionEvent(db(), bill, 'Queue check', t0.toISOString());
    expect(await fanOut([e])).toBe(5);
    expect(await fanOut([e])).toBe(5);
    const rows = await db()
      .selectFrom('email_queue')
      .select(['recipient_kind', 'recipient_id'])
      .where('event_id', '=', e.id)
      .execute();
    expect(rows).toHaveLength(5);
    expect(rows.filter((r) => r.recipient_kind === 'subscription')).toHaveLength(1);
  });

  it('mails every recipient once per run, in their language, with one-click unsubscribe headers', async () => {
    await run(t0);
    const mails = sink.take();
    const byTo = new Map(mails.map((m) => [m.to[0], m]));
    expect([...byTo.keys()].sort()).toEqual([
      'daily@example.org',
      'prompt@example.org',
      'reader@example.net',
      'spanish@example.org',
    ]);
    expect(mails).toHaveLength(4);
    const prompt = byTo.get('prompt@example.org');
    expect(prompt?.subject).toBe('lawgap: 2 new change(s) you follow');
    expect(prompt?.text).toContain(`- ${bill.identifier}: ${bill.title}\n  New action: Queue check`);
    expect(prompt?.text).toContain(`${publicUrl}/app/bills/${bill.id}`);
    // The event both of the user's follows match is listed once.
    expect(prompt?.text.match(/Queue check/g)).toHaveLength(1);
    expect(prompt?.html).toContain(`<a href="${publicUrl}/app/bills/${bill.id}">`);
    expect(prompt?.headers['list-unsubscribe']).toMatch(
      new RegExp(`^<${publicUrl}/unsubscribe\\?token=u\\.${users.prompt.id}\\.[A-Za-z0-9_-]{43}>$`),
    );
    expect(prompt?.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
    expect(byTo.get('spanish@example.org')?.subject).toBe('lawgap: 2 cambio(s) nuevo(s) en lo que sigue');
    expect(byTo.get('spanish@example.org')?.text).toContain('Nueva actuación: Queue check');
    expect(byTo.get('reader@example.net')?.subject).toBe(
      'lawgap : 1 nouveau(x) changement(s) dans ce que vous suivez',
    );
    expect(byTo.get('reader@example.net')?.headers['list-unsubscribe']).toMatch(
      new RegExp(`^<${publicUrl}/unsubscribe\\?token=s\\.[A-Za-z0-9_-]{43}>$`),
    );
    expect(byTo.get('daily@example.org')?.subject).toBe('lawgap daily digest: 2 change(s) you follow');
    // Nothing is sent twice.
    await run(t0);
    expect(sink.take()).toEqual([]);
  });

  it('sends daily digests at most once in 24 hours and immediate mail at every run', async () => {
    await event('Second reading', at(hour));
    await run(at(hour));
    expect(
      sink
        .take()
        .map((m) => m.to[0])
        .sort(),
    ).toEqual(['prompt@example.org', 'reader@example.net', 'spanish@example.org']);
    await run(at(23 * hour));
    expect(sink.take()).toEqual([]);
    await run(at(24 * hour));
    const [digest, ...rest] = sink.take();
    expect(rest).toEqual([]);
    expect(digest?.to).toEqual(['daily@example.org']);
    expect(digest?.text).toContain('New action: Second reading');
    expect(digest?.text).not.toContain('Queue check');
  });

  it('sends again after the SMTP server refused, and marks nothing sent before it accepts', async () => {
    await event('Refused once', at(25 * hour));
    sink.refuse = true;
    const refused = await run(at(25 * hour));
    expect(refused.mailsSent).toBe(0);
    expect(refused.failures).toBeGreaterThan(0);
    sink.refuse = false;
    const retried = await run(at(25 * hour));
    expect(retried.failures).toBe(0);
    expect(
      sink
        .take()
        .map((m) => m.to[0])
        .sort(),
    ).toEqual(['prompt@example.org', 'reader@example.net', 'spanish@example.org']);
  });

  it('stops mailing once the List-Unsubscribe link is used, and says so again on a second use', async () => {
    await event('Before unsubscribing', at(26 * hour));
    await run(at(26 * hour));
    const mails = sink.take();
    const reader = mails.find((m) => m.to[0] === 'reader@example.net');
    const spanish = mails.find((m) => m.to[0] === 'spanish@example.org');
    const readerToken = tokenIn(reader?.headers['list-unsubscribe'] ?? '', '/unsubscribe');
    const spanishToken = tokenIn(spanish?.headers['list-unsubscribe'] ?? '', '/unsubscribe');
    expect((await unsubscribeByToken(db(), testFieldKey, readerToken, at(26 * hour))).kind).toBe(
      'subscription',
    );
    expect((await unsubscribeByToken(db(), testFieldKey, readerToken, at(26 * hour))).kind).toBe(
      'subscription',
    );
    expect(await unsubscribeByToken(db(), testFieldKey, spanishToken, at(26 * hour))).toEqual({
      kind: 'user',
      userId: users.spanish.id,
    });
    await expect(
      unsubscribeByToken(db(), testFieldKey, `${spanishToken.slice(0, -2)}AA`),
    ).rejects.toMatchObject({
      code: 'TOKEN_INVALID',
    });
    const ended = await db()
      .selectFrom('email_subscriptions')
      .selectAll()
      .where('status', '=', 'unsubscribed')
      .execute();
    expect(ended.map((r) => r.email_ciphertext)).toEqual(['']);

    await event('After unsubscribing', at(27 * hour));
    await run(at(27 * hour));
    expect(sink.take().map((m) => m.to[0])).toEqual(['prompt@example.org']);
    // The user still follows the bill in the app; only the mail stopped.
    const follows = await db()
      .selectFrom('follows')
      .selectAll()
      .where('user_id', '=', users.spanish.id)
      .execute();
    expect(follows.map((f) => f.email_frequency)).toEqual(['none']);
  });

  it('deletes pending subscriptions after 30 days, and their links stop working', async () => {
    const requested = at(-31 * 24 * hour);
    await requestEmailSubscription(deps(requested), {
      email: 'late@example.net',
      kind: 'jurisdiction',
      id: tx,
      frequency: 'daily',
      locale: 'en',
    });
    const [mail] = await sink.waitFor(1);
    const token = tokenIn(mail?.text ?? '', '/follow/confirm');
    const result = await run(t0);
    expect(result.subscriptionsDeleted).toBeGreaterThanOrEqual(1);
    const left = await db()
      .selectFrom('email_subscriptions')
      .select('id')
      .where('target_kind', '=', 'jurisdiction')
      .execute();
    expect(left).toEqual([]);
    await expect(confirmEmailSubscription(db(), token, t0)).rejects.toMatchObject({ code: 'TOKEN_INVALID' });
  });

  it('forgets what was sent, and ended subscriptions, after 30 days', async () => {
    const count = async (table: 'email_queue' | 'email_digests' | 'email_subscriptions') =>
      Number(
        (
          await db()
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    expect(await count('email_digests')).toBeGreaterThan(0);
    const ended = await db()
      .selectFrom('email_subscriptions')
      .select('id')
      .where('status', '=', 'unsubscribed')
      .execute();
    expect(ended).toHaveLength(1);
    // The first run still sends the daily digest that is due; a month later it is forgotten too.
    await run(at(59 * 24 * hour));
    expect(sink.take().map((m) => m.to[0])).toEqual(['daily@example.org']);
    await run(at(90 * 24 * hour));
    expect(await count('email_queue')).toBe(0);
    expect(await count('email_digests')).toBe(0);
    // The one still pending was asked for at t0: gone too, like the ended one.
    expect(await count('email_subscriptions')).toBe(0);
  });

  describe('refuses bad requests without storing anything', () => {
    const cases: [string, Record<string, string>, string][] = [
      ['a malformed address', { email: 'not-an-address' }, 'VALIDATION_FAILED'],
      ['a person target', { kind: 'person' }, 'VALIDATION_FAILED'],
      ['an unknown bill', { id: 'ocd-bill/00000000-0000-4000-8000-000000000000' }, 'FOLLOW_TARGET_NOT_FOUND'],
      ['a weekly frequency', { frequency: 'weekly' }, 'VALIDATION_FAILED'],
      ['an unknown locale', { locale: 'de' }, 'VALIDATION_FAILED'],
    ];
    it.each(cases)('%s', async (_name, change, code) => {
      const before = await db().selectFrom('email_subscriptions').select('id').execute();
      const input = {
        email: 'bad@example.net',
        kind: 'bill',
        id: hb4021,
        frequency: 'daily',
        locale: 'en',
        ...change,
      };
      await expect(requestEmailSubscription(deps(), input)).rejects.toMatchObject({ code });
      expect(await db().selectFrom('email_subscriptions').select('id').execute()).toEqual(before);
    });
  });
});

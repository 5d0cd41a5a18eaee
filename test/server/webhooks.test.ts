/**
 * Webhooks on every engine, with a real receiver on loopback that verifies signatures with the
 * `standardwebhooks` package: who may manage endpoints (admins of their own organization only), URL checks,
 * signed deliveries of imported changes, retries with backoff delivering exactly once per id, delivery after a
 * restart between commit and send (the outbox), redelivery and the test message.
 */

import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { deliverDue, dispatchAlerts, fanOut, startAlertLoop } from '../../src/services/alert-dispatch.ts';
import { importBills } from '../../src/services/bills.ts';
import { prepareDatabase } from '../../src/services/bootstrap.ts';
import { cliActor } from '../../src/services/context.ts';
import { generateFieldKey } from '../../src/services/field-crypto.ts';
import { addWebhook } from '../../src/services/webhooks.ts';
import { createStore, type DialectName, type Store } from '../../src/store/db.ts';
import { hb4021Import, tx } from '../bill-fixtures.ts';
import { adminQuery, adminUrl, describeEachEngine } from '../engines.ts';
import {
  as,
  countRows,
  expectError,
  okJson,
  type Persona,
  type Session,
  seedWorld,
  signInAll,
  startApp,
  type World,
} from './helpers.ts';
import { WebhookReceiver } from './webhook-receiver.ts';

const fieldKey = generateFieldKey();
const env = { ALLOW_PRIVATE_WEBHOOK_HOSTS: '1', LAWGAP_SECRET_KEY: fieldKey.toString('base64') };

/** A database that can be closed and opened again (a restart): a SQLite file, or a named PostgreSQL database. */
async function restartableStore(dialect: DialectName): Promise<{ open(): Store; drop(): Promise<void> }> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(path.join(tmpdir(), 'lawgap-outbox-'));
    return { open: () => createStore({ databaseUrl: null, dataDir: dir }), drop: async () => undefined };
  }
  const name = `lawgap_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    open: () => createStore({ databaseUrl: url.toString(), dataDir: ':memory:' }),
    drop: () => adminQuery(`drop database if exists ${name} with (force)`),
  };
}

describeEachEngine('webhooks', (getStore, dialect) => {
  let app: FastifyInstance;
  let sessions: Record<Persona, Session>;
  let world: World;
  let receiver: WebhookReceiver;
  const ctx = () => ({ db: getStore().db, fieldKey, allowPrivateHosts: true });
  const send = (method: InjectOptions['method'], url: string, who: Persona | null, payload?: unknown) =>
    app.inject({
      method,
      url,
      ...(who ? { headers: as(sessions[who]) } : {}),
      ...(payload ? { payload: payload as object } : {}),
    });
  let hookId = '';
  let secret = '';

  beforeAll(async () => {
    ({ app } = await startApp(getStore(), { env }));
    world = await seedWorld(getStore().db);
    sessions = await signInAll(app);
    receiver = await WebhookReceiver.start();
  });
  afterAll(async () => {
    await app?.close();
    await receiver?.close();
  });

  it('lets only admins manage webhooks, each organization its own', async () => {
    const body = { url: receiver.url('/a'), description: 'CRM' };
    for (const who of ['viewer', 'analyst', 'reviewer', 'campaigner', 'loner'] as const) {
      expectError(await send('POST', '/api/v1/webhooks', who, body), 403, 'FORBIDDEN');
      expectError(await send('GET', '/api/v1/webhooks', who), 403, 'FORBIDDEN');
    }
    expectError(await send('POST', '/api/v1/webhooks', null, body), 401, 'AUTH_REQUIRED');
    const created = okJson<{ endpoint: { id: string; url: string; eventTypes: string[] }; secret: string }>(
      await send('POST', '/api/v1/webhooks', 'admin', body),
      201,
    );
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    expect(created.endpoint).toMatchObject({ url: receiver.url('/a'), eventTypes: [] });
    hookId = created.endpoint.id;
    secret = created.secret;
    receiver.configure('/a', secret, 2);
    const row = await getStore().db.selectFrom('webhook_endpoints').selectAll().executeTakeFirstOrThrow();
    expect(row.secret_ciphertext).not.toContain(secret.slice(6));
    const listed = okJson<unknown[]>(await send('GET', '/api/v1/webhooks', 'admin'));
    expect(JSON.stringify(listed)).not.toContain(secret.slice(6));
    expect(listed).toHaveLength(1);

    expect(okJson<unknown[]>(await send('GET', '/api/v1/webhooks', 'otherAdmin'))).toEqual([]);
    expectError(
      await send('PATCH', `/api/v1/webhooks/${hookId}`, 'otherAdmin', { active: false }),
      404,
      'WEBHOOK_NOT_FOUND',
    );
    expectError(await send('DELETE', `/api/v1/webhooks/${hookId}`, 'otherAdmin'), 404, 'WEBHOOK_NOT_FOUND');
    expectError(
      await send('POST', `/api/v1/webhooks/${hookId}/test`, 'otherAdmin', {}),
      404,
      'WEBHOOK_NOT_FOUND',
    );
    expectError(
      await send('GET', `/api/v1/webhooks/${hookId}/deliveries`, 'otherAdmin'),
      404,
      'WEBHOOK_NOT_FOUND',
    );
    expect(await countRows(getStore().db, 'webhook_endpoints')).toBe(1);
  });

  it('refuses bad URLs, event types and jurisdictions with specific errors', async () => {
    const cases: [unknown, number, string][] = [
      [{ url: 'ftp://example.org/hook' }, 400, 'WEBHOOK_URL_INVALID'],
      [{ url: 'not a url' }, 400, 'WEBHOOK_URL_INVALID'],
      [{ url: 'https://user:pw@example.org/hook' }, 400, 'WEBHOOK_URL_INVALID'],
      [{ url: receiver.url('/x'), eventTypes: ['bill.exploded'] }, 400, 'VALIDATION_FAILED'],
      [{ url: receiver.url('/x'), jurisdictionId: 'ocd-division/country:zz' }, 404, 'JURISDICTION_NOT_FOUND'],
      [{ url: receiver.url('/x'), secret: 'mine' }, 400, 'VALIDATION_FAILED'],
    ];
    for (const [body, status, code] of cases) {
      expectError(await send('POST', '/api/v1/webhooks', 'admin', body), status, code);
    }
    const strict = { ...ctx(), actor: cliActor, allowPrivateHosts: false };
    for (const url of [
      'http://127.0.0.1:9/h',
      'http://localhost/h',
      'http://10.0.0.7/h',
      'http://[::1]/h',
      'http://192.168.1.2/h',
    ]) {
      await expect(addWebhook(strict, { url, organization: world.orgA.slug })).rejects.toMatchObject({
        code: 'WEBHOOK_URL_INVALID',
      });
    }
    expect(await countRows(getStore().db, 'webhook_endpoints')).toBe(1);
  });

  it('delivers a signed event exactly once per id after two failures, with three attempts logged', async () => {
    const filtered = okJson<{ endpoint: { id: string }; secret: string }>(
      await send('POST', '/api/v1/webhooks', 'admin', {
        url: receiver.url('/votes'),
        eventTypes: ['vote.recorded'],
      }),
      201,
    );
    receiver.configure('/votes', filtered.secret);
    await importBills({ db: getStore().db, actor: cliActor }, hb4021Import);
    const event = await getStore().db.selectFrom('change_events').selectAll().executeTakeFirstOrThrow();
    const t0 = Date.now();
    const at = (seconds: number) => ({ now: () => new Date(t0 + seconds * 1000) });

    const first = await dispatchAlerts(ctx(), at(0));
    expect(first).toMatchObject({ events: 1, deliveries: 1, retrying: 1, delivered: 0 });
    expect(await deliverDue(ctx(), at(10))).toMatchObject({ retrying: 0, delivered: 0 });
    expect(await deliverDue(ctx(), at(31))).toMatchObject({ retrying: 1 });
    expect(await deliverDue(ctx(), at(31 + 119))).toMatchObject({ retrying: 0, delivered: 0 });
    expect(await deliverDue(ctx(), at(31 + 121))).toMatchObject({ delivered: 1 });
    expect(await deliverDue(ctx(), at(10_000))).toMatchObject({ delivered: 0, retrying: 0 });
    expect(await fanOut(ctx())).toEqual({ events: 0, deliveries: 0, emails: 0 });

    expect(receiver.processed('/a')).toEqual([event.id]);
    expect(receiver.successful('/a')).toHaveLength(1);
    expect(receiver.receipts.filter((r) => r.path === '/a').map((r) => [r.id, r.verified, r.status])).toEqual(
      [
        [event.id, true, 500],
        [event.id, true, 500],
        [event.id, true, 204],
      ],
    );
    expect(receiver.successful('/a')[0]?.body).toMatchObject({
      type: 'bill.created',
      timestamp: event.created_at,
      data: { bill: { identifier: 'HB 4021', jurisdictionId: tx } },
    });
    expect(receiver.receipts.filter((r) => r.path === '/votes')).toEqual([]);

    const deliveries = okJson<
      { id: string; status: string; attempts: number; attemptLog: { statusCode: number }[] }[]
    >(await send('GET', `/api/v1/webhooks/${hookId}/deliveries`, 'admin'));
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0]).toMatchObject({
      eventId: event.id,
      eventType: 'bill.created',
      status: 'delivered',
      attempts: 3,
    });
    expect(deliveries[0]?.attemptLog.map((a) => a.statusCode)).toEqual([500, 500, 204]);
    expect(await countRows(getStore().db, 'webhook_attempts')).toBe(3);
  });

  it('redelivers with the same webhook-id, only within the organization', async () => {
    const [delivery] = okJson<{ id: string; eventId: string }[]>(
      await send('GET', `/api/v1/webhooks/${hookId}/deliveries`, 'admin'),
    );
    if (!delivery) throw new Error('no delivery');
    expectError(
      await send('POST', `/api/v1/webhook-deliveries/${delivery.id}/redeliver`, 'otherAdmin', {}),
      404,
      'WEBHOOK_DELIVERY_NOT_FOUND',
    );
    expectError(
      await send('POST', `/api/v1/webhook-deliveries/${delivery.id}/redeliver`, 'viewer', {}),
      403,
      'FORBIDDEN',
    );
    const again = okJson<{ result: string; delivery: { attempts: number; status: string } }>(
      await send('POST', `/api/v1/webhook-deliveries/${delivery.id}/redeliver`, 'admin', {}),
    );
    expect(again).toMatchObject({ result: 'delivered', delivery: { attempts: 4, status: 'delivered' } });
    expect(receiver.successful('/a').map((r) => r.id)).toEqual([delivery.eventId, delivery.eventId]);
    expect(receiver.processed('/a')).toEqual([delivery.eventId]);
  });

  it('sends a signed test message, and stops sending to a disabled endpoint', async () => {
    const test = okJson<{ ok: boolean; statusCode: number; messageId: string }>(
      await send('POST', `/api/v1/webhooks/${hookId}/test`, 'admin', {}),
    );
    expect(test).toMatchObject({ ok: true, statusCode: 204 });
    expect(receiver.receipts.at(-1)).toMatchObject({
      id: test.messageId,
      verified: true,
      body: { type: 'webhook.test' },
    });
    const patched = okJson<{ active: boolean }>(
      await send('PATCH', `/api/v1/webhooks/${hookId}`, 'admin', { active: false }),
    );
    expect(patched.active).toBe(false);
    const before = receiver.receipts.length;
    await importBills(
      { db: getStore().db, actor: cliActor },
      {
        ...hb4021Import,
        files: [
          {
            name: 'acted.json',
            content: JSON.stringify({
              ...JSON.parse(hb4021Import.files[0]?.content ?? '{}'),
              actions: [
                ...(JSON.parse(hb4021Import.files[0]?.content ?? '{}') as { actions: unknown[] }).actions,
                {
                  description: 'Disabled hearing',
                  date: '2091-04-20',
                  classification: [],
                  related_entities: [],
                },
              ],
            }),
          },
        ],
      },
    );
    expect(await dispatchAlerts(ctx())).toMatchObject({ events: 1, deliveries: 0, delivered: 0 });
    expect(receiver.receipts.length).toBe(before);
    expect((await send('DELETE', `/api/v1/webhooks/${hookId}`, 'admin')).statusCode).toBe(204);
    expectError(
      await send('GET', `/api/v1/webhooks/${hookId}/deliveries`, 'admin'),
      404,
      'WEBHOOK_NOT_FOUND',
    );
  });

  it('runs fan-out and sending in a background loop until stopped', async () => {
    const hook = await addWebhook(
      { ...ctx(), actor: cliActor },
      { url: receiver.url('/loop'), organization: world.orgA.slug },
    );
    receiver.configure('/loop', hook.secret);
    const bill = JSON.parse(hb4021Import.files[0]?.content ?? '{}') as { actions: unknown[] };
    const action = {
      description: 'Loop hearing',
      date: '2091-05-01',
      classification: [],
      related_entities: [],
    };
    const content = JSON.stringify({ ...bill, actions: [...bill.actions, action] });
    await importBills(
      { db: getStore().db, actor: cliActor },
      { ...hb4021Import, files: [{ name: 'loop.json', content }] },
    );
    const errors: unknown[] = [];
    const stop = startAlertLoop(ctx(), 20, (err) => errors.push(err));
    try {
      for (let i = 0; i < 200 && receiver.processed('/loop').length === 0; i++)
        await new Promise((r) => setTimeout(r, 25));
    } finally {
      await stop();
    }
    expect(receiver.processed('/loop')).toHaveLength(1);
    expect(errors).toEqual([]);
    const pending = await getStore()
      .db.selectFrom('change_events')
      .select('id')
      .where('fanned_out', '=', 0)
      .execute();
    expect(pending).toEqual([]);
  });

  it('logs a delivery whose secret the key cannot decrypt as a failed attempt, and goes on', async () => {
    const hook = await addWebhook(
      { ...ctx(), actor: cliActor },
      { url: receiver.url('/rekeyed'), organization: world.orgA.slug },
    );
    receiver.configure('/rekeyed', hook.secret);
    const bill = JSON.parse(hb4021Import.files[0]?.content ?? '{}') as { actions: unknown[] };
    const action = {
      description: 'Rekeyed hearing',
      date: '2091-05-02',
      classification: [],
      related_entities: [],
    };
    const content = JSON.stringify({ ...bill, actions: [...bill.actions, action] });
    await importBills(
      { db: getStore().db, actor: cliActor },
      { ...hb4021Import, files: [{ name: 'k.json', content }] },
    );
    const t0 = Date.now();
    const wrong = { ...ctx(), fieldKey: generateFieldKey() };
    expect(await dispatchAlerts(wrong, { now: () => new Date(t0) })).toMatchObject({
      deliveries: 2, // this endpoint and the loop's
      retrying: 2,
      delivered: 0,
    });
    const attempt = await getStore()
      .db.selectFrom('webhook_attempts as a')
      .innerJoin('webhook_deliveries as d', 'd.id', 'a.delivery_id')
      .select('a.error')
      .where('d.endpoint_id', '=', hook.endpoint.id)
      .executeTakeFirstOrThrow();
    expect(attempt.error).toMatch(/cannot be decrypted/);
    expect(await deliverDue(ctx(), { now: () => new Date(t0 + 31_000) })).toMatchObject({ delivered: 2 });
    expect(receiver.processed('/rekeyed')).toHaveLength(1);
  });

  it('delivers an event committed before a crash, after a restart', async () => {
    const db = await restartableStore(dialect);
    const path = `/restart-${dialect}`;
    try {
      const first = db.open();
      await prepareDatabase(first.db);
      const org = await first.db.selectFrom('organizations').select('slug').executeTakeFirst();
      const slug = org?.slug ?? (await seedWorld(first.db, '-r')).orgA.slug;
      const hook = await addWebhook(
        { db: first.db, actor: cliActor, fieldKey, allowPrivateHosts: true },
        { url: receiver.url(path), organization: slug },
      );
      receiver.configure(path, hook.secret);
      await importBills({ db: first.db, actor: cliActor }, hb4021Import);
      await first.destroy(); // the process dies after the import committed, before any dispatch

      const second = db.open();
      try {
        const sent = await dispatchAlerts({ db: second.db, fieldKey, allowPrivateHosts: true });
        expect(sent).toMatchObject({ events: 1, deliveries: 1, delivered: 1 });
        const event = await second.db.selectFrom('change_events').select('id').executeTakeFirstOrThrow();
        expect(receiver.processed(path)).toEqual([event.id]);
      } finally {
        await second.destroy();
      }
    } finally {
      await db.drop();
    }
  });
});

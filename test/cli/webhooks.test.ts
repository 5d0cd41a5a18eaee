import { statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebhookReceiver } from '../server/webhook-receiver.ts';
import { expectOk, expectRefusal, runCli, scratchDataDir } from './run-cli.ts';

const dir = scratchDataDir();
const fixtures = path.resolve(import.meta.dirname, '../fixtures');
const tx = 'ocd-division/country:us/state:tx';
const hb4021 = 'ocd-bill/6f0c3a52-1e7b-4c59-9d3e-2b8a41c7e901';
const env = { ALLOW_PRIVATE_WEBHOOK_HOSTS: '1' };
const cli = (args: string[], input?: string) =>
  runCli(args, { dataDir: dir, env, ...(input !== undefined ? { input } : {}) });

describe('lawgap webhooks, alerts deliver and follows', () => {
  let receiver: WebhookReceiver;
  beforeAll(async () => {
    receiver = await WebhookReceiver.start();
  });
  afterAll(async () => {
    await receiver?.close();
  });

  let secret = '';
  let hookId = '';

  it('adds an endpoint (secret printed once, key file 0600) and refuses bad ones', async () => {
    const org = JSON.parse(expectOk(await cli(['org', 'create', 'Coalition Hooks', '--json'])).stdout) as {
      slug: string;
    };
    const added = expectOk(await cli(['webhooks', 'add', receiver.url('/cli'), '--organization', org.slug]));
    secret = added.stdout.trim();
    expect(secret).toMatch(/^whsec_/);
    expect(added.stderr).toContain('shown only now');
    expect(statSync(path.join(dir, 'secret.key')).mode & 0o777).toBe(0o600);
    receiver.configure('/cli', secret);

    // One at a time: several spawns at once can outlast the runner's timeout on a busy machine.
    const badUrl = await cli(['webhooks', 'add', 'ftp://example.org/x', '--organization', org.slug]);
    expect(expectRefusal(badUrl)).toContain('WEBHOOK_URL_INVALID');
    const badType = await cli([
      'webhooks',
      'add',
      receiver.url('/x'),
      '--organization',
      org.slug,
      '--events',
      'bill.exploded',
    ]);
    expect(expectRefusal(badType)).toContain('WEBHOOK_EVENT_TYPE_INVALID');

    const [hook] = JSON.parse(expectOk(await cli(['webhooks', 'list', '--json'])).stdout) as { id: string }[];
    if (!hook) throw new Error('no endpoint listed');
    expect(JSON.stringify(hook)).not.toContain(secret.slice(6));
    hookId = hook.id;
  }, 180_000);

  it('delivers a signed import event with alerts deliver, redelivers and tests', async () => {
    expectOk(
      await cli([
        'bills',
        'import',
        'openstates',
        '--jurisdiction',
        tx,
        path.join(fixtures, 'bills/openstates/scrape-hb-4021.json'),
      ]),
    );
    expect(receiver.receipts).toEqual([]); // the import only wrote the outbox
    const sent = JSON.parse(expectOk(await cli(['alerts', 'deliver', '--json'])).stdout);
    expect(sent).toMatchObject({ events: 1, deliveries: 1, delivered: 1 });
    expect(receiver.successful('/cli')).toHaveLength(1);
    expect(receiver.successful('/cli')[0]?.body?.type).toBe('bill.created');

    const deliveries = JSON.parse(
      expectOk(await cli(['webhooks', 'deliveries', hookId, '--json'])).stdout,
    ) as {
      id: string;
      status: string;
      attemptLog: unknown[];
    }[];
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0]).toMatchObject({ status: 'delivered' });
    expect(deliveries[0]?.attemptLog).toHaveLength(1);
    const again = await cli(['webhooks', 'redeliver', deliveries[0]?.id ?? '']);
    expect(expectOk(again).stderr).toContain('delivered (attempt 2');
    const tested = await cli(['webhooks', 'test', hookId]);
    expect(expectOk(tested).stderr).toContain('delivered (HTTP 204');
    const missing = await cli(['webhooks', 'deliveries', '00000000-0000-4000-8000-000000000000']);
    expect(expectRefusal(missing)).toContain('WEBHOOK_NOT_FOUND');
    expect(receiver.processed('/cli')).toHaveLength(2); // the event (twice, one id) and the test message
    expect(receiver.successful('/cli')).toHaveLength(3);
  }, 180_000);

  it('manages a user’s follows and refuses unknown targets', async () => {
    expectOk(
      await cli(
        ['user', 'create', '--email', 'f@example.org', '--name', 'F', '--password-stdin'],
        'plum-violin-harbour-42\n',
      ),
    );
    const f = JSON.parse(
      expectOk(
        await cli([
          'follows',
          'add',
          'bill',
          hb4021,
          '--user',
          'f@example.org',
          '--email',
          'daily',
          '--json',
        ]),
      ).stdout,
    ) as { id: string; emailFrequency: string };
    expect(f.emailFrequency).toBe('daily');
    // One at a time: several spawns at once can outlast the runner's timeout on a busy machine.
    expect(
      JSON.parse(expectOk(await cli(['follows', 'list', '--user', 'f@example.org', '--json'])).stdout),
    ).toHaveLength(1);
    expect(
      expectRefusal(await cli(['follows', 'add', 'person', 'ocd-person/nope', '--user', 'f@example.org'])),
    ).toContain('PERSON_NOT_FOUND');
    expect(expectRefusal(await cli(['follows', 'list', '--user', 'nobody@example.org']))).toContain(
      'USER_NOT_FOUND',
    );
    expectOk(await cli(['follows', 'remove', f.id, '--user', 'f@example.org']));
    expect(
      JSON.parse(expectOk(await cli(['follows', 'list', '--user', 'f@example.org', '--json'])).stdout),
    ).toEqual([]);
  }, 180_000);
});

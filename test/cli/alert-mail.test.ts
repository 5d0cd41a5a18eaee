/** `lawgap alerts digests`: due alert mail through a real SMTP server, once; refused without SMTP_URL. */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hb4021, tx } from '../bill-fixtures.ts';
import { AlertSink } from '../email-alert-helpers.ts';
import { expectOk, expectRefusal, runCli, scratchDataDir } from './run-cli.ts';

const fixture = path.resolve(import.meta.dirname, '../fixtures/bills/openstates/scrape-hb-4021.json');

describe('lawgap alerts digests', () => {
  const dataDir = scratchDataDir();
  let sink: AlertSink;
  beforeAll(async () => {
    sink = await AlertSink.start();
  });
  afterAll(async () => {
    await sink?.close();
  });

  it('refuses to run without SMTP_URL, saying why', async () => {
    expect(expectRefusal(await runCli(['alerts', 'digests'], { dataDir }))).toContain('SMTP_URL');
  });

  it('mails a followed bill’s changes once, with one-click unsubscribe', async () => {
    const env = { SMTP_URL: sink.url, PUBLIC_URL: 'https://lawgap.example.org' };
    expectOk(
      await runCli(
        ['user', 'create', '--email', 'cli-follower@example.org', '--name', 'Follower', '--password-stdin'],
        {
          dataDir,
          input: 'plum-violin-harbour-42\n',
        },
      ),
    );
    expectOk(await runCli(['bills', 'import', 'openstates', fixture, '--jurisdiction', tx], { dataDir }));
    expectOk(
      await runCli(
        ['follows', 'add', 'bill', hb4021, '--user', 'cli-follower@example.org', '--email', 'immediate'],
        {
          dataDir,
        },
      ),
    );
    expectOk(await runCli(['alerts', 'deliver'], { dataDir }));
    const first = expectOk(await runCli(['alerts', 'digests', '--json'], { dataDir, env }));
    expect(JSON.parse(first.stdout)).toMatchObject({ mailsSent: 1, failures: 0 });
    const [mail] = await sink.waitFor(1);
    expect(mail?.to).toEqual(['cli-follower@example.org']);
    expect(mail?.text).toContain('HB 4021');
    expect(mail?.headers['list-unsubscribe']).toMatch(
      /^<https:\/\/lawgap\.example\.org\/unsubscribe\?token=u\./,
    );
    const again = expectOk(await runCli(['alerts', 'digests'], { dataDir, env }));
    expect(again.stdout + again.stderr).toContain('sent 0 mail(s)');
    expect(sink.messages).toHaveLength(1);
  }, 60_000);
});

import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SmtpSink } from '../../test/server/helpers.ts';
import { threadedSmtpMailer } from './mailer-thread.ts';

describe('threadedSmtpMailer (SMTP on a worker thread, real SMTP server on loopback)', () => {
  let sink: SmtpSink;
  let refusing: SMTPServer;
  let refusingUrl = '';
  beforeAll(async () => {
    sink = await SmtpSink.start();
    refusing = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onRcptTo(_address, _session, callback) {
        callback(Object.assign(new Error('mailbox unavailable'), { responseCode: 550 }));
      },
    });
    await new Promise<void>((resolve) => refusing.listen(0, '127.0.0.1', resolve));
    refusingUrl = `smtp://127.0.0.1:${(refusing.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await sink.close();
    await new Promise<void>((resolve) => refusing.close(() => resolve()));
  });

  it('delivers every message handed to it at once, and again after close()', async () => {
    const mailer = threadedSmtpMailer(sink.url, 'lawgap <noreply@example.org>');
    const sends = Array.from({ length: 20 }, (_, i) =>
      mailer.send({ to: `person${i}@example.org`, subject: `Message ${i}`, text: `Body ${i}` }),
    );
    await Promise.all(sends);
    const got = await sink.waitFor(20);
    expect(got.map((m) => m.subject).sort()).toEqual(
      Array.from({ length: 20 }, (_, i) => `Message ${i}`).sort(),
    );
    expect(got.find((m) => m.subject === 'Message 7')?.to).toEqual(['person7@example.org']);
    mailer.close?.();
    await mailer.send({ to: 'later@example.org', subject: 'After close', text: 'Still sent' });
    expect((await sink.waitFor(21)).some((m) => m.subject === 'After close')).toBe(true);
    mailer.close?.();
  });

  it('fails a refused message with the SMTP code only, never the address', async () => {
    const mailer = threadedSmtpMailer(refusingUrl, 'lawgap <noreply@example.org>');
    const err = (await mailer.send({ to: 'refused.person@example.org', subject: 'No', text: 'No' }).then(
      () => null,
      (e: unknown) => e,
    )) as { responseCode?: number; message: string } | null;
    mailer.close?.();
    expect(err?.responseCode).toBe(550);
    expect(JSON.stringify({ ...err, message: err?.message })).not.toContain('refused.person');
  });
});

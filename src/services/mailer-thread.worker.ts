/** The worker of mailer-thread.ts: one pooled SMTP mailer; answers each message with its id (and error codes). */
import { parentPort, workerData } from 'node:worker_threads';
import { type MailMessage, smtpMailer } from './mailer.ts';
import type { MailThreadAnswer } from './mailer-thread.ts';

const port = parentPort;
if (port) {
  const data = workerData as { url: string; from: string };
  const mailer = smtpMailer(data.url, data.from, { pooled: true });
  port.on('message', (m: { id: number; message: MailMessage }) => {
    mailer.send(m.message).then(
      () => port.postMessage({ id: m.id } satisfies MailThreadAnswer),
      (err: unknown) => {
        const e = err as { code?: unknown; responseCode?: unknown };
        const error = {
          ...(typeof e.code === 'string' ? { code: e.code.slice(0, 40) } : {}),
          ...(typeof e.responseCode === 'number' ? { responseCode: e.responseCode } : {}),
        };
        port.postMessage({ id: m.id, error } satisfies MailThreadAnswer);
      },
    );
  });
}

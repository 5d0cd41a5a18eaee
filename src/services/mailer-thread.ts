/**
 * A mailer whose SMTP work runs on a worker thread (mailer-thread.worker.ts): composing a message and driving
 * the SMTP conversation cost the long-running server about a fifth of its main thread during a signature
 * burst, time the request handlers need; on a machine with a second core the worker does it there. The worker
 * holds one pooled SMTP transport; the main thread hands it a message and waits for its answer. A failed send
 * comes back as an error carrying only the SMTP response code or the error code (never a message text, which
 * may name an address), which is all the outbox keeps. A worker that dies fails the sends it held and is
 * started again on the next send.
 */
import { Worker } from 'node:worker_threads';
import type { Mailer, MailMessage } from './mailer.ts';

/** What the worker answers for one message. */
export interface MailThreadAnswer {
  id: number;
  error?: { code?: string; responseCode?: number };
}

interface Held {
  resolve(): void;
  reject(err: Error): void;
}

/** A mailer sending through the SMTP server at `url` from a worker thread; `close()` ends the worker. */
export function threadedSmtpMailer(url: string, from: string): Mailer {
  let current: { worker: Worker; held: Map<number, Held> } | null = null;
  let next = 0;
  const start = () => {
    const worker = new Worker(new URL('./ts-worker.mjs', import.meta.url), {
      workerData: { entry: new URL('./mailer-thread.worker.ts', import.meta.url).href, url, from },
    });
    const held = new Map<number, Held>();
    const thread = { worker, held };
    worker.on('message', (answer: MailThreadAnswer) => {
      const h = held.get(answer.id);
      if (!h) return;
      held.delete(answer.id);
      if (!answer.error) h.resolve();
      else h.reject(Object.assign(new Error('mail not sent'), answer.error));
    });
    worker.on('error', () => undefined);
    worker.on('exit', () => {
      if (current === thread) current = null;
      const err = Object.assign(new Error('mail thread stopped'), { code: 'MAIL_THREAD_EXIT' });
      for (const h of held.values()) h.reject(err);
      held.clear();
    });
    worker.unref();
    return thread;
  };
  return {
    send(message: MailMessage) {
      current ??= start();
      const { worker, held } = current;
      const id = next++;
      return new Promise<void>((resolve, reject) => {
        held.set(id, { resolve, reject });
        worker.postMessage({ id, message });
      });
    },
    close() {
      const thread = current;
      current = null;
      if (thread) void thread.worker.terminate();
    },
  };
}

/**
 * The overload row's open-loop client (petition-overload.ts), run as its own process so that neither the SMTP
 * sink nor the bench's bookkeeping shares its event loop: a busy client loop would read answers late and count
 * them as timeouts. `node --import tsx bench/rows/open-loop.ts <job.json> <answers.json>`; the job is
 * `{ url, rate, bodies }`, the output `{ answers: Answer[], seconds }`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { formHeaders } from '../../test/crash/petition-server.ts';

/** One POST's answer (status 0: none within 10 s or the connection failed, with why). */
export interface Answer {
  index: number;
  status: number;
  retryAfter: boolean;
  /** Why no answer came (`timeout`, `ECONNRESET`, …). */
  error?: string;
}

/** Sends `bodies[i]` at `rate` per second on a clock, never waiting for answers; resolves when all settled. */
export function openLoop(url: string, bodies: string[], rate: number): Promise<Answer[]> {
  // Many sockets, as many visitors would open: a small pool would queue the overload in this client, unseen by the server.
  const agent = new http.Agent({ keepAlive: true, maxSockets: 4096 });
  const target = new URL(url);
  const answers: Promise<Answer>[] = [];
  const send = (index: number) =>
    new Promise<Answer>((resolve) => {
      const req = http.request(
        {
          agent,
          host: target.hostname,
          port: target.port,
          path: target.pathname,
          method: 'POST',
          headers: formHeaders,
          timeout: 10_000,
        },
        (res) => {
          res.resume();
          res.on('end', () =>
            resolve({
              index,
              status: res.statusCode ?? 0,
              retryAfter: res.headers['retry-after'] !== undefined,
            }),
          );
        },
      );
      req.on('timeout', () => req.destroy(new Error('timeout')));
      req.on('error', (err: NodeJS.ErrnoException) =>
        resolve({ index, status: 0, retryAfter: false, error: err.code ?? err.message }),
      );
      req.end(bodies[index]);
    });
  return new Promise((resolve) => {
    const started = performance.now();
    let sent = 0;
    const timer = setInterval(() => {
      const due = Math.min(bodies.length, Math.floor(((performance.now() - started) / 1000) * rate));
      while (sent < due) answers.push(send(sent++));
      if (sent >= bodies.length) {
        clearInterval(timer);
        Promise.all(answers).then((a) => {
          agent.destroy();
          resolve(a);
        });
      }
    }, 5);
  });
}

if (process.argv[1]?.endsWith('open-loop.ts') && process.argv[2] && process.argv[3]) {
  const job = JSON.parse(readFileSync(process.argv[2], 'utf8')) as {
    url: string;
    rate: number;
    bodies: string[];
  };
  const started = performance.now();
  const answers = await openLoop(job.url, job.bodies, job.rate);
  writeFileSync(process.argv[3], JSON.stringify({ answers, seconds: (performance.now() - started) / 1000 }));
}

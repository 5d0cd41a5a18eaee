/**
 * A real webhook receiver on loopback for the alert tests: verifies every request with the `standardwebhooks`
 * package (as a customer would), can fail a given number of times per path first, and records what it got.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

/** One request as the receiver saw it. */
export interface Receipt {
  path: string;
  id: string;
  verified: boolean;
  /** The status the receiver answered. */
  status: number;
  body: { type: string; timestamp: string; data: Record<string, unknown> } | null;
}

export class WebhookReceiver {
  readonly receipts: Receipt[] = [];
  private readonly secrets = new Map<string, string>();
  private readonly failures = new Map<string, number>();

  private constructor(
    private readonly server: http.Server,
    readonly port: number,
  ) {}

  /** Starts a receiver on 127.0.0.1 at a random port. */
  static async start(): Promise<WebhookReceiver> {
    let receiver: WebhookReceiver | null = null;
    const server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => receiver?.handle(req, res, Buffer.concat(chunks).toString('utf8')));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    receiver = new WebhookReceiver(server, (server.address() as AddressInfo).port);
    return receiver;
  }

  /** The URL of a path on this receiver. */
  url(path: string): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  /** Sets the secret a path verifies with, and how many requests it fails (500) before accepting. */
  configure(path: string, secret: string, failFirst = 0): void {
    this.secrets.set(path, secret);
    this.failures.set(path, failFirst);
  }

  /** Distinct webhook ids received successfully on a path (what a deduping receiver processes). */
  processed(path: string): string[] {
    return [...new Set(this.successful(path).map((r) => r.id))];
  }

  /** Successful (verified, 2xx) receipts on a path. */
  successful(path: string): Receipt[] {
    return this.receipts.filter((r) => r.path === path && r.verified && r.status === 204);
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse, body: string): void {
    const path = req.url ?? '/';
    const secret = this.secrets.get(path);
    const headers = {
      'webhook-id': String(req.headers['webhook-id'] ?? ''),
      'webhook-timestamp': String(req.headers['webhook-timestamp'] ?? ''),
      'webhook-signature': String(req.headers['webhook-signature'] ?? ''),
    };
    let verified = false;
    let parsed: Receipt['body'] = null;
    try {
      if (secret) {
        parsed = new Webhook(secret).verify(body, headers) as Receipt['body'];
        verified = true;
      }
    } catch {
      verified = false;
    }
    const left = this.failures.get(path) ?? 0;
    const status = !verified ? 401 : left > 0 ? 500 : 204;
    if (verified && left > 0) this.failures.set(path, left - 1);
    this.receipts.push({ path, id: headers['webhook-id'], verified, status, body: parsed });
    res.statusCode = status;
    res.end(status === 500 ? 'temporarily broken' : '');
  }

  /** Stops the server. */
  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

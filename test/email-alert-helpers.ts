/**
 * What the email alert tests share: a real SMTP server on loopback that keeps each message with its headers
 * and its text and HTML parts (multipart/alternative decoded), a fixed field key, and small seeds.
 */
import type { AddressInfo } from 'node:net';
import type { Kysely } from 'kysely';
import { SMTPServer } from 'smtp-server';
import type { ChangeEventDraft } from '../src/core/alerts/types.ts';
import { sendDueDigests } from '../src/services/email-digests.ts';
import { fanOutEmails } from '../src/services/email-fan-out.ts';
import { type FieldKey, parseFieldKey } from '../src/services/field-crypto.ts';
import { smtpMailer } from '../src/services/mailer.ts';
import { insertChangeEvents } from '../src/store/alerts.repo.ts';
import type { Database } from '../src/store/schema.ts';

/** A fixed test key (hex of 32 bytes), also usable as LAWGAP_SECRET_KEY. */
export const testSecretKey = '0f1e2d3c4b5a69788796a5b4c3d2e1f00112233445566778899aabbccddeeff0';
export const testFieldKey: FieldKey = parseFieldKey(testSecretKey);

/** A message as received, decoded. */
export interface AlertMail {
  to: string[];
  subject: string;
  /** Unfolded headers, by lower-case name. */
  headers: Record<string, string>;
  text: string;
  html: string | null;
  raw: string;
}

function decode(body: string, encoding: string): string {
  const e = encoding.toLowerCase();
  if (e === 'quoted-printable') {
    const bytes = body
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-Fa-f]{2})/g, (_m, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  if (e === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  return body;
}

function headersOf(head: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of head.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const at = line.indexOf(':');
    if (at > 0) out[line.slice(0, at).trim().toLowerCase()] = line.slice(at + 1).trim();
  }
  return out;
}

function split(raw: string): { headers: Record<string, string>; body: string } {
  const at = raw.indexOf('\r\n\r\n');
  return { headers: headersOf(raw.slice(0, at)), body: raw.slice(at + 4) };
}

/** Decodes an RFC 2047 encoded-word subject (nodemailer encodes non-ASCII subjects). */
function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([BQ])\?([^?]*)\?=/gi, (_m, enc: string, text: string) =>
      enc.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : decode(text.replace(/_/g, ' '), 'quoted-printable'),
    );
}

function parse(raw: string, to: string[]): AlertMail {
  const { headers, body } = split(raw);
  const type = headers['content-type'] ?? 'text/plain';
  let text = '';
  let html: string | null = null;
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (boundary && type.toLowerCase().startsWith('multipart/')) {
    for (const part of body.split(`--${boundary}`).slice(1)) {
      if (part.startsWith('--')) break;
      const p = split(part.replace(/^\r\n/, ''));
      const decoded = decode(p.body.replace(/\r\n$/, ''), p.headers['content-transfer-encoding'] ?? '');
      if ((p.headers['content-type'] ?? '').startsWith('text/html')) html = decoded;
      else text = decoded;
    }
  } else {
    text = decode(body, headers['content-transfer-encoding'] ?? '');
  }
  const lf = (v: string) => v.replace(/\r\n/g, '\n');
  return {
    to,
    subject: decodeWords(headers.subject ?? ''),
    headers,
    text: lf(text),
    html: html && lf(html),
    raw,
  };
}

/** A real SMTP server on 127.0.0.1 (random port) keeping what it receives; `refuse` makes it reject mail. */
export class AlertSink {
  readonly messages: AlertMail[] = [];
  refuse = false;

  private constructor(
    private readonly server: SMTPServer,
    readonly port: number,
  ) {}

  static async start(): Promise<AlertSink> {
    let sink: AlertSink | null = null;
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          if (sink?.refuse) {
            callback(Object.assign(new Error('mailbox unavailable'), { responseCode: 550 }));
            return;
          }
          const to = session.envelope.rcptTo.map((r) => r.address);
          sink?.messages.push(parse(Buffer.concat(chunks).toString('utf8'), to));
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    sink = new AlertSink(server, (server.server.address() as AddressInfo).port);
    return sink;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** Takes (and clears) what arrived so far. */
  take(): AlertMail[] {
    return this.messages.splice(0);
  }

  /** Waits until at least `count` messages have arrived. */
  async waitFor(count: number, timeoutMs = 5000): Promise<AlertMail[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.messages.length < count) {
      if (Date.now() > deadline) throw new Error(`expected ${count} mails, got ${this.messages.length}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return this.messages;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** The token of a link to `path` (`/follow/confirm`, `/unsubscribe`) in a text. */
export function tokenIn(text: string, path: string): string {
  const m = new RegExp(`${path.replace(/\//g, '\\/')}\\?token=([A-Za-z0-9._%-]+)`).exec(text);
  if (!m?.[1]) throw new Error(`no ${path} link in: ${text}`);
  return decodeURIComponent(m[1]);
}

/** An action-added event on a bill, stored as an import would store it. */
export async function storeActionEvent(
  db: Kysely<Database>,
  bill: { id: string; identifier: string; title: string; jurisdictionId: string },
  description: string,
  now = new Date().toISOString(),
) {
  const draft: ChangeEventDraft = {
    type: 'bill.action_added',
    jurisdictionId: bill.jurisdictionId,
    billId: bill.id,
    subjectKind: 'bill',
    subjectId: bill.id,
    payload: {
      bill: { ...bill, session: '2091R', stage: 'in_committee' },
      action: { order: 9, date: '2091-03-01', description, classification: [], organization: null },
    },
    targets: [
      { kind: 'bill', id: bill.id },
      { kind: 'jurisdiction', id: bill.jurisdictionId },
    ],
  };
  const [event] = await insertChangeEvents(db, [draft], now);
  if (!event) throw new Error('no event stored');
  return event;
}

/**
 * A new action on the bill (HB 4021 in `jurisdictionId`), fanned out to its followers and mailed through the
 * sink at `smtpUrl` by the digest sender, as the background loop would.
 */
export async function mailNewBillEvent(
  db: Kysely<Database>,
  bill: { id: string; jurisdictionId: string },
  description: string,
  smtpUrl: string,
  publicUrl: string,
): Promise<void> {
  const event = await storeActionEvent(
    db,
    { id: bill.id, identifier: 'HB 4021', title: 'Fixture', jurisdictionId: bill.jurisdictionId },
    description,
  );
  await db.transaction().execute((trx) => fanOutEmails(trx, [event]));
  await sendDueDigests(
    { db },
    { mailer: smtpMailer(smtpUrl, 'lawgap <a@example.org>'), publicUrl, fieldKey: testFieldKey },
  );
}

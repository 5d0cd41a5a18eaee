/**
 * Outgoing mail. With SMTP configured, mail goes through nodemailer; without it, the link-bearing messages
 * (invitations, password resets) are printed to the server console so a single-machine install still works.
 */
import nodemailer from 'nodemailer';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  /** An HTML alternative of `text`, when the mail has one. */
  html?: string;
  /** Extra headers (`List-Unsubscribe`, …). */
  headers?: Record<string, string>;
  /** The sender (`"Name" <address>`), when not the server's default. */
  from?: string;
  /** A stable Message-ID (`<id@host>`), so a repeated delivery is recognisable. */
  messageId?: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
  /** Ends a pooled mailer's open connections (nothing to do for the others). */
  close?(): void;
}

/** Connections a pooled mailer keeps open: as many as the outbox hands over at once (mail-outbox.ts). */
const pooledConnections = 8;

/**
 * A mailer that sends through the SMTP server at `url` (smtp:// or smtps://). `pooled` (the long-running
 * server) keeps a few connections open and sends message after message on them, instead of a connection per
 * message, which held a burst's confirmation mail to about 60 a second; `close()` ends them.
 */
export function smtpMailer(url: string, from: string, options: { pooled?: boolean } = {}): Mailer {
  const transport = options.pooled
    ? nodemailer.createTransport({ url, pool: true, maxConnections: pooledConnections })
    : nodemailer.createTransport(url);
  return {
    close: () => transport.close(),
    async send(message) {
      await transport.sendMail({
        from: message.from ?? from,
        ...(message.messageId !== undefined ? { messageId: message.messageId } : {}),
        to: message.to,
        subject: message.subject,
        text: message.text,
        ...(message.html !== undefined ? { html: message.html } : {}),
        ...(message.headers ? { headers: message.headers } : {}),
      });
    },
  };
}

/** A mailer that writes each message to a stream (the console when no SMTP server is configured). */
export function consoleMailer(write: (line: string) => void = (l) => process.stdout.write(l)): Mailer {
  return {
    async send(message) {
      write(
        `\n[mail not sent: SMTP_URL is not set] To: ${maskEmail(message.to)}\nSubject: ${message.subject}\n\n${message.text}\n\n`,
      );
    },
  };
}

/** Masks an address for console output: `jane@example.org` -> `j***@example.org`. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  return at <= 0 ? '***' : `${email[0]}***${email.slice(at)}`;
}

/**
 * The text and HTML of an alert mail: one entry per event (bill identifier and title, what happened, a link to
 * the bill's page), then the unsubscribe link. Headers follow RFC 2369 and RFC 8058 (one-click unsubscribe).
 * The HTML part has no scripts, images or remote content; every value is escaped.
 */
import { describeChangeEvent } from '../core/alerts/event-text.ts';
import type { Locale } from '../core/framework/types.ts';
import { t } from '../core/i18n/messages.ts';
import type { MailEvent } from '../store/email-queue.repo.ts';
import type { MailMessage } from './mailer.ts';

/** At most this many events are listed in one mail; the rest are counted. */
export const maxListedEvents = 100;

/** What a digest mail needs to know. */
export interface DigestMail {
  to: string;
  locale: Locale;
  frequency: 'immediate' | 'daily';
  events: MailEvent[];
  publicUrl: string;
  unsubscribeToken: string;
  /** Signed-in users also get a link to manage their alerts in the app. */
  manageLink: boolean;
}

function esc(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

interface Entry {
  heading: string;
  what: string;
  link: string | null;
}

function entries(mail: DigestMail): Entry[] {
  return mail.events.slice(0, maxListedEvents).map((e) => {
    const d = describeChangeEvent(mail.locale, e);
    const heading = [d.billIdentifier, d.billTitle].filter(Boolean).join(': ');
    return {
      heading,
      what: d.what,
      link: d.billId ? `${mail.publicUrl}/app/bills/${encodeURIComponent(d.billId)}` : null,
    };
  });
}

/** The mail for a digest: subject, text, HTML and the List-Unsubscribe headers. */
export function renderDigest(mail: DigestMail): MailMessage {
  const { locale } = mail;
  const list = entries(mail);
  const more = mail.events.length - list.length;
  const unsubscribe = `${mail.publicUrl}/unsubscribe?token=${encodeURIComponent(mail.unsubscribeToken)}`;
  const manage = `${mail.publicUrl}/app/alerts`;

  const textEntries = list.map((e) =>
    [
      `- ${e.heading || e.what}`,
      ...(e.heading ? [`  ${e.what}`] : []),
      ...(e.link ? [`  ${t(locale, 'email.digest.open', { link: e.link })}`] : []),
    ].join('\n'),
  );
  const text = [
    t(locale, 'email.digest.intro'),
    '',
    textEntries.join('\n\n'),
    ...(more > 0 ? ['', t(locale, 'email.digest.more', { count: more })] : []),
    '',
    '-- ',
    t(locale, 'email.digest.unsubscribe', { link: unsubscribe }),
    ...(mail.manageLink ? [t(locale, 'email.digest.manage', { link: manage })] : []),
    '',
  ].join('\n');

  const htmlEntries = list
    .map((e) => {
      const heading = e.heading
        ? e.link
          ? `<a href="${esc(e.link)}">${esc(e.heading)}</a>`
          : esc(e.heading)
        : '';
      return `<li>${heading ? `<strong>${heading}</strong><br>` : ''}${esc(e.what)}</li>`;
    })
    .join('\n');
  const linkLine = (key: 'email.digest.unsubscribe' | 'email.digest.manage', href: string) => {
    const [before, after] = t(locale, key, { link: '\u0000' }).split('\u0000');
    return `<p>${esc(before ?? '')}<a href="${esc(href)}">${esc(href)}</a>${esc(after ?? '')}</p>`;
  };
  const html = `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><title>${esc(t(locale, 'email.digest.intro'))}</title></head>
<body>
<p>${esc(t(locale, 'email.digest.intro'))}</p>
<ul>
${htmlEntries}
</ul>
${more > 0 ? `<p>${esc(t(locale, 'email.digest.more', { count: more }))}</p>\n` : ''}<hr>
${linkLine('email.digest.unsubscribe', unsubscribe)}
${mail.manageLink ? `${linkLine('email.digest.manage', manage)}\n` : ''}</body></html>`;

  return {
    to: mail.to,
    subject: t(locale, `email.digest.subject.${mail.frequency}`, { count: mail.events.length }),
    text,
    html,
    headers: {
      'List-Unsubscribe': `<${unsubscribe}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
  };
}

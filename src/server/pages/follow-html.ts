/**
 * The HTML of the public email-alert pages: the follow form, the confirm and unsubscribe buttons, and the
 * message pages. Plain forms that work without JavaScript; no inline script or style (the CSP forbids them).
 */
import type { Locale } from '../../core/framework/types.ts';
import { t } from '../../core/i18n/messages.ts';
import { esc, page } from './html.ts';

/**
 * The shared page shell, with the language links keeping the page's own query (the shell only appends
 * `?lang=` to a bare path, which would drop the bill or the token).
 */
export function queryPage(locale: Locale, title: string, path: string, query: string, main: string): string {
  const html = page(locale, title, path, main);
  if (!query) return html;
  return html.split(`href="${esc(path)}?lang=`).join(`href="${esc(path)}?${esc(query)}&amp;lang=`);
}

/** A page that only says something: a heading and a paragraph. */
export function messagePage(
  locale: Locale,
  title: string,
  body: string,
  path = '/follow',
  query = '',
): string {
  return queryPage(locale, title, path, query, `<h1>${esc(title)}</h1>\n<p>${esc(body)}</p>`);
}

/** What the follow form shows. */
export interface FollowForm {
  kind: string;
  id: string;
  name: string;
  email: string;
  frequency: string;
  consent: boolean;
  errors: Partial<Record<'email' | 'frequency' | 'consent' | 'form', string>>;
}

function errorNote(id: string, text: string | undefined): string {
  return text ? `<p class="field-error" id="${id}-error">${esc(text)}</p>` : '';
}

function invalid(id: string, text: string | undefined): string {
  return text ? ` aria-invalid="true" aria-describedby="${id}-error"` : '';
}

/** The follow form (GET /follow, and again with errors after a refused POST). */
export function followFormPage(locale: Locale, f: FollowForm): string {
  const title = t(locale, 'follow.title');
  const messages = Object.values(f.errors).filter(Boolean);
  const summary = messages.length
    ? `<div role="alert" class="message message-error"><ul>${messages.map((m) => `<li>${esc(m)}</li>`).join('')}</ul></div>`
    : '';
  const radio = (value: 'immediate' | 'daily') =>
    `<p><input type="radio" id="frequency-${value}" name="frequency" value="${value}"${
      f.frequency === value ? ' checked' : ''
    }${invalid('frequency', f.errors.frequency)}> <label for="frequency-${value}">${esc(
      t(locale, `follow.frequency.${value}`),
    )}</label></p>`;
  const main = `<h1>${esc(title)}</h1>
<p>${esc(t(locale, 'follow.intro', { name: f.name }))}</p>
${summary}
<form method="post" action="/follow" class="form">
<input type="hidden" name="kind" value="${esc(f.kind)}">
<input type="hidden" name="id" value="${esc(f.id)}">
<input type="hidden" name="lang" value="${locale}">
<p><label for="email">${esc(t(locale, 'follow.email'))}</label><br>
<input type="email" id="email" name="email" autocomplete="email" required maxlength="254" value="${esc(f.email)}"${invalid('email', f.errors.email)}></p>
${errorNote('email', f.errors.email)}
<fieldset>
<legend>${esc(t(locale, 'follow.frequency'))}</legend>
${radio('immediate')}
${radio('daily')}
${errorNote('frequency', f.errors.frequency)}
</fieldset>
<p><input type="checkbox" id="consent" name="consent" value="yes" required${f.consent ? ' checked' : ''}${invalid('consent', f.errors.consent)}>
<label for="consent">${esc(t(locale, 'follow.consent'))}</label></p>
${errorNote('consent', f.errors.consent)}
<p><button type="submit" class="cta">${esc(t(locale, 'follow.submit'))}</button></p>
</form>`;
  return queryPage(locale, title, '/follow', `${f.kind}=${encodeURIComponent(f.id)}`, main);
}

/** A page with one button that POSTs the token (confirming or unsubscribing takes a deliberate press). */
export function buttonPage(
  locale: Locale,
  args: { title: string; body: string; path: string; token: string; button: string },
): string {
  const query = `token=${encodeURIComponent(args.token)}`;
  const main = `<h1>${esc(args.title)}</h1>
<p>${esc(args.body)}</p>
<form method="post" action="${esc(args.path)}?${esc(query)}">
<input type="hidden" name="token" value="${esc(args.token)}">
<input type="hidden" name="lang" value="${locale}">
<p><button type="submit" class="cta">${esc(args.button)}</button></p>
</form>`;
  return queryPage(locale, args.title, args.path, query, main);
}

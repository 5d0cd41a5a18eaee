/**
 * The HTML of the supporter data-rights pages (`/my-data`): the request form, the "check your email" answer, and
 * the link page with its two POST forms (download, erase). Plain forms that work without JavaScript; no inline
 * script or style.
 */
import type { Locale } from '../../core/framework/types.ts';
import { type MessageKey, t } from '../../core/i18n/messages.ts';
import { queryPage } from './follow-html.ts';
import { esc } from './html.ts';

/** The request form, with the problem of a refused POST (`required`, `invalid`, `origin`) and the typed value. */
export function myDataPage(locale: Locale, email = '', problem: string | null = null): string {
  const title = t(locale, 'mydata.title');
  const key =
    problem === 'origin'
      ? 'mydata.error.origin'
      : problem
        ? (`mydata.error.email.${problem}` as MessageKey)
        : null;
  const fieldProblem = problem !== null && problem !== 'origin';
  const summary = key
    ? `<div role="alert" class="message message-error"><p>${esc(t(locale, 'mydata.errorsIntro'))}</p><ul><li>${esc(t(locale, key))}</li></ul></div>`
    : '';
  const main = `<h1>${esc(title)}</h1>
<p>${esc(t(locale, 'mydata.intro'))}</p>
${summary}
<form method="post" action="/my-data" class="form">
<input type="hidden" name="lang" value="${locale}">
<p><label for="email">${esc(t(locale, 'mydata.email'))}</label><br>
<input type="email" id="email" name="email" autocomplete="email" required maxlength="254" value="${esc(email)}"${
    fieldProblem ? ' aria-invalid="true" aria-describedby="email-error"' : ''
  }></p>
${fieldProblem && key ? `<p class="field-error" id="email-error">${esc(t(locale, key))}</p>` : ''}
<p><button type="submit" class="cta">${esc(t(locale, 'mydata.submit'))}</button></p>
</form>`;
  return queryPage(locale, title, '/my-data', '', main);
}

/** A page that only says something, with a link back to the request form. */
export function myDataMessage(
  locale: Locale,
  titleKey: MessageKey,
  bodyKey: MessageKey,
  again = false,
): string {
  const title = t(locale, titleKey);
  const main = `<h1>${esc(title)}</h1>
<p>${esc(t(locale, bodyKey))}</p>
${again ? `<p><a href="/my-data?lang=${locale}">${esc(t(locale, 'mydata.again'))}</a></p>` : ''}`;
  return queryPage(locale, title, '/my-data', '', main);
}

/** The link page: whose data, a download button, and the erase form with its confirmation box. */
export function myDataLinkPage(locale: Locale, token: string, email: string, confirmMissing = false): string {
  const title = t(locale, 'mydata.title');
  const path = `/my-data/link/${token}`;
  const error = confirmMissing
    ? `<div role="alert" class="message message-error"><p>${esc(t(locale, 'mydata.erase.error.confirm'))}</p></div>`
    : '';
  const main = `<h1>${esc(title)}</h1>
<p>${esc(t(locale, 'mydata.link.intro', { email }))}</p>
<h2 id="download-title">${esc(t(locale, 'mydata.download.title'))}</h2>
<p>${esc(t(locale, 'mydata.download.body'))}</p>
<form method="post" action="${esc(path)}/download" aria-labelledby="download-title">
<input type="hidden" name="lang" value="${locale}">
<p><button type="submit" class="cta">${esc(t(locale, 'mydata.download.submit'))}</button></p>
</form>
<h2 id="erase-title">${esc(t(locale, 'mydata.erase.title'))}</h2>
<p>${esc(t(locale, 'mydata.erase.body'))}</p>
${error}
<form method="post" action="${esc(path)}/erase" aria-labelledby="erase-title">
<input type="hidden" name="lang" value="${locale}">
<p><input type="checkbox" id="confirm" name="confirm" value="yes" required${
    confirmMissing ? ' aria-invalid="true"' : ''
  }>
<label for="confirm">${esc(t(locale, 'mydata.erase.confirm'))}</label></p>
<p><button type="submit">${esc(t(locale, 'mydata.erase.submit'))}</button></p>
</form>`;
  return queryPage(locale, title, path, '', main);
}

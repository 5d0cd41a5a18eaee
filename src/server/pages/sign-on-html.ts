/**
 * The HTML of the public sign-on pages: the letter with its signing form, the thank-you and message pages, and
 * the public signatory list. Plain forms that work without JavaScript (multipart, for the optional logo); no
 * inline script or style (the CSP forbids them): the page's own styles come from /assets/sign-on.css.
 * `signFormSection` is exported so another public page (a campaign's page) can show the same form.
 */

import { letterExport, type PublicSignatory } from '../../core/campaigns/sign-on.ts';
import { escapeHtml } from '../../core/campaigns/sign-on-html.ts';
import type { Locale } from '../../core/framework/types.ts';
import { t } from '../../core/i18n/messages.ts';
import { esc, page } from './html.ts';

/** Styles of the sign-on pages (served from our origin). */
export const signOnSiteCss = `
.letter-text p{white-space:pre-line}
.form label{font-weight:600}.form input[type=text],.form input[type=email],.form input[type=url]{width:100%;max-width:32rem;padding:6px;font:inherit}
.field-error{color:#a4000f;font-weight:600;margin-top:0}
.message-error{border:2px solid #a4000f;padding:8px 12px;margin:12px 0}
.hp{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}
ol.signatories{list-style:none;padding:0}ol.signatories li{display:flex;gap:12px;align-items:center;padding:6px 0;border-bottom:1px solid #d0d0d0}
ol.signatories img{max-width:96px;max-height:48px;object-fit:contain}
`;

/** The fields the signing form shows (values kept after a refused POST). */
export interface SignForm {
  organizationName: string;
  signerName: string;
  signerTitle: string;
  contactEmail: string;
  website: string;
  /** Messages by field: organizationName, signerName, signerTitle, contactEmail, website, logo, form. */
  errors: Partial<Record<string, string>>;
}

/** An empty signing form. */
export const blankSignForm: SignForm = {
  organizationName: '',
  signerName: '',
  signerTitle: '',
  contactEmail: '',
  website: '',
  errors: {},
};

/** The shell with the sign-on stylesheet added after the site's own. */
export function signOnPage(locale: Locale, title: string, path: string, main: string): string {
  return page(locale, title, path, main).replace(
    '<link rel="stylesheet" href="/assets/site.css">',
    '<link rel="stylesheet" href="/assets/site.css">\n<link rel="stylesheet" href="/assets/sign-on.css">',
  );
}

function paragraphs(body: string): string {
  return letterExport({ title: '', body }, [])
    .paragraphs.map((p) => `<p>${esc(p)}</p>`)
    .join('\n');
}

/** The signing form alone, posting to `action` (multipart/form-data; the logo is optional). */
export function signFormSection(locale: Locale, action: string, f: SignForm): string {
  const messages = Object.values(f.errors).filter((m): m is string => Boolean(m));
  const summary = messages.length
    ? `<div role="alert" class="message message-error"><p>${esc(t(locale, 'signOn.errorSummary'))}</p><ul>${messages
        .map((m) => `<li>${esc(m)}</li>`)
        .join('')}</ul></div>`
    : '';
  const input = (
    name: keyof Omit<SignForm, 'errors'>,
    type: string,
    extra: string,
    label: Parameters<typeof t>[1],
  ) => {
    const error = f.errors[name];
    const aria = error ? ` aria-invalid="true" aria-describedby="${name}-error"` : '';
    return `<p><label for="${name}">${esc(t(locale, label))}</label><br>
<input type="${type}" id="${name}" name="${name}" value="${esc(f[name])}"${extra}${aria}></p>
${error ? `<p class="field-error" id="${name}-error">${esc(error)}</p>` : ''}`;
  };
  const logoError = f.errors.logo;
  return `<h2>${esc(t(locale, 'signOn.sign.heading'))}</h2>
<p>${esc(t(locale, 'signOn.sign.intro'))}</p>
${summary}
<form method="post" action="${esc(action)}" enctype="multipart/form-data" class="form">
<input type="hidden" name="lang" value="${locale}">
${input('organizationName', 'text', ' required maxlength="200" autocomplete="organization"', 'signOn.field.organizationName')}
${input('signerName', 'text', ' required maxlength="200" autocomplete="name"', 'signOn.field.signerName')}
${input('signerTitle', 'text', ' maxlength="200" autocomplete="organization-title"', 'signOn.field.signerTitle')}
${input('contactEmail', 'email', ' required maxlength="254" autocomplete="email"', 'signOn.field.contactEmail')}
${input('website', 'url', ' maxlength="500" autocomplete="url"', 'signOn.field.website')}
<p><label for="logo">${esc(t(locale, 'signOn.field.logo'))}</label><br>
<input type="file" id="logo" name="logo" accept="image/png,image/jpeg"${logoError ? ' aria-invalid="true" aria-describedby="logo-error"' : ''}></p>
${logoError ? `<p class="field-error" id="logo-error">${esc(logoError)}</p>` : ''}
<div class="hp" aria-hidden="true"><label for="fax">${esc(t(locale, 'signOn.field.honeypot'))}</label>
<input type="text" id="fax" name="fax" tabindex="-1" autocomplete="off" value=""></div>
<p><button type="submit" class="cta">${esc(t(locale, 'signOn.submit'))}</button></p>
</form>`;
}

/** The letter and its signing form (GET /sign-on/:token, and again with errors after a refused POST). */
export function signPage(
  locale: Locale,
  letter: { title: string; body: string },
  action: string,
  f: SignForm,
): string {
  const main = `<h1>${esc(letter.title)}</h1>
<div class="letter-text">${paragraphs(letter.body)}</div>
${signFormSection(locale, action, f)}`;
  return signOnPage(locale, letter.title, action, main);
}

/** A page that only says something. */
export function signOnMessage(locale: Locale, title: string, body: string, path: string): string {
  return signOnPage(locale, title, path, `<h1>${esc(title)}</h1>\n<p>${esc(body)}</p>`);
}

/** The public signatory list: the letter, approved signatories only, links to the print view and export. */
export function signatoryListPage(
  locale: Locale,
  letter: { id: string; title: string; body: string; status: string; signatories: PublicSignatory[] },
): string {
  const base = `/letters/${encodeURIComponent(letter.id)}`;
  const ordered = letterExport(letter, letter.signatories).signatories;
  const items = ordered
    .map((s) => {
      const logo = s.hasLogo
        ? `<img src="${esc(`${base}/logos/${encodeURIComponent(s.id)}`)}" alt="${escapeHtml(
            t(locale, 'signOn.logoAlt', { name: s.organizationName }),
          )}">`
        : '';
      const name = s.website
        ? `<a href="${esc(s.website)}" rel="nofollow noopener">${esc(s.organizationName)}</a>`
        : esc(s.organizationName);
      return `<li>${logo}<span>${name}</span></li>`;
    })
    .join('\n');
  const main = `<h1>${esc(letter.title)}</h1>
${letter.status === 'closed' ? `<p><strong>${esc(t(locale, 'signOn.list.closed'))}</strong></p>` : ''}
<div class="letter-text">${paragraphs(letter.body)}</div>
<h2>${esc(t(locale, 'signOn.list.signatories', { count: ordered.length }))}</h2>
${ordered.length > 0 ? `<ol class="signatories">\n${items}\n</ol>` : `<p>${esc(t(locale, 'signOn.list.none'))}</p>`}
<p><a href="${base}/print?lang=${locale}">${esc(t(locale, 'signOn.list.print'))}</a> ·
<a href="${base}/export.html?lang=${locale}" download>${esc(t(locale, 'signOn.list.export'))}</a></p>`;
  return signOnPage(locale, letter.title, base, main);
}

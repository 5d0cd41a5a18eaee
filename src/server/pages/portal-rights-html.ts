/**
 * The "know your rights / get help" page of a jurisdiction and the "report an error" form, rendered on the
 * server. The rights page opens with the quick-exit link: a plain link to a neutral site (works without
 * JavaScript) that /assets/quick-exit.js upgrades to `location.replace` on click or Escape, so Back does not
 * return to the page. Nothing is fetched from the neutral site on load, and no referrer is sent to it.
 * Protections are our plain-language sentences, each followed by the law quoted from the published answer
 * with its citation linked to the provision.
 */
import type { CodedAnswer, CodedCitation } from '../../core/coding/types.ts';
import type { Indicator, Locale } from '../../core/framework/types.ts';
import type { HelpResource } from '../../core/help-resources/help-resources.ts';
import type { MessageKey } from '../../core/i18n/messages.ts';
import { t } from '../../core/i18n/messages.ts';
import { localized } from '../../core/jurisdictions/types.ts';
import type { RightsView } from '../../services/portal-rights.ts';
import { esc } from './html.ts';
import { portalPage, reportCardPath } from './portal-html.ts';
import { provisionHref } from './portal-report.ts';
import { reportErrorPath, rightsPath } from './portal-rights-links.ts';

/** The neutral site quick exit goes to unless configured otherwise. */
export const defaultQuickExitUrl = 'https://www.google.com/';

/** Styles of the rights pages (served as /assets/rights.css). */
export const rightsCss = `
.quick-exit{position:sticky;top:0;z-index:20;display:flex;justify-content:flex-end;align-items:center;gap:12px;padding:8px 24px;background:#fff4e5;border-bottom:2px solid #8a4b00}
.quick-exit a{background:#8a1c1c;color:#fff;font-weight:700;padding:10px 18px;border-radius:4px;text-decoration:none}
.quick-exit p{margin:0;color:#4a4a4a;font-size:.9rem}
ul.protections,ul.resources{list-style:none;padding:0}
ul.protections>li,ul.resources>li{border-top:1px solid var(--line);padding:10px 0}
.plain{font-size:1.1rem;margin:0 0 4px}
dl.resource{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:4px 0}
dl.resource dt{font-weight:600}dl.resource dd{margin:0}
form.report label{display:block;font-weight:600;margin-top:12px}
form.report textarea,form.report input[type=email]{width:100%;max-width:40rem;font:inherit;padding:6px}
form.report button{margin-top:12px;font:inherit;padding:8px 16px}
.hint{color:var(--muted);font-size:.9rem;margin:2px 0}
.errors{border-left:4px solid #b00020;padding-left:8px}
.answer-meta{font-size:.85rem;color:var(--muted);margin:4px 0 0}
`;

/** The quick-exit script (served as /assets/quick-exit.js; the CSP allows only our own scripts). */
export const quickExitJs = `(function () {
  'use strict';
  function leave(event) {
    var link = document.getElementById('quick-exit');
    if (!link) return;
    if (event) event.preventDefault();
    document.body.hidden = true;
    try { document.title = ''; } catch (e) {}
    // replace() swaps this page's history entry for the neutral site, so Back does not come back here.
    window.location.replace(link.href);
  }
  document.addEventListener('click', function (event) {
    var target = event.target;
    if (target && target.closest && target.closest('#quick-exit')) leave(event);
  });
  document.addEventListener('keydown', function (event) {
    if (event.key === 'Escape') leave(event);
  });
})();
`;

/** Puts the quick-exit bar first in the body and its script and styles in the head of a portal page. */
export function withQuickExit(locale: Locale, html: string, quickExitUrl: string): string {
  const bar = `<div class="quick-exit"><p id="quick-exit-hint">${esc(t(locale, 'rights.quickExitHint'))}</p><a id="quick-exit" href="${esc(quickExitUrl)}" rel="noreferrer noopener" aria-describedby="quick-exit-hint">${esc(t(locale, 'rights.quickExit'))}</a></div>`;
  return html
    .replace(
      '</head>',
      '<meta name="referrer" content="no-referrer">\n<link rel="stylesheet" href="/assets/rights.css">\n<script src="/assets/quick-exit.js" defer></script>\n</head>',
    )
    .replace('<body>\n', `<body>\n${bar}\n`);
}

/** Adds the rights stylesheet to a page. */
export function withRightsCss(html: string): string {
  return html.replace('</head>', '<link rel="stylesheet" href="/assets/rights.css">\n</head>');
}

function citationLine(c: CodedCitation, asOf: string): string {
  const href = provisionHref(c, asOf);
  const lang = c.language ? ` lang="${esc(c.language)}"` : '';
  const label = href
    ? `<a href="${esc(href)}"${lang}>${esc(c.citation)}</a>`
    : `<span${lang}>${esc(c.citation)}</span>`;
  return `<div class="cite">${label}${c.quote ? `<blockquote${lang}>${esc(c.quote)}</blockquote>` : ''}</div>`;
}

function languageName(locale: Locale, code: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

function resourceItem(locale: Locale, r: HelpResource): string {
  const row = (label: string, value: string) => `<dt>${esc(label)}</dt><dd>${value}</dd>`;
  const rows = [
    r.phone ? row(t(locale, 'rights.phone'), `<a href="tel:${esc(r.phone)}">${esc(r.phone)}</a>`) : '',
    r.url
      ? row(
          t(locale, 'rights.website'),
          `<a href="${esc(r.url)}" rel="noreferrer noopener">${esc(r.url)}</a>`,
        )
      : '',
    r.languages.length > 0
      ? row(
          t(locale, 'rights.languages'),
          r.languages.map((l) => `<span lang="${esc(l)}">${esc(languageName(locale, l))}</span>`).join(', '),
        )
      : '',
    r.hours ? row(t(locale, 'rights.hours'), esc(r.hours)) : '',
  ].join('');
  return `<li><h3>${esc(r.name)}</h3><p>${esc(t(locale, `rights.kind.${r.kind}` as MessageKey))}</p>
${r.description ? `<p>${esc(r.description)}</p>` : ''}<dl class="resource">${rows}</dl>
<p class="hint">${esc(t(locale, 'rights.verified', { date: r.lastVerified }))}</p></li>`;
}

function languageFilter(locale: Locale, view: RightsView, languages: string[]): string {
  const options = [`<option value="">${esc(t(locale, 'rights.filter.any'))}</option>`]
    .concat(
      languages.map(
        (l) =>
          `<option value="${esc(l)}"${view.languageFilter === l ? ' selected' : ''}>${esc(languageName(locale, l))}</option>`,
      ),
    )
    .join('');
  return `<form method="get" action="${esc(rightsPath(view.jurisdiction.id))}"><input type="hidden" name="lang" value="${locale}">
<label for="lang_filter">${esc(t(locale, 'rights.filter.label'))}</label> <select id="lang_filter" name="lang_filter">${options}</select>
<button type="submit">${esc(t(locale, 'rights.filter.submit'))}</button></form>`;
}

/** The rights page (without the quick-exit bar, which `withQuickExit` adds). */
export function rightsPage(locale: Locale, view: RightsView): string {
  const allLanguages = view.languagesOffered;
  const name = localized(view.jurisdiction.name, locale);
  const title = t(locale, 'rights.title', { name });
  const protections = view.protections
    .map((p) => {
      const sentence = t(locale, `rights.protection.${p.indicatorId}` as MessageKey);
      const plain = p.level === 'full' ? sentence : t(locale, 'rights.partly', { text: sentence });
      return `<li id="protection-${esc(p.indicatorId)}"><p class="plain">${esc(plain)}</p>
<p class="hint">${esc(t(locale, 'rights.source'))}</p>${p.citations.map((c) => citationLine(c, view.asOf)).join('')}
<p class="answer-meta">${esc(p.indicatorId)} · ${esc(t(locale, 'rights.verified', { date: p.verifiedOn }))} · <a href="${esc(reportErrorPath(view.jurisdiction.id, p.answerId))}&amp;lang=${locale}">${esc(t(locale, 'rights.reportError'))}</a></p></li>`;
    })
    .join('\n');
  const resources = view.resources.map((r) => resourceItem(locale, r)).join('\n');
  const noResources = view.languageFilter ? 'rights.noResourcesLang' : 'rights.noResources';
  const main = `<h1>${esc(title)}</h1>
<p>${esc(t(locale, 'rights.intro', { name }))}</p>
<h2 id="help">${esc(t(locale, 'rights.help'))}</h2>
${allLanguages.length > 0 ? languageFilter(locale, view, allLanguages) : ''}
${resources ? `<ul class="resources">${resources}</ul>` : `<p>${esc(t(locale, noResources))}</p>`}
<h2 id="protections">${esc(t(locale, 'rights.protections'))}</h2>
<p class="hint">${esc(t(locale, 'rights.summaryNote'))}</p>
${protections ? `<ul class="protections">${protections}</ul>` : `<p>${esc(t(locale, 'rights.noProtections'))}</p>`}
<p><a href="${esc(reportCardPath(view.jurisdiction.id))}?lang=${locale}">${esc(t(locale, 'rights.reportCard', { name }))}</a></p>`;
  const query = view.languageFilter ? `lang_filter=${view.languageFilter}` : '';
  return portalPage(locale, title, rightsPath(view.jurisdiction.id), query, main, {
    framework: view.framework,
    asOf: view.asOf,
  });
}

/** What the report form shows and keeps. */
export interface ReportForm {
  jurisdictionId: string;
  jurisdictionName: string;
  answer: CodedAnswer;
  indicator: Indicator | undefined;
  message?: string;
  contact?: string;
  /** Messages keys of the problems to show. */
  problems?: MessageKey[];
}

/** The "report an error" form page. */
export function reportErrorPage(locale: Locale, form: ReportForm): string {
  const title = t(locale, 'rights.report.title');
  const question = form.indicator ? localized(form.indicator.question, locale) : '';
  const problems = form.problems ?? [];
  const errors =
    problems.length > 0
      ? `<div class="errors" role="alert"><p>${esc(t(locale, 'rights.report.errorsTitle'))}</p><ul>${problems.map((p) => `<li>${esc(t(locale, p))}</li>`).join('')}</ul></div>`
      : '';
  const invalid = (key: MessageKey) => (problems.includes(key) ? ' aria-invalid="true"' : '');
  const main = `<h1>${esc(title)}</h1>
<p>${esc(form.jurisdictionName)} · ${esc(t(locale, 'rights.report.about', { indicator: form.answer.indicatorId, question, value: form.answer.value, date: form.answer.updatedAt.slice(0, 10) }))}</p>
${errors}
<form class="report" method="post" action="${esc(reportErrorPath(form.jurisdictionId))}">
<input type="hidden" name="answer" value="${esc(form.answer.id)}"><input type="hidden" name="lang" value="${locale}">
<label for="message">${esc(t(locale, 'rights.report.message'))}</label>
<textarea id="message" name="message" rows="6" maxlength="2000" required${invalid('rights.report.error.message')}>${esc(form.message ?? '')}</textarea>
<label for="contact">${esc(t(locale, 'rights.report.contact'))}</label>
<input type="email" id="contact" name="contact" maxlength="254" autocomplete="email" aria-describedby="contact-hint" value="${esc(form.contact ?? '')}"${invalid('rights.report.error.contact')}>
<p class="hint" id="contact-hint">${esc(t(locale, 'rights.report.contactHint'))}</p>
<div hidden><label for="website">${esc(t(locale, 'rights.report.website'))}</label>
<input type="text" id="website" name="website" tabindex="-1" autocomplete="off" value=""></div>
<button type="submit">${esc(t(locale, 'rights.report.submit'))}</button>
</form>
<p><a href="${esc(reportCardPath(form.jurisdictionId))}?lang=${locale}#indicator-${esc(form.answer.indicatorId)}">${esc(t(locale, 'rights.report.back'))}</a></p>`;
  return withRightsCss(
    portalPage(
      locale,
      title,
      reportErrorPath(form.jurisdictionId),
      `answer=${encodeURIComponent(form.answer.id)}`,
      main,
      null,
    ),
  );
}

/** A short message page of the report flow (sent, not found, wrong origin). */
export function reportMessagePage(
  locale: Locale,
  jurisdictionId: string,
  titleKey: MessageKey,
  bodyKey: MessageKey,
): string {
  const title = t(locale, titleKey);
  const main = `<h1>${esc(title)}</h1><p>${esc(t(locale, bodyKey))}</p>
<p><a href="${esc(reportCardPath(jurisdictionId))}?lang=${locale}">${esc(t(locale, 'rights.report.back'))}</a></p>`;
  return portalPage(locale, title, reportErrorPath(jurisdictionId), '', main, null);
}

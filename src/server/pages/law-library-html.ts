/**
 * The public law library's search page (`/law`) and the pieces its document pages share: the page shell (the
 * portal's, plus `/assets/law-library.css`), version intervals and provision text. Search hits carry a
 * snippet with the matching words marked, the citation and a link to the provision's stable URL.
 */
import type { Locale } from '../../core/framework/types.ts';
import { type MessageKey, t } from '../../core/i18n/messages.ts';
import { localized } from '../../core/jurisdictions/types.ts';
import { provisionKey } from '../../core/laws/anchors.ts';
import { appliesOn } from '../../core/laws/intervals.ts';
import type { LawVersion } from '../../core/laws/types.ts';
import type { LawLibraryIndex } from '../../services/law-library.ts';
import type { SearchPage } from '../../services/law-search.ts';
import { esc } from './html.ts';
import { lawDocumentHref, provisionPageHref } from './law-links.ts';
import { portalPage } from './portal-html.ts';

/** A law library page: the portal page with the library's stylesheet. */
export function lawPage(locale: Locale, title: string, path: string, query: string, main: string): string {
  return portalPage(locale, title, path, query, main, null).replace(
    '</head>',
    '<link rel="stylesheet" href="/assets/law-library.css">\n</head>',
  );
}

/** "In force from A to B" (B exclusive, shown as given) or "In force from A". */
export function interval(
  locale: Locale,
  v: Pick<LawVersion, 'effectiveFrom' | 'effectiveTo'>,
  keys: [MessageKey, MessageKey] = ['lawlib.inForce', 'lawlib.inForceOpen'],
): string {
  return v.effectiveTo
    ? t(locale, keys[0], { from: v.effectiveFrom, to: v.effectiveTo })
    : t(locale, keys[1], { from: v.effectiveFrom });
}

/** A provision's text as paragraphs, one per line. */
export function textParagraphs(text: string): string {
  return text
    .split(/\n+/)
    .filter((line) => line.trim() !== '')
    .map((line) => `<p>${esc(line)}</p>`)
    .join('');
}

/** A box listing what is wrong with the input. */
export function problems(locale: Locale, messages: string[]): string {
  if (messages.length === 0) return '';
  return `<div class="problems" role="alert"><h2>${esc(t(locale, 'lawlib.error.title'))}</h2><ul>${messages
    .map((m) => `<li>${esc(m)}</li>`)
    .join('')}</ul></div>`;
}

/** The search as the page read it (strings as given, for redisplay). */
export interface SearchView {
  q: string;
  jurisdiction: string;
  document: string;
  on: string;
  page: number;
}

/** The canonical query string of a search (defaults left out), for links, the cache and the language switch. */
export function searchQuery(view: SearchView, page = view.page): string {
  const params = new URLSearchParams();
  if (view.q) params.set('q', view.q);
  if (view.jurisdiction) params.set('jurisdiction', view.jurisdiction);
  if (view.document) params.set('document', view.document);
  if (view.on) params.set('on', view.on);
  if (page > 1) params.set('page', String(page));
  return params.toString();
}

type Snippet = SearchPage['hits'][number]['snippet'];

function snippetHtml(s: Snippet): string {
  let out = '';
  let at = 0;
  for (const h of [...s.highlights].sort((a, b) => a.start - b.start)) {
    if (h.start < at) continue;
    out += `${esc(s.text.slice(at, h.start))}<mark>${esc(s.text.slice(h.start, h.end))}</mark>`;
    at = h.end;
  }
  return out + esc(s.text.slice(at));
}

function option(value: string, label: string, selected: string): string {
  return `<option value="${esc(value)}"${value === selected ? ' selected' : ''}>${esc(label)}</option>`;
}

function form(locale: Locale, index: LawLibraryIndex, view: SearchView): string {
  const names = new Map(index.jurisdictions.map((j) => [j.id, localized(j.name, locale)] as const));
  const byName = [...index.jurisdictions].sort((a, b) =>
    (names.get(a.id) ?? '').localeCompare(names.get(b.id) ?? '', locale),
  );
  const jurisdictions = byName.map((j) => option(j.id, names.get(j.id) ?? j.id, view.jurisdiction)).join('');
  const documents = byName
    .map((j) => {
      const docs = index.documents
        .filter((d) => d.document.jurisdictionId === j.id)
        .map((d) => option(d.document.id, `${d.document.title} (${d.document.citation})`, view.document))
        .join('');
      return `<optgroup label="${esc(names.get(j.id) ?? j.id)}">${docs}</optgroup>`;
    })
    .join('');
  return `<form class="lawlib" method="get" action="/law" role="search" aria-label="${esc(t(locale, 'lawlib.form'))}">
<p><label for="q">${esc(t(locale, 'lawlib.q'))}</label><input id="q" name="q" type="search" value="${esc(view.q)}"></p>
<p><label for="jurisdiction">${esc(t(locale, 'lawlib.jurisdiction'))}</label><select id="jurisdiction" name="jurisdiction">${option('', t(locale, 'lawlib.allJurisdictions'), view.jurisdiction)}${jurisdictions}</select></p>
<p><label for="document">${esc(t(locale, 'lawlib.document'))}</label><select id="document" name="document">${option('', t(locale, 'lawlib.allDocuments'), view.document)}${documents}</select></p>
<p><label for="on">${esc(t(locale, 'lawlib.on'))}</label><input id="on" name="on" inputmode="numeric" value="${esc(view.on)}" aria-describedby="on-hint"><span id="on-hint" class="hint">${esc(t(locale, 'lawlib.onHint'))}</span></p>
<input type="hidden" name="lang" value="${locale}">
<p><button type="submit">${esc(t(locale, 'lawlib.submit'))}</button></p>
</form>`;
}

function browse(locale: Locale, all: LawLibraryIndex, view: SearchView): string {
  const documents = all.documents.filter(
    (d) =>
      (!view.jurisdiction || d.document.jurisdictionId === view.jurisdiction) &&
      (!view.document || d.document.id === view.document),
  );
  const index = {
    documents,
    jurisdictions: all.jurisdictions.filter((j) => documents.some((d) => d.document.jurisdictionId === j.id)),
  };
  if (index.documents.length === 0) {
    const none = view.jurisdiction || view.document ? 'lawlib.noResults' : 'lawlib.browseNone';
    return `<p>${esc(t(locale, none))}</p>`;
  }
  const groups = [...index.jurisdictions]
    .map((j) => ({ j, name: localized(j.name, locale) }))
    .sort((a, b) => a.name.localeCompare(b.name, locale))
    .map(({ j, name }) => {
      const items = index.documents
        .filter((d) => d.document.jurisdictionId === j.id)
        .map(
          (d) =>
            `<li><a href="${esc(lawDocumentHref(d.document.id))}" lang="${esc(d.document.language)}">${esc(d.document.title)}</a> (${esc(d.document.citation)}) · ${esc(interval(locale, d.version))}</li>`,
        )
        .join('');
      return `<h3>${esc(name)}</h3><ul>${items}</ul>`;
    });
  return `<h2>${esc(t(locale, 'lawlib.browse'))}</h2>\n${groups.join('\n')}`;
}

function results(
  locale: Locale,
  index: LawLibraryIndex,
  view: SearchView,
  found: SearchPage,
  date: string,
): string {
  if (found.hits.length === 0) return `<h2 id="results">${esc(t(locale, 'lawlib.noResults'))}</h2>`;
  const names = new Map(index.jurisdictions.map((j) => [j.id, localized(j.name, locale)] as const));
  const items = found.hits.map((h) => {
    // A hit of a version not in force today links to that version, so the provision is there when followed.
    const on = view.on || (appliesOn(h.version, date) ? undefined : h.version.effectiveFrom);
    const href = provisionPageHref(h.document.id, provisionKey(h.citation), on);
    const heading = h.heading ? ` ${esc(h.heading)}` : '';
    return `<li><p><a href="${esc(href)}" lang="${esc(h.document.language)}">${esc(`${h.document.citation} ${h.citation}`)}</a>${heading}</p>
<p class="snippet" lang="${esc(h.document.language)}">${snippetHtml(h.snippet)}</p>
<p class="meta">${esc(h.document.title)} · ${esc(names.get(h.document.jurisdictionId) ?? h.document.jurisdictionId)} · ${esc(interval(locale, h.version))}</p></li>`;
  });
  const from = found.offset + 1;
  const links: string[] = [];
  if (view.page > 1) {
    links.push(
      `<a href="/law?${esc(searchQuery(view, view.page - 1))}" rel="prev">${esc(t(locale, 'lawlib.prev'))}</a>`,
    );
  }
  if (found.nextOffset !== null) {
    links.push(
      `<a href="/law?${esc(searchQuery(view, view.page + 1))}" rel="next">${esc(t(locale, 'lawlib.next'))}</a>`,
    );
  }
  const pager =
    links.length > 0
      ? `<nav aria-label="${esc(t(locale, 'lawlib.pages'))}"><p>${links.join(' · ')}</p></nav>`
      : '';
  return `<h2 id="results">${esc(t(locale, 'lawlib.results', { from, to: found.offset + found.hits.length }))}</h2>
<ol class="hits" start="${from}">${items.join('\n')}</ol>
${pager}`;
}

/** The search page: the form, then the hits (or, without words, the list of laws), or what is wrong (`errors`). */
export function lawSearchPage(
  locale: Locale,
  index: LawLibraryIndex,
  view: SearchView,
  outcome: { found: SearchPage | null; errors: string[]; date: string },
): string {
  const title = t(locale, 'lawlib.title');
  const body =
    outcome.errors.length > 0
      ? problems(locale, outcome.errors)
      : outcome.found
        ? results(locale, index, view, outcome.found, outcome.date)
        : browse(locale, index, view);
  const main = `<h1>${esc(title)}</h1>
<p>${esc(t(locale, 'lawlib.intro'))}</p>
${form(locale, index, view)}
${body}`;
  return lawPage(locale, title, '/law', searchQuery(view), main);
}

/** The library's styles (served as /assets/law-library.css): insertions and deletions are not told by colour alone. */
export const lawLibraryCss = `
form.lawlib p{margin:8px 0}form.lawlib label{display:block;font-weight:600}
form.lawlib input,form.lawlib select{font:inherit;padding:4px;max-width:100%}
.hint{display:block;color:var(--muted);font-size:.9rem}
.problems{border:2px solid #b3261e;padding:8px 12px;margin:12px 0}.problems h2{font-size:1.1rem;margin:0}
ol.hits li{margin-bottom:12px}ol.hits p{margin:2px 0}mark{background:#fff3b0;color:inherit}
.prov{margin:0 0 12px;scroll-margin-top:8px}.prov p{margin:2px 0}.prov .cite{font-weight:600}
.prov:target{outline:3px solid #f5a623;outline-offset:4px}
.d1{margin-left:1.5rem}.d2{margin-left:3rem}.d3{margin-left:4.5rem}.d4,.d5,.d6,.d7,.d8,.d9,.d10,.d11,.d12{margin-left:6rem}
ins{text-decoration:underline;background:#e3f4e6;color:inherit}del{text-decoration:line-through;background:#fbe4e4;color:inherit}
.sr{position:absolute;width:1px;height:1px;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
ol.changes>li{border-top:1px solid var(--line);padding:8px 0}ol.changes h3{font-size:1rem;margin:0 0 4px}
`;

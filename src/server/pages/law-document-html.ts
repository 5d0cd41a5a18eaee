/**
 * The public law library's document pages: a document as in force on a date (`/law/<id>[?on=]`) with every
 * provision at its stable anchor and the version history; one provision at its stable URL
 * (`/law/<id>/<key>[?on=]`); and the changes between two versions (`/law/<id>/changes?from=&to=`), where
 * insertions and deletions are `<ins>`/`<del>` with words said aloud ("Inserted:", "Deleted:") and underline
 * or strike-through, never colour alone.
 */
import type { Locale } from '../../core/framework/types.ts';
import { type MessageKey, t } from '../../core/i18n/messages.ts';
import { localized } from '../../core/jurisdictions/types.ts';
import { provisionKey } from '../../core/laws/anchors.ts';
import type { ProvisionChange, WordChange } from '../../core/laws/diff.ts';
import type { LawDocument, LawVersion } from '../../core/laws/types.ts';
import type { KeyedProvision, LawChanges, LawDocumentOn } from '../../services/law-library.ts';
import { esc } from './html.ts';
import { interval, lawPage, problems, textParagraphs } from './law-library-html.ts';
import { lawChangesHref, lawDocumentHref, provisionPageHref } from './law-links.ts';
import { reportCardPath } from './portal-html.ts';

function docPath(id: string): string {
  return `/law/${encodeURIComponent(id)}`;
}

function crumbs(locale: Locale, doc?: { document: LawDocument; on?: string }): string {
  const library = `<a href="/law">${esc(t(locale, 'lawlib.title'))}</a>`;
  const law = doc
    ? ` › <a href="${esc(lawDocumentHref(doc.document.id, doc.on))}" lang="${esc(doc.document.language)}">${esc(doc.document.title)}</a>`
    : '';
  return `<p class="crumbs">${library}${law}</p>`;
}

function docMeta(locale: Locale, view: Pick<LawDocumentOn, 'document' | 'jurisdiction'>): string {
  const d = view.document;
  const meta = t(locale, 'lawlib.doc.meta', {
    citation: d.citation,
    type: t(locale, `app.laws.docType.${d.type}` as MessageKey),
    language: d.language,
  });
  const name = localized(view.jurisdiction.name, locale);
  // Only web addresses are links: a stored source URL is imported text.
  const source =
    d.sourceUrl && /^https?:\/\//i.test(d.sourceUrl)
      ? ` · <a href="${esc(d.sourceUrl)}" rel="noreferrer">${esc(t(locale, 'lawlib.doc.source'))}</a>`
      : '';
  return `<p>${esc(meta)}</p>
<p><a href="${esc(reportCardPath(view.jurisdiction.id))}">${esc(t(locale, 'lawlib.doc.reportCard', { name }))}</a>${source}</p>`;
}

function dateForm(locale: Locale, id: string, on: string, invalid: boolean): string {
  return `<form class="lawlib" method="get" action="${esc(docPath(id))}" aria-label="${esc(t(locale, 'lawlib.doc.dateForm'))}">
<p><label for="on">${esc(t(locale, 'lawlib.doc.date'))}</label><input id="on" name="on" inputmode="numeric" value="${esc(on)}"${invalid ? ' aria-invalid="true"' : ''}> <button type="submit">${esc(t(locale, 'lawlib.doc.show'))}</button></p>
</form>`;
}

/** One provision at its anchor, with its citation linking to its own stable URL. */
function provisionHtml(locale: Locale, documentId: string, p: KeyedProvision, on?: string): string {
  const heading = p.heading ? ` ${esc(p.heading)}` : '';
  const label = esc(t(locale, 'lawlib.doc.provisionLink', { citation: p.citation }));
  return `<div class="prov d${Math.min(p.depth, 12)}" id="${esc(p.key)}"><p class="cite"><a href="${esc(provisionPageHref(documentId, p.key, on))}" title="${label}">${esc(p.citation)}</a>${heading}</p>${textParagraphs(p.text)}</div>`;
}

function versionList(locale: Locale, view: LawDocumentOn): string {
  const items = view.versions.map((v, i) => {
    const prev = i > 0 ? view.versions[i - 1] : undefined;
    const shown = v.id === view.version?.id ? ` ${esc(t(locale, 'lawlib.doc.versionShown'))}` : '';
    const changes = prev
      ? ` · <a href="${esc(lawChangesHref(view.document.id, prev.effectiveFrom, v.effectiveFrom))}">${esc(t(locale, 'lawlib.doc.changesFromPrevious'))}</a>`
      : '';
    const label = interval(locale, v, ['lawlib.doc.version', 'lawlib.doc.versionOpen']);
    return `<li><a href="${esc(lawDocumentHref(view.document.id, v.effectiveFrom))}">${esc(label)}</a>${shown} · ${esc(t(locale, 'lawlib.doc.count', { count: v.provisionCount }))}${changes}</li>`;
  });
  return `<h2 id="versions">${esc(t(locale, 'lawlib.doc.versions'))}</h2>\n<ol class="versions">${items.join('')}</ol>`;
}

/** The query a document page is reached by: `on=` unless it is today. */
function onQuery(on: string, today: string): string {
  return on === today ? '' : `on=${on}`;
}

/** A document as in force on `view.on`, every provision at its anchor, and the version history. */
export function lawDocumentPage(locale: Locale, view: LawDocumentOn, today: string): string {
  const d = view.document;
  const on = view.on === today ? undefined : view.on;
  const shown = view.version
    ? `<p>${esc(t(locale, 'lawlib.doc.shown', { date: view.on, from: view.version.effectiveFrom }))}</p>`
    : `<p>${esc(t(locale, 'lawlib.doc.notInForce', { date: view.on }))}</p>`;
  const provisions = view.provisions.map((p) => provisionHtml(locale, d.id, p, on)).join('\n');
  const main = `${crumbs(locale)}
<h1 lang="${esc(d.language)}">${esc(d.title)}</h1>
${docMeta(locale, view)}
${shown}
${dateForm(locale, d.id, view.on, false)}
${view.version ? `<h2 id="provisions">${esc(t(locale, 'lawlib.doc.provisions'))}</h2>\n<div class="provisions" lang="${esc(d.language)}">\n${provisions}\n</div>` : ''}
${versionList(locale, view)}`;
  return lawPage(locale, d.title, docPath(d.id), onQuery(view.on, today), main);
}

/** One provision (and the provisions under it) at its stable URL; null when the version has no such key. */
export function provisionPage(
  locale: Locale,
  view: LawDocumentOn,
  key: string,
  today: string,
): string | null {
  const at = view.provisions.findIndex((p) => p.key === key);
  const p = view.provisions[at];
  if (!p) return null;
  const d = view.document;
  const on = view.on === today ? undefined : view.on;
  const under: KeyedProvision[] = [p];
  for (const q of view.provisions.slice(at + 1)) {
    if (q.depth <= p.depth) break;
    under.push(q);
  }
  const title = `${d.citation} ${p.citation}`;
  const main = `${crumbs(locale, { document: d, ...(on ? { on } : {}) })}
<h1 lang="${esc(d.language)}">${esc(title)}</h1>
${docMeta(locale, view)}
<p>${esc(t(locale, 'lawlib.doc.shown', { date: view.on, from: view.version?.effectiveFrom ?? '' }))}</p>
<div class="provisions" lang="${esc(d.language)}">
${under.map((x) => provisionHtml(locale, d.id, x, on)).join('\n')}
</div>
<p><a href="${esc(lawDocumentHref(d.id, on, p.key))}">${esc(t(locale, 'lawlib.prov.inDocument'))}</a></p>`;
  return lawPage(locale, title, `${docPath(d.id)}/${encodeURIComponent(key)}`, onQuery(view.on, today), main);
}

function words(locale: Locale, list: WordChange[]): string {
  return list
    .map((w) => {
      if (w.op === 'equal') return esc(w.text);
      const [tag, start, end]: [string, MessageKey, MessageKey] =
        w.op === 'insert'
          ? ['ins', 'lawlib.changes.inserted', 'lawlib.changes.endInserted']
          : ['del', 'lawlib.changes.deleted', 'lawlib.changes.endDeleted'];
      return `<${tag}><span class="sr">${esc(t(locale, start))} </span>${esc(w.text)}<span class="sr"> ${esc(t(locale, end))}</span></${tag}>`;
    })
    .join('');
}

function whole(locale: Locale, op: 'insert' | 'delete', text: string): string {
  return `<p>${words(locale, [{ op, text }])}</p>`;
}

function changeHtml(locale: Locale, view: LawChanges, c: ProvisionChange): string {
  const label: Record<ProvisionChange['change'], MessageKey> = {
    added: 'lawlib.changes.added',
    removed: 'lawlib.changes.removed',
    changed: 'lawlib.changes.changed',
  };
  const version: LawVersion = c.change === 'removed' ? view.from : view.to;
  const href = provisionPageHref(view.document.id, provisionKey(c.citation), version.effectiveFrom);
  const lang = esc(view.document.language);
  let body = '';
  if (c.change === 'added') body = whole(locale, 'insert', c.after.text);
  else if (c.change === 'removed') body = whole(locale, 'delete', c.before.text);
  else {
    const heading =
      c.before.heading !== c.after.heading
        ? `<p>${esc(t(locale, 'lawlib.changes.heading', { before: c.before.heading ?? '—', after: c.after.heading ?? '—' }))}</p>`
        : '';
    body = `${heading}<p>${words(locale, c.words)}</p>`;
  }
  return `<li class="change-${c.change}"><h3>${esc(t(locale, label[c.change]))}: <a href="${esc(href)}" lang="${lang}">${esc(c.citation)}</a></h3><div lang="${lang}">${body}</div></li>`;
}

/** What the changes page was asked for (strings as given, for redisplay). */
export interface ChangesView {
  from: string;
  to: string;
}

function changesForm(locale: Locale, id: string, view: ChangesView): string {
  return `<form class="lawlib" method="get" action="${esc(`${docPath(id)}/changes`)}" aria-label="${esc(t(locale, 'lawlib.changes.form'))}">
<p><label for="from">${esc(t(locale, 'lawlib.changes.from'))}</label><input id="from" name="from" inputmode="numeric" value="${esc(view.from)}"></p>
<p><label for="to">${esc(t(locale, 'lawlib.changes.to'))}</label><input id="to" name="to" inputmode="numeric" value="${esc(view.to)}"></p>
<p><button type="submit">${esc(t(locale, 'lawlib.changes.compare'))}</button></p>
</form>`;
}

/** The changes between two versions, or (with `errors`) what is wrong with the dates asked for. */
export function lawChangesPage(
  locale: Locale,
  document: LawDocument,
  view: ChangesView,
  outcome: { changes: LawChanges | null; errors: string[] },
): string {
  const title = t(locale, 'lawlib.changes.title', { document: document.title });
  const c = outcome.changes;
  const body = c
    ? `<p>${esc(t(locale, 'lawlib.changes.between', { from: c.from.effectiveFrom, to: c.to.effectiveFrom }))}</p>
<p>${esc(t(locale, 'lawlib.changes.counts', c.counts))}</p>
${
  c.changes.length === 0
    ? `<p>${esc(t(locale, 'lawlib.changes.none'))}</p>`
    : `<p class="hint">${esc(t(locale, 'lawlib.changes.key'))}</p>
<h2>${esc(t(locale, 'lawlib.changes.list'))}</h2>
<ol class="changes">${c.changes.map((x) => changeHtml(locale, c, x)).join('\n')}</ol>`
}`
    : problems(locale, outcome.errors);
  const main = `${crumbs(locale, { document })}
<h1>${esc(title)}</h1>
${changesForm(locale, document.id, view)}
${body}
<p><a href="${esc(lawDocumentHref(document.id))}">${esc(t(locale, 'lawlib.changes.back'))}</a></p>`;
  const query = new URLSearchParams({ from: view.from, to: view.to }).toString();
  return lawPage(locale, title, `${docPath(document.id)}/changes`, query, main);
}

/** The page for an unknown law or provision (404). */
export function lawNotFoundPage(locale: Locale, path: string, body?: string): string {
  const title = t(locale, body ? 'lawlib.prov.notFound' : 'lawlib.doc.notFound');
  const text = body ?? t(locale, 'lawlib.doc.notFoundBody');
  return lawPage(
    locale,
    title,
    path,
    '',
    `<h1>${esc(title)}</h1>\n<p>${esc(text)} <a href="/law">${esc(t(locale, 'lawlib.title'))}</a></p>`,
  );
}

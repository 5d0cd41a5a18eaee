/**
 * The portal's comparison page (`/compare?j=<OCD id>&j=…`): a form of plain selects (no JavaScript) to choose
 * 2 to 4 jurisdictions, then their published overall score and grade, area bars, score over time (a server
 * Plot chart with its table), every indicator's answer side by side with citations, and the published
 * practice figures where there are any. Bad choices answer 400 with the form and the reason.
 */
import type { Locale } from '../../core/framework/types.ts';
import { type MessageKey, t } from '../../core/i18n/messages.ts';
import { localized } from '../../core/jurisdictions/types.ts';
import type { AnswerCitation } from '../../core/scoring/types.ts';
import type { CompareCell } from '../../services/compare.ts';
import type { PortalComparison } from '../../services/portal-compare.ts';
import { esc } from './html.ts';
import { fmt, type PortalMeta, portalPage, reportCardPath } from './portal-html.ts';
import { historySection } from './portal-live-html.ts';
import { seriesLabel, sourceCell, valueCell } from './portal-practice.ts';
import { provisionHref } from './portal-report.ts';

/** A choice in the form. */
export interface CompareOption {
  id: string;
  name: string;
}

/** The query string of a comparison (used for the cache key and the language links). */
export function compareQuery(ids: readonly string[]): string {
  return ids.map((id) => `j=${encodeURIComponent(id)}`).join('&');
}

function form(locale: Locale, options: readonly CompareOption[], chosen: readonly string[]): string {
  const selects = [0, 1, 2, 3]
    .map((i) => {
      const current = chosen[i] ?? '';
      const opts = options
        .map(
          (o) => `<option value="${esc(o.id)}"${o.id === current ? ' selected' : ''}>${esc(o.name)}</option>`,
        )
        .join('');
      const none = `<option value=""${current === '' ? ' selected' : ''}>${esc(t(locale, 'portal.compare.none'))}</option>`;
      return `<p><label for="j${i}">${esc(t(locale, 'portal.compare.choose', { n: i + 1 }))}</label>
<select id="j${i}" name="j">${none}${opts}</select></p>`;
    })
    .join('\n');
  return `<form method="get" action="/compare" class="compare-form">
<input type="hidden" name="lang" value="${locale}">
${selects}
<p><button type="submit">${esc(t(locale, 'portal.compare.submit'))}</button></p>
</form>`;
}

function bar(score: number | null): string {
  const width = score === null ? 0 : Math.round(score * 1000) / 10;
  return `<svg class="bar" viewBox="0 0 100 10" aria-hidden="true" focusable="false"><rect class="track" width="100" height="10"/><rect class="fill" width="${width}" height="10"/></svg>`;
}

function citationHtml(c: AnswerCitation, asOf: string): string {
  const href = provisionHref(c, asOf);
  const lang = c.language ? ` lang="${esc(c.language)}"` : '';
  return href
    ? `<a href="${esc(href)}"${lang}>${esc(c.citation)}</a>`
    : `<span${lang}>${esc(c.citation)}</span>`;
}

function cellHtml(locale: Locale, cell: CompareCell, asOf: string): string {
  const value =
    cell.status === 'not_coded'
      ? t(locale, 'portal.report.notCoded')
      : cell.status === 'na'
        ? t(locale, 'portal.report.na')
        : (cell.value ?? '—');
  const cites = cell.citations.map((c) => `<br>${citationHtml(c, asOf)}`).join('');
  return `<td>${esc(value)}${cites}</td>`;
}

function results(locale: Locale, view: PortalComparison): string {
  const { comparison: c, framework } = view;
  const names = view.jurisdictions.map((j) => localized(j.name, locale));
  const head = (key: MessageKey) =>
    `<thead><tr><th scope="col">${esc(t(locale, key))}</th>${view.jurisdictions
      .map(
        (j, i) =>
          `<th scope="col"><a href="${esc(reportCardPath(j.id))}?lang=${locale}">${esc(names[i])}</a></th>`,
      )
      .join('')}</tr></thead>`;
  const overall = `<tr><th scope="row">${esc(t(locale, 'portal.col.score'))}</th>${c.jurisdictions.map((s) => `<td class="num">${fmt(s.total)}</td>`).join('')}</tr>
<tr><th scope="row">${esc(t(locale, 'portal.col.grade'))}</th>${c.jurisdictions.map((s) => `<td>${esc(s.grade ? `${s.grade}${s.capped ? ` (${t(locale, 'portal.capped')})` : ''}` : '—')}</td>`).join('')}</tr>`;
  const areaNames = new Map(framework.areas.map((a) => [a.id, localized(a.name, locale)] as const));
  const areas = c.areas
    .map(
      (a) =>
        `<tr><th scope="row">${esc(areaNames.get(a.id) ?? a.id)}</th>${a.scores
          .map(
            (s) =>
              `<td>${bar(s)} ${esc(s === null ? t(locale, 'portal.report.areaNone') : fmt(Math.round(s * 1000) / 10))}</td>`,
          )
          .join('')}</tr>`,
    )
    .join('');
  const questions = new Map(framework.indicators.map((i) => [i.id, i.question] as const));
  const indicators = c.indicators
    .map((ind) => {
      const q = questions.get(ind.id);
      return `<tr><th scope="row">${esc(ind.id)} <span class="meta">${esc(q ? localized(q, locale) : '')}</span></th>${ind.cells.map((cell) => cellHtml(locale, cell, c.asOf)).join('')}</tr>`;
    })
    .join('\n');
  const practice = view.practice
    .map((p, i) => {
      const rows = p.indicators.flatMap((ind) =>
        ind.series.flatMap((s) =>
          s.points.map(
            (pt) =>
              `<tr><th scope="row">${esc(ind.indicatorId)}</th><td>${pt.year}</td><td>${esc(seriesLabel(locale, s))}</td><td class="num">${valueCell(locale, pt)}</td><td>${sourceCell(locale, pt)}</td></tr>`,
          ),
        ),
      );
      if (rows.length === 0) return '';
      return `<h3>${esc(names[i])}</h3><div class="scroll"><table><thead><tr><th scope="col">${esc(t(locale, 'portal.col.indicator'))}</th><th scope="col">${esc(t(locale, 'practice.year'))}</th><th scope="col">${esc(t(locale, 'practice.measure'))}</th><th scope="col" class="num">${esc(t(locale, 'practice.value'))}</th><th scope="col">${esc(t(locale, 'practice.source'))}</th></tr></thead><tbody>${rows.join('')}</tbody></table></div>`;
    })
    .join('\n');
  return `<h2 id="overall">${esc(t(locale, 'portal.compare.overall'))}</h2>
<div class="scroll"><table aria-labelledby="overall">${head('portal.col.jurisdiction')}<tbody>${overall}</tbody></table></div>
<h2 id="areas">${esc(t(locale, 'portal.report.areas'))}</h2>
<div class="scroll"><table aria-labelledby="areas">${head('portal.report.areas')}<tbody>${areas}</tbody></table></div>
${historySection(
  locale,
  view.histories.map((history, i) => ({ label: names[i] ?? history.jurisdictionId, history })),
)}
<h2 id="answers">${esc(t(locale, 'portal.compare.answers'))}</h2>
<div class="scroll"><table aria-labelledby="answers">${head('portal.col.indicator')}<tbody>${indicators}</tbody></table></div>
<h2 id="practice">${esc(t(locale, 'portal.compare.practice'))}</h2>
<p class="notice">${esc(t(locale, 'practice.intro'))}</p>
${practice || `<p>${esc(t(locale, 'portal.compare.noPractice'))}</p>`}`;
}

/** The comparison page: the form, then the comparison (when given) or the reason it cannot be made (`problem`). */
export function portalComparePage(
  locale: Locale,
  args: {
    options: readonly CompareOption[];
    chosen: readonly string[];
    view: PortalComparison | null;
    problem: string | null;
    meta: PortalMeta;
  },
): string {
  const title = t(locale, 'portal.compare.title');
  const problem = args.problem
    ? `<div role="alert"><h2>${esc(t(locale, 'portal.compare.bad'))}</h2><p>${esc(args.problem)}</p></div>`
    : '';
  const main = `<h1>${esc(title)}</h1>
<p>${esc(t(locale, 'portal.compare.intro'))}</p>
${problem}
${form(locale, args.options, args.chosen)}
${args.view ? results(locale, args.view) : ''}`;
  return portalPage(locale, title, '/compare', compareQuery(args.chosen), main, args.meta);
}

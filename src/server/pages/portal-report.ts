/**
 * A jurisdiction's public report card (`/jurisdictions/<OCD id>`): the published score, grade and tier, area
 * bars (SVG with the value in text), every indicator with its answer, citation and verbatim quote, and the
 * gap list with the standards and laws elsewhere that meet each gap. Citations link to the library's law page
 * at the provision's anchor. Only what `services/portal.ts` returns is shown: published records only.
 */
import type { Locale } from '../../core/framework/types.ts';
import { t } from '../../core/i18n/messages.ts';
import { localized } from '../../core/jurisdictions/types.ts';
import type { AnswerCitation, IndicatorScore } from '../../core/scoring/types.ts';
import type { PortalReportCard } from '../../services/portal.ts';
import { esc } from './html.ts';
import { fmt, portalPage, reportCardPath } from './portal-html.ts';
import { practiceSection } from './portal-practice.ts';
import { answerMetaLine, rightsLink } from './portal-rights-links.ts';

/** The element id of a provision on the library's law page (as web/lib/law-text.ts names it). */
export function provisionAnchor(provisionId: string): string {
  return `provision-${provisionId.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

/**
 * The library page of a cited provision, showing the version in force on `asOf` (the one the answer valid that
 * day cites), at the provision's anchor; null when the citation is not in the library.
 */
export function provisionHref(
  c: Pick<AnswerCitation, 'documentId' | 'provisionId'>,
  asOf: string,
): string | null {
  if (!c.documentId) return null;
  const anchor = c.provisionId ? `#${provisionAnchor(c.provisionId)}` : '';
  return `/app/laws/${encodeURIComponent(c.documentId)}?asOf=${asOf}${anchor}`;
}

function citation(c: AnswerCitation, asOf: string): string {
  const href = provisionHref(c, asOf);
  const lang = c.language ? ` lang="${esc(c.language)}"` : '';
  const label = href
    ? `<a href="${esc(href)}"${lang}>${esc(c.citation)}</a>`
    : `<span${lang}>${esc(c.citation)}</span>`;
  const quote = c.quote ? `<blockquote${lang}>${esc(c.quote)}</blockquote>` : '';
  return `<div class="cite">${label}${quote}</div>`;
}

function bar(score: number | null): string {
  const width = score === null ? 0 : Math.round(score * 1000) / 10;
  return `<svg class="bar" viewBox="0 0 100 10" aria-hidden="true" focusable="false"><rect class="track" width="100" height="10"/><rect class="fill" width="${width}" height="10"/></svg>`;
}

function headline(locale: Locale, card: PortalReportCard): string {
  const r = card.score.result;
  if (card.score.status === 'not_coded' || r.totalRounded === null) {
    return `<p>${esc(t(locale, 'portal.report.notScored'))}</p>`;
  }
  const capped = r.capReasons.length > 0 ? ` (${t(locale, 'portal.capped')})` : '';
  return `<div class="headline">
<p><span class="big">${esc(t(locale, 'portal.report.outOf', { total: fmt(r.totalRounded) }))}</span></p>
<p><span class="big">${esc(t(locale, 'portal.report.grade', { grade: r.cappedGrade ?? '—' }))}</span>${esc(capped)}</p>
<p>${esc(t(locale, 'portal.report.tier', { tier: r.tier ?? '—' }))}</p>
</div>
<p>${esc(t(locale, 'portal.report.coverage', { scored: r.coverage.scored, applicable: r.coverage.applicable }))}</p>`;
}

function areas(locale: Locale, card: PortalReportCard): string {
  const names = new Map(card.framework.areas.map((a) => [a.id, localized(a.name, locale)] as const));
  const rows = card.score.result.areas
    .map((a) => {
      const text =
        a.score === null
          ? t(locale, 'portal.report.areaNone')
          : t(locale, 'portal.report.areaScore', { score: fmt(Math.round(a.score * 1000) / 10) });
      return `<tr><th scope="row">${esc(names.get(a.id) ?? a.id)}</th><td>${bar(a.score)} ${esc(text)}</td></tr>`;
    })
    .join('');
  return `<h2 id="areas">${esc(t(locale, 'portal.report.areas'))}</h2>
<table aria-labelledby="areas"><tbody>${rows}</tbody></table>`;
}

function answerText(locale: Locale, line: IndicatorScore): string {
  if (line.status === 'not_coded') return t(locale, 'portal.report.notCoded');
  if (line.status === 'na') return t(locale, 'portal.report.na');
  return line.value ?? '—';
}

function indicators(locale: Locale, card: PortalReportCard): string {
  const byId = new Map(card.framework.indicators.map((i) => [i.id, i] as const));
  const sections = card.score.result.areas.map((a) => {
    const area = card.framework.areas.find((x) => x.id === a.id);
    const rows = a.indicators
      .map((line) => {
        const question = byId.get(line.id)?.question;
        const evidence =
          line.citations.length > 0
            ? line.citations.map((c) => citation(c, card.asOf)).join('')
            : line.status === 'scored'
              ? esc(t(locale, 'portal.report.noCitation'))
              : '';
        const meta = answerMetaLine(
          locale,
          card.jurisdiction.id,
          card.answers.find((x) => x.indicatorId === line.id),
        );
        return `<tr id="indicator-${esc(line.id)}"><th scope="row">${esc(line.id)}</th><td>${esc(question ? localized(question, locale) : '')}</td><td>${esc(answerText(locale, line))}</td><td>${evidence}${meta}</td></tr>`;
      })
      .join('\n');
    const heading = `area-${esc(a.id)}`;
    return `<h3 id="${heading}">${esc(area ? localized(area.name, locale) : a.id)}</h3>
<div class="scroll"><table aria-labelledby="${heading}"><thead><tr><th scope="col">${esc(t(locale, 'portal.col.indicator'))}</th><th scope="col">${esc(t(locale, 'portal.method.question'))}</th><th scope="col">${esc(t(locale, 'portal.report.answer'))}</th><th scope="col">${esc(t(locale, 'portal.report.evidence'))}</th></tr></thead>
<tbody>${rows}</tbody></table></div>`;
  });
  return `<h2>${esc(t(locale, 'portal.report.indicators'))}</h2>\n${sections.join('\n')}`;
}

function gaps(locale: Locale, card: PortalReportCard): string {
  const byId = new Map(card.framework.indicators.map((i) => [i.id, i] as const));
  const items = card.gaps.gaps.map((g) => {
    const question = byId.get(g.indicatorId)?.question;
    const standards = g.standards
      .map((s) => `<li>${esc(s.instrumentName)}: ${esc(s.citation)}</li>`)
      .join('');
    const exemplars = g.exemplars
      .map(
        (e) =>
          `<li><a href="${esc(reportCardPath(e.jurisdictionId))}?lang=${locale}">${esc(e.jurisdictionName)}</a>${e.citations.map((c) => citation(c, card.asOf)).join('')}</li>`,
      )
      .join('');
    return `<li class="gap"><p><strong>${esc(g.indicatorId)}</strong> ${esc(question ? localized(question, locale) : g.question)}</p>
<p>${esc(t(locale, 'portal.report.gapValue', { value: g.value, full: g.fullMarks.join(', ') }))} ${esc(t(locale, 'portal.report.gapPoints', { points: fmt(Math.round(g.pointsAvailable * 10) / 10) }))}</p>
${standards ? `<p>${esc(t(locale, 'portal.report.standards'))}</p><ul>${standards}</ul>` : ''}
${exemplars ? `<p>${esc(t(locale, 'portal.report.exemplars'))}</p><ul>${exemplars}</ul>` : ''}</li>`;
  });
  return `<h2>${esc(t(locale, 'portal.report.gaps'))}</h2>
${items.length > 0 ? `<ol>${items.join('\n')}</ol>` : `<p>${esc(t(locale, 'portal.report.noGaps'))}</p>`}`;
}

/** The report card page. */
export function portalReportPage(locale: Locale, card: PortalReportCard): string {
  const name = localized(card.jurisdiction.name, locale);
  const title = t(locale, 'portal.report.title', { name });
  const main = `<h1>${esc(title)}</h1>
${headline(locale, card)}
${rightsLink(locale, card.jurisdiction)}
${areas(locale, card)}
${gaps(locale, card)}
${indicators(locale, card)}
${practiceSection(locale, card.framework, card.practice)}`;
  return portalPage(locale, title, reportCardPath(card.jurisdiction.id), '', main, {
    framework: card.framework,
    asOf: card.asOf,
    publishedOn: card.publishedOn,
  });
}

/** The page for an unknown jurisdiction. */
export function portalNotFoundPage(locale: Locale, path: string): string {
  const title = t(locale, 'portal.report.notFound');
  return portalPage(
    locale,
    title,
    path,
    '',
    `<h1>${esc(title)}</h1>\n<p>${esc(t(locale, 'portal.report.notFoundBody'))} <a href="/rankings?lang=${locale}">${esc(t(locale, 'portal.rankings.title'))}</a></p>`,
    null,
  );
}

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
import type { PortalReportCard as Card } from '../../services/portal.ts';
import type { ReportExtras } from '../../services/portal-compare.ts';
import { embedThisLink, embedThisSection } from './embed-snippets.ts';
import { esc } from './html.ts';
import { citationHref } from './law-links.ts';
import { fmt, portalPage, reportCardPath } from './portal-html.ts';
import { campaignsSection, gapBillsList, historySection } from './portal-live-html.ts';
import { practiceSection } from './portal-practice.ts';
import { reportErrorPath, rightsLink } from './portal-rights-links.ts';

/** A report card, with the portal's live extras (history, bills on gaps, campaigns) when loaded. */
type PortalReportCard = Card & { live?: ReportExtras };

/**
 * The public law library's page of a cited provision (law-links.ts): the document as in force on `asOf` (the
 * version the answer valid that day cites) at the provision's stable anchor; null when not in the library.
 */
export function provisionHref(
  c: Pick<AnswerCitation, 'documentId' | 'citation' | 'documentCitation'>,
  asOf: string,
): string | null {
  return citationHref(c, asOf);
}

function citation(c: AnswerCitation, asOf: string, locale: Locale): string {
  const href = provisionHref(c, asOf);
  // Marked only when the law's language differs from the page's (the page's own is inherited).
  // The citation itself (an abbreviation and a section number) is left unmarked.
  const lang = c.language && c.language !== locale ? ` lang="${esc(c.language)}"` : '';
  const label = href ? `<a href="${esc(href)}">${esc(c.citation)}</a>` : esc(c.citation);
  // A short verbatim quote, inline after its citation (<q> adds the locale's quotation marks).
  return `${label}${c.quote ? ` <q${lang}>${esc(c.quote)}</q>` : ''}<br>`;
}

function bar(score: number | null): string {
  const width = score === null ? 0 : Math.round(score * 1000) / 10;
  // The track is the SVG's CSS background (portal.css).
  return `<svg class="bar" viewBox="0 0 100 10" aria-hidden="true"><rect width="${width}" height="10"/></svg>`;
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
            ? line.citations.map((c) => citation(c, card.asOf, locale)).join('')
            : line.status === 'scored'
              ? esc(t(locale, 'portal.report.noCitation'))
              : '';
        // The last-verified date has its own column and the report link follows the evidence; the link carries
        // no ?lang= (the locale cookie or the browser's language keeps the reader's): page weight.
        const answer = card.answers.find((x) => x.indicatorId === line.id);
        const report = answer
          ? `${evidence && !evidence.endsWith('<br>') ? '<br>' : ''}<a href="${esc(reportErrorPath(card.jurisdiction.id, answer.id))}">${esc(t(locale, 'rights.reportErrorIn', { indicator: answer.indicatorId }))}</a>`
          : '';
        return `<tr id="indicator-${esc(line.id)}"><th scope="row">${esc(line.id)}</th><td>${esc(question ? localized(question, locale) : '')}</td><td>${esc(answerText(locale, line))}</td><td>${answer ? esc(answer.updatedAt.slice(0, 10)) : ''}</td><td>${evidence}${report}</td></tr>`;
      })
      .join('\n');
    const heading = `area-${esc(a.id)}`;
    return `<h3 id="${heading}">${esc(area ? localized(area.name, locale) : a.id)}</h3>
<div class="scroll"><table aria-labelledby="${heading}"><thead><tr><th scope="col">${esc(t(locale, 'portal.col.indicator'))}</th><th scope="col">${esc(t(locale, 'portal.method.question'))}</th><th scope="col">${esc(t(locale, 'portal.report.answer'))}</th><th scope="col">${esc(t(locale, 'portal.col.verified'))}</th><th scope="col">${esc(t(locale, 'portal.report.evidence'))}</th></tr></thead>
<tbody>${rows}</tbody></table></div>`;
  });
  return `<h2>${esc(t(locale, 'portal.report.indicators'))}</h2>\n${sections.join('\n')}`;
}

/**
 * The gap list. Each standard is cited by its short citation, with the instruments' full names listed once
 * under the list, and each law elsewhere by its citation, linked to that jurisdiction's report card row where
 * the quote and the link to the provision are: a long gap list would otherwise repeat them all (page weight).
 */
function gaps(locale: Locale, card: PortalReportCard): string {
  const byId = new Map(card.framework.indicators.map((i) => [i.id, i] as const));
  const instruments = new Set<string>();
  const items = card.gaps.gaps.map((g) => {
    const question = byId.get(g.indicatorId)?.question;
    const standards = g.standards
      .map((s) => {
        instruments.add(s.instrumentName);
        return esc(s.citation);
      })
      .join('; ');
    const exemplars = g.exemplars
      .map(
        (e) =>
          `<a href="${esc(reportCardPath(e.jurisdictionId))}?lang=${locale}#indicator-${esc(g.indicatorId)}">${esc(e.jurisdictionName)}</a> (${e.citations.map((c) => esc(c.citation)).join('; ')})`,
      )
      .join('; ');
    return `<li class="gap"><p><strong>${esc(g.indicatorId)}</strong> ${esc(question ? localized(question, locale) : g.question)}</p>
<p>${esc(t(locale, 'portal.report.gapValue', { value: g.value, full: g.fullMarks.join(', '), points: fmt(Math.round(g.pointsAvailable * 10) / 10) }))}</p>
${standards ? `<p>${esc(t(locale, 'portal.report.standards'))} ${standards}</p>` : ''}
${exemplars ? `<p>${esc(t(locale, 'portal.report.exemplars'))} ${exemplars}</p>` : ''}${gapBillsList(locale, card.live?.gapBills.get(g.indicatorId))}</li>`;
  });
  const key = [...instruments].map((name) => `<li>${esc(name)}</li>`).join('');
  return `<h2>${esc(t(locale, 'portal.report.gaps'))}</h2>
${items.length > 0 ? `<ol>${items.join('\n')}</ol>` : `<p>${esc(t(locale, 'portal.report.noGaps'))}</p>`}
${key ? `<h3 id="gap-standards">${esc(t(locale, 'portal.report.standardsKey'))}</h3><ul aria-labelledby="gap-standards">${key}</ul>` : ''}`;
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
${practiceSection(locale, card.framework, card.practice)}
${card.live ? historySection(locale, [{ label: name, history: card.live.history }]) : ''}
${card.live ? campaignsSection(locale, card.live.campaigns) : ''}
${embedThisLink(locale, card.jurisdiction.id)}`;
  return portalPage(locale, title, reportCardPath(card.jurisdiction.id), '', main, {
    framework: card.framework,
    asOf: card.asOf,
    publishedOn: card.publishedOn,
  });
}

/** A report card's "Embed this" page (`origin`: the public URL the snippets point at). */
export function portalEmbedPage(locale: Locale, card: PortalReportCard, origin: string): string {
  const name = localized(card.jurisdiction.name, locale);
  const title = t(locale, 'embed.this.pageTitle', { name });
  const back = `<p><a href="${esc(reportCardPath(card.jurisdiction.id))}">${esc(t(locale, 'portal.report.title', { name }))}</a></p>`;
  const main = `<h1>${esc(title)}</h1>\n${back}\n${embedThisSection(locale, origin, card.jurisdiction.id, name)}`;
  return portalPage(locale, title, `${reportCardPath(card.jurisdiction.id)}/embed`, '', main, null);
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

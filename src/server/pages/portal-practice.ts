/**
 * The report card's law-vs-practice section: for each indicator that published enforcement figures bear on, a
 * trend chart by year (SVG with presentation attributes only, one image with a name) and the same figures in
 * a table with each one's source, source date and publisher. The whole section is headed as practice data
 * that is not part of the law score, and sits after the indicator list; each part links back to the
 * indicator's row.
 */
import type { Framework, Locale } from '../../core/framework/types.ts';
import { type MessageKey, t } from '../../core/i18n/messages.ts';
import { localized } from '../../core/jurisdictions/types.ts';
import { trendChartSvg } from '../../core/statistics/practice-chart.ts';
import type { StatisticMeasure } from '../../core/statistics/types.ts';
import type {
  PracticeIndicator,
  PracticePoint,
  PracticeSeries,
  PracticeView,
} from '../../services/practice.ts';
import { esc } from './html.ts';

const measureLabel = (locale: Locale, m: StatisticMeasure) => t(locale, `app.statistics.measure.${m}`);
/** A series' name: its measure, or for case releases that they are victims in case records. */
export const seriesLabel = (locale: Locale, s: Pick<PracticeSeries, 'measure' | 'origin'>) =>
  s.origin === 'case_release' ? t(locale, 'practice.case.series') : measureLabel(locale, s.measure);

/** A point's value as HTML: `< k` when suppressed. */
export const valueCell = (locale: Locale, p: PracticePoint): string =>
  p.value === null ? `&lt; ${p.below ?? ''}` : p.value.toLocaleString(locale);

/** A point's source as HTML; case-release points say they come from case data and how they were protected. */
export function sourceCell(locale: Locale, p: PracticePoint): string {
  if (p.privacy) {
    const { mechanism, k, epsilon } = p.privacy;
    return esc(t(locale, `practice.case.${mechanism}`, { k, epsilon }));
  }
  return p.sourceUrl && /^https?:\/\//i.test(p.sourceUrl)
    ? `<a href="${esc(p.sourceUrl)}">${esc(p.source)}</a>`
    : esc(p.source);
}

function indicatorPart(locale: Locale, framework: Framework, ind: PracticeIndicator): string {
  const question = framework.indicators.find((i) => i.id === ind.indicatorId)?.question;
  const measures = ind.series.map((s) => seriesLabel(locale, s)).join(', ');
  const svg = trendChartSvg(
    ind.series.map((s) => ({
      label: seriesLabel(locale, s),
      // A suppressed count has no value to draw; the table says `< k`.
      points: s.points.flatMap((p) => (p.value === null ? [] : [{ year: p.year, value: p.value }])),
    })),
    {
      title: t(locale, 'practice.chart', { id: ind.indicatorId, measures }),
      year: t(locale, 'practice.year'),
      value: t(locale, 'practice.count'),
    },
  );
  const rows = ind.series
    .flatMap((s) => s.points.map((p) => ({ ...p, measure: s.measure, label: seriesLabel(locale, s) })))
    .sort((a, b) => a.year - b.year || (a.label < b.label ? -1 : 1))
    .map(
      (p) =>
        `<tr><th scope="row">${p.year}</th><td>${esc(p.label)}</td><td class="num">${valueCell(locale, p)}</td><td>${esc(t(locale, `practice.unit.${p.unit}`))}</td><td>${sourceCell(locale, p)}</td><td>${esc(p.sourceDate)}</td><td>${esc(p.publishedBy)}</td></tr>`,
    )
    .join('');
  const id = `practice-${esc(ind.indicatorId)}`;
  const col = (key: MessageKey) => `<th scope="col">${esc(t(locale, key))}</th>`;
  return `<h3 id="${id}">${esc(ind.indicatorId)} ${esc(question ? localized(question, locale) : '')}</h3>
<p>${esc(t(locale, 'practice.reason', { reason: localized(ind.reason, locale) }))} <a href="#indicator-${esc(ind.indicatorId)}">${esc(t(locale, 'practice.lawAnswer', { id: ind.indicatorId }))}</a></p>
<div class="practice-chart">${svg}</div>
<div class="scroll"><table class="practice-data"><caption>${esc(t(locale, 'practice.table', { id: ind.indicatorId }))}</caption><thead><tr>${col('practice.year')}${col('practice.measure')}${col('practice.value')}${col('practice.unit')}${col('practice.source')}${col('practice.sourceDate')}${col('practice.publishedBy')}</tr></thead>
<tbody>${rows}</tbody></table></div>`;
}

/** The practice section of a report card (a heading and a line saying so when nothing is published). */
export function practiceSection(
  locale: Locale,
  framework: Framework,
  view: PracticeView | undefined,
): string {
  const parts = (view?.indicators ?? []).map((ind) => indicatorPart(locale, framework, ind));
  return `<section class="practice" aria-labelledby="practice">
<h2 id="practice">${esc(t(locale, 'practice.title'))}</h2>
<p class="notice">${esc(t(locale, 'practice.intro'))}</p>
${parts.length > 0 ? parts.join('\n') : `<p>${esc(t(locale, 'practice.none'))}</p>`}
</section>`;
}

/**
 * Small portal pieces shared by the report card, the home page and the comparison page: the score-over-time
 * chart (Observable Plot on the server, portal-score-plot.ts) with its table, the live bills that would close
 * a gap with their projected score, and the list of public campaigns to join.
 */
import type { Locale } from '../../core/framework/types.ts';
import { t } from '../../core/i18n/messages.ts';
import type { GapBill, ScoreHistory } from '../../services/portal-compare.ts';
import type { PublicCampaignSummary } from '../../services/public-campaigns.ts';
import { esc } from './html.ts';
import { fmt } from './portal-html.ts';
import { scorePlotSvg } from './portal-score-plot.ts';

/** The public page of a campaign. */
export function campaignPath(slug: string): string {
  return `/campaigns/${encodeURIComponent(slug)}`;
}

/** The score-over-time section: one chart for every history given and the same numbers in a table. */
export function historySection(
  locale: Locale,
  histories: ReadonlyArray<{ label: string; history: ScoreHistory }>,
): string {
  const heading = `<h2 id="history">${esc(t(locale, 'portal.history.title'))}</h2>`;
  const years = [...new Set(histories.flatMap((h) => h.history.points.map((p) => p.year)))].sort(
    (a, b) => a - b,
  );
  if (years.length === 0) return `${heading}\n<p>${esc(t(locale, 'portal.history.none'))}</p>`;
  const svg = scorePlotSvg(
    histories.map((h) => ({ label: h.label, points: h.history.points })),
    {
      title: t(locale, 'portal.history.chart', { names: histories.map((h) => h.label).join(', ') }),
      year: t(locale, 'portal.history.year'),
      score: t(locale, 'portal.history.score'),
    },
  );
  const cols = histories.map((h) => `<th scope="col" class="num">${esc(h.label)}</th>`).join('');
  const rows = years
    .map((year) => {
      const cells = histories
        .map((h) => {
          const p = h.history.points.find((x) => x.year === year);
          const grade = p?.grade ? ` (${p.grade})` : '';
          return `<td class="num">${p ? `${fmt(p.total)}${esc(grade)}` : '—'}</td>`;
        })
        .join('');
      return `<tr><th scope="row">${year}</th>${cells}</tr>`;
    })
    .join('');
  return `${heading}
<p class="meta">${esc(t(locale, 'portal.history.note'))}</p>
<div class="history-chart">${svg}</div>
<div class="scroll"><table class="history-data"><caption>${esc(t(locale, 'portal.history.table'))}</caption><thead><tr><th scope="col">${esc(t(locale, 'portal.history.year'))}</th>${cols}</tr></thead>
<tbody>${rows}</tbody></table></div>`;
}

/** The live bills under one gap of the report card (empty when there are none). */
export function gapBillsList(locale: Locale, bills: readonly GapBill[] | undefined): string {
  if (!bills || bills.length === 0) return '';
  const items = bills
    .map((b) => {
      const projection =
        b.projected === null
          ? t(locale, 'portal.bills.noText')
          : t(locale, 'portal.bills.projected', { score: fmt(b.projected), grade: b.projectedGrade ?? '—' });
      return `<li><strong>${esc(b.identifier)}</strong> ${esc(b.title)} (${esc(b.stage)}): ${esc(projection)}</li>`;
    })
    .join('');
  return `<p>${esc(t(locale, 'portal.bills.title'))}</p><ul>${items}</ul><p class="meta">${esc(t(locale, 'portal.bills.label'))}</p>`;
}

/** The "campaigns to join" section: public, active campaigns with links to their pages. */
export function campaignsSection(locale: Locale, campaigns: readonly PublicCampaignSummary[]): string {
  const items = campaigns
    .map(
      (c) =>
        `<li><a href="${esc(campaignPath(c.slug))}?lang=${locale}">${esc(c.title)}</a> ${esc(t(locale, 'portal.campaigns.by', { org: c.organizationName }))}</li>`,
    )
    .join('');
  return `<h2 id="campaigns">${esc(t(locale, 'portal.campaigns.title'))}</h2>
${items ? `<ul>${items}</ul>` : `<p>${esc(t(locale, 'portal.campaigns.none'))}</p>`}`;
}

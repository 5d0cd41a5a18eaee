/**
 * The public rankings (`/rankings`): jurisdictions ranked by published score (ties share a rank, as everywhere
 * in lawgap), sortable by plain links (`?sort=score|name&dir=asc|desc&scope=all|us`), so sorting works without
 * JavaScript. Unknown query values fall back to the defaults rather than failing.
 */
import type { Locale } from '../../core/framework/types.ts';
import { t } from '../../core/i18n/messages.ts';
import { type Jurisdiction, localized } from '../../core/jurisdictions/types.ts';
import type { Grade } from '../../core/scoring/grades.ts';
import { rankScores } from '../../core/scoring/rank-scores.ts';
import type { PortalOverview } from '../../services/portal.ts';
import { esc } from './html.ts';
import { fmt, portalPage, reportCardPath } from './portal-html.ts';

const unitedStates = 'ocd-division/country:us';

/** How the rankings are shown. */
export interface RankingView {
  scope: 'all' | 'us';
  sort: 'score' | 'name';
  dir: 'asc' | 'desc';
}

/** Reads the view from a query, with defaults for anything missing or unknown. */
export function rankingView(query: unknown): RankingView {
  const q = (query ?? {}) as Record<string, unknown>;
  const sort = q.sort === 'name' ? 'name' : 'score';
  const dir = q.dir === 'asc' || q.dir === 'desc' ? q.dir : sort === 'name' ? 'asc' : 'desc';
  return { scope: q.scope === 'us' ? 'us' : 'all', sort, dir };
}

/** The canonical query of a view (also the cache key's query part). */
export function rankingQuery(view: RankingView): string {
  return `scope=${view.scope}&sort=${view.sort}&dir=${view.dir}`;
}

interface Line {
  jurisdictionId: string;
  jurisdiction: Jurisdiction;
  value: number | null;
  grade: Grade | null;
  capped: boolean;
  publishedOn: string | null;
}

function lines(
  o: PortalOverview,
  view: RankingView,
  locale: Locale,
): Array<{ rank: number | null; item: Line }> {
  const scored = new Map(o.scores.map((s) => [s.jurisdiction.id, s] as const));
  const pool =
    view.scope === 'us'
      ? o.jurisdictions.filter((j) => j.parentId === unitedStates)
      : o.scores.map((s) => s.jurisdiction);
  const ranked = rankScores(
    pool.map((j): Line => {
      const s = scored.get(j.id);
      return {
        jurisdictionId: j.id,
        jurisdiction: j,
        value: s?.total ?? null,
        grade: s?.grade ?? null,
        capped: s?.capped ?? false,
        publishedOn: s?.publishedOn ?? null,
      };
    }),
  );
  if (view.sort === 'name') {
    const name = (l: Line) => localized(l.jurisdiction.name, locale);
    ranked.sort((a, b) => name(a.item).localeCompare(name(b.item), locale));
  }
  // rankScores lists best first with the unranked last; descending by score is that order.
  if ((view.sort === 'score' && view.dir === 'asc') || (view.sort === 'name' && view.dir === 'desc')) {
    const withRank = ranked.filter((r) => r.rank !== null).reverse();
    const without = ranked.filter((r) => r.rank === null);
    return view.sort === 'score' ? [...withRank, ...without] : ranked.reverse();
  }
  return ranked;
}

function href(locale: Locale, view: RankingView): string {
  return `/rankings?${rankingQuery(view)}&amp;lang=${locale}`;
}

function sortHeader(
  locale: Locale,
  view: RankingView,
  column: RankingView['sort'],
  label: string,
  num: boolean,
) {
  const current = view.sort === column;
  const next: RankingView['dir'] = current
    ? view.dir === 'asc'
      ? 'desc'
      : 'asc'
    : column === 'name'
      ? 'asc'
      : 'desc';
  const state = current
    ? ` ${t(locale, view.dir === 'asc' ? 'portal.rankings.ascending' : 'portal.rankings.descending')}`
    : '';
  const sorted = current ? ` aria-sort="${view.dir === 'asc' ? 'ascending' : 'descending'}"` : '';
  return `<th scope="col"${num ? ' class="num"' : ''}${sorted}><a href="${href(locale, { ...view, sort: column, dir: next })}" aria-label="${esc(t(locale, 'portal.rankings.sortBy', { column: label }))}${esc(state)}">${esc(label)}</a></th>`;
}

/** The rankings page. */
export function portalRankingsPage(locale: Locale, o: PortalOverview, view: RankingView): string {
  const title = t(locale, 'portal.rankings.title');
  const rows = lines(o, view, locale)
    .map(({ rank, item }) => {
      const grade = item.grade
        ? `${item.grade}${item.capped ? ` (${t(locale, 'portal.capped')})` : ''}`
        : '—';
      return `<tr><td class="num">${rank ?? '—'}</td><th scope="row"><a href="${esc(reportCardPath(item.jurisdictionId))}?lang=${locale}">${esc(localized(item.jurisdiction.name, locale))}</a></th><td class="num">${fmt(item.value)}</td><td>${esc(grade)}</td><td>${esc(item.publishedOn ?? '—')}</td></tr>`;
    })
    .join('\n');
  const scopes = (['all', 'us'] as const)
    .map((scope) =>
      scope === view.scope
        ? `<li><span aria-current="true">${esc(t(locale, `portal.rankings.scope.${scope}`))}</span></li>`
        : `<li><a href="${href(locale, { ...view, scope })}">${esc(t(locale, `portal.rankings.scope.${scope}`))}</a></li>`,
    )
    .join('');
  const main = `<h1>${esc(title)}</h1>
<p>${esc(t(locale, 'portal.rankings.intro'))}</p>
<nav aria-label="${esc(t(locale, 'portal.rankings.scope'))}"><ul>${scopes}</ul></nav>
${
  rows
    ? `<div class="scroll"><table><caption>${esc(t(locale, `portal.rankings.scope.${view.scope}`))}</caption><thead><tr><th scope="col" class="num">${esc(t(locale, 'portal.col.rank'))}</th>${sortHeader(locale, view, 'name', t(locale, 'portal.col.jurisdiction'), false)}${sortHeader(locale, view, 'score', t(locale, 'portal.col.score'), true)}<th scope="col">${esc(t(locale, 'portal.col.grade'))}</th><th scope="col">${esc(t(locale, 'portal.col.published'))}</th></tr></thead>
<tbody>${rows}</tbody></table></div>`
    : `<p>${esc(t(locale, 'portal.rankings.empty'))}</p>`
}`;
  return portalPage(locale, title, '/rankings', rankingQuery(view), main, {
    framework: o.framework,
    asOf: o.asOf,
    publishedOn: o.publishedOn,
  });
}

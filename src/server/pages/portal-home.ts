/**
 * The portal home page (`/`): what lawgap is, the world and US-states maps of published scores (static SVG),
 * the same values in a table with links to each report card, the latest published changes and the public,
 * active campaigns to join.
 */
import type { Locale } from '../../core/framework/types.ts';
import { t } from '../../core/i18n/messages.ts';
import { localized } from '../../core/jurisdictions/types.ts';
import type { PortalOverview } from '../../services/portal.ts';
import type { PublicCampaignSummary } from '../../services/public-campaigns.ts';
import { esc } from './html.ts';
import { fmt, portalPage, reportCardPath } from './portal-html.ts';
import { campaignsSection } from './portal-live-html.ts';
import { type MapValue, mapLegend, stateNameKey, usMapSvg, worldMapSvg } from './portal-maps.ts';

const unitedStates = 'ocd-division/country:us';

function intro(locale: Locale): string {
  const items = (['know', 'measure', 'gaps', 'close'] as const)
    .map((k) => `<li>${esc(t(locale, `landing.loop.${k}`))}</li>`)
    .join('');
  return `<h1>${esc(t(locale, 'site.tagline'))}</h1>
<p>${esc(t(locale, 'landing.intro'))}</p>
<ul>${items}</ul>
<p><a class="cta" href="/app/">${esc(t(locale, 'landing.signin'))}</a>
<a href="/methodology?lang=${locale}">${esc(t(locale, 'landing.framework'))}</a> ·
<a href="/data?lang=${locale}">${esc(t(locale, 'data.home'))}</a> ·
<a href="/api/docs">${esc(t(locale, 'landing.api'))}</a></p>`;
}

function scoreTable(locale: Locale, o: PortalOverview): string {
  const rows = o.scores
    .map((s) => {
      const name = localized(s.jurisdiction.name, locale);
      const grade = s.grade ? `${s.grade}${s.capped ? ` (${t(locale, 'portal.capped')})` : ''}` : '—';
      return `<tr><th scope="row"><a href="${esc(reportCardPath(s.jurisdiction.id))}?lang=${locale}">${esc(name)}</a></th><td class="num">${fmt(s.total)}</td><td>${esc(grade)}</td><td>${esc(s.publishedOn)}</td></tr>`;
    })
    .join('\n');
  return `<h2 id="scores">${esc(t(locale, 'portal.home.scores'))}</h2>
${
  o.scores.length === 0
    ? `<p>${esc(t(locale, 'portal.meta.nothing'))}</p>`
    : `<div class="scroll"><table aria-labelledby="scores"><thead><tr><th scope="col">${esc(t(locale, 'portal.col.jurisdiction'))}</th><th scope="col" class="num">${esc(t(locale, 'portal.col.score'))}</th><th scope="col">${esc(t(locale, 'portal.col.grade'))}</th><th scope="col">${esc(t(locale, 'portal.col.published'))}</th></tr></thead>
<tbody>${rows}</tbody></table></div>`
}
<p><a href="/rankings?lang=${locale}">${esc(t(locale, 'portal.rankings.title'))}</a></p>`;
}

function latest(locale: Locale, o: PortalOverview): string {
  const questions = new Map(o.framework.indicators.map((i) => [i.id, i] as const));
  const items = o.latest
    .map((c) => {
      const indicator = questions.get(c.indicatorId);
      const label = indicator ? `${c.indicatorId} ${localized(indicator.question, locale)}` : c.indicatorId;
      return `<li><time datetime="${esc(c.publishedOn)}">${esc(c.publishedOn)}</time> · <a href="${esc(reportCardPath(c.jurisdiction.id))}?lang=${locale}">${esc(
        t(locale, 'portal.home.latestLine', {
          jurisdiction: localized(c.jurisdiction.name, locale),
          indicator: label,
          value: c.value,
        }),
      )}</a></li>`;
    })
    .join('\n');
  return `<h2>${esc(t(locale, 'portal.home.latest'))}</h2>
${items ? `<ul>${items}</ul>` : `<p>${esc(t(locale, 'portal.meta.nothing'))}</p>`}`;
}

/** The home page of the portal. */
export function portalHomePage(
  locale: Locale,
  o: PortalOverview,
  campaigns: readonly PublicCampaignSummary[] = [],
): string {
  const byNumeric = new Map<string, MapValue>();
  const byState = new Map<string, MapValue>();
  for (const s of o.scores) {
    const value = { name: localized(s.jurisdiction.name, locale), total: s.total };
    if (s.jurisdiction.level === 'national' && s.jurisdiction.isoNumeric) {
      byNumeric.set(s.jurisdiction.isoNumeric.padStart(3, '0'), value);
    }
    if (s.jurisdiction.parentId === unitedStates) byState.set(stateNameKey(s.jurisdiction.name.en), value);
  }
  const main = `${intro(locale)}
<h2>${esc(t(locale, 'portal.home.worldMap'))}</h2>
<p>${esc(t(locale, 'portal.mapNote'))}</p>
${mapLegend(locale)}
${worldMapSvg(locale, byNumeric)}
<h2>${esc(t(locale, 'portal.home.usMap'))}</h2>
${usMapSvg(locale, byState)}
${scoreTable(locale, o)}
${latest(locale, o)}
${campaignsSection(locale, campaigns)}`;
  return portalPage(locale, `${t(locale, 'site.name')}: ${t(locale, 'site.tagline')}`, '/', '', main, {
    framework: o.framework,
    asOf: o.asOf,
    publishedOn: o.publishedOn,
  });
}

/**
 * The portal's widgets for partner sites (docs/embeds.md), framable HTML and static SVG:
 * - `/embed/jurisdictions/<OCD id>/badge` and `…/badge.svg`: the report card badge (score, grade, a link to
 *   the report card);
 * - `/embed/jurisdictions/<OCD id>/gaps`: the gap list;
 * - `/embed/map` and `/embed/map.svg` (`?view=us` for the US states): the portal's maps (portal-maps.ts).
 * Published data only: everything comes from services/portal.ts, as the portal's pages do. Pages are cached as
 * the portal's are (portal-cache.ts: dropped on every publication, so a hit touches no database). Every SVG
 * carries its text alternative (`<title>` and `<desc>` with the values), and links leave the frame.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { isDomainError } from '../../core/errors.ts';
import type { Locale } from '../../core/framework/types.ts';
import { t } from '../../core/i18n/messages.ts';
import { localized } from '../../core/jurisdictions/types.ts';
import {
  type PortalOverview,
  type PortalReportCard,
  portalOverview,
  portalReportCard,
} from '../../services/portal.ts';
import { today } from '../../services/scores.ts';
import type { AppDeps } from '../deps.ts';
import { embedPage } from './embed-html.ts';
import { esc } from './html.ts';
import type { LocaleOf } from './portal.ts';
import { createPageCache } from './portal-cache.ts';
import { sendPortalPage } from './portal-compress.ts';
import { fmt, metaLine, reportCardPath } from './portal-html.ts';
import { type MapValue, mapLegend, stateNameKey, usMapSvg, worldMapSvg } from './portal-maps.ts';

const unitedStates = 'ocd-division/country:us';

/** A badge's text: the name, and the score and grade (or "not scored"; `short` for the image). */
function badgeLines(locale: Locale, card: PortalReportCard, short = false): { name: string; value: string } {
  const r = card.score.result;
  const name = localized(card.jurisdiction.name, locale);
  if (card.score.status === 'not_coded' || r.totalRounded === null)
    return { name, value: t(locale, short ? 'embed.badge.notScored' : 'portal.report.notScored') };
  const capped = r.capReasons.length > 0 ? ` (${t(locale, 'portal.capped')})` : '';
  return {
    name,
    value: `${t(locale, 'portal.report.outOf', { total: fmt(r.totalRounded) })} · ${t(locale, 'portal.report.grade', { grade: r.cappedGrade ?? '—' })}${capped}`,
  };
}

function meta(locale: Locale, card: PortalReportCard): string {
  return metaLine(locale, { framework: card.framework, asOf: card.asOf, publishedOn: card.publishedOn });
}

function cardLink(locale: Locale, id: string): string {
  return `<p><a href="${esc(reportCardPath(id))}?lang=${locale}" target="_top">${esc(t(locale, 'embed.readReport'))}</a></p>`;
}

/** The badge as an HTML page. */
function badgePage(locale: Locale, card: PortalReportCard, path: string): string {
  const { name, value } = badgeLines(locale, card);
  const main = `<h1>${esc(t(locale, 'portal.report.title', { name }))}</h1>
<div class="badge"><p class="big">${esc(value)}</p></div>
${cardLink(locale, card.jurisdiction.id)}
${meta(locale, card)}`;
  return embedPage(locale, t(locale, 'portal.report.title', { name }), path, '', main, { portal: true });
}

/** The badge as a standalone SVG image, its text in `<title>` and `<desc>`, linking to the report card. */
export function badgeSvg(locale: Locale, card: PortalReportCard, origin: string): string {
  const { name, value } = badgeLines(locale, card, true);
  const title = t(locale, 'portal.report.title', { name });
  const href = `${origin}${reportCardPath(card.jurisdiction.id)}?lang=${locale}`;
  const published = card.publishedOn ? t(locale, 'portal.meta.published', { date: card.publishedOn }) : '';
  return `<svg xmlns="http://www.w3.org/2000/svg" width="320" height="96" viewBox="0 0 320 96" role="img" aria-labelledby="t d" lang="${locale}">
<title id="t">${esc(title)}</title>
<desc id="d">${esc([value, published].filter(Boolean).join('. '))}</desc>
<a href="${esc(href)}" target="_top">
<rect width="320" height="96" rx="6" fill="#ffffff" stroke="#0b5cad" stroke-width="2"/>
<text x="14" y="30" font-family="system-ui,sans-serif" font-size="16" font-weight="700" fill="#1a1a1a">${esc(name)}</text>
<text x="14" y="58" font-family="system-ui,sans-serif" font-size="18" fill="#0b5cad">${esc(value)}</text>
<text x="14" y="82" font-family="system-ui,sans-serif" font-size="12" fill="#4a4a4a">${esc([t(locale, 'site.name'), published].filter(Boolean).join(' · '))}</text>
</a>
</svg>`;
}

/** The gap list as an HTML page. */
function gapsPage(locale: Locale, card: PortalReportCard, path: string): string {
  const name = localized(card.jurisdiction.name, locale);
  const byId = new Map(card.framework.indicators.map((i) => [i.id, i] as const));
  const items = card.gaps.gaps
    .map((g) => {
      const question = byId.get(g.indicatorId)?.question;
      return `<li><strong>${esc(g.indicatorId)}</strong> ${esc(question ? localized(question, locale) : g.question)}<br><span class="muted">${esc(t(locale, 'portal.report.gapPoints', { points: fmt(Math.round(g.pointsAvailable * 10) / 10) }))}</span></li>`;
    })
    .join('\n');
  const title = t(locale, 'embed.gaps.title', { name });
  const main = `<h1>${esc(title)}</h1>
${items ? `<ol>${items}</ol>` : `<p>${esc(t(locale, 'portal.report.noGaps'))}</p>`}
${cardLink(locale, card.jurisdiction.id)}
${meta(locale, card)}`;
  return embedPage(locale, title, path, '', main, { portal: true });
}

/** The map values of an overview: countries by ISO numeric code, US states by name key. */
function mapValues(locale: Locale, o: PortalOverview) {
  const byNumeric = new Map<string, MapValue>();
  const byState = new Map<string, MapValue>();
  for (const s of o.scores) {
    const value = { name: localized(s.jurisdiction.name, locale), total: s.total };
    if (s.jurisdiction.level === 'national' && s.jurisdiction.isoNumeric)
      byNumeric.set(s.jurisdiction.isoNumeric.padStart(3, '0'), value);
    if (s.jurisdiction.parentId === unitedStates) byState.set(stateNameKey(s.jurisdiction.name.en), value);
  }
  return { byNumeric, byState };
}

function valueTable(locale: Locale, o: PortalOverview): string {
  if (o.scores.length === 0) return `<p>${esc(t(locale, 'portal.meta.nothing'))}</p>`;
  const rows = o.scores
    .map(
      (s) =>
        `<tr><th scope="row"><a href="${esc(reportCardPath(s.jurisdiction.id))}?lang=${locale}" target="_top">${esc(localized(s.jurisdiction.name, locale))}</a></th><td class="num">${fmt(s.total)}</td><td>${esc(s.grade ?? '—')}</td></tr>`,
    )
    .join('\n');
  return `<details><summary>${esc(t(locale, 'embed.map.values'))}</summary>
<table><thead><tr><th scope="col">${esc(t(locale, 'portal.col.jurisdiction'))}</th><th scope="col" class="num">${esc(t(locale, 'portal.col.score'))}</th><th scope="col">${esc(t(locale, 'portal.col.grade'))}</th></tr></thead>
<tbody>${rows}</tbody></table></details>`;
}

/** The maps as an HTML page, with the legend and every value in a table. */
function mapPage(locale: Locale, o: PortalOverview, path: string): string {
  const { byNumeric, byState } = mapValues(locale, o);
  const title = t(locale, 'embed.map.title');
  const main = `<h1>${esc(title)}</h1>
${mapLegend(locale)}
<h2>${esc(t(locale, 'portal.home.worldMap'))}</h2>
${worldMapSvg(locale, byNumeric)}
<h2>${esc(t(locale, 'portal.home.usMap'))}</h2>
${usMapSvg(locale, byState)}
${valueTable(locale, o)}
<p><a href="/?lang=${locale}" target="_top">${esc(t(locale, 'embed.map.more'))}</a></p>
${metaLine(locale, { framework: o.framework, asOf: o.asOf, publishedOn: o.publishedOn })}`;
  return embedPage(locale, title, path, '', main, { portal: true });
}

/** One map as a standalone SVG image: the band patterns inside it, and every value in `<desc>`. */
function mapSvg(locale: Locale, o: PortalOverview, view: 'world' | 'us'): string {
  const { byNumeric, byState } = mapValues(locale, o);
  const drawn = view === 'us' ? usMapSvg(locale, byState) : worldMapSvg(locale, byNumeric);
  const defs = /<defs>[\s\S]*<\/defs>/.exec(mapLegend(locale))?.[0] ?? '';
  const values = o.scores
    .filter((s) =>
      view === 'us'
        ? s.jurisdiction.parentId === unitedStates
        : s.jurisdiction.level === 'national' && s.jurisdiction.isoNumeric,
    )
    .map((s) => `${localized(s.jurisdiction.name, locale)}: ${fmt(s.total)} (${s.grade ?? '—'})`);
  const label = t(locale, view === 'us' ? 'portal.home.usMap' : 'portal.home.worldMap');
  const desc = values.length ? values.join('; ') : t(locale, 'portal.meta.nothing');
  // Presentation attributes, not a <style> element: the CSP forbids inline style in a document.
  return drawn
    .replace('<path class="sphere"', '<path fill="#f4f6f9" stroke="#9aa3ad"')
    .replace(/<path d=/g, '<path stroke="#fff" stroke-width=".5" d=')
    .replace(
      /^<svg class="map" ([^>]*)role="img" aria-label="[^"]*">/,
      `<svg xmlns="http://www.w3.org/2000/svg" $1role="img" aria-labelledby="t d" lang="${locale}">\n<title id="t">${esc(label)}</title>\n<desc id="d">${esc(desc)}</desc>\n${defs}`,
    )
    .trim();
}

const htmlType = 'text/html; charset=utf-8';
const svgType = 'image/svg+xml; charset=utf-8';

/** Registers the portal widgets with their own page cache (emptied on every publication, like the portal's). */
export function registerEmbedPortalPages(app: FastifyInstance, deps: AppDeps, requestLocale: LocaleOf): void {
  const cache = createPageCache();
  app.addHook('onClose', async () => cache.dispose());
  const db = deps.store.db;
  const origin = deps.config.publicUrl;
  const key = (locale: Locale, date: string, path: string) => `${locale}|${date}|${path}`;

  const overview = async (request: Parameters<LocaleOf>[0], reply: FastifyReply, svg: boolean) => {
    const locale = requestLocale(request, reply);
    const date = today();
    const view = (request.query as { view?: unknown }).view === 'us' ? 'us' : 'world';
    const path = svg ? `/embed/map.svg?view=${view}` : '/embed/map';
    const page = await cache.serve(key(locale, date, path), async () => {
      const o = await portalOverview({ db }, date);
      return { status: 200, body: svg ? mapSvg(locale, o, view) : mapPage(locale, o, '/embed/map') };
    });
    return sendPortalPage(reply, page, svg ? svgType : htmlType);
  };
  app.get('/embed/map', async (request, reply) => overview(request, reply, false));
  app.get('/embed/map.svg', async (request, reply) => overview(request, reply, true));

  app.get('/embed/jurisdictions/*', async (request, reply) => {
    const locale = requestLocale(request, reply);
    const rest = (request.params as { '*': string })['*'];
    const m = /^(.+)\/(badge|badge\.svg|gaps)$/.exec(rest);
    const svg = m?.[2] === 'badge.svg';
    const type = svg ? svgType : htmlType;
    const date = today();
    const path = `/embed/jurisdictions/${rest}`;
    const page = await cache.serve(key(locale, date, path), async () => {
      const notFound = {
        status: 404,
        body: svg
          ? `<svg xmlns="http://www.w3.org/2000/svg" width="320" height="40" role="img" aria-labelledby="t"><title id="t">${esc(t(locale, 'portal.report.notFound'))}</title></svg>`
          : embedPage(
              locale,
              t(locale, 'portal.report.notFound'),
              path,
              '',
              `<h1>${esc(t(locale, 'portal.report.notFound'))}</h1>`,
            ),
      };
      if (!m?.[1]) return notFound;
      try {
        const card = await portalReportCard({ db }, m[1], date, locale);
        if (m[2] === 'gaps') return { status: 200, body: gapsPage(locale, card, path) };
        return { status: 200, body: svg ? badgeSvg(locale, card, origin) : badgePage(locale, card, path) };
      } catch (err) {
        if (isDomainError(err) && err.code === 'JURISDICTION_NOT_FOUND') return notFound;
        throw err;
      }
    });
    return sendPortalPage(reply, page, type);
  });
}

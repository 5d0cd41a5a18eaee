/**
 * The portal's page shell and shared pieces: the site shell (html.ts) with the portal's navigation, the
 * publication line (framework version and publication date), the not-legal-advice notice and the portal
 * stylesheet, served from our origin because the CSP forbids inline style.
 */
import type { Framework, Locale } from '../../core/framework/types.ts';
import { t } from '../../core/i18n/messages.ts';
import { localized } from '../../core/jurisdictions/types.ts';
import { queryPage } from './follow-html.ts';
import { esc } from './html.ts';

/** The public URL of a jurisdiction's report card (the OCD id, unescaped slashes: stable and readable). */
export function reportCardPath(jurisdictionId: string): string {
  const segments = jurisdictionId.split('/').map((s) => encodeURIComponent(s).replace(/%3A/gi, ':'));
  return `/jurisdictions/${segments.join('/')}`;
}

/** What every portal page says about the data it shows. */
export interface PortalMeta {
  framework: Pick<Framework, 'title' | 'version'>;
  /** The date scored; left out on pages that show no scores. */
  asOf?: string;
  /** The last publication date (null: nothing published); left out on pages that show no published data. */
  publishedOn?: string | null;
}

function nav(locale: Locale): string {
  const q = `?lang=${locale}`;
  const link = (href: string, key: Parameters<typeof t>[1]) =>
    `<li><a href="${href}">${esc(t(locale, key))}</a></li>`;
  return `<nav class="portal" aria-label="${esc(t(locale, 'portal.nav.label'))}"><ul>
${link(`/${q}`, 'portal.nav.home')}${link(`/rankings${q}`, 'portal.nav.rankings')}${link(`/compare${q}`, 'portal.nav.compare')}${link(`/law${q}`, 'lawlib.nav')}${link(`/methodology${q}`, 'portal.nav.methodology')}${link('/app/', 'portal.nav.workspace')}${link('/api/docs', 'portal.nav.api')}
</ul></nav>`;
}

/** The line naming the framework version, the date scored and the last publication date. */
export function metaLine(locale: Locale, meta: PortalMeta): string {
  const parts = [
    t(locale, 'portal.meta.framework', {
      title: localized(meta.framework.title, locale),
      version: meta.framework.version,
    }),
  ];
  if (meta.publishedOn !== undefined) {
    parts.push(
      meta.publishedOn
        ? t(locale, 'portal.meta.published', { date: meta.publishedOn })
        : t(locale, 'portal.meta.nothing'),
    );
  }
  if (meta.asOf !== undefined) parts.push(t(locale, 'portal.meta.asOf', { date: meta.asOf }));
  return `<p class="meta">${parts.map(esc).join(' · ')}</p>`;
}

/** A portal page: the site shell with the portal stylesheet, navigation, notice and publication line. */
export function portalPage(
  locale: Locale,
  title: string,
  path: string,
  query: string,
  main: string,
  meta: PortalMeta | null,
): string {
  const body = `${nav(locale)}
${main}
<footer class="portal">${meta ? metaLine(locale, meta) : ''}<p class="notice">${esc(t(locale, 'portal.notAdvice'))}</p></footer>`;
  return queryPage(locale, title, path, query, body).replace(
    '</head>',
    '<link rel="stylesheet" href="/assets/portal.css">\n</head>',
  );
}

/** A score to one decimal, or a dash. */
export function fmt(value: number | null): string {
  return value === null ? '—' : value.toFixed(1);
}

/** Portal styles (served as /assets/portal.css). Text colours keep 4.5:1 on white; bars have a text value. */
export const portalCss = `
nav.portal ul{list-style:none;display:flex;flex-wrap:wrap;gap:16px;margin:0 0 16px;padding:0}
footer.portal{border-top:1px solid var(--line);margin-top:32px;padding-top:8px}
.meta,.notice{color:var(--muted);font-size:.9rem}
.notice{border-left:4px solid var(--accent);padding-left:8px}
svg.map{width:100%;height:auto;display:block;margin:8px 0}
svg.map path{stroke:#fff;stroke-width:.5}svg.map path.sphere{fill:#f4f6f9;stroke:#9aa3ad}
svg.defs{position:absolute;width:0;height:0}
ul.legend{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:8px 16px}
ul.legend li{display:flex;align-items:center;gap:6px}svg.swatch{width:24px;height:16px}
h2.legend-title{font-size:1rem;margin:8px 0 4px}
table{border-collapse:collapse;width:100%;margin:8px 0 16px}
th,td{border-bottom:1px solid var(--line);padding:6px 8px;text-align:left;vertical-align:top}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
.scroll{overflow-x:auto}
.headline{display:flex;gap:24px;align-items:baseline;flex-wrap:wrap}
.headline .big{font-size:2rem;font-weight:700}
svg.bar{width:160px;height:12px;vertical-align:middle}
svg.bar{background:#e3e6ea}svg.bar rect{fill:var(--accent)}svg.bar rect.track{fill:#e3e6ea}
blockquote{margin:4px 0;padding-left:8px;border-left:3px solid var(--line)}
.gap{border-top:1px solid var(--line);padding:8px 0}
tr[id^="indicator-"]>td:nth-child(4){white-space:nowrap}
svg.practice-chart{max-width:100%;height:auto}
svg.score-plot{display:block;max-width:100%;height:auto;background:#fff}svg.score-plot text{white-space:pre}
.compare-form{display:flex;flex-wrap:wrap;gap:0 16px}.compare-form select{display:block}
`;

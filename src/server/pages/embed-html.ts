/**
 * The compact shell of the `/embed/…` pages (docs/embeds.md): no site header or navigation, the site and portal
 * stylesheets plus `/assets/embed.css`, a language switcher that keeps the partner code, and a "powered by"
 * line whose link leaves the frame (`target="_top"`). `embedFromPage` turns a rendered public action page into
 * its embed form: the same forms, posting to the embed routes, carrying the partner code, with links to other
 * pages opening outside the frame (those pages refuse to be framed).
 */
import type { Locale } from '../../core/framework/types.ts';
import { t } from '../../core/i18n/messages.ts';
import { esc, languageItems } from './html.ts';

/** Styles of the embed pages (served as /assets/embed.css; the CSP forbids inline style). */
export const embedCss = `
body.embed main{max-width:none;padding:12px 16px}
body.embed h1{font-size:1.35rem;margin:0 0 8px}body.embed h2{font-size:1.1rem}
.embed-foot{display:flex;flex-wrap:wrap;justify-content:space-between;gap:8px;border-top:1px solid var(--line);margin-top:12px;padding:8px 16px;font-size:.9rem}
.embed-foot ul{list-style:none;display:flex;gap:10px;margin:0;padding:0}
.field-error{color:#a4000f;font-weight:600;margin-top:0}
.message-error{border:2px solid #a4000f;padding:8px 12px;margin:12px 0}
.badge{display:flex;gap:16px;align-items:center;flex-wrap:wrap}.badge .big{font-size:2rem;font-weight:700}
textarea{max-width:100%}
`;

/** A complete embed page: `main` with the compact footer (language links to `path?query&lang=`). */
export function embedPage(
  locale: Locale,
  title: string,
  path: string,
  query: string,
  main: string,
  options: { portal?: boolean } = {},
): string {
  const sep = query ? `${esc(query)}&amp;` : '';
  const switcher = languageItems(locale, (l) => `${esc(path)}?${sep}lang=${l}`);
  const portalCss = options.portal ? '\n<link rel="stylesheet" href="/assets/portal.css">' : '';
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<link rel="stylesheet" href="/assets/site.css">${portalCss}
<link rel="stylesheet" href="/assets/embed.css">
</head>
<body class="embed">
<main id="main">
${main}
</main>
<footer class="embed-foot"><p><a href="/?lang=${locale}" target="_top">${esc(t(locale, 'embed.poweredBy', { site: t(locale, 'site.name') }))}</a></p>
<nav aria-label="${esc(t(locale, 'nav.language'))}"><ul>${switcher}</ul></nav></footer>
</body>
</html>`;
}

/** The content of a full page's `<main>` (empty when it has none). */
function mainOf(page: string): string {
  const start = page.indexOf('<main id="main">');
  const end = page.lastIndexOf('</main>');
  if (start < 0 || end < start) return '';
  return page.slice(start + '<main id="main">'.length, end).trim();
}

/** The title of a full page. */
export function titleOf(page: string): string {
  const m = /<title>([^<]*)<\/title>/.exec(page);
  return m?.[1]
    ? m[1]
        .replace(/&amp;/g, '&')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&#39;/g, "'")
    : '';
}

/**
 * An action page's `<main>` in embed form: forms post (or look up) under `/embed/act/`, and links to our
 * other pages open outside the frame.
 */
function embedActionMain(main: string): string {
  return main
    .replace(/action="\/act\//g, 'action="/embed/act/')
    .replace(/<a href="\/(?!embed\/)/g, '<a target="_top" href="/');
}

/** A rendered action page (full page) as an embed page (without a partner: see `withPartner`). */
export function embedActionPage(locale: Locale, page: string, path: string, query = ''): string {
  return embedPage(locale, titleOf(page), path, query, embedActionMain(mainOf(page)));
}

/**
 * An embed page carrying a partner code: every form sends it, and the language links of `path` keep it. The
 * page itself is the same for every partner (so it is cached once); the code is added as each copy is sent.
 */
export function withPartner(html: string, path: string, partner: string | null): string {
  if (!partner) return html;
  const code = esc(partner);
  return html
    .replace(/(<form [^>]*>)/g, `$1\n<input type="hidden" name="partner" value="${code}">`)
    .split(`href="${esc(path)}?`)
    .join(`href="${esc(path)}?partner=${esc(encodeURIComponent(partner))}&amp;`);
}

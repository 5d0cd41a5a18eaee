/** Minimal server-side HTML helpers: escaping and the shared page shell (no inline scripts or styles). */
import type { Locale } from '../../core/framework/types.ts';
import { localeNames, locales } from '../../core/i18n/locales.ts';
import { t } from '../../core/i18n/messages.ts';

/** Escapes text for HTML content and attribute values. */
export function esc(value: unknown): string {
  return String(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** The language switcher's list items: the current language marked, the others as links (`href` is escaped). */
export function languageItems(locale: Locale, href: (l: Locale) => string): string {
  return locales
    .map((l) =>
      l === locale
        ? `<li><span aria-current="true" lang="${l}">${esc(localeNames[l])}</span></li>`
        : `<li><a href="${href(l)}" lang="${l}" hreflang="${l}">${esc(localeNames[l])}</a></li>`,
    )
    .join('');
}

/** A complete page: skip link, header with language switcher (plain links, works without JavaScript). */
export function page(locale: Locale, title: string, path: string, main: string): string {
  const switcher = languageItems(locale, (l) => `${esc(path)}?lang=${l}`);
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<link rel="stylesheet" href="/assets/site.css">
</head>
<body>
<a class="skip" href="#main">${esc(t(locale, 'nav.skip'))}</a>
<header class="site"><a class="brand" href="/?lang=${locale}">${esc(t(locale, 'site.name'))}</a>
<nav aria-label="${esc(t(locale, 'nav.language'))}"><ul class="langs">${switcher}</ul></nav></header>
<main id="main">
${main}
</main>
</body>
</html>`;
}

/** Site-wide stylesheet for the server-rendered pages (served from our origin; the CSP forbids inline style). */
export const siteCss = `
:root{color-scheme:light;--ink:#1a1a1a;--muted:#4a4a4a;--accent:#0b5cad;--bg:#fff;--line:#d0d0d0}
*{box-sizing:border-box}body{margin:0;font:16px/1.55 system-ui,sans-serif;color:var(--ink);background:var(--bg)}
a{color:var(--accent)}a:focus-visible,button:focus-visible{outline:3px solid #f5a623;outline-offset:2px}
.skip{position:absolute;left:-999px}.skip:focus{left:8px;top:8px;background:#fff;padding:8px;z-index:10}
header.site{display:flex;justify-content:space-between;align-items:center;padding:12px 24px;border-bottom:1px solid var(--line)}
.brand{font-weight:700;font-size:1.25rem;text-decoration:none;color:var(--ink)}
.langs{list-style:none;display:flex;gap:12px;margin:0;padding:0}
main{max-width:60rem;margin:0 auto;padding:24px}
.cta{display:inline-block;background:var(--accent);color:#fff;padding:10px 16px;border-radius:4px;text-decoration:none;margin-right:12px}
.route{border-top:1px solid var(--line);padding:12px 0}.route code.m{font-weight:700;margin-right:8px}
.muted{color:var(--muted)}pre{background:#f4f4f4;padding:8px;overflow:auto;font-size:.85rem}
`;

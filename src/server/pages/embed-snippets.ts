/**
 * "Embed this" for a report card (`/jurisdictions/<id>/embed`, linked from the card): copyable HTML for partner sites (an iframe of the badge, of the gap list and
 * of the map, and the badge as a static SVG image), visible without JavaScript as preformatted text.
 */
import type { Locale } from '../../core/framework/types.ts';
import { t } from '../../core/i18n/messages.ts';
import { esc } from './html.ts';
import { reportCardPath } from './portal-html.ts';

/** The snippets for one jurisdiction, as partner sites paste them (absolute URLs on `origin`). */
function embedSnippets(
  locale: Locale,
  origin: string,
  jurisdictionId: string,
  name: string,
): Array<{ id: string; label: string; code: string }> {
  const base = `${origin}/embed${reportCardPath(jurisdictionId)}`;
  const frame = (src: string, title: string, height: number) =>
    `<iframe src="${esc(src)}" title="${esc(title)}" width="100%" height="${height}" style="border:0" loading="lazy"></iframe>`;
  return [
    {
      id: 'badge',
      label: t(locale, 'embed.snippet.badge'),
      code: frame(`${base}/badge?lang=${locale}`, t(locale, 'portal.report.title', { name }), 220),
    },
    {
      id: 'badge-svg',
      label: t(locale, 'embed.snippet.badgeSvg'),
      code: `<a href="${esc(`${origin}${reportCardPath(jurisdictionId)}`)}"><img src="${esc(`${base}/badge.svg?lang=${locale}`)}" alt="${esc(t(locale, 'portal.report.title', { name }))}" width="320" height="96"></a>`,
    },
    {
      id: 'gaps',
      label: t(locale, 'embed.snippet.gaps'),
      code: frame(`${base}/gaps?lang=${locale}`, t(locale, 'embed.gaps.title', { name }), 480),
    },
    {
      id: 'map',
      label: t(locale, 'embed.snippet.map'),
      code: frame(`${origin}/embed/map?lang=${locale}`, t(locale, 'embed.map.title'), 900),
    },
  ];
}

/** The report card's link to its "Embed this" page (the snippets would weigh on every card's first load). */
export function embedThisLink(locale: Locale, jurisdictionId: string): string {
  return `<p class="embed-link"><a href="${esc(`${reportCardPath(jurisdictionId)}/embed`)}">${esc(t(locale, 'embed.this.link'))}</a></p>`;
}

/** The "Embed this" section of a report card's embed page. */
export function embedThisSection(
  locale: Locale,
  origin: string,
  jurisdictionId: string,
  name: string,
): string {
  const items = embedSnippets(locale, origin, jurisdictionId, name)
    .map(
      (s) =>
        `<h3 id="embed-${s.id}">${esc(s.label)}</h3>\n<pre aria-labelledby="embed-${s.id}" tabindex="0"><code>${esc(s.code)}</code></pre>`,
    )
    .join('\n');
  return `<section aria-labelledby="embed-this"><h2 id="embed-this">${esc(t(locale, 'embed.this.title'))}</h2>
<p>${esc(t(locale, 'embed.this.intro'))}</p>
${items}
</section>`;
}

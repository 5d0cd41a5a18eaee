/**
 * Open Graph images and share tags. Policy: a report card's image (`/jurisdictions/<OCD id>/og.png`, 1200×630
 * PNG) is drawn on the server from what the public report card shows (services/portal.ts reads published
 * records only): the jurisdiction's name, score, grade, framework version and the site name; `/og.png` is the
 * site's own image for the home and methodology pages. Text is laid out as SVG and rendered by resvg with the
 * DejaVu Sans files of the `dejavu-fonts-ttf` package, loaded by path (no system font is assumed; DejaVu covers
 * accented Latin, so Spanish and French names render). Images are kept in their own page cache, emptied on
 * publication like the pages (portal-cache.ts), as base64 text.
 */
import { createRequire } from 'node:module';
import resvg from '@resvg/resvg-js';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isDomainError } from '../../core/errors.ts';
import type { Locale } from '../../core/framework/types.ts';
import { t } from '../../core/i18n/messages.ts';
import { localized } from '../../core/jurisdictions/types.ts';
import { type PortalReportCard, portalFramework, portalReportCard } from '../../services/portal.ts';
import { today } from '../../services/scores.ts';
import type { AppDeps } from '../deps.ts';
import { esc } from './html.ts';
import { createPageCache } from './portal-cache.ts';
import { fmt, reportCardPath } from './portal-html.ts';

const require = createRequire(import.meta.url);
const fontFiles = [
  require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
];

/** The image's size in pixels (what Open Graph and large Twitter cards expect). */
export const ogSize = { width: 1200, height: 630 } as const;

/** What a page says when shared. */
export interface ShareMeta {
  title: string;
  description: string;
  /** Absolute URLs (or paths, when the public URL is unknown). */
  url: string;
  image: string;
  imageAlt: string;
}

/** The share tags for `<head>`. */
export function shareTags(locale: Locale, m: ShareMeta): string {
  const tag = (property: string, content: string) =>
    `<meta property="${property}" content="${esc(content)}">`;
  return [
    tag('og:type', 'website'),
    tag('og:site_name', t(locale, 'site.name')),
    tag('og:title', m.title),
    tag('og:description', m.description),
    tag('og:url', m.url),
    tag('og:image', m.image),
    tag('og:image:width', String(ogSize.width)),
    tag('og:image:height', String(ogSize.height)),
    tag('og:image:alt', m.imageAlt),
    `<meta name="twitter:card" content="summary_large_image">`,
  ].join('\n');
}

/** `html` with the share tags added to its head. */
export function withShareTags(html: string, locale: Locale, m: ShareMeta): string {
  return html.replace('</head>', `${shareTags(locale, m)}\n</head>`);
}

/** The share description of a report card: its score and grade, or that it has none yet. */
export function reportDescription(locale: Locale, card: PortalReportCard): string {
  const r = card.score.result;
  const vars = {
    name: localized(card.jurisdiction.name, locale),
    framework: localized(card.framework.title, locale),
    version: card.framework.version,
  };
  return card.score.status === 'not_coded' || r.totalRounded === null
    ? t(locale, 'portal.og.notScored', vars)
    : t(locale, 'portal.og.report', { ...vars, total: fmt(r.totalRounded), grade: r.cappedGrade ?? '—' });
}

/** The share tags' content of a report card, with URLs under `origin` (the configured public URL). */
export function reportShare(locale: Locale, card: PortalReportCard, origin: string): ShareMeta {
  const path = reportCardPath(card.jurisdiction.id);
  const name = localized(card.jurisdiction.name, locale);
  const description = reportDescription(locale, card);
  return {
    title: t(locale, 'portal.report.title', { name }),
    description,
    url: `${origin}${path}?lang=${locale}`,
    image: `${origin}${path}/og.png?lang=${locale}`,
    imageAlt: description,
  };
}

/** The share tags' content of a site page (home, methodology), which share the site's image. */
export function siteShare(locale: Locale, title: string, path: string, origin: string): ShareMeta {
  const description = t(locale, path === '/' ? 'portal.og.home' : 'portal.og.methodology');
  return {
    title,
    description,
    url: `${origin}${path}?lang=${locale}`,
    image: `${origin}/og.png?lang=${locale}`,
    imageAlt: `${t(locale, 'site.name')}: ${t(locale, 'site.tagline')}`,
  };
}

/** Splits `text` into at most `lines` lines of about `width` characters (the last one cut with an ellipsis). */
function wrap(text: string, width: number, lines: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && `${line} ${word}`.length > width) {
      out.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(line);
  if (out.length <= lines) return out;
  const kept = out.slice(0, lines);
  kept[lines - 1] = `${kept[lines - 1]}…`;
  return kept;
}

function text(x: number, y: number, size: number, body: string, extra = ''): string {
  return `<text x="${x}" y="${y}" font-size="${size}"${extra}>${esc(body)}</text>`;
}

function frame(locale: Locale, body: string, footer: string): string {
  const { width, height } = ogSize;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="DejaVu Sans" fill="#1a1a1a">
<rect width="${width}" height="${height}" fill="#ffffff"/><rect width="24" height="${height}" fill="#0b5cad"/>
${text(72, 100, 44, t(locale, 'site.name'), ' font-weight="bold" fill="#0b5cad"')}
${body}
<rect x="72" y="520" width="${width - 144}" height="2" fill="#d0d0d0"/>
${text(72, 580, 30, footer, ' fill="#4a4a4a"')}
</svg>`;
}

/** The SVG of a report card's image (exported for tests: it is the image's only text source). */
export function reportImageSvg(locale: Locale, card: PortalReportCard): string {
  const name = localized(card.jurisdiction.name, locale);
  const r = card.score.result;
  // DejaVu Sans Bold averages about 0.65 em a character: 22 fit the 1056 px line at 72 px, 30 at 56 px.
  const size = name.length > 22 ? 56 : 72;
  const nameLines = wrap(name, size === 72 ? 22 : 30, 2);
  const names = nameLines
    .map((l, i) => text(72, 190 + i * (size + 10), size, l, ' font-weight="bold"'))
    .join('');
  const scored = card.score.status !== 'not_coded' && r.totalRounded !== null;
  const score = scored
    ? `${text(72, 430, 150, fmt(r.totalRounded), ' font-weight="bold"')}${text(72, 480, 34, `${t(locale, 'portal.og.score')}, ${t(locale, 'portal.og.outOf')}`, ' fill="#4a4a4a"')}
<rect x="760" y="290" width="300" height="200" rx="16" fill="#150c3a"/>${text(910, 335, 30, t(locale, 'portal.og.grade'), ' fill="#ffffff" text-anchor="middle"')}${text(910, 465, 120, r.cappedGrade ?? '—', ' font-weight="bold" fill="#ffffff" text-anchor="middle"')}`
    : text(72, 420, 48, t(locale, 'portal.og.none'), ' fill="#4a4a4a"');
  const footer = [
    t(locale, 'portal.og.framework', { version: card.framework.version }),
    card.publishedOn ? t(locale, 'portal.meta.published', { date: card.publishedOn }) : '',
  ]
    .filter(Boolean)
    .join(' · ');
  return frame(locale, `${names}\n${score}`, footer);
}

/** The SVG of the site's image (home and methodology). */
export function siteImageSvg(locale: Locale, frameworkVersion: number): string {
  const lines = wrap(t(locale, 'site.tagline'), 26, 3)
    .map((l, i) => text(72, 220 + i * 80, 64, l, ' font-weight="bold"'))
    .join('');
  return frame(locale, lines, t(locale, 'portal.og.framework', { version: frameworkVersion }));
}

/** Renders an image's SVG to PNG bytes with the shipped fonts only. */
export function renderPng(svg: string): Buffer {
  const image = new resvg.Resvg(svg, {
    font: { fontFiles, loadSystemFonts: false, defaultFontFamily: 'DejaVu Sans' },
    fitTo: { mode: 'original' },
  });
  return image.render().asPng();
}

/** How a page picks its locale (as portal.ts's `LocaleOf`). */
type LocaleOf = (request: FastifyRequest, reply: FastifyReply) => Locale;

/**
 * Makes the image handlers: `site` answers `/og.png`; `report` answers `/jurisdictions/<id>/og.png` when the
 * wildcard path ends in `/og.png` (null otherwise, so the report card route goes on). Both share a cache of
 * at most 200 images, emptied on publication; `dispose` stops it listening.
 */
export function createOgImages(deps: AppDeps, requestLocale: LocaleOf) {
  const cache = createPageCache({ maxEntries: 200 });
  const db = deps.store.db;
  const send = (reply: FastifyReply, page: { status: number; body: string; hit: boolean }) =>
    page.status === 200
      ? reply
          .type('image/png')
          .header('cache-control', 'public, max-age=300')
          .header('x-portal-cache', page.hit ? 'hit' : 'miss')
          .send(Buffer.from(page.body, 'base64'))
      : reply.status(page.status).type('text/plain; charset=utf-8').send(page.body);
  return {
    dispose: () => cache.dispose(),
    async site(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
      const locale = requestLocale(request, reply);
      const page = await cache.serve(`${locale}|${today()}|/og.png`, async () => {
        const framework = await portalFramework({ db });
        return { status: 200, body: renderPng(siteImageSvg(locale, framework.version)).toString('base64') };
      });
      return send(reply, page);
    },
    async report(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | null> {
      const path = (request.params as { '*': string })['*'];
      if (!path.endsWith('/og.png')) return null;
      const id = path.slice(0, -'/og.png'.length);
      const locale = requestLocale(request, reply);
      const date = today();
      const page = await cache.serve(`${locale}|${date}|${id}/og.png`, async () => {
        try {
          const card = await portalReportCard({ db }, id, date, locale);
          return { status: 200, body: renderPng(reportImageSvg(locale, card)).toString('base64') };
        } catch (err) {
          if (isDomainError(err) && err.code === 'JURISDICTION_NOT_FOUND') {
            return { status: 404, body: t(locale, 'portal.report.notFound') };
          }
          throw err;
        }
      });
      return send(reply, page);
    },
  };
}

/**
 * The public portal's routes: `/` (home), `/jurisdictions/<OCD id>` (report card), `/rankings`,
 * `/methodology`, `/assets/portal.css` and the share images (`/og.png`, `/jurisdictions/<OCD id>/og.png`:
 * portal-og.ts). Server-rendered, working without JavaScript, in the reader's locale
 * (`requestLocale`). Pages come from the page cache (portal-cache.ts) keyed by locale, date, path and the
 * canonical query, so a hit never touches the database; `x-portal-cache: hit|miss` says which it was.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isDomainError } from '../../core/errors.ts';
import type { Locale } from '../../core/framework/types.ts';
import { t } from '../../core/i18n/messages.ts';
import { portalMethodology, portalOverview, portalReportCard } from '../../services/portal.ts';
import { portalReportExtras } from '../../services/portal-compare.ts';
import { listPublicCampaigns } from '../../services/public-campaigns.ts';
import { today } from '../../services/scores.ts';
import type { AppDeps } from '../deps.ts';
import { registerLawLibraryPages } from './law-library.ts';
import { type CachedPage, createPageCache, type PageCache } from './portal-cache.ts';
import { sendPortalPage, sendText } from './portal-compress.ts';
import { portalHomePage } from './portal-home.ts';
import { portalCss } from './portal-html.ts';
import { registerLivePortalPages } from './portal-live.ts';
import { portalMethodologyPage } from './portal-methodology.ts';
import { createOgImages, reportShare, siteShare, withShareTags } from './portal-og.ts';
import { printCss } from './portal-print.ts';
import { portalRankingsPage, rankingQuery, rankingView } from './portal-rankings.ts';
import { portalEmbedPage, portalNotFoundPage, portalReportPage } from './portal-report.ts';
import { registerRightsPages } from './portal-rights.ts';

const ok = (body: string): CachedPage => ({ status: 200, body });

/** How a page picks its locale (pages.ts's `requestLocale`, passed in so the two files do not import each other). */
export type LocaleOf = (request: FastifyRequest, reply: FastifyReply) => Locale;

/** Registers the portal pages on `app` with a fresh page cache, which is returned (tests and benches read it). */
export async function registerPortalPages(
  app: FastifyInstance,
  deps: AppDeps,
  requestLocale: LocaleOf,
): Promise<PageCache> {
  const cache = createPageCache();
  app.addHook('onClose', async () => cache.dispose());
  const rights = await registerRightsPages(app, deps, requestLocale, cache);
  registerLawLibraryPages(app, deps, requestLocale, cache);
  registerLivePortalPages(app, deps, requestLocale, cache);
  const db = deps.store.db;
  const key = (locale: Locale, date: string, path: string) => `${locale}|${date}|${path}`;
  const origin = deps.config.publicUrl;
  const og = createOgImages(deps, requestLocale);
  app.addHook('onClose', async () => og.dispose());
  app.get('/og.png', og.site);

  const css = portalCss + printCss;
  app.get('/assets/portal.css', async (request, reply) =>
    sendText(
      request,
      reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600'),
      css,
    ),
  );

  app.get('/', async (request, reply) => {
    const locale = requestLocale(request, reply);
    const date = today();
    const page = await cache.serve(key(locale, date, '/'), async () =>
      ok(
        withShareTags(
          portalHomePage(locale, await portalOverview({ db }, date), await listPublicCampaigns({ db })),
          locale,
          siteShare(locale, `${t(locale, 'site.name')}: ${t(locale, 'site.tagline')}`, '/', origin),
        ),
      ),
    );
    return sendPortalPage(reply, page);
  });

  app.get('/rankings', async (request, reply) => {
    const locale = requestLocale(request, reply);
    const date = today();
    const view = rankingView(request.query);
    const page = await cache.serve(key(locale, date, `/rankings?${rankingQuery(view)}`), async () =>
      ok(portalRankingsPage(locale, await portalOverview({ db }, date), view)),
    );
    return sendPortalPage(reply, page);
  });

  app.get('/methodology', async (request, reply) => {
    const locale = requestLocale(request, reply);
    const page = await cache.serve(key(locale, today(), '/methodology'), async () =>
      ok(
        withShareTags(
          portalMethodologyPage(locale, await portalMethodology({ db })),
          locale,
          siteShare(locale, t(locale, 'portal.method.title'), '/methodology', origin),
        ),
      ),
    );
    return sendPortalPage(reply, page);
  });

  app.get('/jurisdictions/*', async (request, reply) => {
    const sub = (await rights(request, reply)) ?? (await og.report(request, reply));
    if (sub) return sub;
    const locale = requestLocale(request, reply);
    const date = today();
    const path = (request.params as { '*': string })['*'];
    const embed = path.endsWith('/embed');
    const id = embed ? path.slice(0, -'/embed'.length) : path;
    const page = await cache.serve(key(locale, date, `/jurisdictions/${path}`), async () => {
      try {
        if (embed)
          return ok(portalEmbedPage(locale, await portalReportCard({ db }, id, date, locale), origin));
        const base = await portalReportCard({ db }, id, date, locale);
        const card = {
          ...base,
          live: await portalReportExtras({ db }, base.jurisdiction.id, base.gaps, date),
        };
        return ok(withShareTags(portalReportPage(locale, card), locale, reportShare(locale, card, origin)));
      } catch (err) {
        if (isDomainError(err) && err.code === 'JURISDICTION_NOT_FOUND') {
          return { status: 404, body: portalNotFoundPage(locale, request.url.split('?')[0] ?? '/') };
        }
        throw err;
      }
    });
    return sendPortalPage(reply, page);
  });
  return cache;
}

/**
 * The portal's comparison page (`/compare?j=…&j=…`) and public campaign pages (`/campaigns/<slug>`), served
 * from the portal's page cache like the other portal pages (emptied on every publication event, which the
 * campaign flag, stories, bill imports and bill-link decisions send too). A comparison that cannot be made
 * answers 400 with the form and the reason; a private or unknown campaign 404. Both never read unpublished data.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { publicActor } from '../../core/auth/permissions.ts';
import { isDomainError } from '../../core/errors.ts';
import type { Locale } from '../../core/framework/types.ts';
import { t } from '../../core/i18n/messages.ts';
import { localized } from '../../core/jurisdictions/types.ts';
import { type FieldKey, loadFieldKey } from '../../services/field-crypto.ts';
import { getFramework } from '../../services/framework.ts';
import { requireJurisdiction } from '../../services/jurisdictions.ts';
import { portalOverview } from '../../services/portal.ts';
import { portalComparison } from '../../services/portal-compare.ts';
import { publicCampaign } from '../../services/public-campaigns.ts';
import { today } from '../../services/scores.ts';
import { publicStories } from '../../services/stories.ts';
import type { AppDeps } from '../deps.ts';
import type { PageCache } from './portal-cache.ts';
import { portalCampaignNotFoundPage, portalCampaignPage } from './portal-campaign.ts';
import { compareQuery, portalComparePage } from './portal-compare.ts';
import { sendPortalPage } from './portal-compress.ts';
import { campaignPath } from './portal-live-html.ts';

type LocaleOf = (request: FastifyRequest, reply: FastifyReply) => Locale;

/** The jurisdictions asked for: every non-empty `j`, trimmed, in order (at most 16 read). */
export function chosenIds(query: unknown): string[] {
  const raw = (query as { j?: unknown } | null)?.j;
  const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  return list
    .slice(0, 16)
    .map((v) => (typeof v === 'string' ? v.trim().slice(0, 300) : ''))
    .filter((v) => v !== '');
}

/** Registers `/compare` and `/campaigns/:slug` on `app`, cached in `cache`. */
export function registerLivePortalPages(
  app: FastifyInstance,
  deps: AppDeps,
  requestLocale: LocaleOf,
  cache: PageCache,
): void {
  const db = deps.store.db;
  const key = (locale: Locale, date: string, path: string) => `${locale}|${date}|${path}`;
  let fieldKey: FieldKey | undefined;

  app.get('/compare', async (request, reply) => {
    const locale = requestLocale(request, reply);
    const date = today();
    const ids = chosenIds(request.query);
    const page = await cache.serve(key(locale, date, `/compare?${compareQuery(ids)}`), async () => {
      const overview = await portalOverview({ db }, date);
      const options = overview.scores.map((s) => ({
        id: s.jurisdiction.id,
        name: localized(s.jurisdiction.name, locale),
      }));
      const meta = { framework: overview.framework, asOf: date, publishedOn: overview.publishedOn };
      const render = (
        status: number,
        view: Awaited<ReturnType<typeof portalComparison>> | null,
        problem: string | null,
      ) => {
        const known = new Set(options.map((o) => o.id));
        const extra = (view?.jurisdictions ?? [])
          .filter((j) => !known.has(j.id))
          .map((j) => ({ id: j.id, name: localized(j.name, locale) }));
        return {
          status,
          body: portalComparePage(locale, {
            options: [...options, ...extra],
            chosen: ids,
            view,
            problem,
            meta,
          }),
        };
      };
      if (ids.length === 0) return render(200, null, null);
      try {
        return render(200, await portalComparison({ db }, ids, date), null);
      } catch (err) {
        if (isDomainError(err) && err.code === 'JURISDICTION_NOT_FOUND') {
          const id = String((err.details as { id?: unknown } | undefined)?.id ?? '');
          return render(400, null, t(locale, 'portal.compare.unknown', { id }));
        }
        if (isDomainError(err) && err.code === 'VALIDATION_FAILED') {
          const repeated = new Set(ids).size !== ids.length;
          const problem = repeated
            ? t(locale, 'portal.compare.repeat')
            : t(locale, 'portal.compare.count', { count: ids.length });
          return render(400, null, problem);
        }
        throw err;
      }
    });
    return sendPortalPage(reply, page);
  });

  app.get<{ Params: { slug: string } }>('/campaigns/:slug', async (request, reply) => {
    const locale = requestLocale(request, reply);
    const date = today();
    const slug = request.params.slug;
    const page = await cache.serve(key(locale, date, campaignPath(slug)), async () => {
      try {
        const campaign = await publicCampaign({ db }, slug);
        fieldKey ??= loadFieldKey(deps.config);
        const pub = { db, actor: publicActor };
        const stories = await publicStories({ ...pub, fieldKey }, campaign.id);
        const framework = await getFramework(pub);
        // An organisation's own jurisdiction has no public report card: named by id, not linked.
        const jurisdiction = await requireJurisdiction(pub, campaign.jurisdictionId).catch(() => null);
        return {
          status: 200,
          body: portalCampaignPage(locale, {
            campaign,
            jurisdiction,
            stories,
            meta: { framework },
          }),
        };
      } catch (err) {
        if (isDomainError(err) && err.code === 'CAMPAIGN_NOT_FOUND') {
          return { status: 404, body: portalCampaignNotFoundPage(locale, campaignPath(slug)) };
        }
        throw err;
      }
    });
    return sendPortalPage(reply, page);
  });
}

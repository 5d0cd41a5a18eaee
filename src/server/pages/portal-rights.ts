/**
 * The portal's rights pages (docs/portal.md, "Know your rights and get help"):
 * - `GET /jurisdictions/<OCD id>/rights[?lang_filter=es]`: protections from published answers and the
 *   jurisdiction's published help resources, with the quick-exit bar; cached like every portal page;
 * - `GET /jurisdictions/<OCD id>/report-error?answer=<id>`: the "report an error" form for a published answer;
 * - `POST /jurisdictions/<OCD id>/report-error`: stores the report (no session, so no CSRF token: the browser
 *   must say it posts from our site; a honeypot field; rate-limited per client address);
 * - `/assets/quick-exit.js` and `/assets/rights.css`.
 * The two GETs share the report card's wildcard route: portal.ts asks `dispatch` first.
 */
import formbody from '@fastify/formbody';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isDomainError } from '../../core/errors.ts';
import type { Locale } from '../../core/framework/types.ts';
import { normalizeLanguage } from '../../core/help-resources/help-resources.ts';
import { isLocale } from '../../core/i18n/locales.ts';
import type { MessageKey } from '../../core/i18n/messages.ts';
import { localized } from '../../core/jurisdictions/types.ts';
import { submitErrorReport } from '../../services/error-reports.ts';
import { type FieldKey, loadFieldKey } from '../../services/field-crypto.ts';
import { portalRights, publicAnswer } from '../../services/portal-rights.ts';
import { today } from '../../services/scores.ts';
import type { AppDeps } from '../deps.ts';
import { fromOurOrigin } from './follow.ts';
import type { CachedPage, PageCache } from './portal-cache.ts';
import { portalNotFoundPage } from './portal-report.ts';
import {
  defaultQuickExitUrl,
  quickExitJs,
  reportErrorPage,
  reportMessagePage,
  rightsCss,
  rightsPage,
  withQuickExit,
} from './portal-rights-html.ts';

/** How a page picks its locale (pages.ts's `requestLocale`, passed in). */
type LocaleOf = (request: FastifyRequest, reply: FastifyReply) => Locale;

/** Answers a rights sub-page of the report card's wildcard route, or returns null when the path is not one. */
export type RightsDispatch = (request: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply | null>;

function field(values: unknown, name: string): string {
  const v = (values as Record<string, unknown> | undefined)?.[name];
  return typeof v === 'string' ? v : '';
}

function html(reply: FastifyReply, status: number, body: string, cacheHit?: boolean): FastifyReply {
  reply.status(status).type('text/html; charset=utf-8').header('cache-control', 'no-cache');
  if (cacheHit !== undefined) reply.header('x-portal-cache', cacheHit ? 'hit' : 'miss');
  return reply.send(body);
}

const problemKeys: Record<string, MessageKey> = {
  message: 'rights.report.error.message',
  contact: 'rights.report.error.contact',
};

/** Registers the assets and the report POST, and returns the dispatcher for the two GET pages. */
export async function registerRightsPages(
  app: FastifyInstance,
  deps: AppDeps,
  requestLocale: LocaleOf,
  cache: PageCache,
): Promise<RightsDispatch> {
  const db = deps.store.db;
  const quickExitUrl = deps.config.quickExitUrl ?? defaultQuickExitUrl;
  let key: FieldKey | null = null;
  const fieldKey = () => {
    key ??= loadFieldKey(deps.config);
    return key;
  };

  app.get('/assets/quick-exit.js', async (_request, reply) =>
    reply
      .type('text/javascript; charset=utf-8')
      .header('cache-control', 'public, max-age=3600')
      .send(quickExitJs),
  );
  app.get('/assets/rights.css', async (_request, reply) =>
    reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(rightsCss),
  );

  const formPage = async (
    locale: Locale,
    id: string,
    answerId: string,
    extra: Partial<Parameters<typeof reportErrorPage>[1]> = {},
  ) => {
    const found = await publicAnswer({ db }, id, answerId);
    if (!found) return null;
    return reportErrorPage(locale, {
      jurisdictionId: found.jurisdiction.id,
      jurisdictionName: localized(found.jurisdiction.name, locale),
      answer: found.answer,
      indicator: found.framework.indicators.find((i) => i.id === found.answer.indicatorId),
      ...extra,
    });
  };

  const notFound = (reply: FastifyReply, locale: Locale, request: FastifyRequest) =>
    html(reply, 404, portalNotFoundPage(locale, request.url.split('?')[0] ?? '/'));

  await app.register(async (scope) => {
    await scope.register(formbody, { bodyLimit: 16 * 1024 });
    scope.post(
      '/jurisdictions/*',
      { config: { rateLimit: { max: 10, timeWindow: 60_000 } } },
      async (request, reply) => {
        const path = (request.params as { '*': string })['*'];
        const body = request.body;
        const lang = field(body, 'lang');
        const locale = isLocale(lang) ? lang : requestLocale(request, reply);
        if (!path.endsWith('/report-error')) return notFound(reply, locale, request);
        const id = path.slice(0, -'/report-error'.length);
        const answerId = field(body, 'answer');
        const input = { message: field(body, 'message'), contact: field(body, 'contact') };
        try {
          if (!fromOurOrigin(request, deps.config.publicUrl)) {
            return html(
              reply,
              403,
              reportMessagePage(locale, id, 'rights.report.title', 'rights.report.error.origin'),
            );
          }
          await submitErrorReport(
            { db, fieldKey: fieldKey() },
            { jurisdictionId: id, answerId, ...input, honeypot: field(body, 'website'), locale },
          );
        } catch (err) {
          if (isDomainError(err, 'ANSWER_NOT_FOUND') || isDomainError(err, 'JURISDICTION_NOT_FOUND'))
            return html(
              reply,
              404,
              reportMessagePage(locale, id, 'rights.report.title', 'rights.report.notFound'),
            );
          if (isDomainError(err, 'VALIDATION_FAILED')) {
            const problems = ((err.details as { problems: Array<{ field: string }> }).problems ?? [])
              .map((p) => problemKeys[p.field])
              .filter((k): k is MessageKey => k !== undefined);
            const page = await formPage(locale, id, answerId, { ...input, problems });
            if (page) return html(reply, 400, page);
          }
          throw err;
        }
        return html(
          reply,
          200,
          reportMessagePage(locale, id, 'rights.report.sent.title', 'rights.report.sent.body'),
        );
      },
    );
  });

  return async (request, reply) => {
    const path = (request.params as { '*': string })['*'];
    if (path.endsWith('/rights')) {
      const locale = requestLocale(request, reply);
      const id = path.slice(0, -'/rights'.length);
      const raw = field(request.query, 'lang_filter');
      const filter = raw ? (normalizeLanguage(raw)?.slice(0, 2) ?? '') : '';
      const date = today();
      const page = await cache.serve(
        `${locale}|${date}|/jurisdictions/${path}?lang_filter=${filter}`,
        async (): Promise<CachedPage> => {
          try {
            const view = await portalRights({ db }, id, date, filter || undefined);
            return { status: 200, body: withQuickExit(locale, rightsPage(locale, view), quickExitUrl) };
          } catch (err) {
            if (isDomainError(err, 'JURISDICTION_NOT_FOUND'))
              return { status: 404, body: portalNotFoundPage(locale, request.url.split('?')[0] ?? '/') };
            throw err;
          }
        },
      );
      return html(reply, page.status, page.body, page.hit);
    }
    if (path.endsWith('/report-error')) {
      const locale = requestLocale(request, reply);
      const id = path.slice(0, -'/report-error'.length);
      try {
        const page = await formPage(locale, id, field(request.query, 'answer'));
        if (page) return html(reply, 200, page);
        return html(
          reply,
          404,
          reportMessagePage(locale, id, 'rights.report.title', 'rights.report.notFound'),
        );
      } catch (err) {
        if (isDomainError(err, 'JURISDICTION_NOT_FOUND')) return notFound(reply, locale, request);
        throw err;
      }
    }
    return null;
  };
}

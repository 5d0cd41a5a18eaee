/**
 * The public law library's routes (docs/portal.md, "Law library"):
 * - `GET /law?q=&jurisdiction=&document=&on=&page=`: provision search across jurisdictions (without words, the
 *   list of laws);
 * - `GET /law/<document id>[?on=YYYY-MM-DD]`: the law as in force that day (default today), every provision at
 *   its stable anchor, and the version history;
 * - `GET /law/<document id>/<provision key>[?on=]`: one provision at its stable URL;
 * - `GET /law/<document id>/changes?from=&to=`: the provision diff between the versions in force on two dates;
 * - `/assets/law-library.css`.
 * Pages are cached like every portal page (keyed by locale, date, path and canonical query). Bad input (a
 * query too long, a bad date or page, an unknown jurisdiction or law, a repeated field) is a 400 page saying
 * what is wrong; an unknown law or provision is a 404 page.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { publicActor } from '../../core/auth/permissions.ts';
import { isDomainError } from '../../core/errors.ts';
import type { Locale } from '../../core/framework/types.ts';
import { t } from '../../core/i18n/messages.ts';
import { isProvisionKey } from '../../core/laws/anchors.ts';
import { isIsoDate } from '../../core/laws/intervals.ts';
import { searchLimits } from '../../core/laws/search.ts';
import { lawChanges, lawDocumentOn, lawLibraryIndex, searchLawLibrary } from '../../services/law-library.ts';
import { getLaw } from '../../services/laws.ts';
import { today } from '../../services/scores.ts';
import type { AppDeps } from '../deps.ts';
import {
  type ChangesView,
  lawChangesPage,
  lawDocumentPage,
  lawNotFoundPage,
  provisionPage,
} from './law-document-html.ts';
import { lawLibraryCss, lawSearchPage, problems, type SearchView, searchQuery } from './law-library-html.ts';
import type { CachedPage, PageCache } from './portal-cache.ts';
import { sendPortalPage } from './portal-compress.ts';

/** How a page picks its locale (pages.ts's `requestLocale`, passed in). */
type LocaleOf = (request: FastifyRequest, reply: FastifyReply) => Locale;

/** Hits per search page. */
const pageSize = 20;
/** The last page a search may ask for (offsets stop at `searchLimits.maxOffset`). */
const maxPage = Math.floor(searchLimits.maxOffset / pageSize) + 1;

/** The query's fields as strings; `repeated` when one was given twice. */
function fields<K extends string>(
  query: unknown,
  names: readonly K[],
): { values: Record<K, string>; repeated: boolean } {
  const q = (query ?? {}) as Record<string, unknown>;
  let repeated = false;
  const values = {} as Record<K, string>;
  for (const name of names) {
    const v = q[name];
    if (Array.isArray(v)) repeated = true;
    values[name] = typeof v === 'string' ? v.trim() : Array.isArray(v) ? String(v[0] ?? '').trim() : '';
  }
  return { values, repeated };
}

/** What is wrong with a search, in the reader's language (empty when nothing is). */
function searchProblems(locale: Locale, view: SearchView, rawPage: string, repeated: boolean): string[] {
  const out: string[] = [];
  if (repeated) out.push(t(locale, 'lawlib.error.repeated'));
  if (view.q.length > searchLimits.maxQueryChars) {
    out.push(t(locale, 'lawlib.error.queryLong', { max: searchLimits.maxQueryChars }));
  }
  if (view.on && !isIsoDate(view.on)) out.push(t(locale, 'lawlib.error.date', { value: view.on }));
  if (rawPage && !(/^\d{1,4}$/.test(rawPage) && view.page >= 1 && view.page <= maxPage)) {
    out.push(t(locale, 'lawlib.error.page', { max: maxPage }));
  }
  return out;
}

/** Registers the library's pages on `app`, sharing the portal's page cache. */
export function registerLawLibraryPages(
  app: FastifyInstance,
  deps: AppDeps,
  requestLocale: LocaleOf,
  cache: PageCache,
): void {
  const { db, dialect } = deps.store;
  const key = (locale: Locale, date: string, path: string) => `${locale}|${date}|${path}`;

  app.get('/assets/law-library.css', async (_request, reply) =>
    reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(lawLibraryCss),
  );

  app.get('/law', async (request, reply) => {
    const locale = requestLocale(request, reply);
    const date = today();
    const { values, repeated } = fields(request.query, ['q', 'jurisdiction', 'document', 'on', 'page']);
    const view: SearchView = {
      q: values.q,
      jurisdiction: values.jurisdiction,
      document: values.document,
      on: values.on,
      page: /^\d{1,4}$/.test(values.page) ? Number(values.page) : 1,
    };
    const errors = searchProblems(locale, view, values.page, repeated);
    const index = () => lawLibraryIndex({ db }, view.on && isIsoDate(view.on) ? view.on : undefined);
    if (errors.length > 0) {
      return sendPortalPage(reply, {
        status: 400,
        body: lawSearchPage(locale, await index(), view, { found: null, errors, date }),
      });
    }
    const page = await cache.serve(key(locale, date, `/law?${searchQuery(view)}`), async () => {
      const idx = await index();
      const filtered = view.jurisdiction !== '' || view.document !== '';
      if (view.q === '' && !filtered) {
        return { status: 200, body: lawSearchPage(locale, idx, view, { found: null, errors: [], date }) };
      }
      try {
        // Without words the search finds nothing but still checks the filters; the page lists the laws they keep.
        const found = await searchLawLibrary(
          { db, dialect },
          {
            query: view.q,
            limit: pageSize,
            offset: (view.page - 1) * pageSize,
            ...(view.jurisdiction ? { jurisdictionId: view.jurisdiction } : {}),
            ...(view.document ? { documentId: view.document } : {}),
            ...(view.on ? { on: view.on } : {}),
          },
        );
        const shown = view.q === '' ? null : found;
        return { status: 200, body: lawSearchPage(locale, idx, view, { found: shown, errors: [], date }) };
      } catch (err) {
        if (!isDomainError(err)) throw err;
        const message =
          err.code === 'JURISDICTION_NOT_FOUND'
            ? t(locale, 'lawlib.error.jurisdiction', { value: view.jurisdiction })
            : err.code === 'LAW_NOT_FOUND'
              ? t(locale, 'lawlib.error.document', { value: view.document })
              : err.message;
        return {
          status: 400,
          body: lawSearchPage(locale, idx, view, { found: null, errors: [message], date }),
        };
      }
    });
    return sendPortalPage(reply, page);
  });

  /** The `on` date of a document page, or the 400 page when it is not a date. */
  const onDate = (locale: Locale, request: FastifyRequest): { on: string } | { errors: string[] } => {
    const { values, repeated } = fields(request.query, ['on']);
    if (repeated) return { errors: [t(locale, 'lawlib.error.repeated')] };
    if (values.on === '') return { on: today() };
    if (!isIsoDate(values.on)) return { errors: [t(locale, 'lawlib.error.date', { value: values.on })] };
    return { on: values.on };
  };

  const notFound = (locale: Locale, request: FastifyRequest, body?: string): CachedPage => ({
    status: 404,
    body: lawNotFoundPage(locale, request.url.split('?')[0] ?? '/law', body),
  });

  app.get('/law/:id', async (request, reply) => {
    const locale = requestLocale(request, reply);
    const { id } = request.params as { id: string };
    const date = today();
    const when = onDate(locale, request);
    if ('errors' in when) return badDate(locale, request, reply, id, when.errors);
    const page = await cache.serve(key(locale, date, `/law/${id}?on=${when.on}`), async () => {
      try {
        return { status: 200, body: lawDocumentPage(locale, await lawDocumentOn({ db }, id, when.on), date) };
      } catch (err) {
        if (isDomainError(err) && err.code === 'LAW_NOT_FOUND') return notFound(locale, request);
        throw err;
      }
    });
    return sendPortalPage(reply, page);
  });

  app.get('/law/:id/changes', async (request, reply) => {
    const locale = requestLocale(request, reply);
    const { id } = request.params as { id: string };
    const date = today();
    const { values, repeated } = fields(request.query, ['from', 'to']);
    const page = await cache.serve(
      key(locale, date, `/law/${id}/changes?from=${values.from}&to=${values.to}`),
      async () => {
        let document: Awaited<ReturnType<typeof getLaw>>;
        try {
          document = await getLaw({ db, actor: publicActor }, id);
        } catch (err) {
          if (isDomainError(err) && err.code === 'LAW_NOT_FOUND') return notFound(locale, request);
          throw err;
        }
        const versions = document.versions;
        const latest = versions[versions.length - 1];
        const view: ChangesView = {
          from: values.from || (versions[versions.length - 2] ?? latest)?.effectiveFrom || '',
          to: values.to || latest?.effectiveFrom || '',
        };
        const errors: string[] = [];
        if (repeated) errors.push(t(locale, 'lawlib.error.repeated'));
        for (const v of [view.from, view.to]) {
          if (!isIsoDate(v)) errors.push(t(locale, 'lawlib.error.date', { value: v }));
        }
        if (errors.length > 0) {
          return {
            status: 400,
            body: lawChangesPage(locale, document.document, view, { changes: null, errors }),
          };
        }
        try {
          const changes = await lawChanges({ db }, id, view.from, view.to);
          return {
            status: 200,
            body: lawChangesPage(locale, document.document, view, { changes, errors: [] }),
          };
        } catch (err) {
          if (!isDomainError(err) || err.code !== 'LAW_VERSION_NOT_FOUND') throw err;
          const field = (err.details as { field?: string } | undefined)?.field === 'to' ? view.to : view.from;
          const message = t(locale, 'lawlib.changes.noVersion', { date: field });
          return {
            status: 400,
            body: lawChangesPage(locale, document.document, view, { changes: null, errors: [message] }),
          };
        }
      },
    );
    return sendPortalPage(reply, page);
  });

  app.get('/law/:id/:key', async (request, reply) => {
    const locale = requestLocale(request, reply);
    const { id, key: provision } = request.params as { id: string; key: string };
    const date = today();
    const when = onDate(locale, request);
    if ('errors' in when) return badDate(locale, request, reply, id, when.errors);
    const page = await cache.serve(key(locale, date, `/law/${id}/${provision}?on=${when.on}`), async () => {
      try {
        const view = await lawDocumentOn({ db }, id, when.on);
        const body = isProvisionKey(provision) ? provisionPage(locale, view, provision, date) : null;
        return body
          ? { status: 200, body }
          : notFound(locale, request, t(locale, 'lawlib.prov.notFoundBody', { date: when.on }));
      } catch (err) {
        if (isDomainError(err) && err.code === 'LAW_NOT_FOUND') return notFound(locale, request);
        throw err;
      }
    });
    return sendPortalPage(reply, page);
  });

  /** A document or provision page asked for with a bad `on`: the law's page as of today, saying what is wrong. */
  async function badDate(
    locale: Locale,
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    errors: string[],
  ): Promise<FastifyReply> {
    try {
      const view = await lawDocumentOn({ db }, id, today());
      const body = lawDocumentPage(locale, view, today()).replace(
        '</h1>',
        `</h1>\n${problems(locale, errors)}`,
      );
      return sendPortalPage(reply, { status: 400, body });
    } catch (err) {
      if (isDomainError(err) && err.code === 'LAW_NOT_FOUND')
        return sendPortalPage(reply, notFound(locale, request));
      throw err;
    }
  }
}

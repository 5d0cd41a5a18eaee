/**
 * The public action pages in embed form, for partner sites' iframes (docs/embeds.md):
 * - `GET /embed/act/:slug` and `POST /embed/act/:slug/sign`: the petition, its count and the same no-JS sign
 *   form as `/act/:slug`, with the same abuse controls (the app's one signing limiter, the same challenge);
 * - `GET|POST /embed/act/:slug/letter` (find your lawmakers, then the editable letter) and
 *   `POST /embed/act/:slug/letter/send`;
 * - `GET|POST /embed/act/:slug/call`: numbers, script and the outcome report.
 * Cache rules as for the petition page: an embed page GET without a lookup is served from memory
 * (petition-cache.ts), so it touches no database on a hit. Lookups and the letter preview are answered by the
 * public page's own handler (an in-process request) and turned into embed form, so the logic is one.
 * `?partner=<code>` (a campaign partner's organisation slug) is carried by every form and checked only when an
 * action is stored (services/embed-partners.ts): an unknown code is recorded as no partner, never an error.
 * Writes must come from our own origin, as on the public pages: a form inside the frame is our origin.
 */
import { randomBytes } from 'node:crypto';
import formbody from '@fastify/formbody';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { isDomainError } from '../../core/errors.ts';
import type { Locale } from '../../core/framework/types.ts';
import { type MessageKey, t } from '../../core/i18n/messages.ts';
import { reportCall } from '../../services/call-reports.ts';
import { partnerCodeOf, resolveEmbedPartner } from '../../services/embed-partners.ts';
import { type FieldKey, loadFieldKey } from '../../services/field-crypto.ts';
import {
  actionTargets,
  type LetterProblem,
  publicAction,
  sendLetter,
} from '../../services/letter-sending.ts';
import {
  aggregatedCount,
  findPublicPetition,
  publicPetition,
  type SignatureProblem,
  signPetition,
} from '../../services/petition-signing.ts';
import type { AppDeps } from '../deps.ts';
import { embedActionPage, embedCss, withPartner } from './embed-html.ts';
import { fromOurOrigin } from './follow.ts';
import { field, html, list, localeOf } from './form-pages.ts';
import { esc } from './html.ts';
import { letterPreviewPage } from './letter-action-html.ts';
import { letterInput, refusedLetterForm, wantedTargets } from './letter-form.ts';
import { PetitionPageCache, petitionPageCache } from './petition-cache.ts';
import { refusedPetitionPage, signatureInput, signRefusal } from './petition-form.ts';
import { idempotencyPlaceholder, petitionMessage, petitionPage } from './petition-html.ts';
import { appSignatureWriter, appSigningLimiter } from './petition-limiter.ts';

/** The partner code of a request (query or form), when well-formed; otherwise none. */
function partnerOf(request: FastifyRequest): string | null {
  return partnerCodeOf(field(request.body, 'partner') || field(request.query, 'partner'));
}

/** The query a lookup keeps, without the partner code (the embed page adds it back). */
function lookupQuery(query: unknown): string {
  const keep = new URLSearchParams();
  for (const name of ['postcode', 'lat', 'lon'] as const)
    if (field(query, name)) keep.set(name, field(query, name));
  for (const d of list(query, 'd')) keep.append('d', d);
  return keep.toString();
}

/** Registers the embed forms of the petition, letter and call pages. */
export async function registerEmbedActionPages(app: FastifyInstance, deps: AppDeps): Promise<void> {
  let key: FieldKey | null = null;
  const fieldKey = () => {
    key ??= loadFieldKey(deps.config);
    return key;
  };
  const db = deps.store.db;
  const petitions = petitionPageCache(app);
  const actions = new PetitionPageCache();
  const limiter = appSigningLimiter(app, deps.config.petitionAbuse);
  const writer = appSignatureWriter(app, deps.store);

  app.get('/assets/embed.css', async (_request, reply) =>
    reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(embedCss),
  );

  /** A page of the public action routes, asked in-process, as an embed page. */
  const viaPublicPage = async (
    request: FastifyRequest,
    method: 'GET' | 'POST',
    url: string,
    embedPath: string,
    query = '',
  ) => {
    const locale = localeOf(request);
    const res = await app.inject({
      method,
      url,
      remoteAddress: request.ip,
      headers: {
        ...(method === 'POST' ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
        ...(typeof request.headers['sec-fetch-site'] === 'string'
          ? { 'sec-fetch-site': request.headers['sec-fetch-site'] }
          : {}),
        ...(typeof request.headers.origin === 'string' ? { origin: request.headers.origin } : {}),
        ...(typeof request.headers.host === 'string' ? { host: request.headers.host } : {}),
      },
      ...(method === 'POST' ? { payload: formOf(request.body, locale) } : {}),
    });
    return { status: res.statusCode, body: embedActionPage(locale, res.body, embedPath, query) };
  };

  await app.register(async (scope) => {
    await scope.register(formbody, { bodyLimit: 64 * 1024 });

    scope.get<{ Params: { slug: string } }>('/embed/act/:slug', async (request, reply) => {
      const locale = localeOf(request);
      const slug = request.params.slug;
      const path = `/embed/act/${slug}`;
      let cached = petitions.get(slug, locale, 'embed');
      if (!cached) {
        const found = await publicPetition(db, slug);
        const page = found
          ? petitionPage(locale, found.petition, found.count)
          : petitionMessage(locale, 'petition.notFound.title', 'petition.notFound.body', '/');
        cached = { status: found ? 200 : 404, body: embedActionPage(locale, page, path) };
        petitions.set(slug, locale, cached, 'embed');
      }
      const fresh = randomBytes(18).toString('base64url');
      const body = withPartner(cached.body.replace(idempotencyPlaceholder, fresh), path, partnerOf(request));
      return html(reply, cached.status, body);
    });

    scope.post<{ Params: { slug: string } }>(
      '/embed/act/:slug/sign',
      { config: { rateLimit: { max: deps.config.petitionSignPerMinute, timeWindow: 60_000 } } },
      async (request, reply) => {
        const locale = localeOf(request);
        const slug = request.params.slug;
        const path = `/embed/act/${slug}`;
        const partner = partnerOf(request);
        const body = request.body;
        const send = (status: number, page: string) =>
          html(reply, status, withPartner(embedActionPage(locale, page, path), path, partner));
        const petition = await findPublicPetition(db, slug);
        if (!petition)
          return send(404, petitionMessage(locale, 'petition.notFound.title', 'petition.notFound.body', '/'));
        const rerender = async (status: number, problems: SignatureProblem[], notice?: string) => {
          const found = { petition, count: await aggregatedCount(db, petition.id) };
          return send(status, refusedPetitionPage(locale, found, body, problems, notice));
        };
        if (!fromOurOrigin(request, deps.config.publicUrl))
          return rerender(403, [], t(locale, 'petition.error.origin'));
        try {
          const signing = { db, fieldKey: fieldKey(), publicUrl: deps.config.publicUrl, limiter, writer };
          const input = {
            ...signatureInput(request, locale),
            partnerOrgId: await resolveEmbedPartner(db, petition.campaignId, partner),
          };
          await signPetition(signing, slug, input, petition);
        } catch (err) {
          const refusal = signRefusal(err, locale);
          if (!refusal) throw err;
          if (refusal === 'not-found')
            return send(
              404,
              petitionMessage(locale, 'petition.notFound.title', 'petition.notFound.body', '/'),
            );
          return rerender(refusal.status, refusal.problems, refusal.notice);
        }
        return send(200, petitionMessage(locale, 'petition.sent.title', 'petition.sent.body', path));
      },
    );

    /** A letter or call page without a lookup, from memory on a hit. */
    const cachedAction = async (request: FastifyRequest, kind: 'letter' | 'call', slug: string) => {
      const locale = localeOf(request);
      const path = `/embed/act/${slug}/${kind}`;
      let cached = actions.get(slug, locale, kind);
      if (!cached) {
        cached = await viaPublicPage(
          request,
          'GET',
          `/act/${encodeURIComponent(slug)}/${kind}?lang=${locale}`,
          path,
        );
        if (cached.status === 200 || cached.status === 404) actions.set(slug, locale, cached, kind);
      }
      return { ...cached, path };
    };

    scope.get<{ Params: { slug: string } }>('/embed/act/:slug/letter', async (request, reply) => {
      const slug = request.params.slug;
      const query = lookupQuery(request.query);
      const path = `/embed/act/${slug}/letter`;
      const partner = partnerOf(request);
      const page = query
        ? await viaPublicPage(
            request,
            'GET',
            `/act/${encodeURIComponent(slug)}/letter?${query}&lang=${localeOf(request)}`,
            path,
            query,
          )
        : await cachedAction(request, 'letter', slug);
      return html(reply, page.status, withPartner(page.body, path, partner));
    });

    scope.post<{ Params: { slug: string } }>(
      '/embed/act/:slug/letter',
      { config: { rateLimit: { max: 60, timeWindow: 60_000 } } },
      async (request, reply) => {
        const slug = request.params.slug;
        const path = `/embed/act/${slug}/letter`;
        const page = await viaPublicPage(request, 'POST', `/act/${encodeURIComponent(slug)}/letter`, path);
        return html(reply, page.status, withPartner(page.body, path, partnerOf(request)));
      },
    );

    scope.post<{ Params: { slug: string } }>(
      '/embed/act/:slug/letter/send',
      { config: { rateLimit: { max: 30, timeWindow: 60_000 } } },
      async (request, reply) => {
        const locale = localeOf(request);
        const slug = request.params.slug;
        const path = `/embed/act/${slug}/letter`;
        const partner = partnerOf(request);
        const body = request.body;
        const send = (status: number, page: string) =>
          html(reply, status, withPartner(embedActionPage(locale, page, path), path, partner));
        const notFound = () =>
          send(404, petitionMessage(locale, 'letters.notFound.title', 'letters.notFound.body', '/'));
        const action = await publicAction(db, slug, 'letter');
        if (!action) return notFound();
        const wanted = wantedTargets(body);
        const rerender = async (status: number, problems: LetterProblem[], notice?: string) => {
          const targets = (await actionTargets(db, action)).filter((x) => wanted.includes(x.personId));
          const form = refusedLetterForm(body, targets, problems, notice);
          const idem = field(body, 'idempotency_key') || randomBytes(18).toString('base64url');
          return send(status, letterPreviewPage(locale, action, form, idem));
        };
        if (!fromOurOrigin(request, deps.config.publicUrl))
          return rerender(403, [], t(locale, 'letters.error.origin'));
        try {
          await sendLetter({ db, fieldKey: fieldKey(), publicUrl: deps.config.publicUrl }, action.slug, {
            ...letterInput(body, locale),
            partnerOrgId: await resolveEmbedPartner(db, action.campaign_id, partner),
          });
        } catch (err) {
          if (isDomainError(err, 'ACTION_NOT_FOUND')) return notFound();
          if (isDomainError(err, 'ACTION_CLOSED'))
            return rerender(409, [], t(locale, 'letters.error.closed'));
          if (isDomainError(err, 'VALIDATION_FAILED'))
            return rerender(400, (err.details as { problems: LetterProblem[] }).problems);
          throw err;
        }
        return send(200, petitionMessage(locale, 'letters.sent.title', 'letters.sent.body', path));
      },
    );

    scope.get<{ Params: { slug: string } }>('/embed/act/:slug/call', async (request, reply) => {
      const page = await cachedAction(request, 'call', request.params.slug);
      return html(reply, page.status, withPartner(page.body, page.path, partnerOf(request)));
    });

    scope.post<{ Params: { slug: string } }>(
      '/embed/act/:slug/call',
      { config: { rateLimit: { max: 30, timeWindow: 60_000 } } },
      async (request, reply) => {
        const locale = localeOf(request);
        const slug = request.params.slug;
        const path = `/embed/act/${slug}/call`;
        const partner = partnerOf(request);
        const action = await publicAction(db, slug, 'call');
        const again = async (status: number, key?: MessageKey) => {
          const page = await cachedAction(request, 'call', slug);
          const note = key
            ? `<div role="alert" class="message message-error"><p>${esc(t(locale, key))}</p></div>\n`
            : '';
          const body = note
            ? page.body.replace('<main id="main">\n', `<main id="main">\n${note}`)
            : page.body;
          return html(reply, status, withPartner(body, path, partner));
        };
        if (!action) return again(404);
        if (!fromOurOrigin(request, deps.config.publicUrl)) return again(403, 'letters.error.origin');
        try {
          await reportCall(db, action.slug, {
            target: field(request.body, 'target'),
            outcome: field(request.body, 'outcome'),
            partnerOrgId: await resolveEmbedPartner(db, action.campaign_id, partner),
          });
        } catch (err) {
          if (isDomainError(err, 'VALIDATION_FAILED')) return again(400, 'letters.call.error');
          if (isDomainError(err, 'ACTION_CLOSED')) return again(409, 'letters.error.closed');
          throw err;
        }
        const page = petitionMessage(locale, 'letters.call.thanks.title', 'letters.call.thanks.body', path);
        return html(reply, 200, withPartner(embedActionPage(locale, page, path), path, partner));
      },
    );
  });
}

/** The form fields of an embed POST, for the public page's own handler (the partner code stays here). */
function formOf(body: unknown, locale: Locale): string {
  const out = new URLSearchParams();
  for (const [name, value] of Object.entries((body ?? {}) as Record<string, unknown>)) {
    if (name === 'partner') continue;
    for (const v of Array.isArray(value) ? value : [value]) if (typeof v === 'string') out.append(name, v);
  }
  out.set('lang', locale);
  return out.toString();
}

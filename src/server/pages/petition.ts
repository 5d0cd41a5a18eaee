/**
 * Public petition pages, server-rendered, working without JavaScript (docs/petitions.md):
 * - `GET /act/:slug`: the petition, its count (as the background loop last aggregated it) and the form; served
 *   from memory (petition-cache.ts), so a view touches no database on a cache hit;
 * - `POST /act/:slug/sign`: stores the signature and its confirmation mail in one transaction and answers only
 *   after the commit, with the same "check your email" page whatever happened (no enumeration); a repeat with
 *   the same idempotency key (form field or `Idempotency-Key` header) stores and mails nothing more;
 * - `GET /act/confirm/:token` shows a button; only the `POST` confirms (link scanners fetch by GET);
 * - `GET /act/unsubscribe/:token` shows a button; the `POST` (also RFC 8058 one-click from a mail client)
 *   withdraws the signer's consents.
 * - `GET /act/:slug/challenge`: a fresh proof-of-work challenge (JSON) for `/assets/petition.js`;
 * - abuse controls (docs/petitions.md): a submitted challenge is verified before any write and used once; a
 *   form without one (no JavaScript) is accepted under a lower per-address limit; over-limit signatures get
 *   the same answer but are stored marked, never counted.
 * CSRF: the sign form has no session, so, as for the follow form, a browser must say it posts from our site.
 */
import { randomBytes } from 'node:crypto';
import formbody from '@fastify/formbody';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { isDomainError } from '../../core/errors.ts';
import type { Locale } from '../../core/framework/types.ts';
import { t } from '../../core/i18n/messages.ts';
import { type FieldKey, loadFieldKey } from '../../services/field-crypto.ts';
import { newSignChallenge } from '../../services/petition-challenge.ts';
import {
  aggregatedCount,
  confirmSignature,
  findPublicPetition,
  peekSignatureConfirmation,
  peekSignatureUnsubscribe,
  publicPetition,
  type SignatureProblem,
  signPetition,
  withdrawByToken,
} from '../../services/petition-signing.ts';
import type { AppDeps } from '../deps.ts';
import { fromOurOrigin } from './follow.ts';
import { html, localeOf } from './form-pages.ts';
import { petitionPageCache } from './petition-cache.ts';
import { refusedPetitionPage, signatureInput, signRefusal } from './petition-form.ts';
import {
  idempotencyPlaceholder,
  petitionButtonPage,
  petitionMessage,
  petitionPage,
} from './petition-html.ts';
import { appSignatureWriter, appSigningLimiter } from './petition-limiter.ts';
import { petitionScript } from './petition-script.ts';

/** Registers the public petition pages. */
export async function registerPetitionPages(app: FastifyInstance, deps: AppDeps): Promise<void> {
  let key: FieldKey | null = null;
  const fieldKey = () => {
    key ??= loadFieldKey(deps.config);
    return key;
  };
  const db = deps.store.db;
  const cache = petitionPageCache(app);
  const limiter = appSigningLimiter(app, deps.config.petitionAbuse);
  const writer = appSignatureWriter(app, deps.store);
  const signing = () => ({ db, fieldKey: fieldKey(), publicUrl: deps.config.publicUrl, limiter, writer });

  const notFound = (reply: FastifyReply, locale: Locale, slug: string) =>
    html(
      reply,
      404,
      petitionMessage(
        locale,
        'petition.notFound.title',
        'petition.notFound.body',
        `/act/${encodeURIComponent(slug)}`,
      ),
    );
  const badToken = (reply: FastifyReply, locale: Locale, path: string) =>
    html(reply, 400, petitionMessage(locale, 'petition.badToken.title', 'petition.badToken.body', path));

  await app.register(async (scope) => {
    await scope.register(formbody, { bodyLimit: 32 * 1024 });
    // One-click unsubscribe may come as multipart/form-data; its body carries nothing we need.
    scope.addContentTypeParser('multipart/form-data', { bodyLimit: 16 * 1024 }, (_req, payload, done) => {
      payload.resume();
      payload.on('end', () => done(null, {}));
      payload.on('error', (err) => done(err, undefined));
    });

    scope.get<{ Params: { slug: string } }>('/act/:slug', async (request, reply) => {
      const locale = localeOf(request);
      const slug = request.params.slug;
      let cached = cache.get(slug, locale);
      if (!cached) {
        const found = await publicPetition(db, slug);
        cached = found
          ? { status: 200, body: petitionPage(locale, found.petition, found.count) }
          : {
              status: 404,
              body: petitionMessage(locale, 'petition.notFound.title', 'petition.notFound.body', '/'),
            };
        cache.set(slug, locale, cached);
      }
      const fresh = randomBytes(18).toString('base64url');
      return html(reply, cached.status, cached.body.replace(idempotencyPlaceholder, fresh));
    });

    scope.get('/assets/petition.js', async (_request, reply) =>
      reply
        .type('text/javascript; charset=utf-8')
        .header('cache-control', 'public, max-age=3600')
        .send(petitionScript),
    );

    scope.get<{ Params: { slug: string } }>('/act/:slug/challenge', async (request, reply) => {
      const slug = request.params.slug;
      if (!/^[a-z0-9-]{1,80}$/.test(slug)) return reply.status(404).send({ error: { code: 'NOT_FOUND' } });
      const challenge = await newSignChallenge(fieldKey(), slug, deps.config.petitionAbuse.challengeWork);
      return reply.header('cache-control', 'no-store').send(challenge);
    });

    scope.post<{ Params: { slug: string } }>(
      '/act/:slug/sign',
      { config: { rateLimit: { max: deps.config.petitionSignPerMinute, timeWindow: 60_000 } } },
      async (request, reply) => {
        const locale = localeOf(request);
        const slug = request.params.slug;
        const body = request.body;
        const petition = await findPublicPetition(db, slug);
        if (!petition) return notFound(reply, locale, slug);
        const rerender = async (status: number, problems: SignatureProblem[], notice?: string) => {
          const found = { petition, count: await aggregatedCount(db, petition.id) };
          return html(reply, status, refusedPetitionPage(locale, found, body, problems, notice));
        };
        if (!fromOurOrigin(request, deps.config.publicUrl))
          return rerender(403, [], t(locale, 'petition.error.origin'));
        try {
          const outcome = await signPetition(signing(), slug, signatureInput(request, locale), petition);
          request.log.debug({ outcome }, 'petition signature');
        } catch (err) {
          const refusal = signRefusal(err, locale);
          if (!refusal) throw err;
          if (refusal === 'not-found') return notFound(reply, locale, slug);
          return rerender(refusal.status, refusal.problems, refusal.notice);
        }
        return html(
          reply,
          200,
          petitionMessage(locale, 'petition.sent.title', 'petition.sent.body', `/act/${petition.slug}`),
        );
      },
    );

    scope.get<{ Params: { token: string } }>('/act/confirm/:token', async (request, reply) => {
      const token = request.params.token;
      const found = await peekSignatureConfirmation(db, token);
      const locale = localeOf(request, found?.locale);
      const path = `/act/confirm/${encodeURIComponent(token)}`;
      if (!found) return badToken(reply, locale, path);
      const title = t(locale, 'petition.confirm.title');
      const text = t(locale, 'petition.confirm.body', { title: found.petition.title });
      const button = t(locale, 'petition.confirm.submit');
      return html(reply, 200, petitionButtonPage(locale, { title, body: text, path, button }));
    });

    scope.post<{ Params: { token: string } }>('/act/confirm/:token', async (request, reply) => {
      const token = request.params.token;
      const path = `/act/confirm/${encodeURIComponent(token)}`;
      try {
        const done = await confirmSignature(db, token);
        const locale = localeOf(request, done.locale);
        return html(
          reply,
          200,
          petitionMessage(
            locale,
            'petition.confirmed.title',
            'petition.confirmed.body',
            `/act/${done.petition.slug}`,
            {
              title: done.petition.title,
            },
          ),
        );
      } catch (err) {
        if (!isDomainError(err, 'TOKEN_INVALID')) throw err;
        return badToken(reply, localeOf(request), path);
      }
    });

    scope.get<{ Params: { token: string } }>('/act/unsubscribe/:token', async (request, reply) => {
      const token = request.params.token;
      const found = await peekSignatureUnsubscribe(db, token);
      const locale = localeOf(request, found?.locale);
      const path = `/act/unsubscribe/${encodeURIComponent(token)}`;
      if (!found) return badToken(reply, locale, path);
      const title = t(locale, 'petition.unsubscribe.title');
      const text = t(locale, 'petition.unsubscribe.body', { title: found.petition.title });
      const button = t(locale, 'petition.unsubscribe.submit');
      return html(reply, 200, petitionButtonPage(locale, { title, body: text, path, button }));
    });

    scope.post<{ Params: { token: string } }>('/act/unsubscribe/:token', async (request, reply) => {
      const token = request.params.token;
      try {
        const done = await withdrawByToken(db, token);
        const locale = localeOf(request, done.locale);
        return html(
          reply,
          200,
          petitionMessage(
            locale,
            'petition.unsubscribe.done.title',
            'petition.unsubscribe.done.body',
            `/act/${done.petition.slug}`,
          ),
        );
      } catch (err) {
        if (!isDomainError(err, 'TOKEN_INVALID')) throw err;
        return badToken(reply, localeOf(request), `/act/unsubscribe/${encodeURIComponent(token)}`);
      }
    });
  });
}

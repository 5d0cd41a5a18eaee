/**
 * Public email alerts by double opt-in, server-rendered, working without JavaScript:
 * - `GET /follow?bill=ID` (or `?jurisdiction=ID`): the form; `POST /follow` stores a pending subscription and
 *   mails a confirmation link. The answer is the same whether or not the address is known, and the mail goes
 *   after the answer so timing says nothing either. Limited per address and per client address.
 * - `GET /follow/confirm?token=`: a page with a button; only the `POST` confirms (link scanners fetch by GET).
 * - `GET /unsubscribe?token=`: a page with a button; `POST /unsubscribe?token=` stops the mail at once (RFC
 *   8058 one-click: mail clients POST `List-Unsubscribe=One-Click` there and get a 200).
 * CSRF: the form has no session, so as for session-less API writes (plugins/auth.ts) a POST must come from our
 * own origin when the browser names one. The token pages need no such check: the token is the authority.
 */
import formbody from '@fastify/formbody';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isDomainError } from '../../core/errors.ts';
import type { Locale } from '../../core/framework/types.ts';
import { t } from '../../core/i18n/messages.ts';
import { isPlausibleEmail, normaliseEmail } from '../../services/email-keys.ts';
import {
  confirmEmailSubscription,
  isPublicTargetKind,
  peekConfirmation,
  peekUnsubscribe,
  requestEmailSubscription,
  resolvePublicTarget,
  unsubscribeByToken,
} from '../../services/email-subscriptions.ts';
import { type FieldKey, loadFieldKey } from '../../services/field-crypto.ts';
import type { AppDeps } from '../deps.ts';
import { createLoginLimiter } from '../plugins/login-limiter.ts';
import { buttonPage, type FollowForm, followFormPage, messagePage } from './follow-html.ts';
import { field, html, localeOf } from './form-pages.ts';

/**
 * The rule of session-less API writes (plugins/auth.ts), for a browser form: a browser that says where the
 * request comes from must say "our site". Form posts from pages with `Referrer-Policy: no-referrer` (ours)
 * carry `Origin: null`, so `Sec-Fetch-Site`, which every current browser sends, decides when present.
 */
export function fromOurOrigin(request: FastifyRequest, publicUrl: string): boolean {
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined) return site === 'same-origin' || site === 'none';
  const origin = request.headers.origin;
  if (!origin || origin === 'null') return true;
  if (origin === new URL(publicUrl).origin) return true;
  const host = request.headers.host ?? '';
  const loopback = /^(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/.test(host);
  return loopback && (origin === `http://${host}` || origin === `https://${host}`);
}

/** The target named by `?bill=` or `?jurisdiction=` (exactly one). */
function queryTarget(query: unknown): { kind: string; id: string } | null {
  const named = (['bill', 'jurisdiction'] as const).filter((k) => field(query, k) !== '');
  if (named.length !== 1) return null;
  const kind = named[0] as string;
  return { kind, id: field(query, kind) };
}

function badToken(reply: FastifyReply, locale: Locale, path: string): FastifyReply {
  return html(
    reply,
    400,
    messagePage(locale, t(locale, 'follow.badToken.title'), t(locale, 'follow.badToken.body'), path),
  );
}

/** Registers the public follow, confirm and unsubscribe pages. */
export async function registerFollowPages(app: FastifyInstance, deps: AppDeps): Promise<void> {
  let key: FieldKey | null = null;
  const fieldKey = () => {
    key ??= loadFieldKey(deps.config);
    return key;
  };
  const db = deps.store.db;
  // At most 3 requests per address and 10 per client address per minute.
  const limiter = createLoginLimiter(3, 10);

  await app.register(async (scope) => {
    await scope.register(formbody, { bodyLimit: 16 * 1024 });
    // One-click unsubscribe may come as multipart/form-data; its body carries nothing we need.
    scope.addContentTypeParser('multipart/form-data', { bodyLimit: 16 * 1024 }, (_req, payload, done) => {
      payload.resume();
      payload.on('end', () => done(null, {}));
      payload.on('error', (err) => done(err, undefined));
    });

    scope.get('/follow', async (request, reply) => {
      const locale = localeOf(request);
      const target = queryTarget(request.query);
      const resolved = target ? await resolvePublicTarget(db, target.kind, target.id, locale) : null;
      if (!target || !resolved) {
        return html(reply, 404, messagePage(locale, t(locale, 'follow.title'), t(locale, 'follow.notFound')));
      }
      const form: FollowForm = {
        kind: target.kind,
        id: resolved.id,
        name: resolved.name,
        email: '',
        frequency: 'immediate',
        consent: false,
        errors: {},
      };
      return html(reply, 200, followFormPage(locale, form));
    });

    scope.post('/follow', async (request, reply) => {
      const locale = localeOf(request);
      if (!fromOurOrigin(request, deps.config.publicUrl)) {
        return html(
          reply,
          403,
          messagePage(locale, t(locale, 'follow.title'), t(locale, 'follow.error.origin')),
        );
      }
      const body = request.body;
      const kind = field(body, 'kind');
      const resolved = isPublicTargetKind(kind)
        ? await resolvePublicTarget(db, kind, field(body, 'id'), locale)
        : null;
      if (!resolved) {
        return html(reply, 404, messagePage(locale, t(locale, 'follow.title'), t(locale, 'follow.notFound')));
      }
      const email = normaliseEmail(field(body, 'email'));
      const frequency = field(body, 'frequency');
      const consent = field(body, 'consent') === 'yes';
      const errors: FollowForm['errors'] = {};
      if (!isPlausibleEmail(email)) errors.email = t(locale, 'follow.error.email');
      if (frequency !== 'immediate' && frequency !== 'daily')
        errors.frequency = t(locale, 'follow.error.frequency');
      if (!consent) errors.consent = t(locale, 'follow.error.consent');
      if (Object.keys(errors).length > 0) {
        const form = { kind, id: resolved.id, name: resolved.name, email, frequency, consent, errors };
        return html(reply, 400, followFormPage(locale, form));
      }
      try {
        limiter.check(email, request.ip);
      } catch {
        return html(
          reply,
          429,
          messagePage(locale, t(locale, 'follow.title'), t(locale, 'follow.error.rateLimited')),
        );
      }
      // Sending mail takes longer than not sending it; do it after answering so timing reveals nothing.
      setImmediate(() => {
        requestEmailSubscription(
          { db, fieldKey: fieldKey(), mailer: deps.mailer, publicUrl: deps.config.publicUrl },
          { email, kind, id: resolved.id, frequency, locale },
        ).catch((err: unknown) =>
          // The error may quote the address; log only its code.
          request.log.error(
            { code: (err as { code?: string }).code ?? 'unknown' },
            'follow confirmation failed',
          ),
        );
      });
      return html(
        reply,
        200,
        messagePage(
          locale,
          t(locale, 'follow.sent.title'),
          t(locale, 'follow.sent.body'),
          '/follow',
          `${kind}=${encodeURIComponent(resolved.id)}`,
        ),
      );
    });

    scope.get('/follow/confirm', async (request, reply) => {
      const token = field(request.query, 'token');
      const found = await peekConfirmation(db, token);
      const locale = localeOf(request, found?.locale);
      if (!found) return badToken(reply, locale, '/follow/confirm');
      return html(
        reply,
        200,
        buttonPage(locale, {
          title: t(locale, 'follow.confirm.title'),
          body: t(locale, 'follow.confirm.body', { name: found.name }),
          path: '/follow/confirm',
          token,
          button: t(locale, 'follow.confirm.submit'),
        }),
      );
    });

    scope.post('/follow/confirm', async (request, reply) => {
      const token = field(request.body, 'token') || field(request.query, 'token');
      try {
        const done = await confirmEmailSubscription(db, token);
        const locale = localeOf(request, done.locale);
        const title = t(locale, 'follow.confirmed.title');
        return html(
          reply,
          200,
          messagePage(locale, title, t(locale, 'follow.confirmed.body', { name: done.name })),
        );
      } catch (err) {
        if (!isDomainError(err, 'TOKEN_INVALID')) throw err;
        return badToken(reply, localeOf(request), '/follow/confirm');
      }
    });

    scope.get('/unsubscribe', async (request, reply) => {
      const token = field(request.query, 'token');
      const target = await peekUnsubscribe(db, fieldKey(), token);
      const locale = localeOf(request, target?.kind === 'subscription' ? target.found.locale : undefined);
      if (!target) return badToken(reply, locale, '/unsubscribe');
      const title = t(locale, 'unsubscribe.title');
      if (target.kind === 'subscription' && target.found.subscription.status === 'unsubscribed') {
        return html(
          reply,
          200,
          messagePage(locale, t(locale, 'unsubscribe.done.title'), t(locale, 'unsubscribe.done.body')),
        );
      }
      const body =
        target.kind === 'subscription'
          ? t(locale, 'unsubscribe.body', { name: target.found.name })
          : t(locale, 'unsubscribe.userBody');
      const button = t(locale, 'unsubscribe.submit');
      return html(reply, 200, buttonPage(locale, { title, body, path: '/unsubscribe', token, button }));
    });

    scope.post('/unsubscribe', async (request, reply) => {
      const token = field(request.query, 'token') || field(request.body, 'token');
      try {
        const target = await unsubscribeByToken(db, fieldKey(), token);
        const locale = localeOf(request, target.kind === 'subscription' ? target.found.locale : undefined);
        const body =
          target.kind === 'subscription'
            ? t(locale, 'unsubscribe.done.body')
            : t(locale, 'unsubscribe.userDone');
        return html(reply, 200, messagePage(locale, t(locale, 'unsubscribe.done.title'), body));
      } catch (err) {
        if (!isDomainError(err, 'TOKEN_INVALID')) throw err;
        return badToken(reply, localeOf(request), '/unsubscribe');
      }
    });
  });
}

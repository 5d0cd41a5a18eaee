/**
 * Public sign-on pages, server-rendered, working without JavaScript:
 * - `GET /sign-on/:token`: the letter and the signing form while the letter is open (404 for an unknown link,
 *   410 once closed); `POST /sign-on/:token` (multipart/form-data, one file of at most 200 KB) stores a pending
 *   signature and thanks, or shows the form again with each field's error and the values kept. A hidden
 *   honeypot field filled in gets the same thanks and stores nothing. Limited per client address.
 * - `GET /letters/:id`: the letter and its approved signatories (never a contact address);
 *   `/letters/:id/print`: the A4 print view (stylesheet from our origin); `/letters/:id/export.html`: a
 *   self-contained file (logos inlined); `/letters/:id/logos/:signatureId`: an approved logo, with its sniffed
 *   type and `X-Content-Type-Options: nosniff`.
 * CSRF: the form has no session, so as for the follow form a POST must come from our own origin when the
 * browser names one; the invite token in the path is the authority.
 */
import formbody from '@fastify/formbody';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { publicActor } from '../../core/auth/permissions.ts';
import { signOnLimits } from '../../core/campaigns/sign-on.ts';
import { escapeHtml, letterDocument, letterPrintCss } from '../../core/campaigns/sign-on-html.ts';
import type { FieldProblem } from '../../core/campaigns/types.ts';
import { DomainError, isDomainError } from '../../core/errors.ts';
import type { Locale } from '../../core/framework/types.ts';
import { isLocale, pickLocale } from '../../core/i18n/locales.ts';
import { type MessageKey, t } from '../../core/i18n/messages.ts';
import { type FieldKey, loadFieldKey } from '../../services/field-crypto.ts';
import {
  letterForInvite,
  publicLetter,
  publicLetterExport,
  publicLogo,
  signLetter,
} from '../../services/sign-on.ts';
import type { AppDeps } from '../deps.ts';
import { createLoginLimiter } from '../plugins/login-limiter.ts';
import { html } from './form-pages.ts';
import { type MultipartForm, multipartBoundary, parseMultipart } from './multipart.ts';
import {
  blankSignForm,
  type SignForm,
  signatoryListPage,
  signOnMessage,
  signOnSiteCss,
  signPage,
} from './sign-on-html.ts';

function text(values: unknown, name: string): string {
  const v = (values as Record<string, unknown> | undefined)?.[name];
  return typeof v === 'string' ? v : '';
}

/** `?lang=` or the form's `lang` first, then the remembered cookie, then the browser's. */
function localeOf(request: FastifyRequest, form?: Record<string, string>): Locale {
  const explicit = text(request.query, 'lang') || (form?.lang ?? '');
  if (isLocale(explicit)) return explicit;
  return pickLocale(request.cookies.lawgap_lang, request.headers['accept-language']);
}

/** The follow form's origin rule (pages/follow.ts): a browser that names the request's site must name ours. */
function fromOurOrigin(request: FastifyRequest, publicUrl: string): boolean {
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined) return site === 'same-origin' || site === 'none';
  const origin = request.headers.origin;
  if (!origin || origin === 'null') return true;
  if (origin === new URL(publicUrl).origin) return true;
  const host = request.headers.host ?? '';
  const loopback = /^(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/.test(host);
  return loopback && (origin === `http://${host}` || origin === `https://${host}`);
}

const fieldNames = ['organizationName', 'signerName', 'signerTitle', 'contactEmail', 'website'] as const;

/** The form's error messages for the service's field problems. */
function errorsOf(locale: Locale, problems: FieldProblem[], logoBytes: number): SignForm['errors'] {
  const errors: SignForm['errors'] = {};
  for (const p of problems) {
    if (p.field === 'logo') {
      errors.logo = t(
        locale,
        logoBytes > signOnLimits.logoBytes ? 'signOn.error.logoSize' : 'signOn.error.logoType',
      );
    } else if ((fieldNames as readonly string[]).includes(p.field)) {
      errors[p.field] = t(locale, `signOn.error.${p.field}` as MessageKey);
    }
  }
  return errors;
}

/** Registers the public sign-on, signatory list, print, export and logo pages. */
export async function registerSignOnPages(app: FastifyInstance, deps: AppDeps): Promise<void> {
  let key: FieldKey | null = null;
  const db = deps.store.db;
  const ctx = () => {
    key ??= loadFieldKey(deps.config);
    return { db, actor: publicActor, fieldKey: key, publicUrl: deps.config.publicUrl };
  };
  // At most 10 signatures per client address and 60 per letter per minute.
  const limiter = createLoginLimiter(60, 10);

  app.get('/assets/sign-on.css', async (_request, reply) =>
    reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(signOnSiteCss),
  );
  app.get('/assets/sign-on-print.css', async (_request, reply) =>
    reply
      .type('text/css; charset=utf-8')
      .header('cache-control', 'public, max-age=3600')
      .send(letterPrintCss),
  );

  await app.register(async (scope) => {
    await scope.register(formbody, { bodyLimit: 64 * 1024 });
    // The whole form, a 200 KB logo and the multipart framing fit well under this; more is refused (413).
    scope.addContentTypeParser(
      'multipart/form-data',
      { parseAs: 'buffer', bodyLimit: signOnLimits.logoBytes + 64 * 1024 },
      (request, body, done) => {
        const boundary = multipartBoundary(request.headers['content-type']);
        if (!boundary) return done(null, { malformed: true });
        try {
          done(null, parseMultipart(body as Buffer, boundary));
        } catch {
          done(null, { malformed: true });
        }
      },
    );

    scope.get<{ Params: { token: string } }>('/sign-on/:token', async (request, reply) => {
      const locale = localeOf(request);
      const path = `/sign-on/${encodeURIComponent(request.params.token)}`;
      try {
        const letter = await letterForInvite({ db, actor: publicActor }, request.params.token);
        return html(reply, 200, signPage(locale, letter, path, blankSignForm));
      } catch (err) {
        return refusal(reply, locale, path, err);
      }
    });

    scope.post<{ Params: { token: string } }>('/sign-on/:token', async (request, reply) => {
      const token = request.params.token;
      const path = `/sign-on/${encodeURIComponent(token)}`;
      const body = request.body as
        | (MultipartForm & { malformed?: boolean })
        | Record<string, string>
        | undefined;
      const form: MultipartForm =
        body && 'fields' in body && typeof body.fields === 'object'
          ? (body as MultipartForm)
          : { fields: (body ?? {}) as Record<string, string>, file: null };
      const locale = localeOf(request, form.fields);
      if (!fromOurOrigin(request, deps.config.publicUrl))
        return html(
          reply,
          403,
          signOnMessage(locale, t(locale, 'signOn.invalid.title'), t(locale, 'signOn.error.origin'), path),
        );
      try {
        limiter.check(token, request.ip);
      } catch {
        return html(
          reply,
          429,
          signOnMessage(
            locale,
            t(locale, 'signOn.thanks.title'),
            t(locale, 'signOn.error.rateLimited'),
            path,
          ),
        );
      }
      let letter: { title: string; body: string };
      try {
        letter = await letterForInvite({ db, actor: publicActor }, token);
      } catch (err) {
        return refusal(reply, locale, path, err);
      }
      const values = Object.fromEntries(fieldNames.map((n) => [n, text(form.fields, n)])) as Omit<
        SignForm,
        'errors'
      >;
      if (body && 'malformed' in body && body.malformed) {
        return html(
          reply,
          400,
          signPage(locale, letter, path, { ...values, errors: { form: t(locale, 'signOn.error.form') } }),
        );
      }
      const thanks = (name: string) =>
        html(
          reply,
          200,
          signOnMessage(
            locale,
            t(locale, 'signOn.thanks.title'),
            t(locale, 'signOn.thanks.body', { name }),
            path,
          ),
        );
      // A bot fills every field; a person never sees this one. Same answer, nothing stored.
      if (text(form.fields, 'fax') !== '') return thanks(values.organizationName.trim());
      const logo = form.file ? { bytes: form.file.bytes } : null;
      try {
        const signed = await signLetter(ctx(), token, values, logo);
        return thanks(signed.organizationName);
      } catch (err) {
        let errors: SignForm['errors'];
        if (isDomainError(err, 'VALIDATION_FAILED')) {
          const problems = ((err.details as { problems?: FieldProblem[] } | undefined)?.problems ??
            []) as FieldProblem[];
          errors = errorsOf(locale, problems, logo?.bytes.length ?? 0);
          if (logo && !errors.logo) errors.logo = t(locale, 'signOn.error.logoReupload');
        } else if (isDomainError(err, 'SIGNATURE_DUPLICATE')) {
          errors = {
            organizationName: t(locale, 'signOn.error.duplicate', { name: values.organizationName.trim() }),
          };
        } else {
          return refusal(reply, locale, path, err);
        }
        return html(reply, 400, signPage(locale, letter, path, { ...values, errors }));
      }
    });
  });

  const notFound = (reply: FastifyReply, locale: Locale, path: string) =>
    html(
      reply,
      404,
      signOnMessage(locale, t(locale, 'signOn.notFound.title'), t(locale, 'signOn.notFound.body'), path),
    );

  app.get<{ Params: { id: string } }>('/letters/:id', async (request, reply) => {
    const locale = localeOf(request);
    const path = `/letters/${encodeURIComponent(request.params.id)}`;
    try {
      const letter = await publicLetter({ db, actor: publicActor }, request.params.id);
      return html(reply, 200, signatoryListPage(locale, letter));
    } catch (err) {
      if (isDomainError(err, 'LETTER_NOT_FOUND')) return notFound(reply, locale, path);
      throw err;
    }
  });

  for (const kind of ['print', 'export.html'] as const) {
    app.get<{ Params: { id: string } }>(`/letters/:id/${kind}`, async (request, reply) => {
      const locale = localeOf(request);
      const base = `/letters/${encodeURIComponent(request.params.id)}`;
      try {
        const data = await publicLetterExport({ db, actor: publicActor }, request.params.id);
        if (kind === 'print') {
          const note = `<a href="${base}?lang=${locale}">${escapeHtml(t(locale, 'signOn.list.signatories', { count: data.export.signatories.length }))}</a>`;
          const doc = letterDocument(locale, data.export, {
            style: { href: '/assets/sign-on-print.css' },
            logoSrc: (s) => `${base}/logos/${encodeURIComponent(s.id)}`,
            screenNote: note,
          });
          return html(reply, 200, doc);
        }
        const doc = letterDocument(locale, data.export, {
          style: { inline: true },
          logoSrc: (s) => data.logoDataUris.get(s.id) ?? null,
        });
        reply.header('content-disposition', 'attachment; filename="letter.html"');
        return html(reply, 200, doc);
      } catch (err) {
        if (isDomainError(err, 'LETTER_NOT_FOUND')) return notFound(reply, locale, base);
        throw err;
      }
    });
  }

  app.get<{ Params: { id: string; signatureId: string } }>(
    '/letters/:id/logos/:signatureId',
    async (request, reply) => {
      try {
        const logo = await publicLogo(
          { db, actor: publicActor },
          request.params.id,
          request.params.signatureId,
        );
        return reply
          .type(logo.type)
          .header('x-content-type-options', 'nosniff')
          .header('content-security-policy', "default-src 'none'")
          .header('cache-control', 'no-cache')
          .send(logo.bytes);
      } catch (err) {
        if (isDomainError(err, 'LETTER_NOT_FOUND') || isDomainError(err, 'SIGNATURE_NOT_FOUND'))
          return reply.status(404).type('text/plain; charset=utf-8').send('not found');
        throw err;
      }
    },
  );
}

/** The page for a link that does not open a letter: 410 once closed, 404 for an unknown link or a draft. */
function refusal(reply: FastifyReply, locale: Locale, path: string, err: unknown): FastifyReply {
  if (isDomainError(err, 'LETTER_STATE_INVALID') && (err.details as { status?: string })?.status === 'closed')
    return html(
      reply,
      410,
      signOnMessage(locale, t(locale, 'signOn.closed.title'), t(locale, 'signOn.closed.body'), path),
    );
  if (isDomainError(err, 'TOKEN_INVALID') || isDomainError(err, 'LETTER_STATE_INVALID'))
    return html(
      reply,
      404,
      signOnMessage(locale, t(locale, 'signOn.invalid.title'), t(locale, 'signOn.invalid.body'), path),
    );
  throw err instanceof Error ? err : new DomainError('VALIDATION_FAILED', 'unexpected');
}

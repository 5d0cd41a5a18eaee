/**
 * Public supporter data-rights pages (docs/supporter-data.md), server-rendered, working without JavaScript:
 * - `GET /my-data`: the request form; `POST /my-data`: mails a link when anything is held about the address
 *   and answers the same whatever happened (no enumeration);
 * - `GET /my-data/link/:token`: what the link offers (nothing changes on GET);
 * - `POST /my-data/link/:token/download`: everything held, as a JSON attachment;
 * - `POST /my-data/link/:token/erase`: erases it all (a ticked confirmation box is required).
 * Writes must come from our own site. The token is redacted from request logs (log-path.ts); nothing here logs
 * personal data.
 */
import formbody from '@fastify/formbody';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { isDomainError } from '../../core/errors.ts';
import type { Locale } from '../../core/framework/types.ts';
import { type FieldKey, loadFieldKey } from '../../services/field-crypto.ts';
import {
  checkedEmail,
  eraseByLink,
  exportByLink,
  peekDataLink,
  requestDataLink,
} from '../../services/supporter-data.ts';
import type { AppDeps } from '../deps.ts';
import { fromOurOrigin } from './follow.ts';
import { field, html, localeOf } from './form-pages.ts';
import { myDataLinkPage, myDataMessage, myDataPage } from './my-data-html.ts';

/** Registers the `/my-data` pages. */
export async function registerMyDataPages(app: FastifyInstance, deps: AppDeps): Promise<void> {
  let key: FieldKey | null = null;
  const fieldKey = () => {
    key ??= loadFieldKey(deps.config);
    return key;
  };
  const db = deps.store.db;
  const linkDeps = () => ({
    db,
    fieldKey: fieldKey(),
    publicUrl: deps.config.publicUrl,
    mailFrom: deps.config.mailFrom,
  });
  const invalid = (reply: FastifyReply, locale: Locale) =>
    html(reply, 400, myDataMessage(locale, 'mydata.invalid.title', 'mydata.invalid.body', true));
  const foreign = (reply: FastifyReply, locale: Locale) =>
    html(reply, 403, myDataMessage(locale, 'mydata.title', 'mydata.error.origin', true));

  await app.register(async (scope) => {
    await scope.register(formbody, { bodyLimit: 16 * 1024 });

    scope.get('/my-data', async (request, reply) => html(reply, 200, myDataPage(localeOf(request))));

    scope.post(
      '/my-data',
      { config: { rateLimit: { max: 10, timeWindow: 60_000 } } },
      async (request, reply) => {
        const locale = localeOf(request);
        const email = field(request.body, 'email').slice(0, 300);
        if (!fromOurOrigin(request, deps.config.publicUrl))
          return html(reply, 403, myDataPage(locale, email, 'origin'));
        let address: string;
        try {
          address = checkedEmail(email);
        } catch (err) {
          if (!isDomainError(err, 'VALIDATION_FAILED')) throw err;
          const reason =
            (err.details as { problems: Array<{ reason: string }> }).problems[0]?.reason ?? 'invalid';
          return html(reply, 400, myDataPage(locale, email, reason));
        }
        // Looking the address up and queueing a link takes longer than finding nothing: do it after answering,
        // so the timing of the answer reveals nothing either.
        setImmediate(() => {
          requestDataLink(linkDeps(), address, locale).catch((err: unknown) =>
            request.log.error(
              { code: (err as { code?: unknown }).code ?? 'unknown' },
              'data link request failed',
            ),
          );
        });
        return html(reply, 200, myDataMessage(locale, 'mydata.sent.title', 'mydata.sent.body'));
      },
    );

    // A link without its token (trailing slashes are ignored by the router).
    scope.get('/my-data/link', async (request, reply) => invalid(reply, localeOf(request)));

    scope.get<{ Params: { token: string } }>('/my-data/link/:token', async (request, reply) => {
      const found = await peekDataLink(db, fieldKey(), request.params.token);
      if (!found) return invalid(reply, localeOf(request));
      const locale = localeOf(request, found.locale);
      return html(reply, 200, myDataLinkPage(locale, request.params.token, found.email));
    });

    scope.post<{ Params: { token: string } }>(
      '/my-data/link/:token/download',
      { config: { rateLimit: { max: 20, timeWindow: 60_000 } } },
      async (request, reply) => {
        const locale = localeOf(request);
        if (!fromOurOrigin(request, deps.config.publicUrl)) return foreign(reply, locale);
        try {
          const data = await exportByLink(linkDeps(), request.params.token);
          return reply
            .status(200)
            .type('application/json; charset=utf-8')
            .header('cache-control', 'no-store')
            .header('content-disposition', 'attachment; filename="my-data.json"')
            .send(`${JSON.stringify(data, null, 2)}\n`);
        } catch (err) {
          if (isDomainError(err, 'TOKEN_INVALID')) return invalid(reply, locale);
          throw err;
        }
      },
    );

    scope.post<{ Params: { token: string } }>(
      '/my-data/link/:token/erase',
      { config: { rateLimit: { max: 20, timeWindow: 60_000 } } },
      async (request, reply) => {
        const locale = localeOf(request);
        if (!fromOurOrigin(request, deps.config.publicUrl)) return foreign(reply, locale);
        const token = request.params.token;
        if (field(request.body, 'confirm') !== 'yes') {
          const found = await peekDataLink(db, fieldKey(), token);
          if (!found) return invalid(reply, locale);
          return html(reply, 400, myDataLinkPage(locale, token, found.email, true));
        }
        try {
          await eraseByLink(linkDeps(), token);
        } catch (err) {
          if (isDomainError(err, 'TOKEN_INVALID')) return invalid(reply, locale);
          throw err;
        }
        return html(reply, 200, myDataMessage(locale, 'mydata.erased.title', 'mydata.erased.body'));
      },
    );
  });
}

/**
 * Public letter and call pages (docs/letter-actions.md), server-rendered, working without JavaScript:
 * - `GET /act/:slug/letter`: find your lawmakers (district picker: postcode, district or point; it asks when
 *   the answer is ambiguous), then the campaign's targets among them, or its targets when none is;
 * - `POST /act/:slug/letter`: the editable letter, prefilled from the campaign's letter template;
 * - `POST /act/:slug/letter/send`: stores the letter, its consent and its confirmation mail in one
 *   transaction, answering "check your email" whatever happened (no enumeration);
 * - `GET|POST /act/letters/confirm/:token`: a button; only the POST confirms and queues the deliveries;
 * - `GET|POST /act/letters/unsubscribe/:token`: withdraws consent (also RFC 8058 one-click);
 * - `GET /act/:slug/call` and `POST /act/:slug/call`: numbers, script, and an anonymous outcome report.
 * Lookups are GET forms (nothing written, no CSRF token); writes must come from our own site. Query strings
 * never reach the logs (app.ts strips them); nothing here logs personal data.
 */
import { randomBytes } from 'node:crypto';
import formbody from '@fastify/formbody';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { publicActor } from '../../core/auth/permissions.ts';
import { isDomainError } from '../../core/errors.ts';
import type { Locale } from '../../core/framework/types.ts';
import { t } from '../../core/i18n/messages.ts';
import { reportCall } from '../../services/call-reports.ts';
import {
  type DistrictQuery,
  districtChoices,
  lawmakersFor,
  lookupDistricts,
} from '../../services/districts.ts';
import { type FieldKey, loadFieldKey } from '../../services/field-crypto.ts';
import {
  confirmLetter,
  peekLetterConfirmation,
  peekLetterUnsubscribe,
  withdrawLetter,
} from '../../services/letter-confirmation.ts';
import {
  actionTargets,
  actionText,
  type LetterActionRow,
  type LetterProblem,
  matchTargets,
  publicAction,
  sendLetter,
} from '../../services/letter-sending.ts';
import type { AppDeps } from '../deps.ts';
import { choicesOf, type DistrictPickerState, renderDistrictPicker } from './district-picker.ts';
import { fromOurOrigin } from './follow.ts';
import { field, html, list, localeOf } from './form-pages.ts';
import { callPage, type LetterFormState, letterFinderPage, letterPreviewPage } from './letter-action-html.ts';
import { letterInput, refusedLetterForm, wantedTargets } from './letter-form.ts';
import { petitionButtonPage, petitionMessage } from './petition-html.ts';

type Fields = Record<string, unknown>;

/** What the lookup query asks: a postcode, a point, chosen districts, nothing yet ('empty'), or null (bad). */
function queryOf(q: Fields, jurisdiction: string): DistrictQuery | 'empty' | null {
  const text = (name: string) => field(q, name).trim();
  if ('postcode' in q) return text('postcode') === '' ? null : { jurisdiction, postcode: text('postcode') };
  if ('lat' in q || 'lon' in q) {
    const point: [number, number] = [
      Number(text('lon').replace(',', '.')),
      Number(text('lat').replace(',', '.')),
    ];
    if (text('lat') === '' || text('lon') === '' || !point.every(Number.isFinite)) return null;
    return { jurisdiction, point };
  }
  if ('d' in q) {
    const districts = choicesOf(q.d);
    return districts.length === 0 ? null : { jurisdiction, districts };
  }
  return 'empty';
}

/** Registers the public letter and call pages. */
export async function registerLetterActionPages(app: FastifyInstance, deps: AppDeps): Promise<void> {
  let key: FieldKey | null = null;
  const fieldKey = () => {
    key ??= loadFieldKey(deps.config);
    return key;
  };
  const db = deps.store.db;
  const letterDeps = () => ({ db, fieldKey: fieldKey(), publicUrl: deps.config.publicUrl });
  const notFound = (reply: FastifyReply, locale: Locale, path: string) =>
    html(reply, 404, petitionMessage(locale, 'letters.notFound.title', 'letters.notFound.body', path));
  const badToken = (reply: FastifyReply, locale: Locale, path: string) =>
    html(reply, 400, petitionMessage(locale, 'letters.badToken.title', 'letters.badToken.body', path));

  async function finder(
    request: FastifyRequest,
    reply: FastifyReply,
    action: LetterActionRow,
    error?: string,
  ) {
    const q = (request.query ?? {}) as Fields;
    const locale = localeOf(request);
    const ctx = { db, actor: publicActor };
    const jurisdiction = action.jurisdiction_id;
    const state: DistrictPickerState = {
      action: `/act/${action.slug}/letter`,
      hidden: { lang: locale },
      districts: await districtChoices(ctx, { jurisdiction }).catch(() => []),
      postcode: field(q, 'postcode').trim(),
      lat: field(q, 'lat').trim(),
      lon: field(q, 'lon').trim(),
      lookup: null,
      error: error ?? null,
    };
    let status = error ? 400 : 200;
    let match: { matched: ReturnType<typeof matchTargets>; all: ReturnType<typeof matchTargets> } | null =
      null;
    const query = error ? 'empty' : queryOf(q, jurisdiction);
    if (query === null) {
      state.error = t(locale, 'districts.error.input');
      status = 400;
    } else if (query !== 'empty') {
      try {
        const result = await lookupDistricts(ctx, query);
        const lawmakers = await lawmakersFor(ctx, result);
        state.lookup = { result, lawmakers };
        if (result.kind === 'match' || (result.kind === 'ask' && lawmakers.length > 0)) {
          const all = await actionTargets(db, action);
          const matched = matchTargets(
            all,
            lawmakers.map((l) => l.personId),
          );
          // While the page still asks about a chamber, a match on a settled one is already useful.
          if (result.kind === 'match' || matched.length > 0) match = { matched, all };
        }
      } catch (err) {
        if (!isDomainError(err, 'VALIDATION_FAILED')) throw err;
        state.error = t(locale, 'districts.error.input');
        status = 400;
      }
    }
    const keep = new URLSearchParams();
    for (const name of ['postcode', 'lat', 'lon'] as const)
      if (field(q, name)) keep.set(name, field(q, name));
    for (const d of list(q, 'd')) keep.append('d', d);
    const picker = renderDistrictPicker(locale, state);
    return html(reply, status, letterFinderPage(locale, action, picker, match, keep.toString()));
  }

  await app.register(async (scope) => {
    await scope.register(formbody, { bodyLimit: 64 * 1024 });
    scope.addContentTypeParser('multipart/form-data', { bodyLimit: 16 * 1024 }, (_req, payload, done) => {
      payload.resume();
      payload.on('end', () => done(null, {}));
      payload.on('error', (err) => done(err, undefined));
    });

    scope.get<{ Params: { slug: string } }>('/act/:slug/letter', async (request, reply) => {
      const action = await publicAction(db, request.params.slug, 'letter');
      if (!action) return notFound(reply, localeOf(request), '/');
      return finder(request, reply, action);
    });

    scope.post<{ Params: { slug: string } }>(
      '/act/:slug/letter',
      { config: { rateLimit: { max: 60, timeWindow: 60_000 } } },
      async (request, reply) => {
        const locale = localeOf(request);
        const action = await publicAction(db, request.params.slug, 'letter');
        if (!action) return notFound(reply, locale, '/');
        if (action.status !== 'open' || !fromOurOrigin(request, deps.config.publicUrl))
          return finder(
            request,
            reply,
            action,
            t(locale, action.status !== 'open' ? 'letters.error.closed' : 'letters.error.origin'),
          );
        const wanted = list(request.body, 't');
        const targets = (await actionTargets(db, action)).filter((x) => wanted.includes(x.personId));
        if (targets.length === 0 || targets.length !== wanted.length) {
          const reason = wanted.length === 0 ? 'required' : 'invalid';
          return finder(request, reply, action, t(locale, `letters.error.targets.${reason}`));
        }
        const form: LetterFormState = {
          targets,
          text: await actionText(db, action),
          name: '',
          email: '',
          consent: false,
          problems: [],
        };
        return html(
          reply,
          200,
          letterPreviewPage(locale, action, form, randomBytes(18).toString('base64url')),
        );
      },
    );

    scope.post<{ Params: { slug: string } }>(
      '/act/:slug/letter/send',
      { config: { rateLimit: { max: 30, timeWindow: 60_000 } } },
      async (request, reply) => {
        const locale = localeOf(request);
        const body = request.body;
        const action = await publicAction(db, request.params.slug, 'letter');
        if (!action) return notFound(reply, locale, '/');
        const wanted = wantedTargets(body);
        const rerender = async (status: number, problems: LetterProblem[], notice?: string) => {
          const targets = (await actionTargets(db, action)).filter((x) => wanted.includes(x.personId));
          const form = refusedLetterForm(body, targets, problems, notice);
          const idem = field(body, 'idempotency_key') || randomBytes(18).toString('base64url');
          return html(reply, status, letterPreviewPage(locale, action, form, idem));
        };
        if (!fromOurOrigin(request, deps.config.publicUrl))
          return rerender(403, [], t(locale, 'letters.error.origin'));
        try {
          await sendLetter(letterDeps(), action.slug, letterInput(body, locale));
        } catch (err) {
          if (isDomainError(err, 'ACTION_NOT_FOUND')) return notFound(reply, locale, '/');
          if (isDomainError(err, 'ACTION_CLOSED'))
            return rerender(409, [], t(locale, 'letters.error.closed'));
          if (isDomainError(err, 'VALIDATION_FAILED'))
            return rerender(400, (err.details as { problems: LetterProblem[] }).problems);
          throw err;
        }
        const path = `/act/${action.slug}/letter`;
        return html(reply, 200, petitionMessage(locale, 'letters.sent.title', 'letters.sent.body', path));
      },
    );

    scope.get<{ Params: { token: string } }>('/act/letters/confirm/:token', async (request, reply) => {
      const token = request.params.token;
      const found = await peekLetterConfirmation(db, token);
      const locale = localeOf(request, found?.locale);
      const path = `/act/letters/confirm/${encodeURIComponent(token)}`;
      if (!found) return badToken(reply, locale, path);
      const title = t(locale, 'letters.confirm.title');
      const text = t(locale, 'letters.confirm.body', { title: found.action.title });
      const button = t(locale, 'letters.confirm.submit');
      return html(reply, 200, petitionButtonPage(locale, { title, body: text, path, button }));
    });

    scope.post<{ Params: { token: string } }>('/act/letters/confirm/:token', async (request, reply) => {
      const token = request.params.token;
      try {
        const done = await confirmLetter(letterDeps(), token);
        const locale = localeOf(request, done.locale);
        const path = `/act/${done.action.slug}/letter`;
        const vars = { title: done.action.title };
        return html(
          reply,
          200,
          petitionMessage(locale, 'letters.confirmed.title', 'letters.confirmed.body', path, vars),
        );
      } catch (err) {
        if (!isDomainError(err, 'TOKEN_INVALID')) throw err;
        return badToken(reply, localeOf(request), `/act/letters/confirm/${encodeURIComponent(token)}`);
      }
    });

    scope.get<{ Params: { token: string } }>('/act/letters/unsubscribe/:token', async (request, reply) => {
      const token = request.params.token;
      const found = await peekLetterUnsubscribe(db, token);
      const locale = localeOf(request, found?.locale);
      const path = `/act/letters/unsubscribe/${encodeURIComponent(token)}`;
      if (!found) return badToken(reply, locale, path);
      const title = t(locale, 'letters.unsubscribe.title');
      const text = t(locale, 'letters.unsubscribe.body', { title: found.action.title });
      const button = t(locale, 'letters.unsubscribe.submit');
      return html(reply, 200, petitionButtonPage(locale, { title, body: text, path, button }));
    });

    scope.post<{ Params: { token: string } }>('/act/letters/unsubscribe/:token', async (request, reply) => {
      const token = request.params.token;
      try {
        const done = await withdrawLetter(db, token);
        const locale = localeOf(request, done.locale);
        const path = `/act/${done.action.slug}/letter`;
        return html(
          reply,
          200,
          petitionMessage(locale, 'letters.unsubscribe.done.title', 'letters.unsubscribe.done.body', path),
        );
      } catch (err) {
        if (!isDomainError(err, 'TOKEN_INVALID')) throw err;
        return badToken(reply, localeOf(request), `/act/letters/unsubscribe/${encodeURIComponent(token)}`);
      }
    });

    const renderCall = async (
      request: FastifyRequest,
      reply: FastifyReply,
      action: LetterActionRow,
      status: number,
    ) => {
      const locale = localeOf(request);
      const script = (await actionText(db, action))
        .replaceAll('{{target.name}}', t(locale, 'letters.call.lawmaker'))
        .replaceAll('{{target.detail}}', '');
      const targets = await actionTargets(db, action);
      return html(reply, status, callPage(locale, action, targets, script, status === 400));
    };

    scope.get<{ Params: { slug: string } }>('/act/:slug/call', async (request, reply) => {
      const action = await publicAction(db, request.params.slug, 'call');
      if (!action) return notFound(reply, localeOf(request), '/');
      return renderCall(request, reply, action, 200);
    });

    scope.post<{ Params: { slug: string } }>(
      '/act/:slug/call',
      { config: { rateLimit: { max: 30, timeWindow: 60_000 } } },
      async (request, reply) => {
        const locale = localeOf(request);
        const action = await publicAction(db, request.params.slug, 'call');
        if (!action) return notFound(reply, locale, '/');
        if (!fromOurOrigin(request, deps.config.publicUrl)) return renderCall(request, reply, action, 403);
        try {
          await reportCall(db, action.slug, {
            target: field(request.body, 'target'),
            outcome: field(request.body, 'outcome'),
          });
        } catch (err) {
          if (isDomainError(err, 'VALIDATION_FAILED')) return renderCall(request, reply, action, 400);
          if (isDomainError(err, 'ACTION_CLOSED')) return renderCall(request, reply, action, 409);
          throw err;
        }
        const path = `/act/${action.slug}/call`;
        return html(
          reply,
          200,
          petitionMessage(locale, 'letters.call.thanks.title', 'letters.call.thanks.body', path),
        );
      },
    );
  });
}

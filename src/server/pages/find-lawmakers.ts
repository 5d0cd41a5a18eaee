/**
 * `GET /find-lawmakers?jurisdiction=ID`: the standalone "find your lawmakers" page (issue 7, part 2), built on
 * the district picker fragment. Every step is a GET form (a lookup writes nothing), so it works without
 * JavaScript and needs no CSRF token; query strings never reach the logs (app.ts strips them), so postcodes
 * and locations are not logged. The lookup itself runs in this process against imported tables: no request
 * leaves the site.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { publicActor } from '../../core/auth/permissions.ts';
import { isDomainError } from '../../core/errors.ts';
import type { Locale } from '../../core/framework/types.ts';
import { isLocale, pickLocale } from '../../core/i18n/locales.ts';
import { t } from '../../core/i18n/messages.ts';
import {
  type DistrictQuery,
  districtChoices,
  lawmakersFor,
  lookupDistricts,
} from '../../services/districts.ts';
import type { AppDeps } from '../deps.ts';
import { choicesOf, type DistrictPickerState, renderDistrictPicker } from './district-picker.ts';
import { queryPage } from './follow-html.ts';
import { html } from './form-pages.ts';
import { esc } from './html.ts';

type Query = Record<string, unknown>;

function text(q: Query, name: string): string {
  const v = q[name];
  return typeof v === 'string' ? v.trim() : '';
}

/** What the query asks for: a postcode, a point, chosen districts, or nothing yet; null when malformed. */
function queryOf(q: Query, jurisdiction: string): DistrictQuery | 'empty' | null {
  const postcode = text(q, 'postcode');
  const lat = text(q, 'lat');
  const lon = text(q, 'lon');
  const choices = choicesOf(q.d);
  if ('postcode' in q) return postcode === '' ? null : { jurisdiction, postcode };
  if ('lat' in q || 'lon' in q) {
    const point: [number, number] = [Number(lon.replace(',', '.')), Number(lat.replace(',', '.'))];
    if (lat === '' || lon === '' || !point.every(Number.isFinite)) return null;
    return { jurisdiction, point };
  }
  if ('d' in q) return choices.length === 0 ? null : { jurisdiction, districts: choices };
  return 'empty';
}

/** `?lang=` first, then the language the site remembers, then the browser's. */
function localeOf(request: FastifyRequest, q: Query): Locale {
  const explicit = text(q, 'lang');
  if (isLocale(explicit)) return explicit;
  return pickLocale(request.cookies.lawgap_lang, request.headers['accept-language']);
}

async function render(deps: AppDeps, request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
  const q = (request.query ?? {}) as Query;
  const locale = localeOf(request, q);
  const jurisdiction = text(q, 'jurisdiction');
  const ctx = { db: deps.store.db, actor: publicActor };
  const title = t(locale, 'districts.title');
  const pageOf = (main: string) =>
    queryPage(locale, title, '/find-lawmakers', `jurisdiction=${encodeURIComponent(jurisdiction)}`, main);
  let districts: DistrictPickerState['districts'];
  try {
    districts = await districtChoices(ctx, { jurisdiction });
  } catch (err) {
    if (!isDomainError(err)) throw err;
    return html(
      reply,
      404,
      pageOf(`<h1>${esc(title)}</h1>\n<p>${esc(t(locale, 'districts.error.jurisdiction'))}</p>`),
    );
  }
  const state: DistrictPickerState = {
    action: '/find-lawmakers',
    hidden: { jurisdiction, lang: locale },
    districts,
    postcode: text(q, 'postcode'),
    lat: text(q, 'lat'),
    lon: text(q, 'lon'),
    lookup: null,
    error: null,
  };
  const query = queryOf(q, jurisdiction);
  let status = 200;
  if (query === null) {
    state.error = t(locale, 'districts.error.input');
    status = 400;
  } else if (query !== 'empty') {
    try {
      const result = await lookupDistricts(ctx, query);
      state.lookup = { result, lawmakers: await lawmakersFor(ctx, result) };
    } catch (err) {
      if (!isDomainError(err, 'VALIDATION_FAILED')) throw err;
      state.error = t(locale, 'districts.error.input');
      status = 400;
    }
  }
  return html(
    reply,
    status,
    pageOf(
      `<h1>${esc(title)}</h1>\n<p>${esc(t(locale, 'districts.intro'))}</p>\n${renderDistrictPicker(locale, state)}`,
    ),
  );
}

/** Registers `GET /find-lawmakers`. */
export function registerFindLawmakersPage(app: FastifyInstance, deps: AppDeps): void {
  app.get('/find-lawmakers', (request, reply) => render(deps, request, reply));
}

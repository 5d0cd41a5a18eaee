/**
 * What the server-rendered form pages share: reading a posted or query field, choosing the page's language,
 * and answering HTML that is never cached and sends no referrer (pages carrying tokens in their address).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Locale } from '../../core/framework/types.ts';
import { isLocale, pickLocale } from '../../core/i18n/locales.ts';

type Fields = Record<string, unknown>;

/** A string field of a parsed body or query ('' when absent or not a string). */
export function field(values: unknown, name: string): string {
  const v = (values as Fields | undefined)?.[name];
  return typeof v === 'string' ? v : '';
}

/** A repeated field (checkboxes) as distinct strings of at most 200 characters, at most 50 of them. */
export function list(values: unknown, name: string): string[] {
  const v = (values as Fields | undefined)?.[name];
  const all = Array.isArray(v) ? v : v === undefined ? [] : [v];
  return [...new Set(all.filter((x): x is string => typeof x === 'string' && x.length <= 200))].slice(0, 50);
}

/** `?lang=` or the form's `lang` first, then the cookie the site remembers, then `fallback`, then the browser's. */
export function localeOf(request: FastifyRequest, fallback?: string): Locale {
  const explicit = field(request.query, 'lang') || field(request.body, 'lang');
  if (isLocale(explicit)) return explicit;
  const cookie = request.cookies.lawgap_lang;
  if (isLocale(cookie)) return cookie;
  if (isLocale(fallback)) return fallback;
  return pickLocale(null, request.headers['accept-language']);
}

/** Sends an HTML page, uncached and without a referrer. */
export function html(reply: FastifyReply, status: number, body: string): FastifyReply {
  return reply
    .status(status)
    .type('text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .header('referrer-policy', 'no-referrer')
    .send(body);
}

/** Small normalizers for metadata the XML readers find: language codes, dates and titles. */
import { isLanguageTag, lawLimits } from '../../../core/laws/types.ts';

/** ISO 639-2/3 codes that have a two-letter BCP 47 form (AKN writes `eng`, `fra`, `spa`). */
const threeToTwo: Record<string, string> = {
  eng: 'en',
  fra: 'fr',
  fre: 'fr',
  spa: 'es',
  deu: 'de',
  ger: 'de',
  ita: 'it',
  por: 'pt',
  nld: 'nl',
  dut: 'nl',
  ara: 'ar',
  rus: 'ru',
  zho: 'zh',
  chi: 'zh',
  swe: 'sv',
  dan: 'da',
  fin: 'fi',
  pol: 'pl',
  ron: 'ro',
  rum: 'ro',
  ell: 'el',
  gre: 'el',
  cym: 'cy',
  wel: 'cy',
  gle: 'ga',
  swa: 'sw',
  afr: 'af',
  zul: 'zu',
  xho: 'xh',
};

/** A BCP 47 tag from `en`, `EN`, `eng`, `en-GB`; null when the value is none of these. */
export function languageTag(value: string | null | undefined): string | null {
  if (!value) return null;
  const raw = value.trim().replace(/_/g, '-');
  const [first, ...rest] = raw.split('-');
  const primary = (first ?? '').toLowerCase();
  const tag = [threeToTwo[primary] ?? primary, ...rest].join('-');
  return isLanguageTag(tag) ? tag : null;
}

/** `YYYY-MM-DD` from a date or timestamp that starts with one and is a real day; null otherwise. */
export function isoDate(value: string | null | undefined): string | null {
  const m = /^\s*(\d{4})-(\d{2})-(\d{2})/.exec(value ?? '');
  if (!m) return null;
  const [, y, mo, d] = m;
  const date = new Date(`${y}-${mo}-${d}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== `${y}-${mo}-${d}`
    ? null
    : `${y}-${mo}-${d}`;
}

/**
 * The document title within lawLimits.titleChars: a longer one (some bills' official titles) is cut at a word
 * with `…`, and a note says so; the title is metadata, the text itself is never cut.
 */
export function fitTitle(title: string | null | undefined, notes: string[]): string | null {
  const clean = title?.replace(/\s+/g, ' ').trim();
  if (!clean) return null;
  if (clean.length <= lawLimits.titleChars) return clean;
  const cut = clean.slice(0, lawLimits.titleChars - 1).replace(/\s+\S*$/, '');
  notes.push(`the title has ${clean.length} characters; it was shortened to ${lawLimits.titleChars}`);
  return `${cut}…`;
}

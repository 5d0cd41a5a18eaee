/**
 * Words, stems and snippets computed in the application, for the SQLite index (FTS5 has no Spanish or French
 * stemmer). Stems come from the Snowball algorithms PostgreSQL uses, so both engines agree on what matches.
 * Each indexed term is `<lang>_<stem>` (`en_traffick`, `es_trat`), so one FTS5 table serves every language.
 */
import snowball from 'snowball-stemmers';
import { maxWordChars, type SearchConfig, type Snippet, searchConfigs } from './port.ts';
import type { QueryTerms } from './query-text.ts';

const prefixes: Record<SearchConfig, string> = { english: 'en', spanish: 'es', french: 'fr', simple: 'xx' };
const stemmers: Partial<Record<SearchConfig, { stem(word: string): string }>> = {
  english: snowball.newStemmer('english'),
  spanish: snowball.newStemmer('spanish'),
  french: snowball.newStemmer('french'),
};
const caches = new Map<SearchConfig, Map<string, string>>(searchConfigs.map((c) => [c, new Map()]));
/** Stems are cached per language; a full cache is emptied (legal vocabulary is small, so rarely). */
const cacheLimit = 200_000;

/** The stem of a lowercased word in a configuration (the word itself for `simple`). */
export function stemOf(word: string, config: SearchConfig): string {
  const stemmer = stemmers[config];
  if (!stemmer) return word;
  const cache = caches.get(config)!;
  let stem = cache.get(word);
  if (stem === undefined) {
    stem = stemmer.stem(word);
    if (cache.size >= cacheLimit) cache.clear();
    cache.set(word, stem);
  }
  return stem;
}

/** The indexed term for a stem in a configuration. */
export function termOf(stem: string, config: SearchConfig): string {
  return `${prefixes[config]}_${stem}`;
}

const wordPattern = /[\p{L}\p{N}]+/gu;

/** The FTS5 `terms` column for a provision: its citation, heading and text as prefixed stems. */
export function indexTerms(config: SearchConfig, parts: Array<string | null>): string {
  const out: string[] = [];
  for (const part of parts) {
    if (!part) continue;
    for (const word of part.normalize('NFC').toLowerCase().match(wordPattern) ?? []) {
      if (word.length <= maxWordChars) out.push(termOf(stemOf(word, config), config));
    }
  }
  return out.join(' ');
}

/**
 * The FTS5 MATCH expression for query words: every word must match, in any one language. Terms are quoted and
 * made only of letters, digits and `_`, so the expression is always valid FTS5 syntax.
 */
export function matchExpression(words: string[]): string {
  return words
    .map((word) => {
      const variants = new Set(searchConfigs.map((c) => `"${termOf(stemOf(word, c), c)}"`));
      return `(${[...variants].join(' OR ')})`;
    })
    .join(' AND ');
}

/**
 * The FTS5 MATCH expression for a query's terms: every loose word and every phrase must match, each in any
 * one language (a phrase in one language throughout). Phrases are FTS5 quoted strings of terms, which match
 * consecutive tokens; like words, they hold only letters, digits, `_` and spaces.
 */
export function termsExpression(terms: QueryTerms): string {
  const phrases = terms.phrases.map((phrase) => {
    const variants = new Set(
      searchConfigs.map((c) => `"${phrase.map((w) => termOf(stemOf(w, c), c)).join(' ')}"`),
    );
    return `(${[...variants].join(' OR ')})`;
  });
  const words = terms.words.length > 0 ? [matchExpression(terms.words)] : [];
  return [...phrases, ...words].join(' AND ');
}

/** Words of a text with their offsets. */
function wordsWithOffsets(text: string): Array<{ word: string; start: number; end: number }> {
  const out: Array<{ word: string; start: number; end: number }> = [];
  for (const m of text.matchAll(wordPattern)) {
    out.push({ word: m[0].toLowerCase(), start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/**
 * An excerpt of at most `maxWords` words of the text, placed where most query words match, with each matching
 * word marked. Starts at the beginning when nothing in the text matches (the heading or citation did).
 */
export function snippetOf(text: string, words: string[], config: SearchConfig, maxWords = 30): Snippet {
  const tokens = wordsWithOffsets(text);
  if (tokens.length === 0) return { text: text.slice(0, 200), highlights: [] };
  const wanted = new Set(words.map((w) => stemOf(w, config)));
  const hit = tokens.map((t) => t.word.length <= maxWordChars && wanted.has(stemOf(t.word, config)));
  let best = 0;
  let bestCount = -1;
  let count = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (hit[i]) count++;
    if (i >= maxWords && hit[i - maxWords]) count--;
    const start = Math.max(0, i - maxWords + 1);
    if (count > bestCount) {
      bestCount = count;
      best = start;
    }
  }
  // Centre a lone match a little, so its context shows on both sides.
  const firstHit = hit.indexOf(true, best);
  if (bestCount === 1 && firstHit >= 0) best = Math.max(0, Math.min(firstHit - 8, tokens.length - maxWords));
  const last = Math.min(tokens.length, best + maxWords) - 1;
  const from = best === 0 ? 0 : tokens[best]!.start;
  const to = last === tokens.length - 1 ? text.length : tokens[last]!.end;
  const highlights = [];
  for (let i = best; i <= last; i++) {
    if (hit[i]) highlights.push({ start: tokens[i]!.start - from, end: tokens[i]!.end - from });
  }
  return { text: text.slice(from, to), highlights };
}

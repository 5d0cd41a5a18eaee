/**
 * How a typed query becomes search terms. Policy: text in a pair of double quotes (straight or curly) is a
 * phrase whose words must follow each other in that order; everything else is loose words that must all
 * match somewhere. Only letters and digits survive: punctuation, a quote without its pair, `*`, `:`, `NEAR(`,
 * `AND`/`OR`/`NOT` as operators are never passed to an engine (a word like "and" is searched as a word), so no
 * query can raise a search syntax error. At most `maxQueryWords` words are used, phrases first.
 */
import { maxQueryWords, maxWordChars } from './port.ts';

/** The terms of a query: phrases (two or more words each) and loose words. */
export interface QueryTerms {
  phrases: string[][];
  words: string[];
}

const wordPattern = /[\p{L}\p{N}]+/gu;

function wordsOf(text: string): string[] {
  return (text.normalize('NFC').toLowerCase().match(wordPattern) ?? []).filter(
    (w) => w.length <= maxWordChars,
  );
}

/** Splits a query into phrases and loose words (see the policy above); both empty when it has no words. */
export function parseQuery(query: string): QueryTerms {
  // Curly quotes count as straight ones: people paste text from word processors.
  const parts = query.replace(/[\u201C\u201D\u201E\u00AB\u00BB]/g, '"').split('"');
  // Parts at odd indexes were inside quotes; a last odd part with no closing quote is loose text.
  const closed = parts.length % 2 === 1 ? parts.length : parts.length - 1;
  const phrases: string[][] = [];
  const loose: string[] = [];
  let budget = maxQueryWords;
  for (let i = 1; i < closed; i += 2) {
    const words = wordsOf(parts[i]!).slice(0, budget);
    if (words.length > 1) {
      phrases.push(words);
      budget -= words.length;
    } else loose.push(...words);
  }
  for (let i = 0; i < parts.length; i++) {
    if (i % 2 === 0 || i >= closed) loose.push(...wordsOf(parts[i]!));
  }
  const inPhrases = new Set(phrases.flat());
  const words = [...new Set(loose)].filter((w) => !inPhrases.has(w)).slice(0, Math.max(0, budget));
  return { phrases, words };
}

/** Every word of the terms (phrase words first), deduplicated: what a snippet marks. */
export function termWords(terms: QueryTerms): string[] {
  return [...new Set([...terms.phrases.flat(), ...terms.words])];
}

/** Whether the terms have nothing to search for. */
export function isEmptyQuery(terms: QueryTerms): boolean {
  return terms.phrases.length === 0 && terms.words.length === 0;
}

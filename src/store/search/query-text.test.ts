import { describe, expect, it } from 'vitest';
import { maxQueryWords } from './port.ts';
import { isEmptyQuery, parseQuery, termWords } from './query-text.ts';

describe('parseQuery', () => {
  it('reads quoted phrases and loose words', () => {
    expect(parseQuery('"Consent shall be irrelevant" victim')).toEqual({
      phrases: [['consent', 'shall', 'be', 'irrelevant']],
      words: ['victim'],
    });
    expect(parseQuery('«forced labour» “debt bondage”')).toEqual({
      phrases: [
        ['forced', 'labour'],
        ['debt', 'bondage'],
      ],
      words: [],
    });
  });

  it('treats a one-word phrase as a word and an unpaired quote as nothing', () => {
    expect(parseQuery('"victim" consent')).toEqual({ phrases: [], words: ['victim', 'consent'] });
    expect(parseQuery('"forced labour')).toEqual({ phrases: [], words: ['forced', 'labour'] });
    expect(parseQuery('a "b c" "d e')).toEqual({ phrases: [['b', 'c']], words: ['a', 'd', 'e'] });
  });

  it('keeps only letters and digits, so operators are plain words', () => {
    expect(parseQuery('NEAR(a* b) AND c:')).toEqual({ phrases: [], words: ['near', 'a', 'b', 'and', 'c'] });
    for (const q of ['', '"', '""', '***', '...', '" "', '-:^()'])
      expect(isEmptyQuery(parseQuery(q)), q).toBe(true);
  });

  it('uses at most maxQueryWords words, phrases first', () => {
    const long = Array.from({ length: 30 }, (_, i) => `w${i}`).join(' ');
    const terms = parseQuery(`${long} "x y"`);
    expect(terms.phrases).toEqual([['x', 'y']]);
    expect(termWords(terms)).toHaveLength(maxQueryWords);
  });
});

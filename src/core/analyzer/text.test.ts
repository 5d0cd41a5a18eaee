import { describe, expect, it } from 'vitest';
import { compilePatterns, findAll, quoteSpan, sentenceSpans, verbatimQuote } from './text.ts';

describe('sentenceSpans', () => {
  it('splits sentences with offsets and keeps abbreviations whole', () => {
    const text =
      'A person who violates 18 U.S.C. 1591 commits an offence. The court shall order restitution.';
    const spans = sentenceSpans(text);
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual([
      'A person who violates 18 U.S.C. 1591 commits an offence.',
      'The court shall order restitution.',
    ]);
  });

  it('trims white space and returns nothing for blank text', () => {
    expect(sentenceSpans('   ')).toEqual([]);
    const text = '  One sentence.  ';
    const [span] = sentenceSpans(text);
    expect(text.slice(span?.start, span?.end)).toBe('One sentence.');
  });
});

describe('compilePatterns', () => {
  it('matches whole words only, any white space, and both apostrophes', () => {
    const re = compilePatterns(['force', "victim's estate"]);
    expect(findAll(re, 'by force or')).toHaveLength(1);
    expect(findAll(re, 'enforcement or forced')).toHaveLength(0);
    expect(findAll(re, 'the victim’s\nestate')).toHaveLength(1);
  });
});

describe('quotes', () => {
  it('narrows a long sentence around the matches and stays a substring on word boundaries', () => {
    const text = `${'word '.repeat(200)}the consent of a victim shall not be a defence ${'tail '.repeat(200)}.`;
    const at = text.indexOf('consent');
    const span = quoteSpan(text, { start: 0, end: text.length }, [{ start: at, end: at + 7 }]);
    const quote = verbatimQuote(text, span);
    expect(quote).not.toBeNull();
    expect(quote?.length).toBeLessThanOrEqual(330);
    expect(quote).toContain('consent');
    expect(text.slice(span.start, span.end)).toBe(quote);
  });

  it('refuses spans outside the text or empty', () => {
    expect(verbatimQuote('abc', { start: 2, end: 9 })).toBeNull();
    expect(verbatimQuote('abc', { start: 1, end: 1 })).toBeNull();
    expect(verbatimQuote('a   b', { start: 1, end: 4 })).toBeNull();
  });
});

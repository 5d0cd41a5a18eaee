import { describe, expect, it } from 'vitest';
import { normaliseEvidence, quoteProblem } from './evidence.ts';

const text = 'A person who recruits,\n  transports or\u00a0harbours “another” person commits an offence.';

describe('quoteProblem', () => {
  it('accepts exact substrings and whitespace or quote-mark variants', () => {
    for (const q of [
      'recruits, transports',
      'recruits, transports or harbours',
      '  recruits,\ttransports\r\nor harbours ',
      'harbours "another" person',
      'harbours \u201canother\u201d person',
      text,
    ])
      expect(quoteProblem(q, text), q).toBeNull();
  });

  it('refuses fabricated, re-cased, re-punctuated and empty quotes (no fuzzy matching)', () => {
    expect(quoteProblem('recruits by force', text)).toBe('the quote does not appear in the provision text');
    expect(quoteProblem('Recruits, transports', text)).not.toBeNull();
    expect(quoteProblem('recruits transports', text)).not.toBeNull();
    expect(quoteProblem('recruits - transports', text)).not.toBeNull();
    expect(quoteProblem(' \n\u00a0', text)).toBe('the quote is empty');
  });

  it('normalises composed and decomposed accents alike', () => {
    expect(normaliseEvidence('trata de personas en situaci\u006f\u0301n')).toBe(
      'trata de personas en situaci\u00f3n',
    );
    expect(quoteProblem('situaci\u00f3n', 'en situaci\u006f\u0301n de')).toBeNull();
  });
});

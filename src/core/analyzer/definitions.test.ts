import { describe, expect, it } from 'vitest';
import { childPatterns, findAgeDefinitions } from './definitions.ts';
import { compilePatterns, findAll } from './text.ts';

describe('findAgeDefinitions', () => {
  it('reads defined age terms in several drafting styles', () => {
    const defs = findAgeDefinitions([
      { citation: 'a', text: '"child" means a person under eighteen years of age.' },
      {
        citation: 'b',
        text: 'The term “minor” means any individual who has not attained the age of 18 years.',
      },
      { citation: 'c', text: '"young person" means a person who is under the age of 16 years.' },
      { citation: 'd', text: 'The Minister means the Minister responsible for transport.' },
    ]);
    expect(defs.map((d) => [d.term, d.age, d.citation])).toEqual([
      ['child', 18, 'a'],
      ['minor', 18, 'b'],
      ['young person', 16, 'c'],
    ]);
  });

  it('adds defined under-18 terms to the child vocabulary', () => {
    const defs = findAgeDefinitions([
      { citation: 'x', text: '"protected person" means a person under eighteen years.' },
    ]);
    const re = compilePatterns(childPatterns(defs));
    expect(findAll(re, 'recruits a protected person for exploitation')).toHaveLength(1);
  });
});

import { describe, expect, it } from 'vitest';
import { isDomainError } from '../errors.ts';
import type { LawImport, ProvisionNode } from './types.ts';
import { checkLawImport } from './validate.ts';

const node = (citation: string, children: ProvisionNode[] = []): ProvisionNode => ({
  kind: 'section',
  citation,
  heading: null,
  text: 'Text.',
  children,
});

function build(overrides: Partial<LawImport> = {}, document: Partial<LawImport['document']> = {}): LawImport {
  return {
    document: {
      type: 'statute',
      title: 'Fictional Act',
      citation: 'FA 1',
      language: 'en',
      sourceUrl: null,
      ...document,
    },
    version: { effectiveFrom: '2031-01-01', effectiveTo: null },
    provisions: [node('s. 1', [node('s. 1(1)')]), node('s. 2')],
    notes: [],
    ...overrides,
  };
}

function messageOf(imp: LawImport): string | null {
  try {
    checkLawImport(imp);
    return null;
  } catch (err) {
    if (!isDomainError(err, 'LAW_INVALID')) throw err;
    return err.message;
  }
}

describe('checkLawImport', () => {
  it('accepts a complete import', () => {
    expect(messageOf(build())).toBeNull();
    expect(messageOf(build({}, { language: 'fr-CA', sourceUrl: 'https://example.org/act' }))).toBeNull();
  });

  it('refuses each kind of fault with a message naming it', () => {
    const cases: Array<[LawImport, RegExp]> = [
      [build({}, { type: 'novel' as 'statute' }), /^type must be one of/],
      [build({}, { title: ' ' }), /^title must not be empty/],
      [build({}, { citation: 'x'.repeat(201) }), /^citation is longer than 200/],
      [build({}, { language: 'English' }), /^language must be a language tag/],
      [build({}, { sourceUrl: 'ftp://example.org' }), /^sourceUrl must be an http/],
      [
        build({ version: { effectiveFrom: '2031-02-30', effectiveTo: null } }),
        /effective-from must be a date/,
      ],
      [build({ provisions: [] }), /has no provisions/],
      [build({ provisions: [node('s. 1'), node('s. 1')] }), /citation "s. 1" appears twice/],
      [build({ provisions: [{ ...node('s. 1'), kind: 'verse' as 'section' }] }), /unknown kind "verse"/],
      [build({ provisions: [node('')] }), /citation must not be empty/],
    ];
    for (const [imp, pattern] of cases) expect(messageOf(imp)).toMatch(pattern);
  });

  it('refuses trees nested too deep', () => {
    let deep = node('d');
    for (let i = 0; i < 12; i++) deep = node(`d${i}`, [deep]);
    expect(messageOf(build({ provisions: [deep] }))).toMatch(/nested deeper than 12 levels/);
  });
});

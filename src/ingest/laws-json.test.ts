import { describe, expect, it } from 'vitest';
import { isDomainError } from '../core/errors.ts';
import { lawLimits } from '../core/laws/types.ts';
import { lawJsonSchema, readLawJson } from './laws-json.ts';
import { type LawImportOptions, readLawText } from './laws-text.ts';

const doc = (overrides: Record<string, unknown> = {}) =>
  JSON.stringify({
    schema: lawJsonSchema,
    document: { type: 'regulation', title: 'Fictional Regulation', citation: 'FR 9', language: 'es' },
    version: { effectiveFrom: '2031-01-01' },
    provisions: [
      {
        kind: 'article',
        citation: 'Art. 1',
        heading: ' Objeto ',
        text: ' Texto. ',
        children: [{ kind: 'paragraph', citation: 'Art. 1(1)' }],
      },
    ],
    ...overrides,
  });

function refusal(work: () => unknown): string {
  try {
    work();
  } catch (err) {
    if (isDomainError(err, 'LAW_INVALID')) return err.message;
    throw err;
  }
  throw new Error('expected LAW_INVALID');
}

describe('readLawJson', () => {
  it('reads the lawgap.law/1 shape, trimming text and defaulting what may be left out', () => {
    expect(readLawJson(doc(), {})).toEqual({
      document: {
        type: 'regulation',
        title: 'Fictional Regulation',
        citation: 'FR 9',
        language: 'es',
        sourceUrl: null,
      },
      version: { effectiveFrom: '2031-01-01', effectiveTo: null },
      provisions: [
        {
          kind: 'article',
          citation: 'Art. 1',
          heading: 'Objeto',
          text: 'Texto.',
          children: [{ kind: 'paragraph', citation: 'Art. 1(1)', heading: null, text: '', children: [] }],
        },
      ],
      notes: [],
    });
  });

  it('takes a missing citation or date from the options, and refuses the two disagreeing', () => {
    const bare = doc({ document: { title: 'T' }, version: undefined });
    const options: LawImportOptions = {
      citation: 'FR 10',
      effectiveFrom: '2032-02-02',
      effectiveTo: '2033-03-03',
    };
    const read = readLawJson(bare, options);
    expect(read.document).toMatchObject({ citation: 'FR 10', type: 'statute', language: 'en' });
    expect(read.version).toEqual({ effectiveFrom: '2032-02-02', effectiveTo: '2033-03-03' });
    expect(refusal(() => readLawJson(bare, {}))).toBe(
      'JSON $.document.citation: is missing: give the citation (--citation)',
    );
    expect(refusal(() => readLawJson(bare, { citation: 'X' }))).toMatch(/effectiveFrom: is missing/);
    expect(refusal(() => readLawJson(doc(), { citation: 'Other' }))).toBe(
      'JSON $.document.citation: the file says "FR 9" but "Other" was given',
    );
  });

  it('names the JSON path of every fault', () => {
    expect(refusal(() => readLawJson('{"schema":', {}))).toMatch(/^the content is not valid JSON/);
    expect(refusal(() => readLawJson('[]', {}))).toBe('JSON $: must be an object');
    expect(refusal(() => readLawJson(doc({ schema: 'lawgap.law/2' }), {}))).toBe(
      'JSON $.schema: must be "lawgap.law/1"',
    );
    expect(refusal(() => readLawJson(doc({ extra: 1 }), {}))).toBe('JSON $: unknown field(s) "extra"');
    expect(refusal(() => readLawJson(doc({ provisions: {} }), {}))).toBe('JSON $.provisions: must be a list');
    const badChild = doc({
      provisions: [{ kind: 'article', citation: 'Art. 1', children: [{ kind: 'paragraph', citation: 7 }] }],
    });
    expect(refusal(() => readLawJson(badChild, {}))).toBe(
      'JSON $.provisions[0].children[0].citation: must be a string',
    );
    let deep: Record<string, unknown> = { kind: 'item', citation: 'x' };
    for (let i = 0; i < lawLimits.depth + 2; i++)
      deep = { kind: 'item', citation: `x${i}`, children: [deep] };
    expect(refusal(() => readLawJson(doc({ provisions: [deep] }), {}))).toMatch(
      /nested deeper than 12 levels/,
    );
  });
});

describe('readLawText', () => {
  it('needs a citation and a date, and takes the title from the first line', () => {
    const text = 'Fictional Act\n\nSection 1. Rule\nText.';
    expect(refusal(() => readLawText(text, { effectiveFrom: '2031-01-01' }))).toMatch(/carries no citation/);
    expect(refusal(() => readLawText(text, { citation: 'FA' }))).toMatch(/carries no effective date/);
    const read = readLawText(text, { citation: 'FA', effectiveFrom: '2031-01-01', language: 'fr' });
    expect(read.document).toEqual({
      type: 'statute',
      title: 'Fictional Act',
      citation: 'FA',
      language: 'fr',
      sourceUrl: null,
    });
    expect(
      readLawText('Section 1. Rule\nText.', { citation: 'FA', effectiveFrom: '2031-01-01' }).document.title,
    ).toBe('FA');
    expect(
      refusal(() =>
        readLawText('x'.repeat(lawLimits.contentChars + 1), { citation: 'FA', effectiveFrom: '2031-01-01' }),
      ),
    ).toMatch(/at most 8388608 are allowed/);
  });
});

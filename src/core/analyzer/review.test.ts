import { describe, expect, it } from 'vitest';
import { answerCode, labelFor, machineLabel } from './review.ts';

describe('analyzer review rules', () => {
  it('maps a suggested answer to the code of each response type', () => {
    expect(['yes', 'partial', 'no'].map((a) => answerCode('YPN', a as 'yes'))).toEqual(['Y', 'P', 'N']);
    expect(['yes', 'partial', 'no'].map((a) => answerCode('G02', a as 'yes'))).toEqual(['2', '1', '0']);
    expect(['yes', 'partial', 'no'].map((a) => answerCode('YN', a as 'yes'))).toEqual(['Y', 'N', 'N']);
  });

  it('labels a suggestion machine-suggested only while no person has reviewed it', () => {
    expect(labelFor('pending')).toBe(machineLabel);
    expect(machineLabel).toBe('machine-suggested, not reviewed');
    for (const s of ['accepted', 'edited', 'rejected'] as const) expect(labelFor(s)).toBeNull();
  });
});

describe('the codebook and machine suggestions', () => {
  it('says the dataset holds no machine suggestion', async () => {
    const { buildCodebook, renderCodebookMarkdown, suggestionsNote } = await import('../export/codebook.ts');
    const { builtinFrameworks } = await import('../framework/builtin.ts');
    const { parseFramework } = await import('../framework/parse-framework.ts');
    expect(suggestionsNote).toContain('Machine suggestions are not in this dataset');
    expect(suggestionsNote).toContain(machineLabel);
    const markdown = renderCodebookMarkdown(buildCodebook(parseFramework(builtinFrameworks[0])));
    expect(markdown).toContain(suggestionsNote);
  });
});

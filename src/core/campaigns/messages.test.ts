import { describe, expect, it } from 'vitest';
import { checkFact, checkTemplate, draftTalkingPoints, renderTemplate } from './messages.ts';

describe('templates', () => {
  it('accepts the known fields and fills them, leaving missing values visible', () => {
    const body = 'Dear {{target.name}},\nplease support {{ bill.identifier }} in {{jurisdiction.name}}.';
    expect(checkTemplate(body)).toEqual([]);
    expect(renderTemplate(body, { 'target.name': 'Rep. Quill', 'jurisdiction.name': 'Texas' })).toBe(
      'Dear Rep. Quill,\nplease support [bill.identifier] in Texas.',
    );
  });

  it('names unknown fields and the allowed ones, and stray braces', () => {
    const [unknown] = checkTemplate('Hello {{target.email}} and {{supporter.name}}');
    expect(unknown?.message).toContain('{{target.email}}, {{supporter.name}}');
    expect(unknown?.message).toContain('{{target.name}}');
    expect(checkTemplate('Hello {{target.name}')[0]?.message).toContain('no matching');
    expect(checkTemplate('  ')[0]?.message).toBe('the text is empty');
  });
});

describe('facts', () => {
  it('always needs a source and a real date', () => {
    const ok = {
      statement: 'x',
      source: 'Annual report 2026, p. 4',
      sourceUrl: null,
      date: '2026-03-01',
      jurisdictionId: null,
    };
    expect(checkFact(ok)).toEqual([]);
    expect(
      checkFact({ ...ok, source: ' ', date: '2026-13-01', sourceUrl: 'javascript:alert(1)' }).map(
        (p) => p.field,
      ),
    ).toEqual(['source', 'date', 'sourceUrl']);
  });
});

describe('draftTalkingPoints', () => {
  it('states what is missing, the standard and laws elsewhere, each with its citation', () => {
    const text = draftTalkingPoints('Atlantis', {
      indicatorId: 'CR-02',
      question: 'Is consent irrelevant once a means is used?',
      missing: 'answered "no"; full marks need "yes"',
      standards: [{ instrumentName: 'Instrument A', citation: 'art. 3(b)' }],
      exemplars: [
        { jurisdictionName: 'Lemuria', citations: [{ citation: 's. 2', documentCitation: 'Act 12' }] },
      ],
      liveBills: [{ identifier: 'HB 9', title: 'An invented act' }],
    });
    expect(text.split('\n')).toEqual([
      'CR-02: Is consent irrelevant once a means is used?',
      '',
      '- In Atlantis: answered "no"; full marks need "yes"',
      '- The standard: Instrument A, art. 3(b).',
      '- Lemuria meets it: Act 12, s. 2.',
      '- HB 9 (An invented act) would address it.',
    ]);
  });
});

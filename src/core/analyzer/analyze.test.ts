import { describe, expect, it } from 'vitest';
import { builtinFrameworks } from '../framework/builtin.ts';
import { parseFramework } from '../framework/parse-framework.ts';
import { analyzeDocument, analyzerVersion } from './analyze.ts';
import { consentIsADefence, easementLaw, spanishAct, trafficCode, traffickingAct } from './test-fixtures.ts';
import type { Analysis, AnalyzerDocument } from './types.ts';

const framework = parseFramework(builtinFrameworks.at(-1));
const answerOf = (analysis: Analysis, id: string) => analysis.suggestions.find((s) => s.indicator === id);

function expectVerbatim(document: AnalyzerDocument, analysis: Analysis) {
  const byCitation = new Map(document.provisions.map((p) => [p.citation, p.text]));
  for (const s of analysis.suggestions) {
    if (s.answer === 'no') expect(s.evidence).toEqual([]);
    else expect(s.evidence.length, s.indicator).toBeGreaterThan(0);
    for (const e of s.evidence) {
      expect(byCitation.get(e.citation)?.slice(e.start, e.end), `${s.indicator} ${e.citation}`).toBe(e.quote);
    }
    expect(s.rationale).toMatch(/\.$/);
    expect(s.confidence).toBeGreaterThan(0);
    expect(s.confidence).toBeLessThanOrEqual(1);
  }
}

describe('analyzeDocument', () => {
  const analysis = analyzeDocument(traffickingAct, framework);

  it('answers every indicator once and records its version', () => {
    expect(analysis.analyzerVersion).toBe(analyzerVersion);
    expect(analyzerVersion).toBe('lawgap-analyzer/1.2.0');
    expect(analysis.suggestions.map((s) => s.indicator)).toEqual(framework.indicators.map((i) => i.id));
  });

  it('finds the offence with its act, means and purpose, quoting the offence provision', () => {
    const cr01 = answerOf(analysis, 'CR-01');
    expect(cr01?.answer).toBe('yes');
    expect(cr01?.evidence.map((e) => e.citation)).toContain('s. 3(1)');
    expect(cr01?.rationale).toMatch(/act.*means.*purpose/);
    expect(answerOf(analysis, 'CR-02')?.answer).toBe('yes');
    expect(answerOf(analysis, 'CR-03')?.answer).toBe('partial'); // vulnerability, but no payments
    expect(answerOf(analysis, 'CR-04')?.answer).toBe('yes');
  });

  it('reads "consent shall not be a defence" as yes and "consent is a defence" as no', () => {
    const yes = answerOf(analysis, 'CR-06');
    expect(yes?.answer).toBe('yes');
    expect(yes?.evidence[0]?.citation).toBe('s. 3(3)');
    expect(answerOf(analyzeDocument(consentIsADefence, framework), 'CR-06')?.answer).toBe('no');
  });

  it('reads the penalty in words as years', () => {
    const pn01 = answerOf(analysis, 'PN-01');
    expect(pn01?.answer).toBe('yes');
    expect(pn01?.rationale).toContain('20 years');
    expect(pn01?.evidence[0]?.quote).toContain('twenty years');
  });

  it('resolves a defined child term and the waiver of means for children', () => {
    const ch01 = answerOf(analysis, 'CH-01');
    expect(ch01?.answer).not.toBe('no');
    expect(ch01?.evidence.map((e) => e.citation)).toContain('s. 3(2)');
  });

  it('finds victim protections and jurisdiction abroad', () => {
    expect(answerOf(analysis, 'VP-01')?.answer).toBe('yes');
    expect(answerOf(analysis, 'VI-07')?.answer).toBe('yes');
    expect(answerOf(analysis, 'PJ-01')?.answer).toBe('yes');
    expect(answerOf(analysis, 'PV-06')?.answer).toBe('no');
  });

  it('keeps every quote verbatim with exact offsets', () => {
    expectVerbatim(traffickingAct, analysis);
  });

  it('is deterministic', () => {
    expect(analyzeDocument(traffickingAct, framework)).toEqual(analysis);
  });

  it('answers no everywhere on unrelated law, even with trafficking-like words', () => {
    const unrelated = analyzeDocument(trafficCode, framework);
    expect(unrelated.suggestions.filter((s) => s.answer !== 'no').map((s) => s.indicator)).toEqual([]);
    expect(unrelated.suggestions[0]?.rationale).toMatch(/not about trafficking/);
  });

  it('does not take easements ("servitudes") for slavery', () => {
    const property = analyzeDocument(easementLaw, framework);
    expect(property.suggestions.filter((s) => s.answer !== 'no').map((s) => s.indicator)).toEqual([]);
  });

  it('reads a Spanish offence with the Spanish lexicon', () => {
    const es = analyzeDocument(spanishAct, framework);
    expect(answerOf(es, 'CR-01')?.answer).toBe('yes');
    expect(answerOf(es, 'PN-01')?.answer).toBe('yes');
    expectVerbatim(spanishAct, es);
  });

  it('keeps a court compensation order and training on identification apart from VP-06 and VI-04', () => {
    const core = traffickingAct.provisions.filter((p) => p.citation.startsWith('s. 3'));
    const order =
      'The court that convicts a person of an offence under this Act shall order the convicted person to pay compensation to the victim.';
    const training =
      'The Authority shall ensure that police officers receive training on the identification of victims of trafficking.';
    const doc = (extra: string[]): AnalyzerDocument => ({
      ...traffickingAct,
      provisions: [...core, ...extra.map((text, i) => ({ citation: `s. ${40 + i}`, heading: '', text }))],
    });
    const before = analyzeDocument(doc([order, training]), framework);
    expect(answerOf(before, 'VP-06')?.answer).toBe('no');
    expect(answerOf(before, 'VI-04')?.answer).toBe('no');
    const report =
      'A police officer who has a reasonable suspicion that a person is a victim of trafficking must report it to the Department.';
    const after = analyzeDocument(doc([order, training, report]), framework);
    expect(answerOf(after, 'VI-04')?.answer).toBe('yes');
    expect(answerOf(after, 'VI-04')?.evidence.map((e) => e.citation)).toEqual(['s. 42']);
  });

  it('reads a separate child offence without means beside an adult one ("not being a child")', () => {
    const offence = (text: string, n: number) => ({ citation: `s. ${n}`, heading: '', text });
    const adult = offence(
      'Any person who traffics in persons, not being a child, for the purpose of exploitation, by means of threat, force or fraud, commits an offence and shall, on conviction, be punished with imprisonment for a term not exceeding twenty years.',
      7,
    );
    const child = offence(
      'Any person who traffics in persons being a child, for the purpose of exploitation, commits an offence and shall, on conviction, be punished with imprisonment for a term not exceeding twenty years.',
      9,
    );
    const base = { title: 'Anti-Trafficking in Persons Act (fixture)', language: 'en' };
    expect(answerOf(analyzeDocument({ ...base, provisions: [adult] }, framework), 'CH-01')?.answer).toBe(
      'no',
    );
    const both = analyzeDocument({ ...base, provisions: [adult, child] }, framework);
    expect(answerOf(both, 'CH-01')?.answer).not.toBe('no');
    expect(answerOf(both, 'CH-01')?.evidence.map((e) => e.citation)).toContain('s. 9');
  });

  it('answers no on an empty document set', () => {
    const empty = analyzeDocument({ title: '', language: 'en', provisions: [] }, framework);
    expect(empty.suggestions.every((s) => s.answer === 'no')).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { builtinFrameworks } from '../framework/builtin.ts';
import { parseFramework } from '../framework/parse-framework.ts';
import en from './lexicons/en.json' with { type: 'json' };
import es from './lexicons/es.json' with { type: 'json' };
import fr from './lexicons/fr.json' with { type: 'json' };
import type { ConceptRef, IndicatorRule } from './rule-engine.ts';
import rulesFile from './rules.json' with { type: 'json' };
import { compilePatterns } from './text.ts';

const rules = rulesFile as unknown as Record<string, IndicatorRule>;
const codedInSpecialRules = ['CR-01', 'CR-02', 'CR-03', 'CR-04', 'CR-05', 'CR-06', 'CR-14', 'PN-01', 'CH-01'];

describe('rules and lexicons (data files)', () => {
  it('cover every indicator of the current framework exactly once', () => {
    const framework = parseFramework(builtinFrameworks.at(-1));
    const covered = [...Object.keys(rules), ...codedInSpecialRules].sort();
    expect(covered).toEqual(framework.indicators.map((i) => i.id).sort());
  });

  it('name only terms or lexicon concepts that exist', () => {
    const unknown: string[] = [];
    const flat = (refs: ConceptRef[] | undefined) =>
      (refs ?? []).flatMap((r) => (Array.isArray(r) ? r : [r]));
    for (const [indicator, rule] of Object.entries(rules)) {
      for (const a of rule.alternatives) {
        for (const ref of [
          ...flat(a.all),
          ...flat(a.none),
          ...flat(a.sameSentence),
          ...flat(a.atLeast?.of),
        ]) {
          const other = ref.match(/^([A-Z]{2}-\d{2})\.(.+)$/);
          const known = other
            ? rules[other[1] ?? '']?.terms?.[other[2] ?? ''] !== undefined
            : rule.terms?.[ref] !== undefined || ref in en.concepts;
          if (!known) unknown.push(`${indicator}: ${ref}`);
        }
      }
    }
    expect(unknown).toEqual([]);
  });

  it('compile every pattern', () => {
    for (const lexicon of [en, es, fr]) {
      for (const [name, patterns] of Object.entries(lexicon.concepts as Record<string, string[]>)) {
        expect(() => compilePatterns(patterns), name).not.toThrow();
      }
    }
    for (const [indicator, rule] of Object.entries(rules)) {
      for (const [name, patterns] of Object.entries(rule.terms ?? {})) {
        expect(() => compilePatterns(patterns), `${indicator}.${name}`).not.toThrow();
      }
    }
  });

  it('give Spanish and French the act, means and purpose vocabulary', () => {
    for (const lexicon of [es, fr]) {
      const names = Object.keys(lexicon.concepts);
      for (const prefix of [
        'act.recruit',
        'act.transport',
        'act.harbour',
        'means.force',
        'means.deception',
        'purpose.sexual',
        'purpose.labour',
        'purpose.slavery',
      ]) {
        expect(names, `${lexicon.language} ${prefix}`).toContain(prefix);
      }
    }
  });
});

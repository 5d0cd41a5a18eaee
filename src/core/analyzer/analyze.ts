/**
 * The analyzer's entry point. Policy: suggest `yes` or `partial` only when the document set is about
 * trafficking, slavery or forced labour (the relevance gate in AnalysisContext) and a rule finds the
 * indicator's own elements together; otherwise `no`. Every quote is re-checked against its provision's text
 * before it is returned, and a quote that fails is dropped. Deterministic: the same input gives the same output.
 */
import type { Framework, Indicator } from '../framework/types.ts';
import { AnalysisContext, type ConceptTable } from './context.ts';
import { childPatterns, findAgeDefinitions } from './definitions.ts';
import { evidenceFromUnits, keepVerbatim, quotesFor, rationale } from './evidence.ts';
import en from './lexicons/en.json' with { type: 'json' };
import es from './lexicons/es.json' with { type: 'json' };
import fr from './lexicons/fr.json' with { type: 'json' };
import { evaluateAlternative, type IndicatorRule, type UnitMatch } from './rule-engine.ts';
import rulesFile from './rules.json' with { type: 'json' };
import { childNoMeansRule, consentRule, domesticRule, penaltyRule } from './special-rules.ts';
import {
  actsRule,
  crimeRule,
  labourRule,
  meansRule,
  purposesRule,
  type SpecialResult,
  traffickingUnits,
} from './trafficking-units.ts';
import type { Analysis, AnalyzerDocument, EvidenceQuote, SuggestedAnswer, Suggestion } from './types.ts';

/** The version string recorded on every suggestion this analyzer makes. */
export const analyzerVersion = 'lawgap-analyzer/1.2.0';

const rules = rulesFile as unknown as Record<string, IndicatorRule>;
const lexicons: Record<string, Record<string, string[]>> = {
  en: en.concepts,
  es: es.concepts,
  fr: fr.concepts,
};

const specialMissing: Record<string, string> = {
  'CR-01':
    'no offence combining an act (recruiting, transporting, harbouring ...) with a purpose of exploitation',
  'CR-02': 'no trafficking offence listing its acts',
  'CR-03': 'the means do not include abuse of a position of vulnerability or payments to a person in control',
  'CR-04': 'no list of forms of exploitation',
  'CR-05': 'labour exploitation is not a purpose of the trafficking offence',
  'CR-06': "no provision says the victim's consent is no defence",
  'CR-14': 'no trafficking offence found, or it requires a transnational or organized-crime element',
  'PN-01': 'no penalty of imprisonment found for the trafficking offences',
  'CH-01': 'no provision dispenses with the means for child victims',
};

/** Lexicon concepts for the document's language (English always included), rule terms and defined child terms. */
function conceptTable(document: AnalyzerDocument): ConceptTable {
  const language = document.language.slice(0, 2).toLowerCase();
  const table: Record<string, string[]> = {};
  const add = (concepts: Record<string, string[]>) => {
    for (const [name, patterns] of Object.entries(concepts))
      table[name] = [...(table[name] ?? []), ...patterns];
  };
  add(lexicons.en ?? {});
  if (language !== 'en' && lexicons[language]) add(lexicons[language]);
  for (const [indicator, rule] of Object.entries(rules)) {
    // A language lexicon may extend an indicator's own terms ("VI-01.notPunished" in es.json).
    for (const [name, patterns] of Object.entries(rule.terms ?? {})) {
      const key = `${indicator}.${name}`;
      table[key] = [...patterns, ...(language !== 'en' ? (lexicons[language]?.[key] ?? []) : [])];
    }
  }
  table.child = [...(table.child ?? []), ...childPatterns(findAgeDefinitions(document.provisions))];
  return table;
}

function special(
  indicator: string,
  ctx: AnalysisContext,
  units: ReturnType<typeof traffickingUnits>,
): SpecialResult | null {
  switch (indicator) {
    case 'CR-01':
      return crimeRule(units);
    case 'CR-02':
      return actsRule(units);
    case 'CR-03':
      return meansRule(units);
    case 'CR-04':
      return purposesRule(ctx, units);
    case 'CR-05':
      return labourRule(ctx, units);
    case 'CR-06':
      return consentRule(ctx);
    case 'CR-14':
      return domesticRule(ctx, units);
    case 'PN-01':
      return penaltyRule(ctx, units);
    case 'CH-01':
      return childNoMeansRule(ctx, units);
    default:
      return null;
  }
}

function confidenceOf(answer: SuggestedAnswer, units: number, ctx: AnalysisContext): number {
  if (answer === 'no') return ctx.relevant ? 0.6 : 0.9;
  const base = answer === 'yes' ? 0.6 : 0.5;
  const value = base + 0.08 * Math.min(3, units) + (ctx.focused ? 0.04 : 0);
  return Math.round(Math.min(0.92, value) * 100) / 100;
}

function suggest(
  indicator: Indicator,
  ctx: AnalysisContext,
  units: ReturnType<typeof traffickingUnits>,
): Suggestion {
  const none = (missing: string): Suggestion => ({
    indicator: indicator.id,
    answer: 'no',
    confidence: confidenceOf('no', 0, ctx),
    evidence: [],
    rationale: ctx.relevant
      ? rationale('no', [], [], missing)
      : 'No: the documents are not about trafficking, slavery or forced labour, so no provision is taken to meet this indicator.',
  });
  const rule = rules[indicator.id];
  const specialResult = ctx.relevant ? special(indicator.id, ctx, units) : null;
  if (specialResult !== null || indicator.id in specialMissing) {
    const missing = specialResult?.note ?? specialMissing[indicator.id] ?? 'no matching provision';
    if (!specialResult?.grade) return none(missing);
    const evidence = keepVerbatim(ctx, quotesFor(ctx, specialResult.hits));
    if (evidence.length === 0) return none(missing);
    const answer = specialResult.grade;
    const confidence = specialResult.confidence ?? confidenceOf(answer, evidence.length, ctx);
    return {
      indicator: indicator.id,
      answer,
      confidence,
      evidence,
      rationale: rationale(answer, specialResult.found, evidence, missing),
    };
  }
  if (!rule || !ctx.relevant) return none(rule?.missing ?? 'no rule covers this indicator yet');
  for (const grade of ['yes', 'partial'] as const) {
    const matched: UnitMatch[] = rule.alternatives
      .filter((a) => a.grade === grade)
      .flatMap((a) => evaluateAlternative(ctx, indicator.id, a, rules));
    if (matched.length === 0) continue;
    const evidence: EvidenceQuote[] = keepVerbatim(ctx, evidenceFromUnits(ctx, matched));
    if (evidence.length === 0) continue;
    const labels = [...new Set(matched.flatMap((m) => m.elements))].map((e) =>
      e
        .split('|')
        .map((one) => rule.labels?.[one] ?? labelOf(one))
        .join(' or '),
    );
    const answer = grade;
    const confidence = confidenceOf(grade, matched.length, ctx);
    return {
      indicator: indicator.id,
      answer,
      confidence,
      evidence,
      rationale: rationale(answer, labels, evidence, rule.missing),
    };
  }
  return none(rule.missing);
}

function labelOf(element: string): string {
  return element
    .split('|')
    .map((e) =>
      e
        .replace(/^[A-Z]{2}-\d{2}\./, '')
        .replace(/^[a-z]+\./, '')
        .replace(/([a-z])([A-Z])/g, '$1 $2')
        .toLowerCase(),
    )
    .join(' or ');
}

/** Proposes one answer per indicator of the framework for the document, with verbatim evidence. */
export function analyzeDocument(document: AnalyzerDocument, framework: Framework): Analysis {
  const ctx = new AnalysisContext(document, conceptTable(document));
  const units = traffickingUnits(ctx);
  return {
    analyzerVersion,
    frameworkId: framework.id,
    frameworkVersion: framework.version,
    suggestions: framework.indicators.map((indicator) => suggest(indicator, ctx, units)),
  };
}

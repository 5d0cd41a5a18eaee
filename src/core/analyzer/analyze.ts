/**
 * The analyzer's entry point. PLACEHOLDER until the rule engine lands: it proposes `no` for every indicator,
 * which is the honest answer of an analyzer that has found nothing.
 */
import type { Framework } from '../framework/types.ts';
import type { Analysis, AnalyzerDocument } from './types.ts';

/** The version string recorded on every suggestion this analyzer makes. */
export const analyzerVersion = 'lawgap-analyzer/0.0.0';

/** Proposes one answer per indicator of the framework for the document, with verbatim evidence. */
export function analyzeDocument(document: AnalyzerDocument, framework: Framework): Analysis {
  void document;
  return {
    analyzerVersion,
    frameworkId: framework.id,
    frameworkVersion: framework.version,
    suggestions: framework.indicators.map((indicator) => ({
      indicator: indicator.id,
      answer: 'no',
      confidence: 0.5,
      evidence: [],
      rationale: 'No provision matched this indicator.',
    })),
  };
}

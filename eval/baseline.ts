/**
 * The naive keyword baseline the analyzer is measured beside: for each indicator, a few keywords taken from the
 * question wording (eval/baseline-keywords.json); the answer is `yes` when any provision contains one
 * (case-insensitive, on word boundaries), with the first such provision and the matched words as evidence.
 */
import type { Analysis, AnalyzerDocument, Suggestion } from '../src/core/analyzer/types.ts';
import type { Framework } from '../src/core/framework/types.ts';
import keywordFile from './baseline-keywords.json' with { type: 'json' };

/** The baseline's version string, recorded like the analyzer's. */
export const baselineVersion = 'keyword-baseline/1';

/** indicator -> keywords. */
export const baselineKeywords: Readonly<Record<string, readonly string[]>> = keywordFile.keywords;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function patternFor(keywords: readonly string[]): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${keywords.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`, 'iu');
}

/** Runs the keyword baseline over a document: one suggestion per indicator of the framework. */
export function analyzeWithKeywords(document: AnalyzerDocument, framework: Framework): Analysis {
  const suggestions: Suggestion[] = framework.indicators.map((indicator) => {
    const keywords = baselineKeywords[indicator.id] ?? [];
    if (keywords.length > 0) {
      const pattern = patternFor(keywords);
      for (const provision of document.provisions) {
        const match = pattern.exec(provision.text);
        if (match) {
          const start = match.index;
          const end = start + match[0].length;
          return {
            indicator: indicator.id,
            answer: 'yes',
            confidence: 0.5,
            evidence: [{ citation: provision.citation, quote: provision.text.slice(start, end), start, end }],
            rationale: `The provision contains the keyword "${match[0]}".`,
          };
        }
      }
    }
    return {
      indicator: indicator.id,
      answer: 'no',
      confidence: 0.5,
      evidence: [],
      rationale: 'No provision contains a keyword of this indicator.',
    };
  });
  return {
    analyzerVersion: baselineVersion,
    frameworkId: framework.id,
    frameworkVersion: framework.version,
    suggestions,
  };
}

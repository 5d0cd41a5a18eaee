/**
 * The analyzer's contract: a document's provisions in, one suggested answer per indicator out. Every quote is a
 * verbatim substring of the provision it cites (`text.slice(start, end) === quote`); a suggestion is a machine
 * proposal, labelled as such until a person confirms it.
 */

/** One provision as the analyzer reads it: a citation unique within the document set, its heading and text. */
export interface AnalyzerProvision {
  citation: string;
  heading: string | null;
  text: string;
}

/** The document (or set of documents read as one) the analyzer reads. */
export interface AnalyzerDocument {
  title: string;
  /** BCP 47 tag of the text's language (`en`, `es`, `fr`); lexicons are chosen by it. */
  language: string;
  provisions: AnalyzerProvision[];
}

/** What the analyzer proposes: `yes` and `partial` mean the indicator is (partly) met, `no` that nothing was found. */
export const suggestedAnswers = ['yes', 'partial', 'no'] as const;
/** One of `suggestedAnswers`. */
export type SuggestedAnswer = (typeof suggestedAnswers)[number];

/** A verbatim quote: `provision.text.slice(start, end) === quote` for the provision with this citation. */
export interface EvidenceQuote {
  citation: string;
  quote: string;
  start: number;
  end: number;
}

/** The analyzer's proposal for one indicator. */
export interface Suggestion {
  indicator: string;
  answer: SuggestedAnswer;
  /** 0..1. */
  confidence: number;
  /** Empty when the answer is `no`. */
  evidence: EvidenceQuote[];
  /** One sentence: which elements matched (or what was missing). */
  rationale: string;
}

/** The result of one analysis: which analyzer and framework produced it, and one suggestion per indicator. */
export interface Analysis {
  /** Recorded on every stored suggestion, e.g. `lawgap-analyzer/1.2.0`. */
  analyzerVersion: string;
  frameworkId: string;
  frameworkVersion: number;
  suggestions: Suggestion[];
}

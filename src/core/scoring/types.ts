/** Inputs and outputs of scoring: coded answers in, a breakdown anyone can recompute by hand out. Plain data. */
import type { JurisdictionLevel } from '../jurisdictions/types.ts';
import type { Grade, Tier } from './grades.ts';

/** The scoring method's name, stored with every result so a later change of method is never silent. */
export const scoringMethod = 'lawgap-score-1';
/** The name of the method that produced a result. */
export type ScoringMethod = typeof scoringMethod;

/** The answer code meaning "not applicable to this level of government": the indicator leaves the denominator. */
export const notApplicable = 'NA';

/** Where in the law an answer (or a negative-modifier finding) is grounded. */
export interface AnswerCitation {
  /** The law library's provision id, when the provision is in the library. */
  provisionId?: string;
  /** The human citation, e.g. "Modern Slavery Act 2015 s45(1)". */
  citation: string;
  /** A short snapshot of the text relied on. */
  quote?: string;
  /** The library document the provision belongs to, when known. */
  documentId?: string;
  /** The document's own citation, when known. */
  documentCitation?: string;
  /** The language the quoted law is written in, when known. */
  language?: string;
}

/** Review state of a coded answer. Scoring counts every answer it is given; callers choose which to pass. */
export type AnswerStatus = 'draft' | 'reviewed' | 'published';

/** One coded answer: an indicator's response code for one jurisdiction, with the law it rests on. */
export interface Answer {
  indicatorId: string;
  /** A code of the indicator's response type ('Y', 'P', 'N', '0', '1', '2', …) or 'NA'. */
  value: string;
  citations: AnswerCitation[];
  status?: AnswerStatus;
}

/** A coded finding on one negative modifier (GSI-style): whether the law contains the harmful feature. */
export interface ModifierFinding {
  modifierId: string;
  applies: boolean;
  citations: AnswerCitation[];
}

/** Everything one score is computed from, besides the framework. */
export interface ScoreInput {
  jurisdictionLevel: JurisdictionLevel;
  answers: readonly Answer[];
  modifiers?: readonly ModifierFinding[];
}

/** How an indicator entered the score: counted, not applicable (answered or by level), or not coded yet. */
export type IndicatorStatus = 'scored' | 'na' | 'not_coded';

/** One indicator's line in the breakdown. */
export interface IndicatorScore {
  id: string;
  weight: number;
  /** The answer code, 'NA' (answered or by level), or null when not coded. */
  value: string | null;
  /** The response type's value for the code, 0..1; null unless scored. */
  normalized: number | null;
  /** weight × normalized: what this indicator adds to its area's earned weight; null unless scored. */
  contribution: number | null;
  status: IndicatorStatus;
  /** Why an N/A was given: by the answer itself, or automatically by the jurisdiction's level. */
  naReason?: 'answered' | 'level';
  answerStatus?: AnswerStatus;
  citations: AnswerCitation[];
}

/** One area's line: score = earnedWeight ÷ applicableWeight, points = score × share. */
export interface AreaScore {
  id: string;
  share: number;
  /** Σ weight over scored indicators (applicable and coded). */
  applicableWeight: number;
  /** Σ weight × normalized over scored indicators. */
  earnedWeight: number;
  /** earnedWeight ÷ applicableWeight, 0..1; null when no indicator of the area is scored. */
  score: number | null;
  /** score × share, the area's points out of its share; null when the area is not counted. */
  points: number | null;
  /** Σ weight over indicators that are applicable but not coded (excluded until coded). */
  notCodedWeight: number;
  indicators: IndicatorScore[];
}

/** One negative modifier's line: whether it was found, the grade cap it brings, and the law it rests on. */
export interface ModifierResult {
  id: string;
  status: 'applies' | 'does_not_apply' | 'not_coded';
  /** The highest grade allowed while this modifier applies; null when it does not apply. */
  cap: Grade | null;
  citations: AnswerCitation[];
}

/** Counts of indicators by how they entered the score; ratio = scored ÷ applicable (1 when none applicable). */
export interface Coverage {
  indicators: number;
  applicable: number;
  scored: number;
  na: number;
  notCoded: number;
  ratio: number;
}

/** A jurisdiction's score under one framework version, with every number needed to recompute it by hand. */
export interface ScoreResult {
  method: ScoringMethod;
  frameworkId: string;
  version: number;
  jurisdictionLevel: JurisdictionLevel;
  /** Σ area points × 100 ÷ countedShare, 0..100, unrounded; null when no area has a scored indicator. */
  total: number | null;
  /** total rounded to one decimal: the published number, and the one the grade thresholds apply to. */
  totalRounded: number | null;
  /** The grade the total earns before negative modifiers. */
  grade: Grade | null;
  /** The grade after negative-modifier caps; the total itself is never changed by a modifier. */
  cappedGrade: Grade | null;
  /** The tier of the capped grade. */
  tier: Tier | null;
  /** One line per modifier that lowered the grade. */
  capReasons: Array<{ modifierId: string; cap: Grade }>;
  /** True when every applicable indicator and every negative modifier has been coded. */
  complete: boolean;
  coverage: Coverage;
  /** Σ share over counted areas; below 100 when the total was renormalised. */
  countedShare: number;
  /** True when some area had no scored indicator and the total was renormalised over the others. */
  renormalized: boolean;
  /** Areas left out of the total because none of their indicators is scored. */
  excludedAreas: string[];
  /** Scored indicators with a value above 0 whose answer cites nothing. */
  uncited: string[];
  areas: AreaScore[];
  modifiers: ModifierResult[];
}

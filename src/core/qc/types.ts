/** Quality control: coding batches, redundant (independent) codings, divergences and their reconciliation. */

/** Limits on one batch, enforced by every path (API, CLI). */
export const qcLimits = {
  jurisdictions: 200,
  indicators: 100,
  /** Jurisdictions × indicators in one batch. */
  variables: 5_000,
  nameChars: 200,
  reasonChars: 2_000,
} as const;

/** Defaults of a new batch: 100% redundancy until the divergence rate falls below 5%, then a 20% sample. */
export const qcDefaults = { threshold: 0.05, sampleRate: 0.2 } as const;

/** How a batch's variables were chosen for two coders: every one, or a seeded sample. */
export type Redundancy = 'full' | 'sample';

/** One variable of a batch: a jurisdiction × indicator. */
export interface QcVariable {
  jurisdictionId: string;
  indicatorId: string;
}

/** A coding batch as stored. `coders` are the two user ids, in the order given (coder A, coder B). */
export interface QcBatch {
  id: string;
  name: string;
  frameworkId: string;
  jurisdictions: string[];
  indicators: string[];
  coders: [string, string];
  threshold: number;
  sampleRate: number;
  redundancy: Redundancy;
  /** The batch whose divergence rate decided `redundancy` (null for the first batch). */
  previousBatchId: string | null;
  createdBy: string;
  createdAt: string;
}

/** Who codes one variable: one coder, or both (redundant). */
export interface QcAssignment extends QcVariable {
  coders: string[];
}

/** One coder's independent coding of a variable. */
export interface QcCoding extends QcVariable {
  id: string;
  batchId: string;
  coderId: string;
  value: string;
  validFrom: string;
  citations: Array<{ provisionId: string; quote: string }>;
  createdAt: string;
}

/** Whether a divergence still awaits a reviewer. */
export type DivergenceStatus = 'open' | 'reconciled';

/** Two codings of one variable that disagree, and (once reconciled) the value chosen and why. */
export interface QcDivergence extends QcVariable {
  id: string;
  batchId: string;
  frameworkId: string;
  status: DivergenceStatus;
  value: string | null;
  reason: string | null;
  reconciledBy: string | null;
  reconciledAt: string | null;
  answerId: string | null;
  createdAt: string;
}

/** The key of a variable, used in sets and maps. */
export function variableKey(v: QcVariable): string {
  return `${v.jurisdictionId}|${v.indicatorId}`;
}

/**
 * A bill's impact: the projected score of its jurisdiction if the bill were enacted (core/bills/impact.ts).
 * Policy: the bill's latest version with text is read (latest by date, then by position; or the version asked
 * for by its position), split into provisions as plain text and analyzed with the framework the score uses.
 * The current answers are the ones `scoreAsOf` counts on the date (published by default; counting unpublished
 * ones needs `org:read`), so a public impact never shows unpublished coding. No version with text is
 * BILL_TEXT_MISSING, a version number the bill does not have is BILL_VERSION_NOT_FOUND. Reading is public.
 */
import { analyzeDocument, analyzerVersion } from '../core/analyzer/analyze.ts';
import { type BillImpactResult, projectBillImpact } from '../core/bills/impact.ts';
import type { Bill, BillDocument } from '../core/bills/types.ts';
import { DomainError } from '../core/errors.ts';
import { isIsoDate } from '../core/laws/intervals.ts';
import { splitPlainText } from '../core/laws/split-text.ts';
import { flattenProvisions } from '../core/laws/types.ts';
import { validOn } from '../core/trends/answer-changes.ts';
import { guessLanguage } from './analysis.ts';
import { showBill } from './bills.ts';
import type { ServiceContext } from './context.ts';
import {
  loadCountedAnswers,
  type ScoreInclude,
  today,
  toScoringAnswer,
  toScoringFinding,
  versionOf,
} from './scores.ts';

/** Options of `billImpact`. */
export interface BillImpactOptions {
  /** The version's position in the bill's version list, from 0 (default: the latest version with text). */
  versionId?: number;
  include?: ScoreInclude;
  /** The date the current law is read on (default: today). */
  asOf?: string;
  frameworkVersion?: number;
}

/** A bill's impact with what it was computed from. */
export interface BillImpactReport extends BillImpactResult {
  bill: { id: string; identifier: string; title: string; jurisdictionId: string };
  version: { id: number; note: string; date: string | null };
  asOf: string;
  include: ScoreInclude;
  analyzerVersion: string;
  /** How many provisions the version text split into. */
  provisions: number;
}

const hasText = (v: BillDocument): boolean => (v.text ?? '').trim() !== '';

/** The version read: the one asked for, or the latest with text (by date, then by position). */
function pickVersion(bill: Bill, versionId: number | undefined): { id: number; version: BillDocument } {
  if (versionId !== undefined) {
    const version = bill.versions[versionId];
    if (!Number.isInteger(versionId) || !version) {
      throw new DomainError(
        'BILL_VERSION_NOT_FOUND',
        `bill ${bill.identifier} has no version ${versionId} (it has ${bill.versions.length}, numbered from 0)`,
        { id: bill.id, versionId },
      );
    }
    if (!hasText(version)) {
      throw new DomainError(
        'BILL_TEXT_MISSING',
        `version ${versionId} ("${version.note}") of bill ${bill.identifier} carries no text`,
        { id: bill.id, versionId },
      );
    }
    return { id: versionId, version };
  }
  let best: { id: number; version: BillDocument } | null = null;
  bill.versions.forEach((version, id) => {
    if (!hasText(version)) return;
    // Dates are fuzzy ISO prefixes, so text order is date order; an undated version counts as earliest.
    if (!best || (version.date ?? '') >= (best.version.date ?? '')) best = { id, version };
  });
  if (!best) {
    throw new DomainError(
      'BILL_TEXT_MISSING',
      `no version of bill ${bill.identifier} carries text, so its impact cannot be projected`,
      { id: bill.id },
    );
  }
  return best;
}

/**
 * The projected score of the bill's jurisdiction if the bill were enacted; throws BILL_NOT_FOUND,
 * BILL_VERSION_NOT_FOUND, BILL_TEXT_MISSING, VALIDATION_FAILED (bad date), JURISDICTION_NOT_FOUND,
 * FRAMEWORK_NOT_FOUND or FORBIDDEN (unpublished answers without `org:read`).
 */
export async function billImpact(
  ctx: ServiceContext,
  billId: string,
  options: BillImpactOptions = {},
): Promise<BillImpactReport> {
  const asOf = options.asOf ?? today();
  if (!isIsoDate(asOf))
    throw new DomainError('VALIDATION_FAILED', `as-of must be a date YYYY-MM-DD, got "${asOf}"`);
  const include = options.include ?? 'published';
  const bill = await showBill(ctx, billId);
  const { id, version } = pickVersion(bill, options.versionId);
  const records = await loadCountedAnswers(ctx, bill.jurisdictionId, {
    include,
    asOf,
    ...versionOf(options),
  });
  const billCitation = `${bill.identifier}${version.note ? ` (${version.note})` : ''}`;
  const split = splitPlainText(version.text ?? '', { documentCitation: billCitation });
  const provisions = flattenProvisions(split.provisions).map(({ node }) => ({
    citation: node.citation,
    heading: node.heading ?? '',
    text: node.text,
  }));
  const analysis = analyzeDocument(
    { title: bill.title, language: guessLanguage(version.text ?? ''), provisions },
    records.framework,
  );
  const impact = projectBillImpact({
    framework: records.framework,
    jurisdictionLevel: records.jurisdiction.level,
    answers: records.answers.filter((a) => validOn(a, asOf)).map(toScoringAnswer),
    findings: records.findings.filter((f) => validOn(f, asOf)).map(toScoringFinding),
    suggestions: analysis.suggestions,
    billCitation,
  });
  return {
    ...impact,
    bill: {
      id: bill.id,
      identifier: bill.identifier,
      title: bill.title,
      jurisdictionId: bill.jurisdictionId,
    },
    version: { id, note: version.note, date: version.date },
    asOf,
    include,
    analyzerVersion,
    provisions: provisions.length,
  };
}

/**
 * Crosswalk views from stored answers: the answers `scoreAsOf` would count on the date, regrouped by an external
 * instrument through core `crosswalkProfile` (which refuses an instrument not marked crosswalk, naming the valid
 * ones).
 */
import { DomainError } from '../core/errors.ts';
import { isIsoDate } from '../core/laws/intervals.ts';
import { type CrosswalkProfile, crosswalkProfile } from '../core/scoring/crosswalk-profile.ts';
import type { ServiceContext } from './context.ts';
import { loadCountedAnswers, type ScoreInclude, toScoringAnswer } from './scores.ts';

/** A jurisdiction's crosswalk profile on a date, with how it was made. */
export interface CrosswalkReport extends CrosswalkProfile {
  jurisdictionId: string;
  asOf: string;
  include: ScoreInclude;
}

/**
 * The jurisdiction's answers on `asOf` by instrument; throws VALIDATION_FAILED for a bad date or an instrument
 * that is not a crosswalk target, JURISDICTION_NOT_FOUND, or FORBIDDEN.
 */
export async function crosswalkAsOf(
  ctx: ServiceContext,
  jurisdictionId: string,
  instrument: string,
  asOf: string,
  options: { include?: ScoreInclude } = {},
): Promise<CrosswalkReport> {
  if (!isIsoDate(asOf)) {
    throw new DomainError('VALIDATION_FAILED', `asOf must be a date YYYY-MM-DD, got "${asOf}"`);
  }
  const include = options.include ?? 'published';
  const {
    jurisdiction,
    framework,
    answers: stored,
  } = await loadCountedAnswers(ctx, jurisdictionId, {
    include,
    asOf,
  });
  const profile = crosswalkProfile(framework, stored.map(toScoringAnswer), instrument, jurisdiction.level);
  return { jurisdictionId: jurisdiction.id, asOf, include, ...profile };
}

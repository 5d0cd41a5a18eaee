/**
 * Shared by the commands that cite law (`code set`, `code modifier`, `code modifier-update`, `suggestions
 * accept`, `qc`): repeatable flags, and --provision/--quote given in pairs.
 */
import { DomainError } from '../../core/errors.ts';

/** Collects every value of a repeatable flag, in order. */
export const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

/** The --provision/--quote pairs as citations, in order; VALIDATION_FAILED unless each provision has one quote. */
export function citationPairs(
  provisions: string[] = [],
  quotes: string[] = [],
): Array<{ provisionId: string; quote: string }> {
  if (provisions.length !== quotes.length)
    throw new DomainError('VALIDATION_FAILED', 'give one --quote for each --provision');
  return provisions.map((provisionId, i) => ({ provisionId, quote: quotes[i] ?? '' }));
}

/**
 * Which published answers the "know your rights" page may present as a protection. Policy: only indicators
 * that describe something the law gives a victim are listed (below), and only when the published answer
 * meets them: full marks as a protection, a partial value as a partial one. Unmet, N/A and uncoded
 * indicators are never claimed. The plain-language sentences (i18n `rights.protection.<id>`) say what the
 * indicator means when met; they are ours, not the law: the law is only quoted from the published answer.
 */
import type { Framework } from '../framework/types.ts';

/** Indicators that describe a protection or remedy for victims, in the order the page lists them. */
export const victimProtectionIndicators = [
  'VI-01',
  'VI-02',
  'VI-03',
  'VI-04',
  'VI-06',
  'VI-07',
  'VI-08',
  'VP-01',
  'VP-02',
  'VP-03',
  'VP-04',
  'VP-05',
  'VP-06',
  'VP-07',
  'VP-08',
  'VP-09',
  'CH-03',
  'CH-04',
  'CH-05',
  'CH-06',
  'PN-04',
  'PN-06',
  'PN-07',
  'PJ-03',
] as const;
/** An indicator id the rights page can describe. */
export type VictimProtectionIndicator = (typeof victimProtectionIndicators)[number];

/** True when the indicator is one the rights page describes. */
export function isVictimProtection(id: string): id is VictimProtectionIndicator {
  return (victimProtectionIndicators as readonly string[]).includes(id);
}

/** How far an answer meets an indicator: `full`, `partial`, or null (unmet, N/A, unknown code or indicator). */
export function protectionLevel(
  framework: Framework,
  indicatorId: string,
  value: string,
): 'full' | 'partial' | null {
  const indicator = framework.indicators.find((i) => i.id === indicatorId);
  if (!indicator || value === 'NA') return null;
  const normalized = framework.responseTypes[indicator.type]?.values[value];
  if (normalized === undefined || normalized <= 0) return null;
  return normalized >= 1 ? 'full' : 'partial';
}

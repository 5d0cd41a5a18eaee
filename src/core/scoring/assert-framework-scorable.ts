/**
 * The checks scoring makes on a framework before using it. Policy: parseFramework already refuses malformed
 * files, but a framework can also be built in code (tests, drafts of a next version), and a score computed on
 * shares that do not sum to 100 or on a value table outside 0..1 would be silently wrong. So scoring checks
 * again and refuses the whole framework with FRAMEWORK_INVALID, naming what is at fault.
 */
import { DomainError } from '../errors.ts';
import type { Framework } from '../framework/types.ts';
import { notApplicable } from './types.ts';

/** Shares are summed in floating point; a sum this close to 100 counts as 100 (e.g. 33.3 + 33.3 + 33.4). */
const shareTolerance = 1e-9;

function refuse(framework: Framework, problem: string, details: Record<string, unknown>): never {
  throw new DomainError(
    'FRAMEWORK_INVALID',
    `framework ${framework.id} version ${framework.version} cannot be scored: ${problem}`,
    details,
  );
}

const positive = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n) && n > 0;

/** Throws FRAMEWORK_INVALID unless area shares sum to 100 and every area, indicator and value table is usable. */
export function assertFrameworkScorable(framework: Framework): void {
  if (framework.areas.length === 0) refuse(framework, 'it has no areas', { field: 'areas' });
  const areaIds = new Set<string>();
  let shareSum = 0;
  for (const area of framework.areas) {
    if (areaIds.has(area.id)) refuse(framework, `area ${area.id} appears twice`, { area: area.id });
    areaIds.add(area.id);
    if (!positive(area.share)) {
      refuse(framework, `area ${area.id} has share ${area.share}; shares must be above 0`, { area: area.id });
    }
    shareSum += area.share;
  }
  if (Math.abs(shareSum - 100) > shareTolerance) {
    refuse(framework, `area shares sum to ${shareSum}, not 100`, { field: 'areas[].share', sum: shareSum });
  }
  for (const [type, def] of Object.entries(framework.responseTypes)) {
    for (const [code, value] of Object.entries(def.values)) {
      if (code === notApplicable) {
        refuse(framework, `response type ${type} defines "${notApplicable}", which is reserved`, { type });
      }
      if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 1) {
        refuse(framework, `response type ${type} gives "${code}" the value ${value}; values are 0..1`, {
          type,
        });
      }
    }
  }
  const indicatorIds = new Set<string>();
  const areasWithIndicators = new Set<string>();
  for (const indicator of framework.indicators) {
    const where = { indicator: indicator.id };
    if (indicatorIds.has(indicator.id)) refuse(framework, `indicator ${indicator.id} appears twice`, where);
    indicatorIds.add(indicator.id);
    if (!areaIds.has(indicator.area)) {
      refuse(framework, `indicator ${indicator.id} names unknown area ${indicator.area}`, where);
    }
    areasWithIndicators.add(indicator.area);
    if (!positive(indicator.weight)) {
      refuse(
        framework,
        `indicator ${indicator.id} has weight ${indicator.weight}; weights must be above 0`,
        where,
      );
    }
    if (!framework.responseTypes[indicator.type]) {
      refuse(
        framework,
        `indicator ${indicator.id} has response type ${indicator.type}, which has no values`,
        where,
      );
    }
  }
  for (const area of framework.areas) {
    if (!areasWithIndicators.has(area.id))
      refuse(framework, `area ${area.id} has no indicators`, { area: area.id });
  }
  const modifierIds = new Set<string>();
  for (const modifier of framework.negativeModifiers) {
    if (modifierIds.has(modifier.id)) {
      refuse(framework, `negative modifier ${modifier.id} appears twice`, { modifier: modifier.id });
    }
    modifierIds.add(modifier.id);
  }
}

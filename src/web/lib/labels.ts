/** Interface names for the API's codes: roles, jurisdiction levels, indicator types and levels. */
import type { MessageKey } from '../../core/i18n/messages.ts';
import type { Indicator, JurisdictionLevel, Role } from '../api/types.ts';

type T = (key: MessageKey, vars?: Record<string, string | number>) => string;

/** The name of a role. */
export function roleName(t: T, role: Role): string {
  return t(`app.role.${role}`);
}

/** The name of a jurisdiction level. */
export function levelName(t: T, level: JurisdictionLevel): string {
  return t(`app.level.${level}`);
}

/** The name of an indicator's response type (`YPN`, `YN`, `G02`). */
export function responseTypeName(t: T, type: Indicator['type']): string {
  return t(`app.indicator.type.${type}`);
}

/** What an indicator's level means (`B`, `N`, `S`). */
export function indicatorLevelName(t: T, level: Indicator['level']): string {
  return t(`app.indicator.level.${level}`);
}

/** A date-time string shown in the interface language, or the fallback when absent. */
export function formatDate(locale: string, iso: string | null, fallback: string): string {
  if (!iso) return fallback;
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso
    : date.toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' });
}

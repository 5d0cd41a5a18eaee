/**
 * Links between the report card and the rights pages: the rights page path, the "report an error" form path,
 * and the link from the report card to the rights page (the card shows each answer's last-verified date and
 * report link itself). Kept apart from portal-rights-html.ts so the report card can
 * use them without an import cycle.
 */
import type { Locale } from '../../core/framework/types.ts';
import { t } from '../../core/i18n/messages.ts';
import { type Jurisdiction, localized } from '../../core/jurisdictions/types.ts';
import { esc } from './html.ts';
import { reportCardPath } from './portal-html.ts';

/** The public URL of a jurisdiction's rights page. */
export function rightsPath(jurisdictionId: string): string {
  return `${reportCardPath(jurisdictionId)}/rights`;
}

/** The public URL of the form for reporting an error in a published answer. */
export function reportErrorPath(jurisdictionId: string, answerId?: string): string {
  const base = `${reportCardPath(jurisdictionId)}/report-error`;
  return answerId ? `${base}?answer=${encodeURIComponent(answerId)}` : base;
}

/** The link from the report card to the rights page. */
export function rightsLink(locale: Locale, jurisdiction: Pick<Jurisdiction, 'id' | 'name'>): string {
  return `<p><a href="${esc(rightsPath(jurisdiction.id))}?lang=${locale}">${esc(t(locale, 'rights.link', { name: localized(jurisdiction.name, locale) }))}</a></p>`;
}

/**
 * Links between the report card and the rights pages: the rights page path, the "report an error" form path,
 * and the pieces the report card shows (the link to the rights page; under each published answer its
 * last-verified date and the link to the form). Kept apart from portal-rights-html.ts so the report card can
 * use them without an import cycle.
 */
import type { CodedAnswer } from '../../core/coding/types.ts';
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

/** The last-verified date and the "report an error" link under an answer on the report card. */
export function answerMetaLine(
  locale: Locale,
  jurisdictionId: string,
  answer: CodedAnswer | undefined,
): string {
  if (!answer) return '';
  return `<p class="answer-meta">${esc(t(locale, 'rights.answerVerified', { date: answer.updatedAt.slice(0, 10) }))} · <a href="${esc(reportErrorPath(jurisdictionId, answer.id))}&amp;lang=${locale}">${esc(t(locale, 'rights.reportErrorIn', { indicator: answer.indicatorId }))}</a></p>`;
}

/** The link from the report card to the rights page. */
export function rightsLink(locale: Locale, jurisdiction: Pick<Jurisdiction, 'id' | 'name'>): string {
  return `<p><a href="${esc(rightsPath(jurisdiction.id))}?lang=${locale}">${esc(t(locale, 'rights.link', { name: localized(jurisdiction.name, locale) }))}</a></p>`;
}

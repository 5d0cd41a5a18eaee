/**
 * The data of the public "know your rights" page of a jurisdiction. Policy: read as the anonymous public
 * actor through the published-only loader, so only published answers valid on the date are considered; an
 * answer is presented as a protection only when core/rights says it meets a victim-protection indicator
 * (unmet, N/A and uncoded indicators are never claimed). Help resources are the published ones only.
 */
import { publicActor } from '../core/auth/permissions.ts';
import type { CodedAnswer, CodedCitation } from '../core/coding/types.ts';
import type { Framework } from '../core/framework/types.ts';
import type { HelpResource } from '../core/help-resources/help-resources.ts';
import type { Jurisdiction } from '../core/jurisdictions/types.ts';
import {
  isVictimProtection,
  protectionLevel,
  victimProtectionIndicators,
} from '../core/rights/protections.ts';
import type { ServiceContext } from './context.ts';
import { publicHelpResources } from './help-resources.ts';
import { loadCountedAnswers } from './scores.ts';

/** One protection the published law provides. */
export interface RightsProtection {
  indicatorId: string;
  level: 'full' | 'partial';
  value: string;
  answerId: string;
  /** The answer's last-verified date: when the published answer last changed (YYYY-MM-DD). */
  verifiedOn: string;
  citations: CodedCitation[];
}

/** What the rights page shows. */
export interface RightsView {
  jurisdiction: Jurisdiction;
  framework: Framework;
  asOf: string;
  protections: RightsProtection[];
  resources: HelpResource[];
  /** The language the resources are filtered by (ISO 639-1), or null. */
  languageFilter: string | null;
  /** Every language the jurisdiction's published resources offer (ISO 639-1). */
  languagesOffered: string[];
}

/** True when the answer is in force on `date` (validTo exclusive). */
export function answerValidOn(a: Pick<CodedAnswer, 'validFrom' | 'validTo'>, date: string): boolean {
  return a.validFrom <= date && (a.validTo === null || date < a.validTo);
}

/**
 * A jurisdiction's published protections on `date` and its published help resources (only those offered in
 * `language` when given); JURISDICTION_NOT_FOUND for an unknown or organisation-owned jurisdiction.
 */
export async function portalRights(
  ctx: Pick<ServiceContext, 'db'>,
  jurisdictionId: string,
  date: string,
  language?: string,
): Promise<RightsView> {
  const pub = { db: ctx.db, actor: publicActor };
  const { jurisdiction, framework, answers } = await loadCountedAnswers(pub, jurisdictionId, {
    include: 'published',
  });
  const order = new Map<string, number>(victimProtectionIndicators.map((id, i) => [id, i] as const));
  const protections: RightsProtection[] = [];
  for (const a of answers) {
    if (a.status !== 'published' || !answerValidOn(a, date) || !isVictimProtection(a.indicatorId)) continue;
    const level = protectionLevel(framework, a.indicatorId, a.value);
    if (!level) continue;
    protections.push({
      indicatorId: a.indicatorId,
      level,
      value: a.value,
      answerId: a.id,
      verifiedOn: a.updatedAt.slice(0, 10),
      citations: a.citations,
    });
  }
  protections.sort((x, y) => (order.get(x.indicatorId) ?? 0) - (order.get(y.indicatorId) ?? 0));
  const found = await publicHelpResources(ctx, jurisdiction.id, language);
  return {
    jurisdiction,
    framework,
    asOf: date,
    protections,
    resources: found.resources,
    languageFilter: found.language,
    languagesOffered: found.offered,
  };
}

/**
 * A published answer of a public jurisdiction with its framework, for the "report an error" form; null when
 * the answer is not published or not of that jurisdiction. Throws JURISDICTION_NOT_FOUND like the report card.
 */
export async function publicAnswer(
  ctx: Pick<ServiceContext, 'db'>,
  jurisdictionId: string,
  answerId: string,
): Promise<{ jurisdiction: Jurisdiction; framework: Framework; answer: CodedAnswer } | null> {
  const pub = { db: ctx.db, actor: publicActor };
  const { jurisdiction, framework, answers } = await loadCountedAnswers(pub, jurisdictionId, {
    include: 'published',
  });
  const answer = answers.find((a) => a.id === answerId && a.status === 'published');
  return answer ? { jurisdiction, framework, answer } : null;
}

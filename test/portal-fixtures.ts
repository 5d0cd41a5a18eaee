/**
 * Portal fixtures: the coding fixtures' invented Examplia act (filed under Iceland) and Texas code, coded so
 * that a database holds published AND unpublished data side by side: two published Iceland answers (one at
 * full marks with a caution note, one at zero, a gap), a draft and a machine suggestion for Iceland, a reviewed
 * (unpublished) Texas answer, and an organisation's recommendation. Every unpublished or internal text carries
 * a canary string the public pages must never show. The fixture law is in force from 2030: tests read the
 * portal on `portalDate`.
 */
import type { Actor } from '../src/core/auth/permissions.ts';
import type { Framework } from '../src/core/framework/types.ts';
import { createAnswer, setAnswerStatus } from '../src/services/coding.ts';
import { getFramework } from '../src/services/framework.ts';
import { setRecommendation } from '../src/services/recommendations.ts';
import { insertOrganization } from '../src/store/accounts.repo.ts';
import type { Store } from '../src/store/db.ts';
import { type CodingFixtures, iceland, importCodingFixtures, pid, texas } from './coding-fixtures.ts';

/** The date the portal is read on in tests (the fixture law is in force from 2030). */
export const portalDate = '2031-06-01T12:00:00Z';

/** Texts that only unpublished or internal records hold. */
export const canaries = {
  draftNote: 'CANARY-draft-caution-note',
  suggestionNote: 'CANARY-suggestion-note',
  recommendation: 'CANARY-recommendation-text',
  /** The quotes of the draft, the suggestion and the reviewed Texas answer. */
  draftQuote: 'status offences',
  suggestionQuote: 'up to 5 years',
  reviewedQuote: 'traffics another person',
} as const;

/** What the seed made. */
export interface PortalSeed {
  fx: CodingFixtures;
  framework: Framework;
  /** Indicator ids: published at full marks, published at zero, draft, suggested, Texas reviewed. */
  full: string;
  zero: string;
  draft: string;
  suggested: string;
  /** The draft answer's id (tests publish it). */
  draftId: string;
  /** The quote the published full-marks answer rests on. */
  publishedQuote: string;
}

const system: Actor = { kind: 'system', name: 'test' };

function codes(framework: Framework, indicatorId: string): { top: string; bottom: string } {
  const indicator = framework.indicators.find((i) => i.id === indicatorId);
  if (!indicator) throw new Error(`no indicator ${indicatorId}`);
  const sorted = Object.entries(framework.responseTypes[indicator.type].values).sort((a, b) => b[1] - a[1]);
  return { top: sorted[0]?.[0] ?? 'NA', bottom: sorted[sorted.length - 1]?.[0] ?? 'NA' };
}

/** Seeds a prepared store with the published and unpublished data above. */
export async function seedPortal(store: Store): Promise<PortalSeed> {
  const ctx = { db: store.db, actor: system };
  const fx = await importCodingFixtures(store);
  const framework = await getFramework(ctx);
  const [full, zero, draft, suggested] = framework.indicators.map((i) => i.id) as [
    string,
    string,
    string,
    string,
  ];
  const publish = async (id: string) => {
    await setAnswerStatus(ctx, id, 'reviewed');
    await setAnswerStatus(ctx, id, 'published');
  };
  const publishedQuote = 'recruits, transports or harbours';
  const a = await createAnswer(ctx, {
    jurisdictionId: iceland,
    indicatorId: full,
    value: codes(framework, full).top,
    citations: [{ provisionId: pid(fx.v1, 's. 1(1)'), quote: publishedQuote }],
  });
  await publish(a.id);
  const b = await createAnswer(ctx, {
    jurisdictionId: iceland,
    indicatorId: zero,
    value: codes(framework, zero).bottom,
    citations: [],
    validFrom: '2030-01-01',
  });
  await publish(b.id);
  const d = await createAnswer(ctx, {
    jurisdictionId: iceland,
    indicatorId: draft,
    value: codes(framework, draft).top,
    citations: [{ provisionId: pid(fx.v1, 's. 3'), quote: canaries.draftQuote }],
    cautionNote: canaries.draftNote,
  });
  await createAnswer(ctx, {
    jurisdictionId: iceland,
    indicatorId: suggested,
    value: codes(framework, suggested).top,
    citations: [{ provisionId: pid(fx.v1, 's. 2'), quote: canaries.suggestionQuote }],
    cautionNote: canaries.suggestionNote,
    status: 'suggested',
  });
  const tx = await createAnswer(ctx, {
    jurisdictionId: texas,
    indicatorId: full,
    value: codes(framework, full).top,
    citations: [{ provisionId: pid(fx.texas, 's. 1'), quote: canaries.reviewedQuote }],
  });
  await setAnswerStatus(ctx, tx.id, 'reviewed');
  const org = await insertOrganization(store.db, 'Portal Coalition', 'portal-coalition');
  for (const indicatorId of [full, zero]) {
    await setRecommendation(ctx, {
      organization: org.slug,
      indicatorId,
      locale: 'en',
      text: `${canaries.recommendation} ${indicatorId}`,
    });
  }
  return { fx, framework, full, zero, draft, suggested, draftId: d.id, publishedQuote };
}

/** Builds the Fastify app from its dependencies. It never listens: main.ts (or a test) does. */
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance } from 'fastify';
import { registerAccountRoutes } from './api/accounts.routes.ts';
import { registerAlertRoutes } from './api/alerts.routes.ts';
import { registerBillExportRoutes } from './api/bill-export.routes.ts';
import { registerBillImpactRoutes } from './api/bill-impact.routes.ts';
import { registerBillReviewRoutes } from './api/bill-review.routes.ts';
import { registerBillRoutes } from './api/bills.routes.ts';
import { registerCampaignInteropRoutes } from './api/campaign-interop.routes.ts';
import { registerCampaignMessageRoutes } from './api/campaign-messages.routes.ts';
import { registerCampaignTargetRoutes } from './api/campaign-targets.routes.ts';
import { registerCampaignRoutes } from './api/campaigns.routes.ts';
import { registerCasesRoutes } from './api/cases.routes.ts';
import { registerCodingRoutes } from './api/coding.routes.ts';
import { registerDistrictRoutes } from './api/districts.routes.ts';
import { registerEmbedRoutes } from './api/embeds.routes.ts';
import { registerEventRoutes } from './api/events.routes.ts';
import { registerExportRoutes } from './api/export.routes.ts';
import { registerFrameworkRoutes } from './api/framework.routes.ts';
import { registerGapRoutes } from './api/gaps.routes.ts';
import { registerHelpResourceRoutes } from './api/help-resources.routes.ts';
import { registerJurisdictionRoutes } from './api/jurisdictions.routes.ts';
import { registerLawRoutes } from './api/laws.routes.ts';
import { registerLetterActionRoutes } from './api/letter-actions.routes.ts';
import { registerMetaRoutes } from './api/meta.routes.ts';
import { registerModifierFindingRoutes } from './api/modifier-findings.routes.ts';
import { registerOrganizationRoutes } from './api/organizations.routes.ts';
import { registerPeopleRoutes } from './api/people.routes.ts';
import { registerPersonActivityRoutes } from './api/person-activity.routes.ts';
import { registerPetitionModerationRoutes } from './api/petition-moderation.routes.ts';
import { registerPetitionRoutes } from './api/petitions.routes.ts';
import { registerPracticeRoutes } from './api/practice.routes.ts';
import { registerPrivacyRoutes } from './api/privacy.routes.ts';
import { registerQcRoutes } from './api/qc.routes.ts';
import { registerRecodingRoutes } from './api/recoding.routes.ts';
import { registerRecommendationRoutes } from './api/recommendations.routes.ts';
import { registerScoreRoutes } from './api/scores.routes.ts';
import { registerSearchRoutes } from './api/search.routes.ts';
import { registerSessionRoutes } from './api/session.routes.ts';
import { registerSignOnRoutes } from './api/sign-on.routes.ts';
import { registerStatisticsRoutes } from './api/statistics.routes.ts';
import { registerStoryRoutes } from './api/stories.routes.ts';
import { registerSuggestionRoutes } from './api/suggestions.routes.ts';
import { registerSupporterRoutes } from './api/supporters.routes.ts';
import { registerTreatyPartyRoutes } from './api/treaty-parties.routes.ts';
import { registerVoteRoutes } from './api/votes.routes.ts';
import { registerWebhookRoutes } from './api/webhooks.routes.ts';
import type { AppDeps } from './deps.ts';
import { logPath } from './log-path.ts';
import { registerPages } from './pages/pages.ts';
import { registerAuth } from './plugins/auth.ts';
import { registerErrorHandling } from './plugins/errors.ts';
import { helmetOptions, registerFramePolicy } from './plugins/frame-policy.ts';
import { registerLoadShedding } from './plugins/load-shedding.ts';
import { createLoginLimiter } from './plugins/login-limiter.ts';
import { registerPublicCors } from './plugins/public-cors.ts';

export interface BuildOptions {
  /** Log requests (off in tests). */
  logger?: boolean;
  /** Global per-IP request limit per minute. */
  rateLimitPerMinute?: number;
  /** Where log lines go when logging is on (stdout unless given; tests capture them). */
  logStream?: { write(line: string): void };
  /** Shed load (503 + Retry-After) past config.shedding's thresholds; the server does, in-process tests do not. */
  shedLoad?: boolean;
}

/** Builds the app: security headers, limits, auth, API, docs and pages. */
export async function buildApp(deps: AppDeps, options: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger
      ? {
          level: deps.config.logLevel,
          ...(options.logStream ? { stream: options.logStream } : {}),
          // No personal data in logs: requests are logged by method and path only (no address, no headers).
          serializers: {
            req: (req: { method: string; url: string }) => ({
              method: req.method,
              url: logPath(req.url),
            }),
          },
        }
      : false,
    bodyLimit: 1024 * 1024,
    trustProxy: false,
    routerOptions: { ignoreTrailingSlash: true },
  });
  registerErrorHandling(app);
  // First of the request hooks, so that a shed request costs as little as possible (no security headers to
  // build, no rate-limit bucket): under a burst the server must answer 503 faster than requests arrive.
  if (options.shedLoad) await registerLoadShedding(app, deps.config);
  await app.register(helmet, helmetOptions(deps.config.secureCookies));
  // Only /embed/ routes may be framed by other sites (plugins/frame-policy.ts); before any route is declared.
  registerFramePolicy(app, deps.config.embedFrameAncestors ?? ['*'], deps.config.secureCookies);
  await app.register(cookie);
  await app.register(rateLimit, {
    max: options.rateLimitPerMinute ?? 600,
    timeWindow: 60_000,
    // A 429 says nothing about which bucket fired or how many tries remain (ABU-7).
    addHeaders: {
      'x-ratelimit-limit': false,
      'x-ratelimit-remaining': false,
      'x-ratelimit-reset': false,
      'retry-after': true,
    },
    addHeadersOnExceeding: {
      'x-ratelimit-limit': false,
      'x-ratelimit-remaining': false,
      'x-ratelimit-reset': false,
    },
    errorResponseBuilder: () => ({
      statusCode: 429,
      error: { code: 'RATE_LIMITED', message: 'too many requests; try later' },
    }),
  });
  registerAuth(app, deps);
  registerPublicCors(app, deps.routes);
  registerMetaRoutes(app, deps);
  const loginLimiter = createLoginLimiter();
  registerSessionRoutes(app, deps, loginLimiter);
  registerAccountRoutes(app, deps, loginLimiter);
  registerOrganizationRoutes(app, deps);
  registerFrameworkRoutes(app, deps);
  registerJurisdictionRoutes(app, deps);
  registerLawRoutes(app, deps);
  registerBillRoutes(app, deps);
  registerBillExportRoutes(app, deps);
  registerBillImpactRoutes(app, deps);
  registerBillReviewRoutes(app, deps);
  registerPeopleRoutes(app, deps);
  registerDistrictRoutes(app, deps);
  registerPersonActivityRoutes(app, deps);
  registerVoteRoutes(app, deps);
  registerEventRoutes(app, deps);
  registerSuggestionRoutes(app, deps);
  registerRecodingRoutes(app, deps);
  registerSearchRoutes(app, deps);
  registerCodingRoutes(app, deps);
  registerModifierFindingRoutes(app, deps);
  registerTreatyPartyRoutes(app, deps);
  registerScoreRoutes(app, deps);
  registerQcRoutes(app, deps);
  registerGapRoutes(app, deps);
  registerStatisticsRoutes(app, deps);
  registerCasesRoutes(app, deps);
  registerPracticeRoutes(app, deps);
  registerPrivacyRoutes(app, deps);
  registerRecommendationRoutes(app, deps);
  registerCampaignRoutes(app, deps);
  registerCampaignTargetRoutes(app, deps);
  registerCampaignMessageRoutes(app, deps);
  registerCampaignInteropRoutes(app, deps);
  registerStoryRoutes(app, deps);
  registerHelpResourceRoutes(app, deps);
  registerPetitionRoutes(app, deps);
  registerPetitionModerationRoutes(app, deps);
  registerLetterActionRoutes(app, deps);
  registerSignOnRoutes(app, deps);
  registerSupporterRoutes(app, deps);
  registerEmbedRoutes(app, deps);
  registerAlertRoutes(app, deps);
  registerWebhookRoutes(app, deps);
  registerExportRoutes(app, deps);
  await registerPages(app, deps);
  return app;
}

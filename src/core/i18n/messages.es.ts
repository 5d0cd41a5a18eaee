/** Spanish interface text, one file per part of the product. */

import { esAlerts } from './es/alerts.ts';
import { esBillReview } from './es/bill-review.ts';
import { esBills } from './es/bills.ts';
import { esCampaignInterop } from './es/campaign-interop.ts';
import { esCampaigns } from './es/campaigns.ts';
import { esCases } from './es/cases.ts';
import { esDistricts } from './es/districts.ts';
import { esEmbeds } from './es/embeds.ts';
import { esLaw } from './es/law.ts';
import { esLawLibrary } from './es/law-library.ts';
import { esLetterActions } from './es/letter-actions.ts';
import { esOpenData } from './es/open-data.ts';
import { esPetitions } from './es/petitions.ts';
import { esPortal } from './es/portal.ts';
import { esPortalLive } from './es/portal-live.ts';
import { esPractice } from './es/practice.ts';
import { esRecoding } from './es/recoding.ts';
import { esRecommendations } from './es/recommendations.ts';
import { esRights } from './es/rights.ts';
import { esScores } from './es/scores.ts';
import { esSignOn } from './es/sign-on.ts';
import { esStatistics } from './es/statistics.ts';
import { esSuggestions } from './es/suggestions.ts';
import { esSupporterData } from './es/supporter-data.ts';
import { esTreaties } from './es/treaties.ts';
import { esWorkspace } from './es/workspace.ts';
import type { en } from './messages.en.ts';

export const es: Partial<Record<keyof typeof en, string>> = {
  ...esWorkspace,
  ...esLaw,
  ...esLawLibrary,
  ...esScores,
  ...esRecommendations,
  ...esRecoding,
  ...esTreaties,
  ...esSuggestions,
  ...esAlerts,
  ...esBillReview,
  ...esBills,
  ...esCampaigns,
  ...esDistricts,
  ...esStatistics,
  ...esCases,
  ...esPetitions,
  ...esLetterActions,
  ...esCampaignInterop,
  ...esPortal,
  ...esRights,
  ...esOpenData,
  ...esPractice,
  ...esSignOn,
  ...esSupporterData,
  ...esEmbeds,
  ...esPortalLive,
};

/** English interface text (the source language), one file per part of the product. */

import { enAlerts } from './en/alerts.ts';
import { enBillReview } from './en/bill-review.ts';
import { enBills } from './en/bills.ts';
import { enCampaignInterop } from './en/campaign-interop.ts';
import { enCampaigns } from './en/campaigns.ts';
import { enCases } from './en/cases.ts';
import { enDistricts } from './en/districts.ts';
import { enEmbeds } from './en/embeds.ts';
import { enLaw } from './en/law.ts';
import { enLawLibrary } from './en/law-library.ts';
import { enLetterActions } from './en/letter-actions.ts';
import { enOpenData } from './en/open-data.ts';
import { enPetitions } from './en/petitions.ts';
import { enPortal } from './en/portal.ts';
import { enPortalLive } from './en/portal-live.ts';
import { enPractice } from './en/practice.ts';
import { enRecoding } from './en/recoding.ts';
import { enRecommendations } from './en/recommendations.ts';
import { enRights } from './en/rights.ts';
import { enScores } from './en/scores.ts';
import { enSignOn } from './en/sign-on.ts';
import { enStatistics } from './en/statistics.ts';
import { enSuggestions } from './en/suggestions.ts';
import { enSupporterData } from './en/supporter-data.ts';
import { enTreaties } from './en/treaties.ts';
import { enWorkspace } from './en/workspace.ts';

export const en = {
  ...enWorkspace,
  ...enLaw,
  ...enLawLibrary,
  ...enScores,
  ...enRecommendations,
  ...enRecoding,
  ...enTreaties,
  ...enSuggestions,
  ...enAlerts,
  ...enBillReview,
  ...enBills,
  ...enCampaigns,
  ...enDistricts,
  ...enStatistics,
  ...enCases,
  ...enPetitions,
  ...enLetterActions,
  ...enCampaignInterop,
  ...enPortal,
  ...enRights,
  ...enOpenData,
  ...enPractice,
  ...enSignOn,
  ...enSupporterData,
  ...enEmbeds,
  ...enPortalLive,
} as const;

/** French interface text, one file per part of the product. */

import { frAlerts } from './fr/alerts.ts';
import { frBillReview } from './fr/bill-review.ts';
import { frBills } from './fr/bills.ts';
import { frCampaignInterop } from './fr/campaign-interop.ts';
import { frCampaigns } from './fr/campaigns.ts';
import { frCases } from './fr/cases.ts';
import { frDistricts } from './fr/districts.ts';
import { frEmbeds } from './fr/embeds.ts';
import { frLaw } from './fr/law.ts';
import { frLawLibrary } from './fr/law-library.ts';
import { frLetterActions } from './fr/letter-actions.ts';
import { frOpenData } from './fr/open-data.ts';
import { frPetitions } from './fr/petitions.ts';
import { frPortal } from './fr/portal.ts';
import { frPortalLive } from './fr/portal-live.ts';
import { frPractice } from './fr/practice.ts';
import { frRecoding } from './fr/recoding.ts';
import { frRecommendations } from './fr/recommendations.ts';
import { frRights } from './fr/rights.ts';
import { frScores } from './fr/scores.ts';
import { frSignOn } from './fr/sign-on.ts';
import { frStatistics } from './fr/statistics.ts';
import { frSuggestions } from './fr/suggestions.ts';
import { frSupporterData } from './fr/supporter-data.ts';
import { frTreaties } from './fr/treaties.ts';
import { frWorkspace } from './fr/workspace.ts';
import type { en } from './messages.en.ts';

export const fr: Partial<Record<keyof typeof en, string>> = {
  ...frWorkspace,
  ...frLaw,
  ...frLawLibrary,
  ...frScores,
  ...frRecommendations,
  ...frRecoding,
  ...frTreaties,
  ...frSuggestions,
  ...frAlerts,
  ...frBillReview,
  ...frBills,
  ...frCampaigns,
  ...frDistricts,
  ...frStatistics,
  ...frCases,
  ...frPetitions,
  ...frLetterActions,
  ...frCampaignInterop,
  ...frPortal,
  ...frRights,
  ...frOpenData,
  ...frPractice,
  ...frSignOn,
  ...frSupporterData,
  ...frEmbeds,
  ...frPortalLive,
};

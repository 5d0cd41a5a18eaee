/** English interface text (the source language), one file per part of the product. */

import { enAlerts } from './en/alerts.ts';
import { enBillReview } from './en/bill-review.ts';
import { enBills } from './en/bills.ts';
import { enCampaigns } from './en/campaigns.ts';
import { enLaw } from './en/law.ts';
import { enRecoding } from './en/recoding.ts';
import { enRecommendations } from './en/recommendations.ts';
import { enScores } from './en/scores.ts';
import { enSuggestions } from './en/suggestions.ts';
import { enTreaties } from './en/treaties.ts';
import { enWorkspace } from './en/workspace.ts';

export const en = {
  ...enWorkspace,
  ...enLaw,
  ...enScores,
  ...enRecommendations,
  ...enRecoding,
  ...enTreaties,
  ...enSuggestions,
  ...enAlerts,
  ...enBillReview,
  ...enBills,
  ...enCampaigns,
} as const;

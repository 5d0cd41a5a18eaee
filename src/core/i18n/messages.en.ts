/** English interface text (the source language), one file per part of the product. */

import { enLaw } from './en/law.ts';
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
  ...enTreaties,
  ...enSuggestions,
} as const;

/** The forward-only migration chain, in order. Add new files at the end; never edit or remove one. */
import type { Migration } from 'kysely';
import * as initial from './20261129010000-initial.ts';
import * as lawLibrary from './20261129020000-law-library.ts';
import * as coding from './20261129030000-coding.ts';
import * as qc from './20261129040000-qc.ts';
import * as recommendations from './20261129050000-recommendations.ts';
import * as modifierFindings from './20261129060000-modifier-findings.ts';
import * as treatyParties from './20261129070000-treaty-parties.ts';
import * as analyzerSuggestions from './20261129080000-analyzer-suggestions.ts';
import * as bills from './20261129090000-bills.ts';
import * as people from './20261129100000-people.ts';
import * as votes from './20261129110000-votes.ts';
import * as events from './20261129120000-events.ts';
import * as alerts from './20261129130000-alerts.ts';
import * as emailAlerts from './20261129140000-email-alerts.ts';
import * as billReview from './20261129150000-bill-review.ts';
import * as recodingTasks from './20261129160000-recoding-tasks.ts';
import * as campaigns from './20261129170000-campaigns.ts';
import * as stories from './20261129180000-stories.ts';
import * as signOnLetters from './20261129190000-sign-on-letters.ts';
import * as campaignIdentifiers from './20261129200000-campaign-identifiers.ts';
import * as privacyLedger from './20261129210000-privacy-ledger.ts';
import * as statistics from './20261129220000-statistics.ts';
import * as petitions from './20261129240000-petitions.ts';
import * as districts from './20261129250000-districts.ts';
import * as letterActions from './20261129260000-letter-actions.ts';
import * as helpResources from './20261129270000-help-resources.ts';
import * as caseRecords from './20261129280000-case-records.ts';
import * as petitionAbuse from './20261129285000-petition-abuse.ts';
import * as supporterData from './20261129300000-supporter-data.ts';
import * as embedPartners from './20261129310000-embed-partners.ts';
import * as campaignPublic from './20261129330000-campaign-public.ts';
import * as caseReleaseDrafts from './20261129340000-case-release-drafts.ts';
import * as petitionSignerIndex from './20261129350000-petition-signer-index.ts';

export const migrations: Record<string, Migration> = {
  '20261129010000-initial': initial,
  '20261129020000-law-library': lawLibrary,
  '20261129030000-coding': coding,
  '20261129040000-qc': qc,
  '20261129050000-recommendations': recommendations,
  '20261129060000-modifier-findings': modifierFindings,
  '20261129070000-treaty-parties': treatyParties,
  '20261129080000-analyzer-suggestions': analyzerSuggestions,
  '20261129090000-bills': bills,
  '20261129100000-people': people,
  '20261129110000-votes': votes,
  '20261129120000-events': events,
  '20261129130000-alerts': alerts,
  '20261129140000-email-alerts': emailAlerts,
  '20261129150000-bill-review': billReview,
  '20261129160000-recoding-tasks': recodingTasks,
  '20261129170000-campaigns': campaigns,
  '20261129180000-stories': stories,
  '20261129190000-sign-on-letters': signOnLetters,
  '20261129200000-campaign-identifiers': campaignIdentifiers,
  '20261129210000-privacy-ledger': privacyLedger,
  '20261129220000-statistics': statistics,
  '20261129240000-petitions': petitions,
  '20261129250000-districts': districts,
  '20261129260000-letter-actions': letterActions,
  '20261129270000-help-resources': helpResources,
  '20261129280000-case-records': caseRecords,
  '20261129285000-petition-abuse': petitionAbuse,
  '20261129300000-supporter-data': supporterData,
  '20261129310000-embed-partners': embedPartners,
  '20261129330000-campaign-public': campaignPublic,
  '20261129340000-case-release-drafts': caseReleaseDrafts,
  '20261129350000-petition-signer-index': petitionSignerIndex,
};

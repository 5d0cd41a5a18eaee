/**
 * Row types as stored. Both engines store timestamps as ISO-8601 UTC text (sortable, identical on both) and
 * flags as 0/1 integers; repositories map rows to core domain objects, so these shapes never leave the store.
 */
import type { AlertTables } from './alerts.schema.ts';
import type { BillReviewTables } from './bill-review.schema.ts';
import type { BillTables } from './bills.schema.ts';
import type { CampaignIdentifierTables } from './campaign-identifiers.schema.ts';
import type { CampaignTables } from './campaigns.schema.ts';
import type { CaseTables } from './cases.schema.ts';
import type { DistrictTables } from './districts.schema.ts';
import type { EmailAlertTables } from './email-alerts.schema.ts';
import type { EventTables } from './events.schema.ts';
import type { HelpResourceTables } from './help-resources.schema.ts';
import type { LetterActionTables } from './letter-actions.schema.ts';
import type { PeopleTables } from './people.schema.ts';
import type { PetitionAbuseTables } from './petition-abuse.schema.ts';
import type { PetitionTables } from './petitions.schema.ts';
import type { PrivacyLedgerTables } from './privacy-ledger.schema.ts';
import type { QcTables } from './qc.schema.ts';
import type { RecodingTables } from './recoding.schema.ts';
import type { SignOnTables } from './sign-on.schema.ts';
import type { StatisticTables } from './statistics.schema.ts';
import type { StoryTables } from './stories.schema.ts';
import type { SupporterDataTables } from './supporter-data.schema.ts';
import type { VoteTables } from './votes.schema.ts';

export interface FrameworkVersionRow {
  id: string;
  version: number;
  title_json: string;
  published: string;
  body_json: string;
  checksum: string;
  indicator_count: number;
  created_at: string;
}

export interface FrameworkIndicatorRow {
  framework_id: string;
  id: string;
  area: string;
  position: number;
  type: string;
  weight: number;
  level: string;
  question_json: string;
  sources_json: string;
}

export interface JurisdictionRow {
  id: string;
  parent_id: string | null;
  level: string;
  type: string;
  name_en: string;
  name_es: string | null;
  name_fr: string | null;
  iso_code: string | null;
  iso_alpha3: string | null;
  iso_numeric: string | null;
  organization_id: string | null;
  created_at: string;
}

export interface UserRow {
  id: string;
  email: string;
  display_name: string;
  password_hash: string;
  is_instance_admin: number;
  disabled: number;
  locale: string | null;
  created_at: string;
  updated_at: string;
}

export interface OrganizationRow {
  id: string;
  name: string;
  slug: string;
  created_at: string;
}

export interface MembershipRow {
  organization_id: string;
  user_id: string;
  role: string;
  created_at: string;
}

export interface SessionRow {
  id: string;
  user_id: string;
  csrf_token: string;
  organization_id: string | null;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
}

export interface ApiTokenRow {
  id: string;
  token_hash: string;
  name: string;
  organization_id: string;
  role: string;
  created_by: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface OneTimeTokenRow {
  id: string;
  purpose: string;
  user_id: string | null;
  organization_id: string | null;
  email: string | null;
  role: string | null;
  created_at: string;
  expires_at: string | null;
  used_at: string | null;
}

export interface AuditEventRow {
  id: string;
  at: string;
  actor: string;
  action: string;
  subject: string;
  details_json: string | null;
}

export interface LawDocumentRow {
  id: string;
  jurisdiction_id: string;
  type: string;
  title: string;
  citation: string;
  language: string;
  source_url: string | null;
  created_at: string;
}

export interface LawVersionRow {
  id: string;
  document_id: string;
  /** `YYYY-MM-DD`. */
  effective_from: string;
  /** `YYYY-MM-DD` (exclusive), or null when open-ended. */
  effective_to: string | null;
  recorded_at: string;
  checksum: string;
  provision_count: number;
}

/**
 * A provision. The full-text index is not part of this shape: an FTS5 table on SQLite and a generated
 * `search_vector` column on PostgreSQL, both reached only through `store/search/`.
 */
export interface LawProvisionRow {
  id: string;
  version_id: string;
  parent_id: string | null;
  position: number;
  depth: number;
  kind: string;
  citation: string;
  heading: string | null;
  text: string;
  search_config: string;
}

/** A coded answer; `valid_to` is exclusive and null when open-ended. */
export interface CodedAnswerRow {
  id: string;
  jurisdiction_id: string;
  framework_id: string;
  indicator_id: string;
  value: string;
  valid_from: string;
  valid_to: string | null;
  status: string;
  caution_note: string | null;
  coder: string;
  created_at: string;
  updated_at: string;
}

export interface AnswerCitationRow {
  answer_id: string;
  position: number;
  provision_id: string;
  quote: string;
}

export interface AnswerHistoryRow {
  id: string;
  answer_id: string;
  at: string;
  actor: string;
  action: string;
  before_json: string | null;
  after_json: string;
}

/** A negative-modifier finding; `applies` is 0/1, `valid_to` exclusive and null when open-ended. */
export interface ModifierFindingRow {
  id: string;
  jurisdiction_id: string;
  framework_id: string;
  modifier_id: string;
  applies: number;
  valid_from: string;
  valid_to: string | null;
  status: string;
  caution_note: string | null;
  coder: string;
  created_at: string;
  updated_at: string;
}

export interface ModifierFindingCitationRow {
  finding_id: string;
  position: number;
  provision_id: string;
  quote: string;
}

export interface ModifierFindingHistoryRow {
  id: string;
  finding_id: string;
  at: string;
  actor: string;
  action: string;
  before_json: string | null;
  after_json: string;
}

/** One jurisdiction's standing under one treaty document; dates `YYYY-MM-DD` or null. */
export interface TreatyPartyRow {
  id: string;
  treaty_id: string;
  jurisdiction_id: string;
  action: string;
  signed_on: string | null;
  consented_on: string | null;
  in_force_on: string | null;
  note: string | null;
  source: string;
  recorded_by: string;
  created_at: string;
  updated_at: string;
}

export interface TreatyPartyHistoryRow {
  id: string;
  party_id: string;
  at: string;
  actor: string;
  action: string;
  before_json: string | null;
  after_json: string;
}

/** One version of an organization's recommendation for an indicator in one locale. */
export interface RecommendationRow {
  id: string;
  organization_id: string;
  framework_id: string;
  indicator_id: string;
  locale: string;
  version: number;
  text: string;
  model_language: string | null;
  author: string;
  created_at: string;
}

/** A machine suggestion for one indicator of one law version (see migration 20261129080000). */
export interface AnalyzerSuggestionRow {
  id: string;
  jurisdiction_id: string;
  version_id: string;
  framework_id: string;
  indicator_id: string;
  answer: string;
  confidence: number;
  evidence_json: string;
  dropped_json: string;
  rationale: string;
  analyzer_version: string;
  review_status: string;
  reviewed_by: string | null;
  reviewed_at: string | null;
  review_reason: string | null;
  answer_id: string | null;
  created_by: string;
  created_at: string;
}

export interface Database
  extends BillTables,
    BillReviewTables,
    PeopleTables,
    VoteTables,
    EventTables,
    AlertTables,
    CampaignTables,
    CampaignIdentifierTables,
    StoryTables,
    StatisticTables,
    CaseTables,
    PetitionTables,
    PetitionAbuseTables,
    PrivacyLedgerTables,
    QcTables,
    SignOnTables,
    RecodingTables,
    DistrictTables,
    LetterActionTables,
    SupporterDataTables,
    HelpResourceTables,
    EmailAlertTables {
  framework_versions: FrameworkVersionRow;
  framework_indicators: FrameworkIndicatorRow;
  jurisdictions: JurisdictionRow;
  users: UserRow;
  organizations: OrganizationRow;
  memberships: MembershipRow;
  sessions: SessionRow;
  api_tokens: ApiTokenRow;
  one_time_tokens: OneTimeTokenRow;
  audit_events: AuditEventRow;
  law_documents: LawDocumentRow;
  law_versions: LawVersionRow;
  law_provisions: LawProvisionRow;
  coded_answers: CodedAnswerRow;
  answer_citations: AnswerCitationRow;
  answer_history: AnswerHistoryRow;
  modifier_findings: ModifierFindingRow;
  modifier_finding_citations: ModifierFindingCitationRow;
  modifier_finding_history: ModifierFindingHistoryRow;
  recommendations: RecommendationRow;
  treaty_parties: TreatyPartyRow;
  treaty_party_history: TreatyPartyHistoryRow;
  analyzer_suggestions: AnalyzerSuggestionRow;
}

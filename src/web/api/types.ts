/** Types of the API's answers and requests, inferred from the zod contracts (type-only: no zod in the bundle). */
import type { z } from 'zod';
import type {
  apiToken,
  createdToken,
  invitationInfo,
  member,
  myOrganization,
  role,
  sessionState,
  user,
} from '../../contracts/accounts.ts';
import type {
  answerCreateBody,
  answerHistoryEntry,
  codedAnswer,
  scoreReport,
} from '../../contracts/coding.ts';
import type { framework, indicator } from '../../contracts/framework.ts';
import type { gapReport } from '../../contracts/gaps.ts';
import type { jurisdiction } from '../../contracts/jurisdictions.ts';
import type {
  lawDiff,
  lawImportBody,
  lawImportResult,
  lawListing,
  lawVersionText,
  lawWithVersions,
  searchHit,
} from '../../contracts/laws.ts';
import type {
  qcAssignmentView,
  qcBatchCreateBody,
  qcBatchReport,
  qcCodingBody,
  qcCodingOutcome,
  qcDivergenceView,
  qcReconcileBody,
  qcReconcileResult,
} from '../../contracts/qc.ts';
import type {
  recommendation,
  recommendationBody,
  recommendationView,
} from '../../contracts/recommendations.ts';
import type {
  comparison,
  crosswalkReport,
  rankings,
  scoreChanges,
  scoreTrend,
} from '../../contracts/scores.ts';
import type { searchPage } from '../../contracts/search.ts';
import type {
  acceptBody,
  analysisResult,
  lawFileImportBody,
  lawFileImportResult,
  reviewResult,
  suggestion,
} from '../../contracts/suggestions.ts';
import type {
  jurisdictionTreaty,
  newTreatyParty,
  treatyParty,
  treatyPartyStatus,
} from '../../contracts/treaty-parties.ts';

/** The session: user, organizations, active organization, role, permissions and CSRF token. */
export type SessionState = z.output<typeof sessionState>;
/** A user account. */
export type User = z.output<typeof user>;
/** An organization the signed-in person belongs to, with their role in it. */
export type MyOrganization = z.output<typeof myOrganization>;
/** A role within an organization. */
export type Role = z.output<typeof role>;
/** A member of the active organization. */
export type Member = z.output<typeof member>;
/** An API token (never its secret). */
export type ApiToken = z.output<typeof apiToken>;
/** A newly created API token with its secret, shown once. */
export type CreatedToken = z.output<typeof createdToken>;
/** What an invitation offers: organization, role, email, whether the account exists. */
export type InvitationInfo = z.output<typeof invitationInfo>;
/** The indicator framework. */
export type Framework = z.output<typeof framework>;
/** One indicator of the framework. */
export type Indicator = z.output<typeof indicator>;
/** A jurisdiction, keyed by OCD division id. */
export type Jurisdiction = z.output<typeof jurisdiction>;
/** national, subnational or local. */
export type JurisdictionLevel = Jurisdiction['level'];

/** A law document with the version in force on the asked date (or its latest). */
export type LawListing = z.output<typeof lawListing>;
/** A law document with all its versions, oldest first. */
export type LawWithVersions = z.output<typeof lawWithVersions>;
/** One version of a law document. */
export type LawVersion = LawWithVersions['versions'][number];
/** One version's provisions in document order. */
export type LawVersionText = z.output<typeof lawVersionText>;
/** One provision of a version. */
export type Provision = LawVersionText['provisions'][number];
/** The provisions added, removed and changed between two versions. */
export type LawDiff = z.output<typeof lawDiff>;
/** What the law import accepts. */
export type LawImportBody = z.input<typeof lawImportBody>;
/** What a file upload sends (the file base64-encoded). */
export type LawFileImportBody = z.input<typeof lawFileImportBody>;
/** What a file upload did, with the analysis when one ran. */
export type LawFileImportResult = z.output<typeof lawFileImportResult>;
/** A stored analyzer suggestion with its review state and label. */
export type Suggestion = z.output<typeof suggestion>;
/** What accepting or rejecting a suggestion did. */
export type ReviewResult = z.output<typeof reviewResult>;
/** What an analysis stored. */
export type AnalysisResult = z.output<typeof analysisResult>;
/** What accepting (perhaps with edits) sends. */
export type AcceptBody = z.input<typeof acceptBody>;
/** What a law import did. */
export type LawImportResult = z.output<typeof lawImportResult>;
/** One provision found by search, with its snippet. */
export type SearchHit = z.output<typeof searchHit>;
/** One page of search hits and where the next starts. */
export type SearchPage = z.output<typeof searchPage>;
/** A coded answer with its citations. */
export type CodedAnswer = z.output<typeof codedAnswer>;
/** What coding an answer sends. */
export type AnswerCreateBody = z.input<typeof answerCreateBody>;
/** A jurisdiction's score on a date. */
export type ScoreReport = z.output<typeof scoreReport>;
/** Which answers a score counts: published, reviewed and up, or coded and up. */
export type ScoreInclude = ScoreReport['include'];

/** An answer's review status: suggested, coded, reviewed or published. */
export type CodingStatus = CodedAnswer['status'];
/** One change to an answer: who, when, before and after. */
export type AnswerHistoryEntry = z.output<typeof answerHistoryEntry>;
/** A jurisdiction's gaps ranked by points available, with standards and exemplary law from elsewhere. */
export type GapReport = z.output<typeof gapReport>;
/** One gap of a gap report. */
export type Gap = GapReport['gaps'][number];
/** Your organization's recommendation on a gap (the asked locale, else English with `fallback`), or null. */
export type GapRecommendation = NonNullable<Gap['recommendation']>;
/** One version of a recommendation. */
export type Recommendation = z.output<typeof recommendation>;
/** What writing a recommendation sends. */
export type RecommendationBody = z.input<typeof recommendationBody>;
/** An indicator's recommendation as read in a locale. */
export type RecommendationView = z.output<typeof recommendationView>;
/** One variable of a QC batch with its coders and whether it is yours and coded by you. */
export type QcAssignment = z.output<typeof qcAssignmentView>;
/** A QC batch with progress and agreement statistics. */
export type QcBatchReport = z.output<typeof qcBatchReport>;
/** What creating a QC batch sends. */
export type QcBatchCreateBody = z.input<typeof qcBatchCreateBody>;
/** What a coder's independent coding sends. */
export type QcCodingBody = z.input<typeof qcCodingBody>;
/** What became of a coder's coding: single, waiting, agreed or diverged. */
export type QcCodingOutcome = z.output<typeof qcCodingOutcome>;
/** A divergence with both codings side by side. */
export type QcDivergenceView = z.output<typeof qcDivergenceView>;
/** What reconciling a divergence sends. */
export type QcReconcileBody = z.input<typeof qcReconcileBody>;
/** A reconciled divergence and the answer it wrote. */
export type QcReconcileResult = z.output<typeof qcReconcileResult>;
/** A jurisdiction's score on 1 January of each year. */
export type ScoreTrend = z.output<typeof scoreTrend>;
/** The answers added, removed and changed between two dates, with score deltas. */
export type ScoreChanges = z.output<typeof scoreChanges>;
/** 2 to 6 jurisdictions side by side. */
export type Comparison = z.output<typeof comparison>;
/** Jurisdictions ranked by total or by one area. */
export type Rankings = z.output<typeof rankings>;
/** One ranked jurisdiction. */
export type RankingLine = Rankings['lines'][number];
/** A jurisdiction's answers regrouped by an external instrument. */
export type CrosswalkReport = z.output<typeof crosswalkReport>;

/** A jurisdiction's standing under a treaty. */
export type TreatyParty = z.output<typeof treatyParty>;
/** A treaty-party record with its standing on the date asked. */
export type TreatyPartyStatus = z.output<typeof treatyPartyStatus>;
/** A treaty a jurisdiction has a record under, with its standing. */
export type JurisdictionTreaty = z.output<typeof jurisdictionTreaty>;
/** What recording a party status sends. */
export type NewTreatyPartyBody = z.input<typeof newTreatyParty>;

/** Every role, in the order the interface lists them. */
export const roles: readonly Role[] = ['admin', 'analyst', 'reviewer', 'campaigner', 'viewer'];

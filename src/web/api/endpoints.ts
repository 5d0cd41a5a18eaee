/** One typed function per API call the workspace makes. */
import { billEndpoints } from './bill-endpoints.ts';
import { campaignEndpoints } from './campaign-endpoints.ts';
import { campaignInteropEndpoints } from './campaign-interop-endpoints.ts';
import { caseEndpoints } from './case-endpoints.ts';
import type { HttpClient } from './client.ts';
import { embedEndpoints } from './embed-endpoints.ts';
import { helpResourceEndpoints } from './help-resource-endpoints.ts';
import { letterActionEndpoints } from './letter-action-endpoints.ts';
import { petitionEndpoints } from './petition-endpoints.ts';
import { practiceEndpoints } from './practice-endpoints.ts';
import { recodingEndpoints } from './recoding-endpoints.ts';
import { signOnEndpoints } from './sign-on-endpoints.ts';
import { statisticsEndpoints } from './statistics-endpoints.ts';
import type {
  AcceptBody,
  AnalysisResult,
  AnswerCreateBody,
  AnswerHistoryEntry,
  ApiToken,
  CodedAnswer,
  CodingStatus,
  Comparison,
  CreatedToken,
  CrosswalkReport,
  Framework,
  GapReport,
  InvitationInfo,
  Jurisdiction,
  JurisdictionLevel,
  JurisdictionTreaty,
  LawDiff,
  LawFileImportBody,
  LawFileImportResult,
  LawImportBody,
  LawImportResult,
  LawListing,
  LawVersionText,
  LawWithVersions,
  Member,
  MyOrganization,
  NewTreatyPartyBody,
  QcAssignment,
  QcBatchCreateBody,
  QcBatchReport,
  QcCodingBody,
  QcCodingOutcome,
  QcDivergenceView,
  QcReconcileBody,
  QcReconcileResult,
  Rankings,
  Recommendation,
  RecommendationBody,
  RecommendationView,
  ReviewResult,
  Role,
  ScoreChanges,
  ScoreInclude,
  ScoreReport,
  ScoreTrend,
  SearchPage,
  SessionState,
  Suggestion,
  TreatyParty,
  TreatyPartyStatus,
  User,
} from './types.ts';

type Ok = { ok: true };
type Locale = 'en' | 'es' | 'fr';

/** `?a=1&b=2` from the set values, or '' when none is set. */
function query(values: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) if (v !== undefined && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return qs ? `?${qs}` : '';
}
const enc = encodeURIComponent;
type Accepted = { ok: true; message: string };

/** What a gap report is asked for: date, least reviewed status counted, format and language. */
export interface GapQuery {
  asOf?: string;
  include?: ScoreInclude;
  format?: 'json' | 'md';
  locale?: 'en' | 'es' | 'fr';
}

/** The API path of a jurisdiction's gap report (also the Markdown download's href with `format: 'md'`). */
export function gapPath(jurisdiction: string, q: GapQuery): string {
  return `/api/v1/gaps/${enc(jurisdiction)}${query({ ...q })}`;
}

/** The API, bound to a client that remembers the CSRF token of the current session. */
export function createApi(http: HttpClient) {
  const remember = (state: SessionState): SessionState => {
    http.setCsrfToken(state.csrfToken);
    return state;
  };
  return {
    ...billEndpoints(http),
    ...campaignEndpoints(http),
    ...campaignInteropEndpoints(http),
    ...recodingEndpoints(http),
    ...petitionEndpoints(http),
    ...letterActionEndpoints(http),
    ...signOnEndpoints(http),
    ...statisticsEndpoints(http),
    ...practiceEndpoints(http),
    ...caseEndpoints(http),
    ...helpResourceEndpoints(http),
    ...embedEndpoints(http),
    session: async () => remember(await http.request<SessionState>('GET', '/api/v1/session')),
    signIn: async (email: string, password: string) =>
      remember(await http.request<SessionState>('POST', '/api/v1/session', { email, password })),
    signOut: async () => {
      await http.request<void>('DELETE', '/api/v1/session');
      http.setCsrfToken(null);
    },
    switchOrganization: async (organizationId: string) =>
      remember(await http.request<SessionState>('PUT', '/api/v1/session/organization', { organizationId })),
    rememberLocale: (locale: 'en' | 'es' | 'fr') =>
      http.request<Ok>('PUT', '/api/v1/session/locale', { locale }),
    checkSetup: (token: string) => http.request<{ valid: boolean }>('POST', '/api/v1/setup/check', { token }),
    setup: (body: {
      token: string;
      email: string;
      displayName: string;
      password: string;
      organizationName: string;
    }) => http.request<Ok>('POST', '/api/v1/setup', body),
    requestReset: (email: string) => http.request<Accepted>('POST', '/api/v1/password-reset', { email }),
    confirmReset: (token: string, password: string) =>
      http.request<Ok>('POST', '/api/v1/password-reset/confirm', { token, password }),
    lookupInvitation: (token: string) =>
      http.request<InvitationInfo>('POST', '/api/v1/invitations/lookup', { token }),
    acceptInvitation: (body: { token: string; displayName?: string; password: string }) =>
      http.request<{ organization: MyOrganization; role: string }>(
        'POST',
        '/api/v1/invitations/accept',
        body,
      ),
    framework: () => http.request<Framework>('GET', '/api/v1/framework'),
    jurisdictions: (query: { parent?: string; level?: JurisdictionLevel }) => {
      const params = new URLSearchParams();
      if (query.parent) params.set('parent', query.parent);
      if (query.level) params.set('level', query.level);
      const qs = params.toString();
      return http.request<Jurisdiction[]>('GET', `/api/v1/jurisdictions${qs ? `?${qs}` : ''}`);
    },
    jurisdiction: (id: string) =>
      http.request<Jurisdiction>('GET', `/api/v1/jurisdictions/${encodeURIComponent(id)}`),
    addJurisdiction: (body: {
      parentId: string;
      type: string;
      name: { en: string; es?: string; fr?: string };
    }) => http.request<Jurisdiction>('POST', '/api/v1/jurisdictions', body),
    users: () => http.request<User[]>('GET', '/api/v1/users'),
    setUserDisabled: (id: string, disabled: boolean) =>
      http.request<User>(
        'POST',
        `/api/v1/users/${encodeURIComponent(id)}/${disabled ? 'disable' : 'enable'}`,
      ),
    members: () => http.request<Member[]>('GET', '/api/v1/organizations/current/members'),
    setMemberRole: (userId: string, role: Role) =>
      http.request<{ userId: string; role: string }>(
        'PUT',
        `/api/v1/organizations/current/members/${encodeURIComponent(userId)}`,
        { role },
      ),
    removeMember: (userId: string) =>
      http.request<void>('DELETE', `/api/v1/organizations/current/members/${encodeURIComponent(userId)}`),
    invite: (email: string, role: Role) =>
      http.request<Accepted>('POST', '/api/v1/organizations/current/invitations', { email, role }),
    tokens: () => http.request<ApiToken[]>('GET', '/api/v1/organizations/current/tokens'),
    createToken: (name: string, role: Role) =>
      http.request<CreatedToken>('POST', '/api/v1/organizations/current/tokens', { name, role }),
    revokeToken: (id: string) =>
      http.request<void>('DELETE', `/api/v1/organizations/current/tokens/${encodeURIComponent(id)}`),
    laws: (q: { jurisdiction?: string; asOf?: string }) =>
      http.request<LawListing[]>('GET', `/api/v1/laws${query(q)}`),
    law: (id: string) => http.request<LawWithVersions>('GET', `/api/v1/laws/${enc(id)}`),
    lawVersion: (id: string, versionId: string) =>
      http.request<LawVersionText>('GET', `/api/v1/laws/${enc(id)}/versions/${enc(versionId)}`),
    lawDiff: (id: string, from: string, to: string) =>
      http.request<LawDiff>('GET', `/api/v1/laws/${enc(id)}/diff${query({ from, to })}`),
    importLaw: (body: LawImportBody) => http.request<LawImportResult>('POST', '/api/v1/laws/import', body),
    importLawFile: (body: LawFileImportBody) =>
      http.request<LawFileImportResult>('POST', '/api/v1/laws/import-file', body),
    analyzeVersion: (id: string, versionId: string) =>
      http.request<AnalysisResult>('POST', `/api/v1/laws/${enc(id)}/versions/${enc(versionId)}/analyze`),
    suggestions: (q: { jurisdiction?: string; version?: string; status?: string }) =>
      http.request<Suggestion[]>('GET', `/api/v1/suggestions${query(q)}`),
    acceptSuggestion: (id: string, body: AcceptBody = {}) =>
      http.request<ReviewResult>('POST', `/api/v1/suggestions/${enc(id)}/accept`, body),
    rejectSuggestion: (id: string, reason: string | null) =>
      http.request<ReviewResult>('POST', `/api/v1/suggestions/${enc(id)}/reject`, { reason }),
    treatyParties: (id: string, q: { asOf?: string } = {}) =>
      http.request<TreatyPartyStatus[]>('GET', `/api/v1/laws/${enc(id)}/parties${query(q)}`),
    recordTreatyParty: (id: string, body: NewTreatyPartyBody) =>
      http.request<TreatyParty>('POST', `/api/v1/laws/${enc(id)}/parties`, body),
    jurisdictionTreaties: (jurisdiction: string, q: { asOf?: string } = {}) =>
      http.request<JurisdictionTreaty[]>(
        'GET',
        `/api/v1/jurisdictions/${enc(jurisdiction)}/treaties${query(q)}`,
      ),
    search: (q: { q: string; jurisdiction?: string; indicator?: string; limit?: number; offset?: number }) =>
      http.request<SearchPage>('GET', `/api/v1/search${query(q)}`),
    answers: (q: { jurisdiction?: string; asOf?: string; status?: CodingStatus }) =>
      http.request<CodedAnswer[]>('GET', `/api/v1/answers${query(q)}`),
    setAnswerStatus: (id: string, status: CodingStatus) =>
      http.request<CodedAnswer>('POST', `/api/v1/answers/${enc(id)}/status`, { status }),
    answerHistory: (id: string) =>
      http.request<AnswerHistoryEntry[]>('GET', `/api/v1/answers/${enc(id)}/history`),
    createAnswer: (body: AnswerCreateBody) => http.request<CodedAnswer>('POST', '/api/v1/answers', body),
    score: (jurisdiction: string, q: { asOf?: string; include?: ScoreInclude }) =>
      http.request<ScoreReport>('GET', `/api/v1/scores/${enc(jurisdiction)}${query(q)}`),
    trend: (jurisdiction: string, q: { from?: number; to?: number; include?: ScoreInclude }) =>
      http.request<ScoreTrend>('GET', `/api/v1/scores/${enc(jurisdiction)}/trend${query(q)}`),
    changes: (jurisdiction: string, q: { from: string; to: string; include?: ScoreInclude }) =>
      http.request<ScoreChanges>('GET', `/api/v1/scores/${enc(jurisdiction)}/changes${query(q)}`),
    crosswalk: (jurisdiction: string, instrument: string, q: { asOf?: string; include?: ScoreInclude }) =>
      http.request<CrosswalkReport>(
        'GET',
        `/api/v1/scores/${enc(jurisdiction)}/crosswalk/${enc(instrument)}${query(q)}`,
      ),
    compare: (jurisdictions: readonly string[], q: { asOf?: string; include?: ScoreInclude }) => {
      const params = new URLSearchParams(query(q).slice(1));
      for (const id of jurisdictions) params.append('jurisdiction', id);
      return http.request<Comparison>('GET', `/api/v1/compare?${params.toString()}`);
    },
    rankings: (q: {
      parent?: string;
      asOf?: string;
      include?: ScoreInclude;
      area?: string;
      limit?: number;
      offset?: number;
    }) => http.request<Rankings>('GET', `/api/v1/rankings${query(q)}`),
    gaps: (jurisdiction: string, q: GapQuery) => http.request<GapReport>('GET', gapPath(jurisdiction, q)),
    qcBatches: () => http.request<QcBatchReport[]>('GET', '/api/v1/qc/batches'),
    qcBatch: (id: string) => http.request<QcBatchReport>('GET', `/api/v1/qc/batches/${enc(id)}`),
    createQcBatch: (body: QcBatchCreateBody) =>
      http.request<QcBatchReport>('POST', '/api/v1/qc/batches', body),
    submitQcCoding: (batchId: string, body: QcCodingBody) =>
      http.request<QcCodingOutcome>('POST', `/api/v1/qc/batches/${enc(batchId)}/codings`, body),
    qcAssignments: (batchId: string, q: { mine?: '1' } = {}) =>
      http.request<QcAssignment[]>('GET', `/api/v1/qc/batches/${enc(batchId)}/assignments${query(q)}`),
    recommendation: (indicator: string, q: { locale: Locale }) =>
      http.request<RecommendationView>('GET', `/api/v1/recommendations/${enc(indicator)}${query(q)}`),
    setRecommendation: (indicator: string, locale: Locale, body: RecommendationBody) =>
      http.request<Recommendation>(
        'PUT',
        `/api/v1/recommendations/${enc(indicator)}${query({ locale })}`,
        body,
      ),
    recommendationHistory: (indicator: string, q: { locale?: Locale } = {}) =>
      http.request<Recommendation[]>('GET', `/api/v1/recommendations/${enc(indicator)}/history${query(q)}`),
    qcDivergences: (batchId: string) =>
      http.request<QcDivergenceView[]>('GET', `/api/v1/qc/batches/${enc(batchId)}/divergences`),
    reconcile: (divergenceId: string, body: QcReconcileBody) =>
      http.request<QcReconcileResult>('POST', `/api/v1/qc/divergences/${enc(divergenceId)}/reconcile`, body),
  };
}

/** The workspace's API. */
export type Api = ReturnType<typeof createApi>;

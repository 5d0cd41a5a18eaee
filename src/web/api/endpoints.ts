/** One typed function per API call the workspace makes. */
import type { HttpClient } from './client.ts';
import type {
  ApiToken,
  CreatedToken,
  Framework,
  InvitationInfo,
  Jurisdiction,
  JurisdictionLevel,
  Member,
  MyOrganization,
  Role,
  SessionState,
  User,
} from './types.ts';

type Ok = { ok: true };
type Accepted = { ok: true; message: string };

/** The API, bound to a client that remembers the CSRF token of the current session. */
export function createApi(http: HttpClient) {
  const remember = (state: SessionState): SessionState => {
    http.setCsrfToken(state.csrfToken);
    return state;
  };
  return {
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
  };
}

/** The workspace's API. */
export type Api = ReturnType<typeof createApi>;

/**
 * Row types as stored. Both engines store timestamps as ISO-8601 UTC text (sortable, identical on both) and
 * flags as 0/1 integers; repositories map rows to core domain objects, so these shapes never leave the store.
 */
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

export interface Database {
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
}

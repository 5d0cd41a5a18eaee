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
import type { framework, indicator } from '../../contracts/framework.ts';
import type { jurisdiction } from '../../contracts/jurisdictions.ts';

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

/** Every role, in the order the interface lists them. */
export const roles: readonly Role[] = ['admin', 'analyst', 'reviewer', 'campaigner', 'viewer'];

/** API shapes for sessions, setup, users, organizations, invitations and tokens. */
import { z } from 'zod';

export const email = z.email('must be an email address').max(254);
export const password = z.string().min(1).max(256);
export const displayName = z.string().trim().min(1).max(120);
export const role = z.enum(['admin', 'analyst', 'reviewer', 'campaigner', 'viewer']);
export const secretToken = z
  .string()
  .min(20)
  .max(200)
  .regex(/^[A-Za-z0-9_-]+$/, 'malformed token');

export const user = z
  .object({
    id: z.string(),
    email: z.string(),
    displayName: z.string(),
    instanceAdmin: z.boolean(),
    disabled: z.boolean(),
    locale: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'User' });

export const organization = z
  .object({ id: z.string(), name: z.string(), slug: z.string(), createdAt: z.string() })
  .meta({ id: 'Organization' });

export const myOrganization = organization.extend({ role: role.nullable() });

export const sessionState = z
  .object({
    user: user.nullable(),
    csrfToken: z.string().nullable().describe('send back as X-CSRF-Token on writes'),
    organizations: z.array(myOrganization),
    activeOrganizationId: z.string().nullable(),
    role: role.nullable(),
    permissions: z.array(z.string()),
    setupRequired: z.boolean(),
  })
  .meta({ id: 'SessionState' });

export const loginBody = z.strictObject({ email: z.string().min(1).max(254), password });
export const switchOrgBody = z.strictObject({ organizationId: z.string().min(1).max(100) });
export const localeBody = z.strictObject({ locale: z.enum(['en', 'es', 'fr']) });

export const setupCheckBody = z.strictObject({ token: secretToken });
export const setupBody = z.strictObject({
  token: secretToken,
  email,
  displayName,
  password,
  organizationName: z.string().trim().min(2).max(120),
});

export const resetRequestBody = z.strictObject({ email: z.string().min(1).max(254) });
export const resetConfirmBody = z.strictObject({ token: secretToken, password });

export const invitationLookupBody = z.strictObject({ token: secretToken });
export const invitationInfo = z.object({
  organization: organization,
  email: z.string(),
  role,
  accountExists: z.boolean(),
});
export const invitationAcceptBody = z.strictObject({
  token: secretToken,
  displayName: displayName.optional(),
  password,
});
export const inviteBody = z.strictObject({ email, role });

export const member = z.object({ user, role, createdAt: z.string() }).meta({ id: 'Member' });
export const memberParams = z.strictObject({ userId: z.string().min(1).max(100) });
export const memberRoleBody = z.strictObject({ role });

export const newOrganizationBody = z.strictObject({ name: z.string().trim().min(2).max(120) });
export const userParams = z.strictObject({ id: z.string().min(1).max(100) });

export const apiToken = z
  .object({
    id: z.string(),
    name: z.string(),
    organizationId: z.string(),
    role,
    createdBy: z.string(),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .meta({ id: 'ApiToken' });
export const newTokenBody = z.strictObject({ name: z.string().trim().min(1).max(100), role });
export const createdToken = z.object({
  token: apiToken,
  secret: z.string().describe('shown once; store it now'),
});
export const tokenParams = z.strictObject({ id: z.string().min(1).max(100) });

export const accepted = z.object({ ok: z.literal(true), message: z.string() });

/**
 * Roles and permissions. Access is denied by default: a route or service names the permission it needs and
 * only the roles listed here hold it. Roles belong to a membership in one organization.
 */
export const roles = ['admin', 'analyst', 'reviewer', 'campaigner', 'viewer'] as const;
export type Role = (typeof roles)[number];

export const permissions = [
  /** See the organization, its members' names and its own jurisdictions. */
  'org:read',
  /** Add jurisdictions of the organization's own (a city, a region). */
  'jurisdictions:write',
  /** Import law documents and versions into the library (reading the library is public). */
  'laws:write',
  /** Create and edit coded answers, confirm machine suggestions (reading published answers is public). */
  'coding:write',
  /** Review another person's coded answer, or send it back. */
  'coding:review',
  /** Publish a reviewed answer, or withdraw a published one. */
  'coding:publish',
  /** Create quality-control batches: which coders code which jurisdictions × indicators. */
  'qc:manage',
  /** Write the organization's recommendations for closing gaps (new versions; reading needs org:read). */
  'recommendations:write',
  /** Invite, change and remove members; manage API tokens. */
  'members:manage',
  /** Correct imported bill data: override an action's classification, confirm or reject a bill's link to an indicator. */
  'bills:review',
  /** Add, change and remove the organization's webhook endpoints; see their delivery logs and redeliver. */
  'webhooks:manage',
  /** Create campaigns, change them, choose their partner organizations, write milestones (reading needs org:read). */
  'campaigns:write',
  /** Import and change the organization's enforcement statistics tables (reading published figures is public). */
  'stats:write',
  /** Read the organisation's case datasets (counts only) and their releases. */
  'cases:read',
  /** Import case records (HTCDS) and publish releases from them through the privacy ledger. */
  'cases:write',
  /** Instance-wide user administration (list and disable accounts, create organizations). */
  'instance:admin',
] as const;
export type Permission = (typeof permissions)[number];

const grants: Record<Role, readonly Permission[]> = {
  admin: [
    'org:read',
    'jurisdictions:write',
    'laws:write',
    'members:manage',
    'coding:write',
    'coding:review',
    'coding:publish',
    'qc:manage',
    'recommendations:write',
    'bills:review',
    'webhooks:manage',
    'campaigns:write',
    'stats:write',
    'cases:read',
    'cases:write',
  ],
  analyst: [
    'org:read',
    'jurisdictions:write',
    'laws:write',
    'coding:write',
    'recommendations:write',
    'bills:review',
    'stats:write',
    'cases:read',
    'cases:write',
  ],
  reviewer: [
    'org:read',
    'jurisdictions:write',
    'laws:write',
    'coding:write',
    'coding:review',
    'coding:publish',
    'qc:manage',
    'bills:review',
    'stats:write',
    'cases:read',
  ],
  campaigner: ['org:read', 'campaigns:write'],
  viewer: ['org:read'],
};

/** True when the role holds the permission. `instance:admin` is never held through a role. */
export function roleCan(role: Role | null, permission: Permission): boolean {
  return role !== null && grants[role].includes(permission);
}

/** The permissions a role holds. */
export function permissionsOf(role: Role): readonly Permission[] {
  return grants[role];
}

/** True when the value names a role. */
export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}

/** Who is acting: a signed-in user, an API token, or a local system actor (the CLI). */
export type Actor =
  | { kind: 'user'; userId: string; organizationId: string | null; role: Role | null; instanceAdmin: boolean }
  | { kind: 'token'; tokenId: string; userId: string; organizationId: string; role: Role }
  | { kind: 'system'; name: string }
  | { kind: 'public' };

/** The actor of an anonymous request to a public route. */
export const publicActor: Actor = { kind: 'public' };

/** True when the actor holds the permission (the system actor holds all). */
export function actorCan(actor: Actor, permission: Permission): boolean {
  if (actor.kind === 'system') return true;
  if (actor.kind === 'public') return false;
  if (permission === 'instance:admin') return actor.kind === 'user' && actor.instanceAdmin;
  return roleCan(actor.role, permission);
}

/** How the actor is recorded in history: `user:<id>`, `token:<id>` or `system:<name>`. */
export function actorLabel(actor: Actor): string {
  if (actor.kind === 'system') return `system:${actor.name}`;
  if (actor.kind === 'public') return 'public';
  if (actor.kind === 'token') return `token:${actor.tokenId}`;
  return `user:${actor.userId}`;
}

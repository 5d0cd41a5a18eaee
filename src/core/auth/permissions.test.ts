import { describe, expect, it } from 'vitest';
import {
  type Actor,
  actorCan,
  actorLabel,
  isRole,
  type Permission,
  permissions,
  permissionsOf,
  publicActor,
  type Role,
  roleCan,
  roles,
} from './permissions.ts';

const expectedGrants: Record<Role, Permission[]> = {
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

function member(role: Role | null, instanceAdmin = false): Actor {
  return { kind: 'user', userId: 'u1', organizationId: role ? 'o1' : null, role, instanceAdmin };
}

describe('roles', () => {
  it.each(roles)('%s holds exactly its grants', (role) => {
    expect([...permissionsOf(role)].sort()).toEqual([...expectedGrants[role]].sort());
    for (const p of permissions)
      expect(roleCan(role, p), `${role} ${p}`).toBe(expectedGrants[role].includes(p));
  });

  it('never grants instance:admin through a role, and nothing to no role', () => {
    for (const role of roles) expect(roleCan(role, 'instance:admin')).toBe(false);
    for (const p of permissions) expect(roleCan(null, p)).toBe(false);
  });

  it('recognizes role names', () => {
    expect(roles.every(isRole)).toBe(true);
    for (const bad of ['owner', 'Admin', '', 'admin ']) expect(isRole(bad)).toBe(false);
  });
});

describe('actorCan', () => {
  it('gives instance:admin only to a user with the flag', () => {
    expect(actorCan(member(null, true), 'instance:admin')).toBe(true);
    expect(actorCan(member('admin', false), 'instance:admin')).toBe(false);
    const token: Actor = { kind: 'token', tokenId: 't1', userId: 'u1', organizationId: 'o1', role: 'admin' };
    expect(actorCan(token, 'instance:admin')).toBe(false);
    expect(actorCan(token, 'members:manage')).toBe(true);
  });

  it('does not let the instance-admin flag stand in for an organization role', () => {
    expect(actorCan(member(null, true), 'org:read')).toBe(false);
    expect(actorCan(member('viewer', true), 'members:manage')).toBe(false);
    expect(actorCan(member('viewer', true), 'org:read')).toBe(true);
  });

  it('follows the role of a user or a token', () => {
    for (const role of roles) {
      const token: Actor = { kind: 'token', tokenId: 't', userId: 'u', organizationId: 'o', role };
      for (const p of permissions.filter((x) => x !== 'instance:admin')) {
        expect(actorCan(member(role), p)).toBe(expectedGrants[role].includes(p));
        expect(actorCan(token, p)).toBe(expectedGrants[role].includes(p));
      }
    }
  });

  it('lets the system actor do everything and the public actor nothing', () => {
    const system: Actor = { kind: 'system', name: 'cli' };
    for (const p of permissions) {
      expect(actorCan(system, p)).toBe(true);
      expect(actorCan(publicActor, p)).toBe(false);
    }
  });
});

describe('actorLabel', () => {
  it('records who acted', () => {
    expect(actorLabel(member('admin'))).toBe('user:u1');
    expect(
      actorLabel({ kind: 'token', tokenId: 't9', userId: 'u1', organizationId: 'o', role: 'viewer' }),
    ).toBe('token:t9');
    expect(actorLabel({ kind: 'system', name: 'cli' })).toBe('system:cli');
    expect(actorLabel(publicActor)).toBe('public');
  });
});

/** Sessions, API tokens, one-time tokens and the audit trail on every engine. */
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../src/core/auth/permissions.ts';
import { listAudit, recordAudit } from '../../src/store/audit.repo.ts';
import {
  consumeOneTimeToken,
  deleteExpiredSessions,
  deleteSession,
  deleteUserSessions,
  findApiToken,
  findOneTimeToken,
  getSession,
  hashSecret,
  insertApiToken,
  insertOneTimeToken,
  insertSession,
  listApiTokens,
  revokeApiToken,
  touchApiToken,
  touchSession,
  voidOneTimeTokens,
} from '../../src/store/sessions.repo.ts';
import { describeEachEngine } from '../engines.ts';
import { insertTestOrganization, insertTestUser } from '../factories.ts';
import { crossEngine, isoTimestamp } from './snapshot.ts';

const snapshots = crossEngine();
const now = new Date('2026-11-29T10:00:00.000Z');
const later = (minutes: number) => new Date(now.getTime() + minutes * 60_000).toISOString();

describeEachEngine('sessions and tokens', (get, dialect) => {
  it('round-trips a session, stored under the hash of its secret', async () => {
    const { db } = get();
    const user = await insertTestUser(db);
    const org = await insertTestOrganization(db);
    await insertSession(
      db,
      'session-secret-1',
      { userId: user.id, csrfToken: 'csrf-1', organizationId: null, expiresAt: later(480) },
      now,
    );
    const session = await getSession(db, 'session-secret-1');
    expect(session).toEqual({
      userId: user.id,
      csrfToken: 'csrf-1',
      organizationId: null,
      createdAt: now.toISOString(),
      lastSeenAt: now.toISOString(),
      expiresAt: later(480),
    });
    const raw = await db.selectFrom('sessions').select('id').where('user_id', '=', user.id).execute();
    expect(raw).toEqual([{ id: hashSecret('session-secret-1') }]);
    expect(await getSession(db, hashSecret('session-secret-1'))).toBeNull();

    await touchSession(db, 'session-secret-1', { lastSeenAt: later(5), organizationId: org.id });
    expect(await getSession(db, 'session-secret-1')).toEqual({
      ...session,
      lastSeenAt: later(5),
      organizationId: org.id,
    });
    snapshots.record(dialect, 'session', await getSession(db, 'session-secret-1'));
    await deleteSession(db, 'session-secret-1');
    expect(await getSession(db, 'session-secret-1')).toBeNull();
  });

  it('ends expired sessions and all of one user', async () => {
    const { db } = get();
    const a = await insertTestUser(db);
    const b = await insertTestUser(db);
    const base = { csrfToken: 'c', organizationId: null };
    await insertSession(db, 'old', { ...base, userId: a.id, expiresAt: later(-1) }, now);
    await insertSession(db, 'a-live', { ...base, userId: a.id, expiresAt: later(60) }, now);
    await insertSession(db, 'b-live', { ...base, userId: b.id, expiresAt: later(60) }, now);
    await deleteExpiredSessions(db, now);
    expect(await getSession(db, 'old')).toBeNull();
    expect(await getSession(db, 'a-live')).not.toBeNull();
    await deleteUserSessions(db, a.id);
    expect(await getSession(db, 'a-live')).toBeNull();
    expect(await getSession(db, 'b-live')).not.toBeNull();
  });

  it('round-trips API tokens: find, list, touch, revoke once', async () => {
    const { db } = get();
    const user = await insertTestUser(db);
    const org = await insertTestOrganization(db);
    const first = await insertApiToken(db, 'token-secret-1', {
      name: 'import script',
      organizationId: org.id,
      role: 'analyst',
      createdBy: user.id,
    });
    expect(first).toEqual({
      id: expect.any(String),
      name: 'import script',
      organizationId: org.id,
      role: 'analyst',
      createdBy: user.id,
      createdAt: expect.stringMatching(isoTimestamp),
      lastUsedAt: null,
      revokedAt: null,
    });
    expect(await findApiToken(db, 'token-secret-1')).toEqual(first);
    expect(await findApiToken(db, 'other-secret')).toBeNull();
    const stored = await db
      .selectFrom('api_tokens')
      .select('token_hash')
      .where('id', '=', first.id)
      .execute();
    expect(stored).toEqual([{ token_hash: hashSecret('token-secret-1') }]);

    await new Promise((resolve) => setTimeout(resolve, 5));
    const second = await insertApiToken(db, 'token-secret-2', {
      name: 'dashboard',
      organizationId: org.id,
      role: 'viewer',
      createdBy: user.id,
    });
    expect((await listApiTokens(db, org.id)).map((t) => t.name)).toEqual(['dashboard', 'import script']);

    await touchApiToken(db, first.id, later(1));
    expect((await findApiToken(db, 'token-secret-1'))?.lastUsedAt).toBe(later(1));
    const otherOrg = await insertTestOrganization(db);
    expect(await revokeApiToken(db, otherOrg.id, first.id)).toBe(false);
    expect(await revokeApiToken(db, org.id, first.id)).toBe(true);
    expect(await revokeApiToken(db, org.id, first.id)).toBe(false);
    expect(await findApiToken(db, 'token-secret-1')).toBeNull();
    const listed = await listApiTokens(db, org.id);
    expect(listed.find((t) => t.id === first.id)?.revokedAt).toMatch(isoTimestamp);
    expect(await findApiToken(db, 'token-secret-2')).toEqual(second);
    snapshots.record(dialect, 'api tokens', listed);
  });

  it('consumes a one-time token exactly once, even when two requests race', async () => {
    const { db } = get();
    const org = await insertTestOrganization(db);
    const invite = {
      purpose: 'invite' as const,
      userId: null,
      organizationId: org.id,
      email: 'new@example.org',
      role: 'reviewer' as const,
      expiresAt: later(60 * 24 * 7),
    };
    await insertOneTimeToken(db, 'invite-secret', invite);
    expect(await findOneTimeToken(db, 'invite-secret', 'invite')).toEqual({ ...invite, usedAt: null });
    expect(await findOneTimeToken(db, 'invite-secret', 'reset')).toBeNull();
    expect(await consumeOneTimeToken(db, 'invite-secret', later(1))).toBe(true);
    expect(await consumeOneTimeToken(db, 'invite-secret', later(2))).toBe(false);
    expect(await findOneTimeToken(db, 'invite-secret', 'invite')).toEqual({ ...invite, usedAt: later(1) });
    expect(await consumeOneTimeToken(db, 'never-issued', later(1))).toBe(false);

    const setup = { ...invite, purpose: 'setup' as const, organizationId: null, email: null, role: null };
    await insertOneTimeToken(db, 'race-secret', { ...setup, expiresAt: null });
    const results = await Promise.all(
      [1, 2, 3, 4].map((n) => consumeOneTimeToken(db, 'race-secret', later(n))),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    snapshots.record(dialect, 'one-time token', await findOneTimeToken(db, 'invite-secret', 'invite'));
  });

  it('voids the unused tokens of one purpose', async () => {
    const { db } = get();
    const setup = {
      purpose: 'setup' as const,
      userId: null,
      organizationId: null,
      email: null,
      role: null,
      expiresAt: null,
    };
    await insertOneTimeToken(db, 'setup-a', setup);
    await insertOneTimeToken(db, 'setup-b', setup);
    const user = await insertTestUser(db);
    await insertOneTimeToken(db, 'reset-a', {
      ...setup,
      purpose: 'reset',
      userId: user.id,
      expiresAt: later(60),
    });
    await voidOneTimeTokens(db, 'setup', later(3));
    expect((await findOneTimeToken(db, 'setup-a', 'setup'))?.usedAt).toBe(later(3));
    expect((await findOneTimeToken(db, 'setup-b', 'setup'))?.usedAt).toBe(later(3));
    expect((await findOneTimeToken(db, 'reset-a', 'reset'))?.usedAt).toBeNull();
    expect(await consumeOneTimeToken(db, 'setup-a', later(4))).toBe(false);

    const other = await insertTestUser(db);
    await insertOneTimeToken(db, 'reset-b', {
      ...setup,
      purpose: 'reset',
      userId: other.id,
      expiresAt: later(60),
    });
    await voidOneTimeTokens(db, 'reset', later(5), user.id);
    expect((await findOneTimeToken(db, 'reset-a', 'reset'))?.usedAt).toBe(later(5));
    expect((await findOneTimeToken(db, 'reset-b', 'reset'))?.usedAt).toBeNull();
  });
});

describeEachEngine('audit trail', (get, dialect) => {
  it('records who did what, newest first, filtered by subject', async () => {
    const { db } = get();
    const actors: Actor[] = [
      { kind: 'system', name: 'cli' },
      { kind: 'user', userId: 'u-1', organizationId: 'o-1', role: 'admin', instanceAdmin: false },
      { kind: 'token', tokenId: 't-1', userId: 'u-1', organizationId: 'o-1', role: 'analyst' },
    ];
    await recordAudit(db, actors[0]!, 'org.create', 'org:o-1');
    await recordAudit(db, actors[1]!, 'member.set', 'org:o-1', { userId: 'u-2', role: 'viewer', n: 2 });
    await recordAudit(db, actors[2]!, 'jurisdiction.create', 'ocd-division/country:us/state:tx/place:waco');
    const all = await listAudit(db);
    expect(all).toEqual([
      {
        at: expect.stringMatching(isoTimestamp),
        actor: 'token:t-1',
        action: 'jurisdiction.create',
        subject: 'ocd-division/country:us/state:tx/place:waco',
        details: null,
      },
      {
        at: expect.stringMatching(isoTimestamp),
        actor: 'user:u-1',
        action: 'member.set',
        subject: 'org:o-1',
        details: { userId: 'u-2', role: 'viewer', n: 2 },
      },
      {
        at: expect.stringMatching(isoTimestamp),
        actor: 'system:cli',
        action: 'org.create',
        subject: 'org:o-1',
        details: null,
      },
    ]);
    expect((await listAudit(db, 'org:o-1')).map((e) => e.action)).toEqual(['member.set', 'org.create']);
    expect((await listAudit(db, undefined, 1)).map((e) => e.action)).toEqual(['jurisdiction.create']);
    expect(await listAudit(db, 'org:nobody')).toEqual([]);
    snapshots.record(dialect, 'audit', all);
  });

  it('keeps events written within one millisecond in the order they happened', async () => {
    const { db } = get();
    const actor: Actor = { kind: 'system', name: 'burst' };
    const actions = Array.from({ length: 40 }, (_, i) => `burst.${i}`);
    for (const action of actions) await recordAudit(db, actor, action, 'burst');
    expect((await listAudit(db, 'burst')).map((e) => e.action)).toEqual([...actions].reverse());
  });
});

describe('sessions, tokens and audit across engines', () => {
  it('return identical domain objects', (ctx) => {
    snapshots.assertIdentical(ctx);
  });
});

/** `lawgap user` and `lawgap org`: the account workflow an operator runs, and the refusals that write nothing. */
import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { countUsers, listMembers, listOrganizations } from '../../src/store/accounts.repo.ts';
import { listAudit } from '../../src/store/audit.repo.ts';
import { createStore } from '../../src/store/db.ts';
import { goodPassword } from '../factories.ts';
import { type CliResult, freshDataDir, runCli, stderrLines } from './run-cli.ts';

const dir = freshDataDir();
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const cli = (args: string[], input?: string) =>
  runCli(args, { dataDir: dir, ...(input === undefined ? {} : { input }) });

function ok(result: CliResult): unknown {
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout);
}

function refusal(result: CliResult): string {
  expect(result.code, result.stderr).toBe(2);
  expect(result.stdout).toBe('');
  const lines = stderrLines(result);
  expect(lines).toHaveLength(1);
  return lines[0] ?? '';
}

/** What the commands left in the database, read directly (the CLI processes have exited). */
async function stored() {
  const store = createStore({ databaseUrl: null, dataDir: dir });
  try {
    const orgs = await listOrganizations(store.db);
    return {
      users: await countUsers(store.db),
      orgs: orgs.map((o) => o.slug),
      members: orgs[0] ? (await listMembers(store.db, orgs[0].id)).map((m) => [m.user.email, m.role]) : [],
      audit: (await listAudit(store.db)).map((e) => `${e.actor} ${e.action}`).reverse(),
    };
  } finally {
    await store.destroy();
  }
}

describe('lawgap user and org', () => {
  it('creates a user, an organization and a membership, lists them and disables the user', async () => {
    const created = ok(
      await cli(
        [
          'user',
          'create',
          '--email',
          'Ada@Example.org',
          '--name',
          'Ada Lovelace',
          '--password-stdin',
          '--json',
        ],
        `${goodPassword}\n`,
      ),
    );
    expect(created).toEqual({
      id: expect.any(String),
      email: 'ada@example.org',
      displayName: 'Ada Lovelace',
      instanceAdmin: false,
      disabled: false,
      locale: null,
      createdAt: expect.any(String),
    });

    const org = ok(await cli(['org', 'create', 'Polaris Project', '--json']));
    expect(org).toEqual({
      id: expect.any(String),
      name: 'Polaris Project',
      slug: 'polaris-project',
      createdAt: expect.any(String),
    });
    const member = ok(
      await cli(['org', 'add-member', 'polaris-project', 'ada@example.org', '--role', 'analyst', '--json']),
    );
    expect(member).toMatchObject({ role: 'analyst', userId: (created as { id: string }).id });

    const [orgs, disabled] = await Promise.all([
      cli(['org', 'list', '--json']),
      cli(['user', 'disable', 'ada@example.org', '--json']),
    ]);
    expect(ok(orgs)).toEqual([org]);
    expect(ok(disabled)).toEqual({ ...(created as object), disabled: true });
    expect(ok(await cli(['user', 'list', '--json']))).toEqual([{ ...(created as object), disabled: true }]);
  });

  it('refuses a weak password, a duplicate user and an unknown organization, writing nothing', async () => {
    const before = await stored();
    expect(before).toEqual({
      users: 1,
      orgs: ['polaris-project'],
      members: [['ada@example.org', 'analyst']],
      audit: [
        'system:cli user.create',
        'system:cli org.create',
        'system:cli member.set',
        'system:cli user.disable',
      ],
    });
    const [weak, duplicate, unknownOrg] = await Promise.all([
      cli(
        ['user', 'create', '--email', 'bo@example.org', '--name', 'Bo', '--password-stdin'],
        'password1234\n',
      ),
      cli(
        ['user', 'create', '--email', 'ADA@Example.ORG', '--name', 'Ada', '--password-stdin'],
        goodPassword,
      ),
      cli(['org', 'add-member', 'no-such-org', 'ada@example.org', '--role', 'viewer']),
    ]);
    expect(refusal(weak)).toBe('lawgap: PASSWORD_WEAK: password is too common');
    expect(refusal(duplicate)).toBe('lawgap: USER_EXISTS: a user with email ada@example.org already exists');
    expect(refusal(unknownOrg)).toBe('lawgap: ORG_NOT_FOUND: no organization no-such-org');
    expect(await stored()).toEqual(before);
  });
  it("adds an organization's own jurisdiction, and refuses a bad parent, an unknown org and a duplicate", async () => {
    const houston = [
      'jurisdictions',
      'add',
      '--parent',
      'ocd-division/country:us/state:tx',
      '--name',
      'Houston',
      '--name-es',
      'Houston',
      '--org',
      'polaris-project',
      '--json',
    ];
    const added = ok(await cli(houston));
    expect(added).toMatchObject({
      id: 'ocd-division/country:us/state:tx/place:houston',
      parentId: 'ocd-division/country:us/state:tx',
      level: 'local',
      type: 'place',
      name: { en: 'Houston', es: 'Houston' },
    });
    const [duplicate, badParent, unknownParent, unknownOrg] = await Promise.all([
      cli(houston),
      cli(['jurisdictions', 'add', '--parent', 'texas', '--name', 'Austin', '--org', 'polaris-project']),
      cli([
        'jurisdictions',
        'add',
        '--parent',
        'ocd-division/country:zz',
        '--name',
        'X',
        '--org',
        'polaris-project',
      ]),
      cli([
        'jurisdictions',
        'add',
        '--parent',
        'ocd-division/country:us/state:tx',
        '--name',
        'Austin',
        '--org',
        'nope',
      ]),
    ]);
    expect(refusal(duplicate)).toBe(
      'lawgap: JURISDICTION_EXISTS: jurisdiction ocd-division/country:us/state:tx/place:houston already exists',
    );
    expect(refusal(badParent)).toBe(
      'lawgap: VALIDATION_FAILED: --parent must be an OCD division id, got "texas"',
    );
    expect(refusal(unknownParent)).toBe(
      'lawgap: JURISDICTION_NOT_FOUND: jurisdiction ocd-division/country:zz does not exist',
    );
    expect(refusal(unknownOrg)).toBe('lawgap: ORG_NOT_FOUND: no organization nope');
    const children = ok(
      await cli(['jurisdictions', 'list', '--parent', 'ocd-division/country:us/state:tx', '--json']),
    ) as Array<{ id: string }>;
    expect(children.map((c) => c.id)).toEqual(['ocd-division/country:us/state:tx/place:houston']);
  });
});

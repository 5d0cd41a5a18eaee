/** `lawgap framework` and `lawgap jurisdictions`, input errors, bad configuration, and a run on PostgreSQL. */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { adminQuery, adminUrl, postgresReachable } from '../engines.ts';
import { type CliResult, freshDataDir, runCli, stderrLines } from './run-cli.ts';

const dirs: string[] = [];
function dataDir(): string {
  const dir = freshDataDir();
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

/** Asserts a refused command: exit 2, nothing on stdout, one line on stderr; returns that line. */
function refusal(result: CliResult): string {
  expect(result.code, result.stderr).toBe(2);
  expect(result.stdout).toBe('');
  const lines = stderrLines(result);
  expect(lines).toHaveLength(1);
  return lines[0] ?? '';
}

describe('lawgap framework and jurisdictions', () => {
  const dir = dataDir();

  it('migrates a fresh data dir on first use and prints the framework as JSON only', async () => {
    expect(fs.readdirSync(dir)).toEqual([]);
    const result = await runCli(['framework', 'show', '--json'], { dataDir: dir });
    expect(result.code, result.stderr).toBe(0);
    expect(fs.existsSync(path.join(dir, 'lawgap.sqlite'))).toBe(true);
    const framework = JSON.parse(result.stdout) as {
      id: string;
      version: number;
      indicators: Array<Record<string, unknown>>;
    };
    expect(framework).toMatchObject({ id: 'lawgap-v1', version: 1 });
    expect(framework.indicators).toHaveLength(66);
    for (const ind of framework.indicators) {
      expect(ind, String(ind.id)).toMatchObject({
        id: expect.stringMatching(/^[A-Z]{2}-\d{2}$/),
        weight: expect.any(Number),
        type: expect.stringMatching(/^(YPN|YN|G02)$/),
        level: expect.stringMatching(/^[BNS]$/),
      });
      expect(Array.isArray(ind.sources) && ind.sources.length > 0, String(ind.id)).toBe(true);
    }
    expect(framework.indicators[0]).toMatchObject({ id: 'CR-01', weight: 3, type: 'YPN', level: 'B' });
  });

  it('lists jurisdictions, all or the children of one, and refuses an unknown framework version', async () => {
    const [all, us, missing] = await Promise.all([
      runCli(['jurisdictions', 'list', '--json'], { dataDir: dir }),
      runCli(['jurisdictions', 'list', '--parent', 'ocd-division/country:us', '--json'], { dataDir: dir }),
      runCli(['framework', 'show', '--version', '99', '--json'], { dataDir: dir }),
    ]);
    expect(all.code, all.stderr).toBe(0);
    const list = JSON.parse(all.stdout) as Array<{ id: string; level: string; isoCode: string | null }>;
    expect(list.find((j) => j.id === 'ocd-division/country:us/state:tx')?.isoCode).toBe('US-TX');
    expect(list.filter((j) => j.level === 'national')).toHaveLength(249);
    expect(us.code, us.stderr).toBe(0);
    const children = JSON.parse(us.stdout) as Array<{ id: string; parentId: string }>;
    expect(children).toHaveLength(56);
    expect(children.every((j) => j.parentId === 'ocd-division/country:us')).toBe(true);
    expect(refusal(missing)).toBe(
      'lawgap: FRAMEWORK_NOT_FOUND: framework version 99 does not exist (known versions: 1)',
    );
  });
});

describe('lawgap input errors', () => {
  it('refuses bad arguments and bad configuration with exit 2, writing nothing', async () => {
    const dir = dataDir();
    const [parent, role, version, env] = await Promise.all([
      runCli(['jurisdictions', 'list', '--parent', 'us/texas', '--json'], { dataDir: dir }),
      runCli(['org', 'add-member', 'acme', 'ada@example.org', '--role', 'owner'], { dataDir: dir }),
      runCli(['framework', 'show', '--version', 'abc'], { dataDir: dir }),
      runCli(['user', 'list', '--json'], { dataDir: dir, env: { PORT: 'abc', DATABASE_URL: 'mysql://x' } }),
    ]);
    expect(refusal(parent)).toBe(
      'lawgap: VALIDATION_FAILED: --parent must be an OCD division id, got "us/texas"',
    );
    expect(refusal(role)).toBe(
      'lawgap: VALIDATION_FAILED: --role must be one of admin, analyst, reviewer, campaigner, viewer',
    );
    expect(refusal(version)).toBe('lawgap: VALIDATION_FAILED: --version must be a whole number from 1');
    expect(refusal(env)).toBe(
      'lawgap: invalid configuration: PORT: must be a port number; ' +
        'DATABASE_URL: must start with postgres:// (leave unset for the embedded SQLite database)',
    );
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});

describe.runIf(await postgresReachable())('lawgap on PostgreSQL', () => {
  it('migrates an empty database named by DATABASE_URL and answers from it', async () => {
    const name = `lawgap_cli_${randomBytes(6).toString('hex')}`;
    await adminQuery(`create database ${name}`);
    try {
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      const dir = dataDir();
      const result = await runCli(
        ['jurisdictions', 'list', '--parent', 'ocd-division/country:gb', '--json'],
        {
          dataDir: dir,
          env: { DATABASE_URL: url.toString() },
        },
      );
      expect(result.code, result.stderr).toBe(0);
      expect((JSON.parse(result.stdout) as Array<{ id: string }>).map((j) => j.id)).toEqual([
        'ocd-division/country:gb/part:eng',
        'ocd-division/country:gb/part:nir',
        'ocd-division/country:gb/part:sct',
        'ocd-division/country:gb/part:wls',
      ]);
      // The data dir is not used with PostgreSQL.
      expect(fs.readdirSync(dir)).toEqual([]);
    } finally {
      await adminQuery(`drop database if exists ${name} with (force)`);
    }
  });
});

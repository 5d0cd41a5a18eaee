/**
 * Runs the real `lawgap` command line in a child process, the way a person or a script does. Each spawn costs
 * about a second (Node start and TypeScript loading), so tests group their assertions and run independent
 * commands side by side.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const bin = path.join(root, 'bin/lawgap.js');

/** Variables the configuration reads: removed from the inherited environment so a developer's own do not leak in. */
const configVariables = [
  'PORT',
  'HOST',
  'LAWGAP_DATA_DIR',
  'DATABASE_URL',
  'PUBLIC_URL',
  'SMTP_URL',
  'MAIL_FROM',
  'SESSION_IDLE_SECONDS',
  'SESSION_ABSOLUTE_SECONDS',
  'LOG_LEVEL',
];

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  dataDir: string;
  /** Extra environment (e.g. DATABASE_URL, or an invalid PORT). */
  env?: Record<string, string>;
  /** Written to stdin, which is then closed (stdin is always closed, never a terminal). */
  input?: string;
}

/** Runs `lawgap <args>` and resolves with its exit code and output. */
export function runCli(args: string[], options: CliOptions): Promise<CliResult> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of configVariables) delete env[name];
  Object.assign(env, { LAWGAP_DATA_DIR: options.dataDir }, options.env);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd: root, env, stdio: 'pipe' });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    // A hung command is killed well before the test times out (90 s), leaving room for a loaded machine.
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(options.input ?? '');
  });
}

/** A new empty data directory under the system temp dir. */
export function freshDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'lawgap-cli-'));
}

/** The lines written to stderr (for "exactly one line" checks). */
export function stderrLines(result: CliResult): string[] {
  return result.stderr.replace(/\n$/, '').split('\n');
}

/** A new empty data directory that is removed after the tests of the file (or describe) it is made in. */
export function scratchDataDir(): string {
  const dir = freshDataDir();
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Asserts the command succeeded (exit 0, stderr shown otherwise) and returns its result. */
export function expectOk(result: CliResult): CliResult {
  expect(result.code, result.stderr).toBe(0);
  return result;
}

/** Asserts a refused command: exit 2, nothing on stdout, one line on stderr; returns that line. */
export function expectRefusal(result: CliResult): string {
  expect(result.code, result.stderr).toBe(2);
  expect(result.stdout).toBe('');
  const lines = stderrLines(result);
  expect(lines).toHaveLength(1);
  return lines[0] ?? '';
}

#!/usr/bin/env node
// `npm test`: builds the workspace when stale, runs the unit/integration suite, the end-to-end suite and the crash
// suite (all always run, so one report shows everything), and ends with one line: `N passed, N failed[, N skipped]`,
// totalled from vitest's JSON reports. Extra arguments go to both vitest runs (e.g. `npm test -- accounts`).
// With LAWGAP_TEST_SUMMARY_FILE set, the summary line is also written there (CI prints it last).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const vitest = path.join(root, 'node_modules/vitest/vitest.mjs');
const extra = process.argv.slice(2);

function run(args) {
  const child = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (child.signal) process.kill(process.pid, child.signal);
  return child.status ?? 1;
}

const built = run([path.join(root, 'scripts/build-web.mjs'), '--if-stale']);
if (built !== 0) process.exit(built);

const suites = [
  { name: 'unit', config: 'vitest.config.ts' },
  { name: 'e2e', config: 'vitest.e2e.config.ts' },
  // The SIGKILL crash storm (5,000 POSTs, 12 kills, both engines): about two minutes on a quiet machine.
  { name: 'crash', config: 'vitest.crash.config.ts' },
];
const reports = fs.mkdtempSync(path.join(os.tmpdir(), 'lawgap-test-'));
const totals = { passed: 0, failed: 0, skipped: 0 };
const lines = [];
let exitCode = 0;

for (const suite of suites) {
  const report = path.join(reports, `${suite.name}.json`);
  process.stdout.write(`\n== ${suite.name} tests (${suite.config}) ==\n`);
  let status = 1;
  if (fs.existsSync(path.join(root, suite.config))) {
    status = run([
      vitest,
      'run',
      '--config',
      suite.config,
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${report}`,
      ...(extra.length > 0 ? ['--passWithNoTests', ...extra] : []),
    ]);
  } else {
    process.stdout.write(`${suite.config} is missing\n`);
  }
  if (status !== 0) exitCode = 1;
  printSlowest(report);
  const counted = count(report);
  if (!counted) {
    // No report: vitest could not start (bad config, crash). Count the whole suite as one failure.
    totals.failed += 1;
    lines.push(`${suite.name}: no report (vitest exited with ${status})`);
    continue;
  }
  // A run that failed without a failing test (an unhandled error, no test files) still counts as one failure.
  const outside = status !== 0 && counted.failed === 0;
  if (outside) counted.failed = 1;
  totals.passed += counted.passed;
  totals.failed += counted.failed;
  totals.skipped += counted.skipped;
  lines.push(
    `${suite.name}: ${summary(counted)}${outside ? ` (vitest exited with ${status}: see above)` : ''}`,
  );
}
fs.rmSync(reports, { recursive: true, force: true });

/** Counts from a vitest JSON report; null when there is none. Files that failed to load count as failures. */
function count(file) {
  if (!fs.existsSync(file)) return null;
  const r = JSON.parse(fs.readFileSync(file, 'utf8'));
  const brokenFiles = (r.testResults ?? []).filter(
    (f) => f.status === 'failed' && (f.assertionResults ?? []).every((a) => a.status !== 'failed'),
  ).length;
  return {
    passed: r.numPassedTests ?? 0,
    failed: (r.numFailedTests ?? 0) + brokenFiles,
    skipped: (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0),
  };
}

/** The ten slowest files of a suite, so a CI log shows where the time goes. */
function printSlowest(file) {
  if (!fs.existsSync(file)) return;
  const r = JSON.parse(fs.readFileSync(file, 'utf8'));
  const files = (r.testResults ?? []).map((f) => ({
    seconds: (f.endTime - f.startTime) / 1000,
    name: path.relative(root, f.name),
  }));
  const total = files.reduce((sum, f) => sum + f.seconds, 0);
  files.sort((a, b) => b.seconds - a.seconds);
  process.stdout.write(`\nslowest files (of ${files.length}, ${Math.round(total)} s in all):\n`);
  for (const f of files.slice(0, 10))
    process.stdout.write(`  ${f.seconds.toFixed(1).padStart(6)} s  ${f.name}\n`);
}

function summary(c) {
  return `${c.passed} passed, ${c.failed} failed${c.skipped > 0 ? `, ${c.skipped} skipped` : ''}`;
}

const total = summary(totals);
process.stdout.write(`\n${lines.join('\n')}\n${total}\n`);
if (process.env.LAWGAP_TEST_SUMMARY_FILE)
  fs.writeFileSync(process.env.LAWGAP_TEST_SUMMARY_FILE, `${total}\n`);
process.exit(exitCode);

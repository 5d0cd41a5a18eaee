#!/usr/bin/env node
// Builds the React workspace into dist/web with Vite. With --if-stale, does nothing when the build is newer
// than every file it is made from (src/web, src/core, src/contracts, vite.config.ts, package-lock.json).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'dist/web');
const stamp = path.join(out, '.build-stamp');
const inputs = ['src/web', 'src/core', 'src/contracts', 'vite.config.ts', 'package-lock.json'];

function newest(p) {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = 0;
  for (const e of fs.readdirSync(p)) max = Math.max(max, newest(path.join(p, e)));
  return max;
}

const ifStale = process.argv.includes('--if-stale');
if (ifStale && fs.existsSync(stamp)) {
  const built = fs.statSync(stamp).mtimeMs;
  if (inputs.every((i) => newest(path.join(root, i)) <= built)) process.exit(0);
}
if (!fs.existsSync(path.join(root, 'src/web/index.html'))) {
  process.stderr.write('lawgap: no workspace sources (src/web/index.html); skipping the web build\n');
  process.exit(0);
}
process.stderr.write('lawgap: building the workspace (vite)…\n');
const { build } = await import('vite');
await build({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
fs.writeFileSync(stamp, new Date().toISOString());
process.stderr.write('lawgap: workspace built\n');

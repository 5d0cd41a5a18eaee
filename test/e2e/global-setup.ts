/** Builds the workspace before the browser tests when its sources are newer than dist/web. */
import { execFileSync } from 'node:child_process';
import path from 'node:path';

/** Runs `node scripts/build-web.mjs --if-stale` once for the whole e2e run. */
export default function setup(): void {
  const root = path.resolve(import.meta.dirname, '../..');
  execFileSync(process.execPath, [path.join(root, 'scripts/build-web.mjs'), '--if-stale'], {
    cwd: root,
    stdio: 'inherit',
  });
}

/** The files of a bill or vote import: paths and folders expanded to `.json` files, and a progress bar. */
import fs from 'node:fs';
import path from 'node:path';
import cliProgress from 'cli-progress';
import { DomainError } from '../../core/errors.ts';
import type { BillFileInput } from '../../services/bills.ts';

function bad(message: string): never {
  throw new DomainError('VALIDATION_FAILED', message);
}

/** The files named by the paths, folders expanded to their `.json` files (recursively, sorted). */
export function filesOf(paths: string[]): BillFileInput[] {
  const found: string[] = [];
  const walk = (p: string) => {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(p);
    } catch {
      bad(`cannot read ${p}`);
    }
    if (stat.isDirectory()) {
      for (const name of fs.readdirSync(p).sort()) {
        const child = path.join(p, name);
        if (fs.statSync(child).isDirectory() || name.endsWith('.json')) walk(child);
      }
    } else found.push(p);
  };
  for (const p of paths) walk(p);
  if (found.length === 0) bad('no .json files found in the given paths');
  return found.map((file) => ({ name: file, content: () => fs.readFileSync(file, 'utf8') }));
}

/** A progress bar on a terminal for imports of several files; nothing otherwise. */
export function progress(total: number): { tick: (done: number) => void; stop: () => void } {
  if (total < 2 || !process.stderr.isTTY) return { tick: () => undefined, stop: () => undefined };
  const bar = new cliProgress.SingleBar(
    { format: 'bills {bar} {value}/{total} files', stream: process.stderr, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0);
  return { tick: (done) => bar.update(done), stop: () => bar.stop() };
}

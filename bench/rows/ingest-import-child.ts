/**
 * Child process of the `ingest XML` row: imports one USLM file from disk into a fresh SQLite file through the
 * same service as `lawgap laws import` (streamed read, one transaction), and prints one JSON line with the
 * seconds of the import alone (database preparation excluded), the provision count and this process's peak
 * RSS and sampled heap growth. A child of its own so the peak RSS is the import's, not the bench's.
 * Usage: node --import tsx bench/rows/ingest-import-child.ts FILE DATA_DIR
 */
import v8 from 'node:v8';
import vm from 'node:vm';
import { prepareDatabase } from '../../src/services/bootstrap.ts';
import { importLawFileAt } from '../../src/services/law-files.ts';
import { createStore } from '../../src/store/db.ts';

const [file, dataDir] = process.argv.slice(2);
if (!file || !dataDir) throw new Error('usage: ingest-import-child.ts FILE DATA_DIR');
const store = createStore({ databaseUrl: null, dataDir });
await prepareDatabase(store.db);
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;
// Heap growth from a collected baseline: raw (garbage not yet collected included) at every chunk read and batch
// stored, and live (collected first) at every 16th of those samples, which costs about a second in all.
gc();
const base = process.memoryUsage().heapUsed;
let raw = 0;
let live = 0;
let samples = 0;
const sample = () => {
  raw = Math.max(raw, process.memoryUsage().heapUsed - base);
  if (samples++ % 16 !== 0) return;
  gc();
  live = Math.max(live, process.memoryUsage().heapUsed - base);
};
const start = performance.now();
const result = await importLawFileAt(
  { db: store.db, actor: { kind: 'system', name: 'bench' }, dialect: store.dialect },
  {
    path: file,
    jurisdictionId: 'ocd-division/country:us',
    effectiveFrom: '2031-01-01',
    onChunk: sample,
    onProgress: sample,
  },
);
const seconds = (performance.now() - start) / 1000;
await store.destroy();
process.stdout.write(
  `${JSON.stringify({
    seconds,
    provisions: result.version.provisionCount,
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
    rawHeapGrowthBytes: raw,
    liveHeapGrowthBytes: live,
  })}\n`,
);

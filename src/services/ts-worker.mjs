/**
 * Starts a worker thread on a TypeScript module: a worker does not inherit the parent's `--import tsx`, so
 * this plain module registers tsx and then imports the module named by `workerData.entry` (a file URL).
 */
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);

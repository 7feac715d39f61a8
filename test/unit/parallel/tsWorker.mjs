// Runs the TypeScript worker named in workerData.entry through tsx (as train-worker.mjs does).
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);

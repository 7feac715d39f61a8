// Starts the training worker from TypeScript source (dev, tests, `npx netwright`).
// The desktop build bundles worker.ts to dist/electron/train-worker.mjs instead, which
// `trainWorkerUrl()` finds by the same name beside the bundled main process.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');

// Starts the features worker from TypeScript source (dev, tests, browser mode).
// The desktop build bundles worker.ts to dist/electron/features-worker.mjs instead, which
// `featuresWorkerUrl()` finds by the same name beside the bundled main process.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');

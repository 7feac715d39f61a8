// Bundles the Electron main process, the training and feature-views workers (ESM, packages left
// external) and the sandboxed preload (CommonJS, one self-contained file, as sandboxing requires).
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', target: 'node22', sourcemap: true, logLevel: 'warning' };

await Promise.all([
  build({
    ...common,
    entryPoints: ['electron/main.ts'],
    outfile: 'dist/electron/main.mjs',
    format: 'esm',
    packages: 'external',
  }),
  // The training worker thread, found beside main.mjs by electron/services/train/workerUrl.ts.
  build({
    ...common,
    entryPoints: ['electron/services/train/worker.ts'],
    outfile: 'dist/electron/train-worker.mjs',
    format: 'esm',
    packages: 'external',
  }),
  // The feature-views worker thread, found beside main.mjs by electron/services/features/workerUrl.ts.
  build({
    ...common,
    entryPoints: ['electron/services/features/worker.ts'],
    outfile: 'dist/electron/features-worker.mjs',
    format: 'esm',
    packages: 'external',
  }),
  build({
    ...common,
    entryPoints: ['electron/preload.ts'],
    outfile: 'dist/electron/preload.cjs',
    format: 'cjs',
    external: ['electron'],
  }),
]);

/**
 * The worker entry beside this module: in source, train-worker.mjs (which loads worker.ts
 * through tsx); in the desktop bundle, where this code lives in dist/electron/main.mjs,
 * the bundled dist/electron/train-worker.mjs.
 */
export function trainWorkerUrl(): URL {
  return new URL('./train-worker.mjs', import.meta.url);
}

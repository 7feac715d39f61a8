/**
 * The worker entry beside this module: in source, features-worker.mjs (which loads worker.ts
 * through tsx); in the desktop bundle, the bundled dist/electron/features-worker.mjs.
 */
export function featuresWorkerUrl(): URL {
  return new URL('./features-worker.mjs', import.meta.url);
}

/**
 * A new GPU training Worker. Vite bundles trainingWorker.ts, tfjs included, as a chunk of its
 * own, so the window's bundle stays free of tfjs and loads it only when a GPU run starts.
 */
export function createTrainingWorker(): Worker {
  return new Worker(new URL('./trainingWorker.ts', import.meta.url), { type: 'module' });
}

import type * as tfjs from '@tensorflow/tfjs';
import { batchOf } from './batch';
import type { Dataset } from './dataset';

type Tf = typeof tfjs;

/** Training batches the statistics are averaged over: 256 samples at batch size 32. */
export const STATISTICS_BATCHES = 8;

/** The field of tfjs-layers' BatchNormalization that its moving-average update reads at every call. */
interface WithMomentum {
  momentum: number;
}

/**
 * Precise batch-norm statistics (Wu & Johnson 2021, "Rethinking 'Batch' in BatchNorm"):
 * the first STATISTICS_BATCHES batches of `order` go forward in training mode with every
 * BatchNormalization layer's momentum set to 1 − 1/k for the k-th, so its moving-average
 * update (v ← v − (v − batch)·(1 − momentum)) leaves the plain average of those batches'
 * means and variances, whatever the moving averages held before. Each layer sees its input
 * as training produces it (earlier layers on batch statistics), as the moving averages do.
 * Momenta are restored even if a batch fails. Returns how many layers were updated.
 */
export function recomputeBatchNormStatistics(
  tf: Tf,
  model: tfjs.LayersModel,
  data: Dataset,
  order: Int32Array,
  batchSize: number,
): number {
  // Frozen batch norms keep their statistics (they run in inference mode).
  const layers = model.layers.filter(
    (l) => l.getClassName() === 'BatchNormalization' && l.trainable,
  ) as unknown as WithMomentum[];
  if (layers.length === 0 || order.length === 0) return 0;
  const momenta = layers.map((l) => l.momentum);
  const batches = Math.min(STATISTICS_BATCHES, Math.ceil(order.length / batchSize));
  try {
    for (let k = 1; k <= batches; k++) {
      for (const layer of layers) layer.momentum = 1 - 1 / k;
      const start = (k - 1) * batchSize;
      const end = Math.min(order.length, start + batchSize);
      tf.tidy(() => {
        model.apply(batchOf(tf, data, order, start, end).x, { training: true });
      });
    }
  } finally {
    layers.forEach((layer, i) => {
      layer.momentum = momenta[i]!;
    });
  }
  return layers.length;
}

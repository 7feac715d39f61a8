import type * as tfjs from '@tensorflow/tfjs';
import { type Dataset, fillBatch } from './dataset';

type Tf = typeof tfjs;

/** [B, H, W, C], or [B, H·W·C] for a network that takes flat vectors. */
export function batchShape(data: Dataset, batch: number): number[] {
  const { height, width, channels, flatten } = data.input;
  return flatten ? [batch, height * width * channels] : [batch, height, width, channels];
}

/**
 * Samples indices[start] … indices[end − 1] as the network's input tensor (pixels
 * divided by 255, see fillBatch) and their labels. The caller disposes the tensor.
 */
export function batchOf(
  tf: Tf,
  data: Dataset,
  indices: ArrayLike<number>,
  start: number,
  end: number,
): { x: tfjs.Tensor; labels: Int32Array } {
  const { height, width, channels } = data.input;
  const xs = new Float32Array((end - start) * height * width * channels);
  const labels = new Int32Array(end - start);
  fillBatch(data, indices, start, end, xs, labels);
  return { x: tf.tensor(xs, batchShape(data, end - start)), labels };
}

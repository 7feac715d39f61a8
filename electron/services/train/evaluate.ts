import type * as tfjs from '@tensorflow/tfjs';
import { type Calibration, calibrationOf, topPredictions } from '../../../shared/training';
import { type Dataset, fillBatch } from '../datasets';
import { smoothedCrossEntropy } from './loss';

type Tf = typeof tfjs;

export interface Evaluation {
  loss: number;
  accuracy: number;
  calibration: Calibration;
}

/** [B, H, W, C], or [B, H·W·C] for a network that takes flat vectors. */
export function batchShape(data: Dataset, batch: number): number[] {
  const { height, width, channels, flatten } = data.input;
  return flatten ? [batch, height * width * channels] : [batch, height, width, channels];
}

/**
 * Loss, accuracy and calibration on `indices` in inference mode (dropout off, batch
 * norm on its moving statistics). The loss is the training loss (label smoothing
 * included, as Keras's val_loss) plus `regularization`; probabilities are read outside
 * tidy (reading inside it is slow on large outputs). null when cancelled part-way.
 */
export async function evaluate(
  tf: Tf,
  model: tfjs.LayersModel,
  data: Dataset,
  indices: Int32Array,
  labelSmoothing: number,
  batchSize: number,
  regularization: number,
  cancelled: () => boolean = () => false,
): Promise<Evaluation | null> {
  const n = indices.length;
  const K = data.classes;
  const probabilities = new Float32Array(n * K);
  const labels = new Int32Array(n);
  const sampleSize = data.input.height * data.input.width * data.input.channels;
  let lossSum = 0;
  for (let start = 0; start < n; start += batchSize) {
    if (cancelled()) return null; // a cancel is honoured within one batch here too
    const end = Math.min(n, start + batchSize);
    const xs = new Float32Array((end - start) * sampleSize);
    const ls = labels.subarray(start, end);
    fillBatch(data, indices, start, end, xs, ls);
    const [loss, probs] = tf.tidy(() => {
      const logits = model.apply(tf.tensor(xs, batchShape(data, end - start)), { training: false }) as tfjs.Tensor;
      const y = tf.oneHot(tf.tensor1d(ls, 'int32'), K).toFloat();
      const sum = smoothedCrossEntropy(tf, y, logits, labelSmoothing, true);
      return [sum, tf.softmax(logits)];
    });
    lossSum += (await loss.data())[0]!;
    probabilities.set(await probs.data(), start * K);
    tf.dispose([loss, probs]);
  }
  const { confidences, correct } = topPredictions(probabilities, labels, K);
  const calibration = calibrationOf(confidences, correct);
  return { loss: lossSum / n + regularization, accuracy: calibration.accuracy, calibration };
}

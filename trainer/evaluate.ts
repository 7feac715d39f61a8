import type * as tfjs from '@tensorflow/tfjs';
import { type Calibration, calibrationOf, topPredictions } from '../shared/training';
import { batchOf } from './batch';
import type { Dataset } from './dataset';
import { smoothedCrossEntropy } from './loss';

type Tf = typeof tfjs;

export interface Evaluation {
  loss: number;
  accuracy: number;
  calibration: Calibration;
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
  let lossSum = 0;
  for (let start = 0; start < n; start += batchSize) {
    if (cancelled()) return null; // a cancel is honoured within one batch here too
    const end = Math.min(n, start + batchSize);
    const [loss, probs] = tf.tidy(() => {
      const batch = batchOf(tf, data, indices, start, end);
      labels.set(batch.labels, start);
      const logits = model.apply(batch.x, { training: false }) as tfjs.Tensor;
      const y = tf.oneHot(tf.tensor1d(batch.labels, 'int32'), K).toFloat();
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

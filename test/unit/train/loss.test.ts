import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { smoothedCrossEntropy } from '../../../trainer/loss';
import { useCpu } from './helpers';

beforeAll(useCpu);

/** −Σ_k t_k · log softmax(z)_k with t = y·(1 − ε) + ε/K, written out by hand. */
function byHand(logits: number[], label: number, eps: number): number {
  const K = logits.length;
  const max = Math.max(...logits);
  const logSumExp = max + Math.log(logits.reduce((s, z) => s + Math.exp(z - max), 0));
  return -logits.reduce((s, z, k) => s + ((k === label ? 1 - eps : 0) + eps / K) * (z - logSumExp), 0);
}

const lossOf = (logits: number[][], labels: number[], eps: number) =>
  tf.tidy(() => {
    const y = tf.oneHot(tf.tensor1d(labels, 'int32'), logits[0]!.length).toFloat();
    return smoothedCrossEntropy(tf, y, tf.tensor2d(logits), eps).dataSync()[0]!;
  });

describe('label-smoothed cross-entropy on logits', () => {
  it('equals the hand-computed value for ε = 0.1, K = 3', () => {
    // logits [2, 1, 0.1], label 0: log-softmax = [−0.41703, −1.41703, −2.31703];
    // targets [0.9 + 0.1/3, 0.1/3, 0.1/3] → loss = 0.93333·0.41703 + 0.03333·(1.41703 + 2.31703) = 0.51370.
    expect(byHand([2, 1, 0.1], 0, 0.1)).toBeCloseTo(0.5137, 4);
    expect(lossOf([[2, 1, 0.1]], [0], 0.1)).toBeCloseTo(0.5137, 4);
  });

  it('matches the formula over a batch (the mean) for several ε', () => {
    const logits = [
      [0.5, -1, 3, 0],
      [2, 2, -2, 0.3],
    ];
    for (const eps of [0, 0.05, 0.1, 0.5, 0.9]) {
      const expected = (byHand(logits[0]!, 2, eps) + byHand(logits[1]!, 0, eps)) / 2;
      expect(lossOf(logits, [2, 0], eps)).toBeCloseTo(expected, 5);
    }
  });

  it('with ε = 0 is the plain negative log-likelihood', () => {
    expect(lossOf([[0, 0]], [1], 0)).toBeCloseTo(Math.log(2), 6);
  });

  it('sums instead of averaging when asked (for whole-set validation losses)', () => {
    const mean = lossOf(
      [
        [1, 0],
        [0, 1],
      ],
      [0, 0],
      0.2,
    );
    const sum = tf.tidy(
      () =>
        smoothedCrossEntropy(
          tf,
          tf.oneHot(tf.tensor1d([0, 0], 'int32'), 2).toFloat(),
          tf.tensor2d([
            [1, 0],
            [0, 1],
          ]),
          0.2,
          true,
        ).dataSync()[0]!,
    );
    expect(sum).toBeCloseTo(2 * mean, 5);
  });
});

import type * as tfjs from '@tensorflow/tfjs';

type Tf = typeof tfjs;

/**
 * Softmax cross-entropy on logits with label smoothing as Keras defines it: the one-hot
 * targets become y·(1 − ε) + ε/K. tf.losses.softmaxCrossEntropy does exactly this, but
 * takes logits: given a softmax output it would apply softmax twice (hence training on
 * logits). The mean over the batch, or the sum with `sum` (to average over a whole set).
 */
export function smoothedCrossEntropy(
  tf: Tf,
  oneHot: tfjs.Tensor,
  logits: tfjs.Tensor,
  epsilon: number,
  sum = false,
): tfjs.Scalar {
  return tf.losses.softmaxCrossEntropy(
    oneHot,
    logits,
    undefined,
    epsilon,
    sum ? tf.Reduction.SUM : tf.Reduction.SUM_BY_NONZERO_WEIGHTS,
  ) as tfjs.Scalar;
}

import type * as tfjs from '@tensorflow/tfjs';
import type { ResolvedTrainingOptions } from '../shared/training';

type Tf = typeof tfjs;

/**
 * The optimizer the options name. RMSProp defaults to the Inception v3 paper's
 * decay 0.9 and ε = 1.0 (tfjs adds ε inside the square root, as TensorFlow does).
 */
export function createOptimizer(tf: Tf, o: ResolvedTrainingOptions): tfjs.Optimizer {
  switch (o.optimizer) {
    case 'sgd':
      return o.momentum > 0 ? tf.train.momentum(o.learningRate, o.momentum) : tf.train.sgd(o.learningRate);
    case 'adam':
      return tf.train.adam(o.learningRate, 0.9, 0.999, o.adamEpsilon);
    case 'rmsprop':
      return tf.train.rmsprop(o.learningRate, o.rmspropDecay, o.momentum, o.rmspropEpsilon);
  }
}

/** Schedules change the rate between batches; SGD keeps it as a tensor, the others read a field each step. */
export function setLearningRate(optimizer: tfjs.Optimizer, rate: number): void {
  const o = optimizer as unknown as { setLearningRate?: (r: number) => void; learningRate: number };
  if (o.learningRate === rate) return;
  if (typeof o.setLearningRate === 'function') o.setLearningRate(rate);
  else o.learningRate = rate;
}

/**
 * optimizer.dispose(), plus the learning-rate scalar tfjs 4.22's MomentumOptimizer
 * forgets (its dispose() does not call SGD's): without this every SGD-with-momentum run
 * would leak one tensor.
 */
export function disposeOptimizer(optimizer: tfjs.Optimizer): void {
  const rate = (optimizer as unknown as { c?: tfjs.Tensor }).c;
  optimizer.dispose();
  if (rate && !rate.isDisposed) rate.dispose();
}

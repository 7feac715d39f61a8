import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initWasmAndCpu, liveCounts, randomValues } from './harness';

/**
 * A tiny conv net touching every kernel we register: a k×k 'same' conv, a 1×3
 * stride-2 'valid' conv, a depthwise conv with multiplier 2, a 3×1 and a 1×1
 * conv, then pooling and a dense layer producing logits.
 */
function tinyConvNet(): tf.LayersModel {
  return tf.sequential({
    layers: [
      tf.layers.conv2d({ inputShape: [9, 9, 3], filters: 6, kernelSize: 3, padding: 'same', activation: 'relu' }),
      tf.layers.conv2d({ filters: 8, kernelSize: [1, 3], strides: 2, padding: 'valid', activation: 'relu' }),
      tf.layers.depthwiseConv2d({ kernelSize: 3, depthMultiplier: 2, padding: 'same', activation: 'relu' }),
      tf.layers.conv2d({ filters: 6, kernelSize: [3, 1], padding: 'same', activation: 'relu' }),
      tf.layers.conv2d({ filters: 5, kernelSize: 1 }),
      tf.layers.globalAveragePooling2d({}),
      tf.layers.dense({ units: 4 }),
    ],
  });
}

/** Five SGD steps from the same weights and data; returns the loss before each step. */
async function lossTrajectory(backend: 'wasm' | 'cpu'): Promise<number[]> {
  await tf.setBackend(backend);
  const before = liveCounts();
  const model = tinyConvNet();
  const weights = model.getWeights().map((w, i) =>
    tf.tensor(
      randomValues(w.size, 100 + i).map((v) => v * 0.5),
      w.shape,
    ),
  );
  model.setWeights(weights);
  tf.dispose(weights);
  const xs = tf.tensor4d(randomValues(6 * 9 * 9 * 3, 1), [6, 9, 9, 3]);
  const labels = tf.tidy(() => tf.oneHot(tf.tensor1d([0, 1, 2, 3, 1, 2], 'int32'), 4));
  const optimizer = tf.train.sgd(0.5);
  const losses: number[] = [];
  for (let step = 0; step < 5; step++) {
    const loss = optimizer.minimize(() => tf.losses.softmaxCrossEntropy(labels, model.apply(xs) as tf.Tensor), true)!;
    losses.push(loss.dataSync()[0]!);
    loss.dispose();
  }
  tf.dispose([xs, labels]);
  optimizer.dispose();
  model.dispose();
  expect(liveCounts()).toEqual(before);
  return losses;
}

beforeAll(initWasmAndCpu);

describe('training a conv net on wasm', () => {
  it('follows the cpu backend loss trajectory step by step, and learns', async () => {
    const wasm = await lossTrajectory('wasm');
    const cpu = await lossTrajectory('cpu');
    for (let step = 0; step < cpu.length; step++) {
      expect(Math.abs(wasm[step]! - cpu[step]!) / cpu[step]!).toBeLessThan(1e-4);
    }
    expect(wasm.at(-1)!).toBeLessThan(wasm[0]!);
  });
});

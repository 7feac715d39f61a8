import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { runTrainingJob } from '../../../electron/services/train/runJob';
import type { SerializedModel } from '../../../trainer/serialize';
import { options, tinyConvNet, useCpu } from './helpers';

beforeAll(useCpu);

/** Every weight of a trained model by name ("conv2d/bias", "batch_normalization/gamma", …). */
function weightsOf(model: SerializedModel): Map<string, Float32Array> {
  const named = tf.io.decodeWeights(model.weightData, model.weightSpecs);
  return new Map(Object.entries(named).map(([name, t]) => [name, t.dataSync() as Float32Array]));
}

const all = (values: Float32Array, expected: number) => values.every((v) => v === expected);

async function trainWith(frozenKinds: string[]) {
  const graph = tinyConvNet();
  for (const node of graph.nodes) if (frozenKinds.includes(node.kind)) node.frozen = true;
  const hooks = { control: { state: () => 'run' as const }, onStatus() {}, onDataset() {}, onBatch() {}, onEpoch() {} };
  const o = options({ epochs: 2, optimizer: 'sgd', learningRate: 0.1 });
  const outcome = await runTrainingJob(
    tf,
    { graph, options: o, memoryBudget: { bytes: 2 ** 30, label: '1 GiB' } },
    hooks,
  );
  expect(outcome.status).toBe('completed');
  return weightsOf(outcome.model!);
}

describe('frozen layers in training', () => {
  it('keep their weights (biases stay zero, batch norm keeps its initial statistics) while the rest learns', async () => {
    const trained = await trainWith([]);
    const frozen = await trainWith(['Conv2D', 'BatchNorm']);
    const find = (weights: Map<string, Float32Array>, suffix: string) =>
      [...weights].find(([name]) => name.endsWith(suffix))![1];
    // Trainable, they move away from their initial values (zeros, ones) ...
    expect(all(find(trained, 'conv2d/bias'), 0)).toBe(false);
    expect(all(find(trained, 'gamma'), 1)).toBe(false);
    // ... frozen, they keep them exactly, moving statistics included.
    expect(all(find(frozen, 'conv2d/bias'), 0)).toBe(true);
    expect(all(find(frozen, 'gamma'), 1)).toBe(true);
    expect(all(find(frozen, 'beta'), 0)).toBe(true);
    expect(all(find(frozen, 'moving_mean'), 0)).toBe(true);
    expect(all(find(frozen, 'moving_variance'), 1)).toBe(true);
    // The dense head still learns.
    expect(all(find(frozen, 'predictions/bias'), 0)).toBe(false);
  }, 60_000);
});

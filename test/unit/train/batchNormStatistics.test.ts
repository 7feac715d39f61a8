import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../../electron/services/datasets';
import { runTrainingJob } from '../../../electron/services/train/runJob';
import { GraphBuilder } from '../../../shared/graph/builder';
import { recomputeBatchNormStatistics, STATISTICS_BATCHES } from '../../../trainer/batchNormStatistics';
import { compileGraph } from '../../../trainer/compile/compile';
import { options, quiet, tinyConvNet, useCpu } from './helpers';

beforeAll(useCpu);

/** count 2×2×3 images with pixel bytes from a fixed formula, so every batch's statistics differ. */
function dataset(count: number): Dataset {
  const pixels = Uint8Array.from({ length: count * 12 }, (_, i) => (i * 37 + ((i * i) % 11) * 13) % 256);
  return {
    pixels,
    labels: Int32Array.from({ length: count }, (_, i) => i % 2),
    count,
    input: { height: 2, width: 2, channels: 3, flatten: false },
    classes: 2,
    info: {} as Dataset['info'],
  };
}

/** Input → BatchNorm, compiled as training compiles it (closed-form batch norm in training mode). */
function batchNormOnly(): tf.LayersModel {
  const b = new GraphBuilder();
  b.add('BatchNorm', {}, [b.input([2, 2, 3])], 'bn');
  return compileGraph(tf, b.build()).model;
}

/** Per channel: the mean over batches of each batch's mean and biased variance, in float64. */
function expectedStatistics(data: Dataset, order: Int32Array, batchSize: number, batches: number) {
  const mean = [0, 0, 0];
  const variance = [0, 0, 0];
  for (let k = 0; k < batches; k++) {
    const indices = order.slice(k * batchSize, Math.min(order.length, (k + 1) * batchSize));
    for (let c = 0; c < 3; c++) {
      const values = [...indices].flatMap((i) => [0, 1, 2, 3].map((p) => data.pixels[i * 12 + p * 3 + c]! / 255));
      const m = values.reduce((a, v) => a + v, 0) / values.length;
      mean[c]! += m / batches;
      variance[c]! += values.reduce((a, v) => a + (v - m) ** 2, 0) / values.length / batches;
    }
  }
  return { mean, variance };
}

function expectClose(actual: number[], expected: number[]) {
  expect(actual).toHaveLength(expected.length);
  for (let c = 0; c < expected.length; c++) expect(actual[c]).toBeCloseTo(expected[c]!, 5);
}

const weight = (model: tf.LayersModel, name: string) =>
  Array.from(
    model
      .getLayer('bn')
      .weights.find((w) => w.originalName.endsWith(name))!
      .read()
      .dataSync(),
  );

describe('precise batch-norm statistics', () => {
  it('replace the moving averages by the average of the first 8 batches, and restore the momentum', () => {
    const model = batchNormOnly();
    const data = dataset(50);
    const order = Int32Array.from({ length: 50 }, (_, i) => (i * 7) % 50);
    const before = tf.memory().numTensors;
    expect(recomputeBatchNormStatistics(tf, model, data, order, 4)).toBe(1);
    expect(tf.memory().numTensors).toBe(before);
    const expected = expectedStatistics(data, order, 4, STATISTICS_BATCHES);
    expectClose(weight(model, 'moving_mean'), expected.mean);
    expectClose(weight(model, 'moving_variance'), expected.variance);
    expect((model.getLayer('bn') as unknown as { momentum: number }).momentum).toBe(0.99);
    model.dispose();
  });

  it('use every batch when there are fewer than 8, the last one short', () => {
    const model = batchNormOnly();
    const data = dataset(10);
    const order = Int32Array.from({ length: 10 }, (_, i) => i);
    recomputeBatchNormStatistics(tf, model, data, order, 4);
    const expected = expectedStatistics(data, order, 4, 3);
    expectClose(weight(model, 'moving_mean'), expected.mean);
    model.dispose();
  });

  it('leave a network without batch norm alone', () => {
    const b = new GraphBuilder();
    b.add('Dense', { units: 2 }, [b.add('Flatten', {}, [b.input([2, 2, 3])])], 'predictions');
    const model = compileGraph(tf, b.build()).model;
    expect(recomputeBatchNormStatistics(tf, model, dataset(8), Int32Array.from([0, 1, 2]), 2)).toBe(0);
    model.dispose();
  });

  it("are what a run validates with and saves, unless the options keep Keras's moving averages", async () => {
    const savedVariance = async (batchNormStatistics: string) => {
      const job = {
        graph: tinyConvNet(),
        options: options({ epochs: 1, batchNormStatistics }),
        memoryBudget: { bytes: 2 ** 30, label: '' },
      };
      const { model } = await runTrainingJob(tf, job, quiet);
      const weights = tf.io.decodeWeights(model!.weightData, model!.weightSpecs);
      const variance = Object.entries(weights).find(([name]) => name.endsWith('moving_variance'))![1];
      const values = Array.from(variance.dataSync());
      tf.dispose(Object.values(weights));
      return values;
    };
    // Four steps (54 training samples, batch 16) at momentum 0.99 leave it within 4% of its start, 1.
    for (const v of await savedVariance('moving-average')) expect(v).toBeGreaterThan(0.95);
    // The activations' real variance (a 3×3 conv with ReLU of pixels in [0, 1]) is far below that.
    for (const v of await savedVariance('recompute')) expect(v).toBeLessThan(0.5);
  });
});

import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { runTrainingJob } from '../../../electron/services/train/runJob';
import { analyzeGraph } from '../../../shared/analysis';
import { GraphBuilder } from '../../../shared/graph/builder';
import type { Graph } from '../../../shared/graph/types';
import { compileGraph } from '../../../trainer/compile/compile';
import { loadSerializedModel } from '../../../trainer/features/model';
import { serializeModel } from '../../../trainer/serialize';
import { options, useCpu } from '../train/helpers';

beforeAll(useCpu);

/** A 1×2 image of two channels through one Normalization. */
function normalized(params: Record<string, unknown>): Graph {
  const b = new GraphBuilder();
  b.add('Normalization', params, [b.input([1, 2, 2])], 'norm');
  return b.build();
}

const pixels = () => tf.tensor4d([3, -1, 0, 2], [1, 1, 2, 2]);

async function roundTrip(model: tf.LayersModel): Promise<tf.LayersModel> {
  return loadSerializedModel(tf, await serializeModel(tf, model));
}

describe("Keras's Normalization in TF.js", () => {
  it('given statistics: (x − mean) / √variance per channel, by hand, and no weights', () => {
    const { model } = compileGraph(tf, normalized({ mean: [1, -2], variance: [4, 0.25] }));
    const y = model.predict(pixels()) as tf.Tensor;
    // channel 0: (3 − 1) / 2 = 1, (0 − 1) / 2 = −0.5; channel 1: (−1 + 2) / 0.5 = 2, (2 + 2) / 0.5 = 8.
    expect(Array.from(y.dataSync())).toEqual([1, 2, -0.5, 8]);
    expect(model.weights).toEqual([]);
    model.dispose();
  });

  it('a zero variance divides by Keras’s floor of 1e-7, never by zero', () => {
    const { model } = compileGraph(tf, normalized({ mean: [3], variance: [0] }));
    const y = Array.from((model.predict(pixels()) as tf.Tensor).dataSync());
    expect(y[0]).toBe(0);
    expect(y[1]).toBeCloseTo(-4 / 1e-7, -3);
    model.dispose();
  });

  it('adapted statistics are Keras’s 2·C + 1 non-trainable weights: mean, variance, count', () => {
    const { model, analysis } = compileGraph(tf, normalized({}));
    expect(model.weights.map((w) => [w.originalName, w.shape, w.trainable])).toEqual([
      ['norm/mean', [2], false],
      ['norm/variance', [2], false],
      ['norm/count', [], false],
    ]);
    expect(model.countParams()).toBe(5);
    expect(analysis.totals).toMatchObject({ params: 5, trainableParams: 0, nonTrainableParams: 5 });
    // Filled as adapt() would: the layer reads them.
    model.setWeights([tf.tensor1d([1, -2]), tf.tensor1d([4, 0.25]), tf.scalar(10)]);
    expect(Array.from((model.predict(pixels()) as tf.Tensor).dataSync())).toEqual([1, 2, -0.5, 8]);
    model.dispose();
  });

  it('saves and loads back through our TF.js serialization, with its statistics', async () => {
    for (const params of [{}, { mean: [0.5], variance: [2] }]) {
      const { model } = compileGraph(tf, normalized(params));
      if (model.weights.length) model.setWeights([tf.tensor1d([1, -2]), tf.tensor1d([4, 0.25]), tf.scalar(10)]);
      const loaded = await roundTrip(model);
      expect(loaded.getLayer('norm').getClassName()).toBe('Normalization');
      expect(loaded.countParams()).toBe(model.countParams());
      const want = Array.from((model.predict(pixels()) as tf.Tensor).dataSync());
      expect(Array.from((loaded.predict(pixels()) as tf.Tensor).dataSync())).toEqual(want);
      model.dispose();
      loaded.dispose();
    }
  });

  it('training leaves the statistics as they are (Keras fills them by adapt() only)', async () => {
    const b = new GraphBuilder();
    const x = b.add('Normalization', {}, [b.input([4, 4, 3])], 'norm');
    const flat = b.add('Flatten', {}, [x]);
    b.add('Dense', { units: 3, activation: 'softmax' }, [flat], 'predictions');
    const outcome = await runTrainingJob(
      tf,
      {
        graph: b.build(),
        options: options({ epochs: 2, dataset: { kind: 'synthetic', samples: 12 }, batchSize: 6 }),
        memoryBudget: { bytes: 2 ** 30, label: '' },
      },
      {
        control: { state: () => 'run' },
        onStatus() {},
        onDataset() {},
        onBatch() {},
        onEpoch() {},
      },
    );
    expect(outcome.message).toBeNull();
    const loaded = await loadSerializedModel(tf, outcome.model!);
    const [mean, variance, count] = loaded.getLayer('norm').getWeights();
    expect(Array.from(mean!.dataSync())).toEqual([0, 0, 0]);
    expect(Array.from(variance!.dataSync())).toEqual([1, 1, 1]);
    expect(Array.from(count!.dataSync())).toEqual([0]);
    loaded.dispose();
  });
});

describe("Keras's Subtract in TF.js", () => {
  function difference(second: number[]): Graph {
    const b = new GraphBuilder();
    const a = b.input([2, 2, 2], 'a');
    const c = b.input(second, 'b');
    b.add('Subtract', {}, [a, c], 'minus');
    return b.build();
  }

  it('is the first input minus the second, an axis of size 1 stretching', async () => {
    const a = tf.tensor4d([1, 2, 3, 4, 5, 6, 7, 8], [1, 2, 2, 2]);
    const { model } = compileGraph(tf, difference([1, 1, 2]));
    const y = model.predict([a, tf.tensor4d([1, 10], [1, 1, 1, 2])]) as tf.Tensor;
    expect(y.shape).toEqual([1, 2, 2, 2]);
    expect(Array.from(y.dataSync())).toEqual([0, -8, 2, -6, 4, -4, 6, -2]);
    const loaded = await roundTrip(model);
    expect(loaded.getLayer('minus').getClassName()).toBe('Subtract');
    const again = loaded.predict([a, tf.tensor4d([1, 10], [1, 1, 1, 2])]) as tf.Tensor;
    expect(Array.from(again.dataSync())).toEqual(Array.from(y.dataSync()));
    model.dispose();
    loaded.dispose();
  });

  it('its analysis shape is what TF.js computes', () => {
    const graph = difference([2, 2, 2]);
    const { model } = compileGraph(tf, graph);
    expect(model.outputs[0]!.shape.slice(1)).toEqual(analyzeGraph(graph).nodes.minus!.outputShape);
    model.dispose();
  });
});

describe('a per-channel Rescaling in TF.js (Keras ≥ 2.10 EfficientNet)', () => {
  it('scales and shifts each channel by its own value, and saves and loads back', async () => {
    const b = new GraphBuilder();
    b.add('Rescaling', { scale: [2, -1], offset: [0.5, 0] }, [b.input([1, 2, 2])], 'scale');
    const { model } = compileGraph(tf, b.build());
    const y = Array.from((model.predict(pixels()) as tf.Tensor).dataSync());
    // channel 0: 3·2 + 0.5, 0·2 + 0.5; channel 1: −1·−1, 2·−1.
    expect(y).toEqual([6.5, 1, 0.5, -2]);
    const loaded = await roundTrip(model);
    expect(Array.from((loaded.predict(pixels()) as tf.Tensor).dataSync())).toEqual(y);
    model.dispose();
    loaded.dispose();
  });
});

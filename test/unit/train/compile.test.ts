import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { runTrainingJob } from '../../../electron/services/train/runJob';
import { analyzeGraph } from '../../../shared/analysis';
import { GraphBuilder, type NodeRef } from '../../../shared/graph/builder';
import type { Graph } from '../../../shared/graph/types';
import { getLayerSpec, type LayerKind, layerKinds } from '../../../shared/layers';
import { templates } from '../../../shared/templates';
import { prepareForTraining } from '../../../shared/training';
import { compileGraph } from '../../../trainer/compile/compile';
import { options, quiet, useCpu } from './helpers';

beforeAll(useCpu);

/** Parameters (and a second input for merges) that make each kind valid on an 8×8×3 input. */
const kindParams: Record<Exclude<LayerKind, 'Input'>, Record<string, unknown>> = {
  Conv2D: { filters: 4, kernelSize: [3, 3], padding: 'same' },
  DepthwiseConv2D: { kernelSize: [3, 3], padding: 'same' },
  SeparableConv2D: { filters: 4, kernelSize: [3, 3], padding: 'same' },
  ZeroPadding2D: {},
  Conv2DTranspose: { filters: 2, kernelSize: [3, 3], strides: [2, 2], padding: 'valid' },
  Cropping2D: {
    cropping: [
      [1, 0],
      [0, 2],
    ],
  },
  UpSampling2D: { size: [2, 1] },
  LayerNormalization: { epsilon: 1e-5 },
  Permute: { dims: [2, 3, 1] },
  Compress1x1: { mode: 'count', filters: 2 },
  StridedReduction: {},
  MaxPool2D: { poolSize: [2, 2], strides: [2, 2] },
  AvgPool2D: { poolSize: [2, 2], strides: [2, 2] },
  GlobalAvgPool2D: {},
  GlobalMaxPool2D: {},
  Concatenate: { axis: -1 },
  Add: {},
  Multiply: {},
  Subtract: {},
  Average: {},
  Maximum: {},
  Minimum: {},
  BatchNorm: {},
  Activation: { activation: 'relu' },
  ReLU: { maxValue: 6 },
  LeakyReLU: { negativeSlope: 0.1 },
  PReLU: { sharedAxes: [1, 2] },
  ELU: {},
  Rescaling: { scale: 0.5, offset: -1 },
  Normalization: {},
  Dropout: { rate: 0.3 },
  Flatten: {},
  Reshape: { targetShape: [16, 12] },
  Dense: { units: 5 },
};

/** input → (a 1×1 conv feeding the trainable path) → KIND → flatten → Dense(3, softmax). */
function netAround(kind: Exclude<LayerKind, 'Input'>): Graph {
  const b = new GraphBuilder();
  const input = b.input([8, 8, 3]);
  const conv = b.add('Conv2D', { filters: 3, kernelSize: [1, 1] }, [input], 'pre');
  const merge = getLayerSpec(kind)!.inputs.min === 2;
  let x: NodeRef = b.add(kind, kindParams[kind], merge ? [input, conv] : [conv], 'under_test');
  if (analyzeGraph(b.build()).nodes.under_test!.outputShape!.length > 1) x = b.add('Flatten', {}, [x], 'flat');
  b.add('Dense', { units: 3, activation: 'softmax' }, [x], 'predictions');
  return b.build();
}

describe('every layer kind compiles and trains (one epoch, cpu)', () => {
  // kindParams is keyed by LayerKind, so a kind missing from it fails the type check. Every kind
  // compiles: Normalization and Subtract through Netwright's own TF.js layers.
  const kinds = layerKinds.filter((k): k is Exclude<LayerKind, 'Input'> => k !== 'Input');

  it('builds keepDims global pools as one pool window over the whole image, as Keras computes them', () => {
    for (const kind of ['GlobalAvgPool2D', 'GlobalMaxPool2D']) {
      const b = new GraphBuilder();
      b.add(kind, { keepDims: true }, [b.input([5, 3, 2])], 'under_test');
      const { model } = compileGraph(tf, b.build());
      const x = tf.randomNormal([2, 5, 3, 2]);
      const ours = model.predict(x) as tf.Tensor;
      const keras = kind === 'GlobalAvgPool2D' ? x.mean([1, 2], true) : x.max([1, 2], true);
      expect(ours.shape).toEqual([2, 1, 1, 2]);
      expect(tf.abs(tf.sub(ours, keras)).max().dataSync()[0]).toBeLessThan(1e-6);
      tf.dispose([x, ours, keras]);
      model.dispose();
    }
  });

  it('refuses what tfjs computes otherwise: hard_sigmoid / hard_swish, ELU alpha ≠ 1, and more', () => {
    const withLayer = (kind: string, params: Record<string, unknown>) => {
      const b = new GraphBuilder();
      b.add(kind, params, [b.input([4, 4, 2])], 'under_test');
      return b.build();
    };
    expect(() => compileGraph(tf, withLayer('Activation', { activation: 'hard_swish' }))).toThrow(
      'under_test: TensorFlow.js has no hard_swish as Keras 3 and PyTorch define it (relu6(x + 3) / 6 · x): use swish or relu6 to train here, or export the network',
    );
    expect(() =>
      compileGraph(tf, withLayer('Conv2D', { filters: 2, kernelSize: 1, activation: 'hard_sigmoid' })),
    ).toThrow('under_test: TensorFlow.js has no hard_sigmoid');
    expect(() => compileGraph(tf, withLayer('LayerNormalization', { scale: false }))).toThrow(
      "under_test: TensorFlow.js's LayerNormalization cannot train without gamma or beta: set center and scale to true",
    );
    expect(() => compileGraph(tf, withLayer('UpSampling2D', { interpolation: 'bilinear' }))).toThrow(
      "TensorFlow.js's bilinear upsampling samples pixel corners",
    );
    expect(() => compileGraph(tf, withLayer('Conv2DTranspose', { filters: 1, kernelSize: 3, dilation: 2 }))).toThrow(
      'under_test: TensorFlow.js has no dilated Conv2DTranspose (dilation 2×2): set dilation to 1×1',
    );
    expect(() => compileGraph(tf, withLayer('ELU', { alpha: 0.5 }))).toThrow(
      "under_test: TensorFlow.js's ELU has alpha 1 only (alpha 0.5): set alpha to 1",
    );
  });

  it.each(kinds)('%s', async (kind) => {
    const before = tf.memory().numTensors;
    const outcome = await runTrainingJob(
      tf,
      {
        graph: netAround(kind),
        options: options({ epochs: 1, dataset: { kind: 'synthetic', samples: 12 }, batchSize: 6 }),
        memoryBudget: { bytes: 2 ** 30, label: '' },
      },
      quiet,
    );
    expect(outcome.message).toBeNull();
    expect(outcome.status).toBe('completed');
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('every template compiles', () => {
  // All compile in under 20 s on the cpu backend (VGG16's 138 M weights are the slowest, about 5 s).
  it.each(templates.map((t) => [t.id, t] as const))(
    '%s',
    (_id, template) => {
      const graph = template.build();
      const analysis = analyzeGraph(graph);
      const { model } = compileGraph(tf, graph, analysis);
      expect(model.countParams()).toBe(analysis.totals.params);
      model.dispose();
      if (template.category === 'network') expect(prepareForTraining(graph, analysis).ok).toBe(true);
    },
    60_000,
  );
});

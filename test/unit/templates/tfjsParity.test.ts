import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Analysis } from '../../../shared/analysis';
import type { Graph } from '../../../shared/graph/types';
import { buildBnInception } from '../../../shared/templates/bnInception';
import { buildGoogLeNet } from '../../../shared/templates/googlenet';
import { buildInceptionV3 } from '../../../shared/templates/inceptionV3';
import { buildMobileNetV1 } from '../../../shared/templates/mobilenetV1';
import { buildResNet50 } from '../../../shared/templates/resnet50';
import { buildSmallInception } from '../../../shared/templates/smallInception';
import { analyse, errors } from './helpers';

type Pair = [number, number];
type Activation = NonNullable<Parameters<typeof tf.layers.activation>[0]>['activation'];

/** The validated params the templates' layer kinds carry (analysis fills defaults). */
interface Params {
  shape: number[];
  filters: number;
  units: number;
  kernelSize: Pair;
  poolSize: Pair;
  strides: Pair;
  padding: 'same' | 'valid';
  depthMultiplier: number;
  useBias: boolean;
  activation: Activation;
  center: boolean;
  scale: boolean;
  epsilon: number;
  momentum: number;
  axis: number;
  targetShape: number[];
  rate: number;
}

/**
 * The same architecture built layer by layer with tf.layers, so TensorFlow.js
 * counts its weights independently of our layer specs. Only the kinds the
 * templates use are translated; zero initializers keep it fast.
 */
function toTfModel(graph: Graph, a: Analysis): tf.LayersModel {
  const tensors = new Map<string, tf.SymbolicTensor>();
  const inputs: tf.SymbolicTensor[] = [];
  const kernelInitializer = 'zeros';
  for (const node of graph.nodes) {
    const p = a.nodes[node.id]!.params as unknown as Params;
    const ins = graph.edges
      .filter((e) => e.target === node.id)
      .sort((x, y) => x.targetIndex - y.targetIndex)
      .map((e) => tensors.get(e.source)!);
    const name = node.name;
    const { strides, padding, useBias, activation } = p;
    let layer: tf.layers.Layer;
    switch (node.kind) {
      case 'Input': {
        const t = tf.input({ shape: p.shape, name });
        inputs.push(t);
        tensors.set(node.id, t);
        continue;
      }
      case 'Conv2D':
        layer = tf.layers.conv2d({
          name,
          filters: p.filters,
          kernelSize: p.kernelSize,
          strides,
          padding,
          useBias,
          activation,
          kernelInitializer,
        });
        break;
      case 'DepthwiseConv2D':
        layer = tf.layers.depthwiseConv2d({
          name,
          kernelSize: p.kernelSize,
          strides,
          padding,
          useBias,
          activation,
          depthMultiplier: p.depthMultiplier,
          depthwiseInitializer: kernelInitializer,
        });
        break;
      case 'BatchNorm':
        layer = tf.layers.batchNormalization({
          name,
          center: p.center,
          scale: p.scale,
          epsilon: p.epsilon,
          momentum: p.momentum,
        });
        break;
      case 'Activation':
        layer = tf.layers.activation({ name, activation });
        break;
      case 'ZeroPadding2D':
        layer = tf.layers.zeroPadding2d({ name, padding: (node.params as { padding: [Pair, Pair] }).padding });
        break;
      case 'MaxPool2D':
        layer = tf.layers.maxPooling2d({ name, poolSize: p.poolSize, strides, padding });
        break;
      case 'AvgPool2D':
        layer = tf.layers.averagePooling2d({ name, poolSize: p.poolSize, strides, padding });
        break;
      case 'GlobalAvgPool2D':
        layer = tf.layers.globalAveragePooling2d({ name });
        break;
      case 'Concatenate':
        layer = tf.layers.concatenate({ name, axis: p.axis });
        break;
      case 'Add':
        layer = tf.layers.add({ name });
        break;
      case 'Reshape':
        layer = tf.layers.reshape({ name, targetShape: p.targetShape });
        break;
      case 'Dropout':
        layer = tf.layers.dropout({ name, rate: p.rate });
        break;
      case 'Dense':
        layer = tf.layers.dense({ name, units: p.units, useBias, activation, kernelInitializer });
        break;
      default:
        throw new Error(`tfjs translation: unhandled kind ${node.kind}`);
    }
    tensors.set(node.id, layer.apply(ins.length === 1 ? ins[0]! : ins) as tf.SymbolicTensor);
  }
  return tf.model({ inputs, outputs: a.outputs.map((id) => tensors.get(id)!) });
}

/** Weights have fully known shapes; a null would make the count 0 and fail loudly. */
const size = (shape: readonly (number | null)[]) => shape.reduce<number>((p, d) => p * (d ?? 0), 1);

/**
 * Whole-model counts against the reference figures, then every layer against our
 * analysis: weight count, non-trainable count and output shape.
 */
function checkAgainstTfjs(graph: Graph, params: number, nonTrainable: number): void {
  const a = analyse(graph);
  expect(errors(a)).toEqual([]);
  const model = toTfModel(graph, a);
  try {
    expect(model.countParams()).toBe(params);
    expect(model.nonTrainableWeights.reduce((s, w) => s + size(w.shape), 0)).toBe(nonTrainable);
    for (const node of graph.nodes) {
      const ours = a.nodes[node.id]!;
      const layer = model.getLayer(node.name);
      const theirs = {
        total: layer.countParams(),
        nonTrainable: layer.nonTrainableWeights.reduce((s, w) => s + size(w.shape), 0),
        shape: (layer.outputShape as (number | null)[]).slice(1),
      };
      expect(
        { total: ours.paramCount.total, nonTrainable: ours.paramCount.nonTrainable, shape: ours.outputShape },
        node.name,
      ).toEqual(theirs);
    }
  } finally {
    model.dispose();
  }
}

describe('templates match TensorFlow.js layer by layer', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it('InceptionV3: 23,851,784 (34,432 non-trainable)', () => {
    checkAgainstTfjs(buildInceptionV3(), 23_851_784, 34_432);
  });

  it('MobileNet v1: 4,253,864 (21,888 non-trainable)', () => {
    checkAgainstTfjs(buildMobileNetV1(), 4_253_864, 21_888);
  });

  it('ResNet50: 25,636,712 (53,120 non-trainable)', () => {
    checkAgainstTfjs(buildResNet50(), 25_636_712, 53_120);
  });

  it('small Inception: 118,746 (904 non-trainable)', () => {
    checkAgainstTfjs(buildSmallInception(), 118_746, 904);
  });

  it('GoogLeNet: 6,639,464 (14,560 non-trainable)', () => {
    checkAgainstTfjs(buildGoogLeNet(), 6_639_464, 14_560);
  });

  it('BN-Inception: 11,305,256 (20,032 non-trainable)', () => {
    checkAgainstTfjs(buildBnInception(), 11_305_256, 20_032);
  });
});

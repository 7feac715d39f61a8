import * as tf from '@tensorflow/tfjs';
import { GraphBuilder, type NodeRef } from '../../../shared/graph/builder';
import type { Graph } from '../../../shared/graph/types';
import { seededRandom } from '../../../shared/training';
import { compileGraph } from '../../../trainer/compile/compile';
import { smoothedCrossEntropy } from '../../../trainer/loss';

/**
 * Runs in the page: for a seeded random network made of the layers training uses (conv,
 * depthwise, max/average pool, batch norm, dense), every weight gradient of the label-smoothed
 * loss (trainer/loss.ts) on a GPU backend beside the cpu backend's, from the same weights and data.
 */

export interface GradientGap {
  seed: number;
  network: string;
  weight: string;
  /** max |gpu − cpu| over the weight's elements, divided by max(max |cpu|, FLOOR × the network's largest). */
  relative: number;
  maxAbs: number;
  /** max |cpu| over the weight's elements. */
  scale: number;
  /** The weight's gradient is below the floor: zero up to rounding (a bias in front of a batch norm). */
  floored: boolean;
}

/**
 * A gradient that is exactly zero in exact arithmetic (a bias that a following batch norm cancels)
 * comes out of float32 as rounding noise of the sums that cancel: relative to itself it means
 * nothing. Such weights are measured against 1% of the network's largest gradient instead.
 */
export const FLOOR = 0.01;

type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const int = (random: Random, lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));

/** A random chain of the training layers; `summary` names them for the failure message. */
function randomNetwork(seed: number): { graph: Graph; summary: string; input: number[]; classes: number } {
  const random = seededRandom(seed);
  const b = new GraphBuilder();
  const size = int(random, 8, 14);
  const input = [size, size, int(random, 1, 4)];
  const classes = int(random, 2, 6);
  const parts: string[] = [`in ${input.join('x')}`];
  let x: NodeRef = b.input(input);
  const k = () => pick(random, [1, 3, 5]);
  for (let block = 0; block < 2; block++) {
    const kernel = k();
    const strides = pick(random, [1, 1, 2]);
    const padding = pick(random, ['same', 'valid'] as const);
    const filters = int(random, 2, 8);
    const activation = pick(random, ['relu', 'linear']);
    x = b.add('Conv2D', { filters, kernelSize: [kernel, kernel], strides: [strides, strides], padding, activation }, [
      x,
    ]);
    parts.push(`conv ${filters} ${kernel}x${kernel}/${strides} ${padding} ${activation}`);
    if (random() < 0.7) {
      x = b.add('BatchNorm', { center: true, scale: true, epsilon: 0.001, momentum: 0.99 }, [x]);
      parts.push('bn');
    }
    const depthKernel = pick(random, [3, 5]);
    const depthMultiplier = int(random, 1, 2);
    x = b.add('DepthwiseConv2D', { kernelSize: [depthKernel, depthKernel], depthMultiplier, padding: 'same' }, [x]);
    parts.push(`depthwise ${depthKernel}x${depthKernel}×${depthMultiplier}`);
    const pool = pick(random, ['MaxPool2D', 'AvgPool2D']);
    const poolSize = int(random, 2, 3);
    x = b.add(pool, { poolSize: [poolSize, poolSize], strides: [2, 2], padding: 'same' }, [x]);
    parts.push(`${pool} ${poolSize}/2`);
  }
  x = b.add('Flatten', {}, [x]);
  const hidden = int(random, 4, 16);
  x = b.add('Dense', { units: hidden, activation: 'relu' }, [x]);
  x = b.add('Dense', { units: classes, activation: 'linear' }, [x]);
  parts.push(`dense ${hidden} relu`, `dense ${classes}`);
  return { graph: b.build(), summary: parts.join(', '), input, classes };
}

/**
 * Gradients of every trainable weight, in order, on the current backend. Read with `data()`:
 * WebGPU's `dataSync()` reads through a canvas, which reads zeros on SwiftShader.
 */
async function gradients(
  graph: Graph,
  weights: Float32Array[],
  x: Float32Array,
  labels: Int32Array,
  shape: number[],
  classes: number,
): Promise<{ names: string[]; values: Float32Array[] }> {
  const { model } = compileGraph(tf, graph);
  try {
    model.setWeights(model.getWeights().map((w, i) => tf.tensor(weights[i]!, w.shape)));
    const variables = model.trainableWeights.map((w) => w.read() as tf.Variable);
    const { grads } = tf.tidy(() => {
      const input = tf.tensor(x, shape);
      const y = tf.oneHot(tf.tensor1d(labels, 'int32'), classes).toFloat();
      return tf.variableGrads(() => {
        const logits = model.apply(input, { training: true }) as tf.Tensor;
        return smoothedCrossEntropy(tf, y, logits, 0.1);
      }, variables);
    });
    const names = model.trainableWeights.map((w) => w.originalName);
    const values = await Promise.all(variables.map((v) => grads[v.name]!.data() as Promise<Float32Array>));
    tf.dispose(Object.values(grads));
    return { names, values };
  } finally {
    model.dispose();
  }
}

/**
 * The network's weights from the seed, not from TF.js's unseeded initializers: each run
 * compares the same numbers, so a gap is the backend's and never a draw of the weights
 * (one draw in a few once made a ReLU channel all zeros, and the max pool after it tied).
 */
function seededWeights(model: tf.LayersModel, random: Random): Float32Array[] {
  return model.weights.map((w) => {
    const shape = w.shape.map((d) => d ?? 1);
    const size = shape.reduce((a, b) => a * b, 1);
    const name = w.originalName;
    if (/moving_variance|gamma/.test(name)) return Float32Array.from({ length: size }, () => 0.8 + 0.4 * random());
    if (shape.length < 2) return Float32Array.from({ length: size }, () => 0.1 * random() - 0.05);
    // Kernels as Keras's Glorot-uniform draws them: the receptive field times channels in and out.
    const field = shape.slice(0, -2).reduce((a, b) => a * b, 1);
    const limit = Math.sqrt(6 / (field * (shape.at(-2)! + shape.at(-1)!)));
    return Float32Array.from({ length: size }, () => limit * (2 * random() - 1));
  });
}

export async function gradientParity(backend: string, seeds: number[]): Promise<GradientGap[]> {
  const gaps: GradientGap[] = [];
  for (const seed of seeds) {
    const { graph, summary, input, classes } = randomNetwork(seed);
    const random = seededRandom(seed ^ 0x5bd1e995);
    const batch = int(random, 2, 5);
    const shape = [batch, ...input];
    const x = Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => random());
    const labels = Int32Array.from({ length: batch }, () => int(random, 0, classes - 1));
    await tf.setBackend('cpu');
    const { model } = compileGraph(tf, graph);
    const weights = seededWeights(model, random);
    model.dispose();
    const cpu = await gradients(graph, weights, x, labels, shape, classes);
    if (!(await tf.setBackend(backend))) throw new Error(`tf.setBackend('${backend}') failed`);
    const gpu = await gradients(graph, weights, x, labels, shape, classes);
    const scales = cpu.values.map((g) => g.reduce((m, v) => Math.max(m, Math.abs(v)), 0));
    const floor = FLOOR * Math.max(...scales);
    cpu.values.forEach((expected, i) => {
      const actual = gpu.values[i]!;
      let maxAbs = actual.length === expected.length ? 0 : Number.POSITIVE_INFINITY;
      for (let j = 0; j < expected.length; j++) maxAbs = Math.max(maxAbs, Math.abs(actual[j]! - expected[j]!));
      const scale = scales[i]!;
      const relative = maxAbs / Math.max(scale, floor, 1e-30);
      gaps.push({ seed, network: summary, weight: cpu.names[i]!, relative, maxAbs, scale, floored: scale < floor });
    });
  }
  return gaps;
}

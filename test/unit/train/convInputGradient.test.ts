import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { GraphBuilder } from '../../../shared/graph/builder';
import type { Graph } from '../../../shared/graph/types';
import { compileGraph } from '../../../trainer/compile/compile';
import { useCpu } from './helpers';

beforeAll(useCpu);

/** Conv → batch norm twice (no bias, linear: the usual stem), then a dense head; `bias` gives the first conv one. */
function convBnNet(bias = false): Graph {
  const b = new GraphBuilder();
  let x = b.input([8, 8, 3]);
  x = b.add('Conv2D', { filters: 4, kernelSize: [3, 3], padding: 'same', useBias: bias }, [x]);
  x = b.add('BatchNorm', {}, [x]);
  x = b.add('Conv2D', { filters: 6, kernelSize: [3, 3], strides: [2, 2], padding: 'valid', useBias: false }, [x]);
  x = b.add('BatchNorm', {}, [x]);
  x = b.add('Flatten', {}, [x]);
  b.add('Dense', { units: 3 }, [x], 'predictions');
  return b.build();
}

/** Kernel calls by name, and every trainable weight's gradient, of one training-mode gradient step. */
async function gradientStep(model: tf.LayersModel): Promise<{ calls: Record<string, number>; grads: Float32Array[] }> {
  const variables = model.trainableWeights.map((w) => w.read() as tf.Variable);
  const x = tf.randomUniform([2, 8, 8, 3], 0, 1, 'float32', 3);
  let grads: Float32Array[] = [];
  const info = await tf.profile(() => {
    const { value, grads: g } = tf.variableGrads(
      () => tf.sum(tf.square(model.apply(x, { training: true }) as tf.Tensor)) as tf.Scalar,
      variables,
    );
    grads = variables.map((v) => g[v.name]!.dataSync() as Float32Array);
    tf.dispose([value, ...Object.values(g)]);
  });
  const calls: Record<string, number> = {};
  for (const k of info.kernels) calls[k.name] = (calls[k.name] ?? 0) + 1;
  x.dispose();
  return { calls, grads };
}

describe('convolutions on the network input in training', () => {
  it('skip the gradient of the images: only the second conv computes an input gradient', async () => {
    const { model } = compileGraph(tf, convBnNet());
    const { calls } = await gradientStep(model);
    model.dispose();
    expect(calls.Conv2DBackpropFilter).toBe(2);
    expect(calls.Conv2DBackpropInput).toBe(1);
  });

  it('give the same weight gradients as tfjs’s fused convolution, which computes it', async () => {
    const lazy = compileGraph(tf, convBnNet()).model;
    // With a (zero) bias the first conv stays tfjs's fused one: it computes the input gradient too.
    const fused = compileGraph(tf, convBnNet(true)).model;
    const [kernel, ...rest] = lazy.getWeights();
    const bias = tf.zeros([4]);
    fused.setWeights([kernel!, bias, ...rest]);
    bias.dispose();
    const a = await gradientStep(lazy);
    const b = await gradientStep(fused);
    expect(b.calls.Conv2DBackpropInput).toBe(2);
    const withoutBias = [b.grads[0]!, ...b.grads.slice(2)];
    expect(a.grads).toHaveLength(withoutBias.length);
    a.grads.forEach((g, i) => {
      expect(Array.from(g)).toEqual(Array.from(withoutBias[i]!));
    });
    lazy.dispose();
    fused.dispose();
  });
});

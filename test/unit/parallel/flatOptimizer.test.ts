import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createFlatOptimizer } from '../../../trainer/flatOptimizer';
import { createOptimizer, disposeOptimizer, setLearningRate } from '../../../trainer/optimizer';
import { options } from '../train/helpers';
import { initWasmAndCpu, randomValues } from '../wasmKernels/harness';

const shapes = [[3, 3, 2, 4], [4], [7, 5]];
const sizes = shapes.map((s) => s.reduce((a, b) => a * b, 1));
const total = sizes.reduce((a, b) => a + b, 0);
/** Changes between steps, as a schedule does. */
const rates = [0.01, 0.01, 0.005, 0.02, 0.003];

/** Gradients with tiny, huge, zero and negative-zero entries: where a rounding or an order would show. */
function gradientsOf(step: number): Float32Array {
  const g = randomValues(total, 50 + step).map((v, i) => v * 10 ** ((i % 7) - 4));
  g[step] = 0;
  g[step + 1] = -0;
  return g;
}

/** `rates.length` steps with tfjs's optimizer on `backend`: the weights as one flat vector. */
async function tfjsSteps(backend: 'cpu' | 'wasm', raw: Record<string, unknown>): Promise<Float32Array> {
  await tf.setBackend(backend);
  const o = options(raw);
  const start = randomValues(total, 9);
  let offset = 0;
  const variables = shapes.map((shape, i) => {
    const v = tf.variable(tf.tensor(start.subarray(offset, offset + sizes[i]!), shape), true, `flat${backend}${i}`);
    offset += sizes[i]!;
    return v;
  });
  const optimizer = createOptimizer(tf, o);
  rates.forEach((rate, step) => {
    setLearningRate(optimizer, rate);
    const g = gradientsOf(step);
    let at = 0;
    const grads = variables.map((v, i) => {
      const tensor = tf.tensor(g.subarray(at, at + sizes[i]!), v.shape);
      at += sizes[i]!;
      return { name: v.name, tensor };
    });
    optimizer.applyGradients(grads);
    tf.dispose(grads.map((x) => x.tensor));
  });
  const out = new Float32Array(total);
  offset = 0;
  for (const v of variables) {
    out.set(v.dataSync(), offset);
    offset += v.size;
  }
  disposeOptimizer(optimizer);
  tf.dispose(variables);
  return out;
}

function flatSteps(raw: Record<string, unknown>): Float32Array {
  const weights = randomValues(total, 9);
  const optimizer = createFlatOptimizer(options(raw), total);
  rates.forEach((rate, step) => {
    optimizer.apply(weights, gradientsOf(step), rate);
  });
  return weights;
}

const bits = (a: Float32Array) => Array.from(new Uint32Array(a.buffer, a.byteOffset, a.length));

describe('the flat optimizer of the data-parallel step', () => {
  beforeAll(initWasmAndCpu);

  it.each([
    ['Adam', { optimizer: 'adam' }],
    ['Adam with a large ε', { optimizer: 'adam', adamEpsilon: 0.1 }],
    ['SGD', { optimizer: 'sgd', momentum: 0 }],
    ['SGD with momentum', { optimizer: 'sgd', momentum: 0.9 }],
    ['RMSProp', { optimizer: 'rmsprop' }],
    ['RMSProp with momentum', { optimizer: 'rmsprop', momentum: 0.5, rmspropEpsilon: 1e-3 }],
  ])('%s gives tfjs’s weights bit for bit on the cpu and wasm backends', async (_, raw) => {
    const flat = bits(flatSteps(raw));
    const moved = bits(randomValues(total, 9)).filter((b, i) => b !== flat[i]).length;
    expect(moved).toBeGreaterThan(total / 2);
    expect(flat).toEqual(bits(await tfjsSteps('cpu', raw)));
    expect(flat).toEqual(bits(await tfjsSteps('wasm', raw)));
  });
});

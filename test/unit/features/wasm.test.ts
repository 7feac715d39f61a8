import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { maximiseChannel } from '../../../trainer/features';
import { initWasmAndCpu } from '../wasmKernels/harness';
import { compiledFeatureNet } from './helpers';

beforeAll(initWasmAndCpu);

/** Maximisation from the same weights on one backend. */
async function maximiseOn(backend: 'wasm' | 'cpu') {
  await tf.setBackend(backend);
  const model = compiledFeatureNet(tf);
  try {
    return await maximiseChannel(tf, model, { layer: 'conv_b', channel: 2, steps: 8, seed: 11 });
  } finally {
    model.dispose();
  }
}

describe('activation maximisation on WebAssembly (the backend the app picks without libtensorflow)', () => {
  it('runs, raises the activation, and agrees with the plain-JavaScript backend', async () => {
    const wasm = await maximiseOn('wasm');
    const cpu = await maximiseOn('cpu');
    expect(wasm.status).toBe('completed');
    expect(wasm.after).toBeGreaterThan(wasm.before);
    expect(Math.abs(wasm.after - cpu.after)).toBeLessThan(1e-3);
  });
});

import { spawnSync } from 'node:child_process';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { simdKernels } from '../../../electron/services/wasmKernels/simdModule';
import { initWasmAndCpu } from './harness';

beforeAll(initWasmAndCpu);

describe("Netwright's SIMD kernel module", () => {
  it('is compiled from the current AssemblyScript sources (npm run build:kernels)', () => {
    const check = spawnSync(process.execPath, ['scripts/build-wasm-kernels.mjs', '--check'], { encoding: 'utf8' });
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
  });

  it('runs inside the wasm backend, one instance per backend', async () => {
    await tf.setBackend('wasm');
    const kernels = simdKernels(tf.backend());
    expect(typeof kernels.conv2dFilterGrad).toBe('function');
    expect(typeof kernels.maxPoolGrad).toBe('function');
    expect(simdKernels(tf.backend())).toBe(kernels);
  });

  it('says what is missing when a backend does not expose its wasm memory', () => {
    expect(() => simdKernels({})).toThrow(/cannot reach tfjs-backend-wasm's memory.*NETWRIGHT_BACKEND=cpu/);
  });
});

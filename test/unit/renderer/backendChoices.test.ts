import { describe, expect, it } from 'vitest';
import { automaticBackend, backendChoices } from '../../../renderer/training/backendChoices';
import type { GpuBackendCheck } from '../../../renderer/training/gpu/availability';
import type { BackendReport } from '../../../shared/api';

const wasmChosen: BackendReport = {
  name: 'wasm',
  reason: 'WebAssembly (SIMD)',
  attempts: [
    { name: 'tensorflow-gpu', ok: false, reason: '@tensorflow/tfjs-node-gpu is not installed' },
    { name: 'tensorflow', ok: false, reason: '@tensorflow/tfjs-node is not installed' },
    { name: 'wasm', ok: true, reason: 'WebAssembly (SIMD)' },
  ],
};
const cuda: BackendReport = {
  name: 'tensorflow-gpu',
  reason: 'CUDA',
  attempts: [{ name: 'tensorflow-gpu', ok: true, reason: 'CUDA' }],
};
const hardwareWebgl: GpuBackendCheck = { name: 'webgl', ok: true, reason: 'WebGL: ANGLE (NVIDIA)', software: false };
const softwareWebgl: GpuBackendCheck = { name: 'webgl', ok: true, reason: 'WebGL: SwiftShader', software: true };
const noWebgpu: GpuBackendCheck = { name: 'webgpu', ok: false, reason: 'WebGPU: no adapter' };

describe('backend choices of the training form', () => {
  it('lists every backend in the automatic order, with why each can or cannot be used', () => {
    const choices = backendChoices(wasmChosen, [noWebgpu, hardwareWebgl]);
    expect(choices.map((c) => [c.value, c.ok])).toEqual([
      ['tensorflow-gpu', false],
      ['webgpu', false],
      ['webgl', true],
      ['tensorflow', false],
      ['wasm', true],
      ['cpu', true],
    ]);
    expect(choices.find((c) => c.value === 'cpu')!.reason).toBe(
      'not tried at start (wasm was chosen first); a run tries it.',
    );
    expect(choices.find((c) => c.value === 'webgpu')!.reason).toBe('WebGPU: no adapter');
  });

  it('automatic: CUDA first, then a real GPU of the browser engine, never an emulated one', () => {
    expect(automaticBackend(cuda, [noWebgpu, hardwareWebgl])).toBe('tensorflow-gpu');
    expect(automaticBackend(wasmChosen, [noWebgpu, hardwareWebgl])).toBe('webgl');
    expect(automaticBackend(wasmChosen, [noWebgpu, softwareWebgl])).toBe('wasm');
    expect(automaticBackend(undefined, [hardwareWebgl])).toBeNull();
  });
});

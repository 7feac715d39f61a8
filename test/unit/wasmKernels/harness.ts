import * as tf from '@tensorflow/tfjs';
import { defaultCandidates } from '../../../electron/services/tfjs';

/**
 * Loads wasm the way the app does (the wasm candidate's `load`, which registers
 * our kernels) and initialises both backends the tests compare.
 */
export async function initWasmAndCpu(): Promise<void> {
  await defaultCandidates()
    .find((c) => c.name === 'wasm')!
    .load();
  if (!(await tf.setBackend('wasm'))) throw new Error('wasm backend did not initialise');
  await tf.setBackend('cpu');
}

/**
 * Runs `compute` on one backend and returns its result as plain numbers. The
 * tensors it makes are freed by `tidy`; the data is read outside it (reading
 * inside tidy is very slow on wasm).
 */
export async function valuesOn(backend: 'wasm' | 'cpu', compute: () => tf.Tensor): Promise<Float32Array> {
  await tf.setBackend(backend);
  const result = tf.tidy(compute);
  const values = result.dataSync() as Float32Array;
  result.dispose();
  return values;
}

/** Live tensors and the current backend's live data buffers: both must come back to where they were. */
export function liveCounts(): { tensors: number; data: number } {
  return { tensors: tf.memory().numTensors, data: tf.backend().numDataIds() };
}

/**
 * max |actual − expected| / max |expected|: relative to the output's scale,
 * since elementwise ratios are meaningless for sums that cancel to near zero.
 */
export function relativeError(actual: Float32Array, expected: Float32Array): number {
  if (actual.length !== expected.length) return Number.POSITIVE_INFINITY;
  let diff = 0;
  let scale = 0;
  for (let i = 0; i < expected.length; i++) {
    diff = Math.max(diff, Math.abs(actual[i]! - expected[i]!));
    scale = Math.max(scale, Math.abs(expected[i]!));
  }
  return scale === 0 ? diff : diff / scale;
}

/** Deterministic values in [−1, 1) (mulberry32), so a failing case replays from its seed. */
export function randomValues(count: number, seed: number): Float32Array {
  let state = seed >>> 0;
  const values = new Float32Array(count);
  for (let i = 0; i < count; i++) {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    values[i] = (((t ^ (t >>> 14)) >>> 0) / 2 ** 32) * 2 - 1;
  }
  return values;
}

export const size = (shape: readonly number[]) => shape.reduce((a, b) => a * b, 1);

/**
 * A dilated filter [kh, kw, …] written out densely as [keffh, keffw, …] with
 * zeros between the taps. The cpu backend's backprop kernels ignore dilations,
 * so the reference for a dilated convolution is the dense one with this filter:
 * same geometry ('same' padding is computed from the effective size), same result.
 */
export function denseFromDilated(
  values: Float32Array,
  shape: readonly number[],
  dh: number,
  dw: number,
): { values: Float32Array; shape: number[] } {
  const [kh, kw, ...rest] = shape as [number, number, ...number[]];
  const inner = size(rest);
  const dense = [(kh - 1) * dh + 1, (kw - 1) * dw + 1, ...rest];
  const out = new Float32Array(size(dense));
  for (let a = 0; a < kh; a++) {
    for (let b = 0; b < kw; b++) {
      const from = (a * kw + b) * inner;
      out.set(values.subarray(from, from + inner), (a * dh * dense[1]! + b * dw) * inner);
    }
  }
  return { values: out, shape: dense };
}

/** The inverse for gradients: the taps of a dense [keffh, keffw, …] gradient that the dilated filter has. */
export function dilatedFromDense(values: Float32Array, shape: readonly number[], dh: number, dw: number): Float32Array {
  const [kh, kw, ...rest] = shape as [number, number, ...number[]];
  const inner = size(rest);
  const denseWidth = (kw - 1) * dw + 1;
  const out = new Float32Array(size(shape));
  for (let a = 0; a < kh; a++) {
    for (let b = 0; b < kw; b++) {
      const from = (a * dh * denseWidth + b * dw) * inner;
      out.set(values.subarray(from, from + inner), (a * kw + b) * inner);
    }
  }
  return out;
}

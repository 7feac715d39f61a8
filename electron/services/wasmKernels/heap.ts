import type * as tfjs from '@tensorflow/tfjs';

/** The parts of tfjs's wasm backend a kernel working directly on the wasm heap needs. */
export type HeapBackend = tfjs.KernelBackend & {
  makeOutput(shape: number[], dtype: tfjs.DataType): tfjs.TensorInfo;
  typedArrayFromHeap(t: tfjs.TensorInfo): Float32Array | Int32Array | Uint8Array;
};

export type Heap = Float32Array | Int32Array | Uint8Array;

/** Shape [n, h, w, c] of an NHWC tensor, named. */
export function nhwc(shape: readonly number[]): { n: number; h: number; w: number; c: number } {
  const [n, h, w, c] = shape as [number, number, number, number];
  return { n, h, w, c };
}

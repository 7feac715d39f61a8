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

/** A view of the whole wasm heap `a` lies in, and the index of `a`'s first element in it. */
export function wholeHeap<T extends Heap>(a: T): { heap: T; base: number } {
  const heap = new (a.constructor as new (buffer: ArrayBufferLike) => T)(a.buffer);
  return { heap, base: a.byteOffset / a.BYTES_PER_ELEMENT };
}

/** Runs shorter than this are copied element by element: one copyWithin call costs more (measured crossover ≈ 12). */
const MEMMOVE_FROM = 16;

/** Copies `length` elements from `from` to `to` within one heap view, without allocating a view per run. */
export function moveRun(heap: Heap, to: number, from: number, length: number): void {
  if (length >= MEMMOVE_FROM) heap.copyWithin(to, from, from + length);
  else for (let e = 0; e < length; e++) heap[to + e] = heap[from + e]!;
}

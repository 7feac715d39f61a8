import type * as tfjs from '@tensorflow/tfjs';
import type { Heap, HeapBackend } from './heap';
import type { Tf } from './kernelScope';

/**
 * Tile as block copies inside the wasm heap. wasm's own Tile computes every
 * output element's source index in C++, about 30 ns an element; batch norm's
 * gradient (tfjs-core) tiles [1, 1, 1, C] statistics to the full activation
 * shape several times per layer, which made Tile the largest single cost of a
 * training step of the small Inception net. Here x's rows are placed once and
 * then each axis, innermost first, is repeated by doubling `copyWithin`, so the
 * work is a few memmoves. Strings (not in wasm memory) go to wasm's own kernel.
 */
export function tile(_tf: Tf, wasmOwn: tfjs.KernelConfig | undefined): tfjs.KernelFunc {
  return (args) => {
    const { inputs, attrs } = args;
    const backend = args.backend as HeapBackend;
    const x = inputs.x as tfjs.TensorInfo;
    const reps = (attrs as { reps: number[] }).reps;
    if (x.dtype === 'string') {
      if (!wasmOwn) throw new Error('Tile of strings is not supported on wasm');
      return wasmOwn.kernelFunc(args);
    }
    const shape = x.shape;
    const outShape = shape.map((d, i) => d * reps[i]!);
    const out = backend.makeOutput(outShape, x.dtype);
    const outSize = outShape.reduce((a, b) => a * b, 1);
    if (outSize === 0) return out;
    const src = backend.typedArrayFromHeap(x);
    const dst = backend.typedArrayFromHeap(out);
    if (shape.length === 0) {
      dst.set(src);
      return out;
    }
    const rank = shape.length;
    const outStrides = new Array<number>(rank);
    outStrides[rank - 1] = 1;
    for (let k = rank - 2; k >= 0; k--) outStrides[k] = outStrides[k + 1]! * outShape[k + 1]!;
    placeRows(src, dst, shape, outStrides);
    for (let k = rank - 1; k >= 0; k--) {
      if (reps[k] === 1) continue;
      repeatAxis(dst, shape, outStrides, k, reps[k]!);
    }
    return out;
  };
}

/** Each innermost row of x to where the first tile puts it. */
function placeRows(src: Heap, dst: Heap, shape: readonly number[], outStrides: readonly number[]) {
  const rank = shape.length;
  const rowLength = shape[rank - 1]!;
  const rows = src.length / rowLength;
  const index = new Array<number>(rank - 1).fill(0);
  for (let row = 0; row < rows; row++) {
    let offset = 0;
    for (let k = 0; k < rank - 1; k++) offset += index[k]! * outStrides[k]!;
    dst.set(src.subarray(row * rowLength, (row + 1) * rowLength), offset);
    for (let k = rank - 2; k >= 0; k--) {
      if (++index[k]! < shape[k]!) break;
      index[k] = 0;
    }
  }
}

/**
 * Axis k: axes after k are already expanded, axes before it not yet, so for
 * every index of the axes before k the first tile along k (shape[k] slabs) is
 * complete and is copied `times − 1` times after itself.
 */
function repeatAxis(dst: Heap, shape: readonly number[], outStrides: readonly number[], k: number, times: number) {
  const block = shape[k]! * outStrides[k]!;
  const total = block * times;
  const index = new Array<number>(k).fill(0);
  const outer = shape.slice(0, k).reduce((a, b) => a * b, 1);
  for (let o = 0; o < outer; o++) {
    let base = 0;
    for (let j = 0; j < k; j++) base += index[j]! * outStrides[j]!;
    for (let filled = block; filled < total; ) {
      const n = Math.min(filled, total - filled);
      dst.copyWithin(base + filled, base, base + n);
      filled += n;
    }
    for (let j = k - 1; j >= 0; j--) {
      if (++index[j]! < shape[j]!) break;
      index[j] = 0;
    }
  }
}

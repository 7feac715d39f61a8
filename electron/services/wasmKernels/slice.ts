import type * as tfjs from '@tensorflow/tfjs';
import { type Heap, type HeapBackend, moveRun, wholeHeap } from './heap';
import type { Tf } from './kernelScope';

/**
 * Copies the box `begin`…`begin + size` of `src` (shape `shape`) into `dst`, row-major.
 * Trailing axes taken whole merge into one contiguous run, so a channel slice of
 * an NHWC tensor is one short run per pixel. wasm's own Slice makes a typed-array
 * view per run (an allocation each), which cost 45 ms to split one 32×32×32×72
 * concat gradient; here runs are copied inside the heap without allocating.
 */
function copyBox(src: Heap, shape: readonly number[], begin: readonly number[], size: readonly number[], dst: Heap) {
  const rank = shape.length;
  const strides = new Array<number>(rank);
  let stride = 1;
  for (let k = rank - 1; k >= 0; k--) {
    strides[k] = stride;
    stride *= shape[k]!;
  }
  let run = 1;
  let k = rank - 1;
  for (; k >= 0; k--) {
    run *= size[k]!;
    if (size[k] !== shape[k]) break;
  }
  const outerAxes = Math.max(k, 0);
  const inner = k >= 0 ? begin[k]! * strides[k]! : 0;
  const rows = size.slice(0, outerAxes).reduce((a, b) => a * b, 1);
  if (run === 0 || rows === 0) return;
  const { heap, base: srcBase } = wholeHeap(src);
  const dstBase = wholeHeap(dst).base;
  const index = new Array<number>(outerAxes).fill(0);
  for (let row = 0, to = 0; row < rows; row++, to += run) {
    let from = inner;
    for (let j = 0; j < outerAxes; j++) from += (begin[j]! + index[j]!) * strides[j]!;
    moveRun(heap, dstBase + to, srcBase + from, run);
    for (let j = outerAxes - 1; j >= 0; j--) {
      if (++index[j]! < size[j]!) break;
      index[j] = 0;
    }
  }
}

function sliceInfo(
  backend: HeapBackend,
  x: tfjs.TensorInfo,
  begin: readonly number[],
  size: readonly number[],
): tfjs.TensorInfo {
  const out = backend.makeOutput([...size], x.dtype);
  copyBox(backend.typedArrayFromHeap(x), x.shape, begin, size, backend.typedArrayFromHeap(out));
  return out;
}

/** Slice within the wasm heap; strings (not in wasm memory) go to wasm's own kernel. */
export function slice(tf: Tf, wasmOwn: tfjs.KernelConfig | undefined): tfjs.KernelFunc {
  return (args) => {
    const x = args.inputs.x as tfjs.TensorInfo;
    if (x.dtype === 'string') return fallback(wasmOwn, 'Slice', args);
    const { begin, size } = args.attrs as unknown as { begin: number | number[]; size?: number | number[] };
    const [b, s] = tf.slice_util.parseSliceParams(x as tfjs.Tensor, begin, size);
    return sliceInfo(args.backend as HeapBackend, x, b, s);
  };
}

/** SplitV (the gradient of Concatenate) as one heap slice per piece. */
export function splitV(tf: Tf, wasmOwn: tfjs.KernelConfig | undefined): tfjs.KernelFunc {
  return (args) => {
    const x = args.inputs.x as tfjs.TensorInfo;
    if (x.dtype === 'string') return fallback(wasmOwn, 'SplitV', args);
    const { numOrSizeSplits, axis } = args.attrs as unknown as { numOrSizeSplits: number | number[]; axis: number };
    const along = tf.util.parseAxisParam(axis, x.shape)[0]!;
    const sizes = tf.backend_util.prepareSplitSize(x as tfjs.Tensor, numOrSizeSplits, along);
    const begin = new Array<number>(x.shape.length).fill(0);
    return sizes.map((s) => {
      const size = [...x.shape];
      size[along] = s;
      const piece = sliceInfo(args.backend as HeapBackend, x, begin, size);
      begin[along]! += s;
      return piece;
    });
  };
}

function fallback(wasmOwn: tfjs.KernelConfig | undefined, name: string, args: Parameters<tfjs.KernelFunc>[0]) {
  if (!wasmOwn) throw new Error(`${name} of strings is not supported on wasm`);
  return wasmOwn.kernelFunc(args);
}

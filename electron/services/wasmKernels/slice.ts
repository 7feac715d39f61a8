import type * as tfjs from '@tensorflow/tfjs';
import type { HeapBackend } from './heap';
import type { Tf } from './kernelScope';
import { heapLocation, simdKernels } from './simdModule';

/**
 * Copies the box `begin`…`begin + size` of a tensor of shape `shape` at `src`
 * into `dst`, row-major, with our copyRuns kernel. Trailing axes taken whole
 * merge into one contiguous run, so a channel slice of an NHWC tensor is one
 * short run per pixel; the outer axes below the last partial one merge into one
 * evenly spaced sequence of runs, so that slice is a single kernel call.
 * wasm's own Slice makes a typed-array view per run (an allocation each): 45 ms
 * to split one 32×32×32×72 concat gradient; JavaScript copies within the heap 12 ms.
 */
function copyBox(
  backend: object,
  shape: readonly number[],
  begin: readonly number[],
  size: readonly number[],
  src: number,
  dst: number,
  bytes: number,
) {
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
  const { copyRuns } = simdKernels(backend);
  if (outerAxes === 0) {
    copyRuns(src + inner * bytes, 0, dst, 0, 1, run * bytes);
    return;
  }
  // Outer axes m … outerAxes−1, all but m taken whole, are `count` runs spaced by the innermost one's stride.
  let m = outerAxes - 1;
  let count = size[m]!;
  while (m > 0 && size[m] === shape[m]) {
    m--;
    count *= size[m]!;
  }
  const spacing = strides[outerAxes - 1]! * bytes;
  const index = new Array<number>(m).fill(0);
  for (let to = 0; to < rows * run; to += count * run) {
    let from = inner + begin[m]! * strides[m]!;
    for (let j = 0; j < m; j++) from += (begin[j]! + index[j]!) * strides[j]!;
    copyRuns(src + from * bytes, spacing, dst + to * bytes, run * bytes, count, run * bytes);
    for (let j = m - 1; j >= 0; j--) {
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
  const from = heapLocation(backend, x);
  copyBox(backend, x.shape, begin, size, from.address, heapLocation(backend, out).address, from.elementBytes);
  return out;
}

/** Slice within the wasm heap; strings (not in wasm memory) go to wasm's own kernel. */
export function slice(tf: Tf, wasmOwn: tfjs.KernelConfig | undefined): tfjs.KernelFunc {
  return (args) => {
    const x = args.inputs.x as tfjs.TensorInfo;
    if (x.dtype === 'string') return fallback(wasmOwn, 'Slice', args);
    const { begin, size } = args.attrs as unknown as { begin: number | number[]; size?: number | number[] };
    const [b, s] = tf.slice_util.parseSliceParams(x as tfjs.Tensor, begin, size);
    // parseSliceParams always returns [begin, size]; its type is a plain array.
    return sliceInfo(args.backend as HeapBackend, x, b!, s!);
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

/**
 * Concat as one copyRuns call per input: each input is `outer` runs of its own
 * `inner` elements, written `total` elements apart in the output. wasm's own
 * kernel copies with a typed-array view per run (10 ms for the three concats
 * of one training step of the small Inception net).
 */
export function concat(tf: Tf, wasmOwn: tfjs.KernelConfig | undefined): tfjs.KernelFunc {
  return (args) => {
    const inputs = args.inputs as unknown as tfjs.TensorInfo[];
    const dtype = inputs[0]?.dtype;
    if (!dtype || dtype === 'string' || dtype === 'complex64' || inputs.some((t) => t.dtype !== dtype)) {
      return fallback(wasmOwn, 'Concat', args);
    }
    const backend = args.backend as HeapBackend;
    const along = tf.util.parseAxisParam((args.attrs as unknown as { axis: number }).axis, inputs[0]!.shape)[0]!;
    const shapes = inputs.map((t) => t.shape);
    tf.backend_util.assertParamsConsistent(shapes, along);
    const outShape = tf.backend_util.computeOutShape(shapes, along);
    const out = backend.makeOutput(outShape, dtype);
    const product = (dims: number[]) => dims.reduce((a, b) => a * b, 1);
    const outer = product(outShape.slice(0, along));
    const total = product(outShape.slice(along));
    if (outer === 0 || total === 0) return out;
    const to = heapLocation(backend, out);
    const bytes = to.elementBytes;
    const { copyRuns } = simdKernels(backend);
    let offset = 0;
    for (const t of inputs) {
      const inner = product(t.shape.slice(along));
      if (inner > 0) {
        const from = heapLocation(backend, t).address;
        copyRuns(from, inner * bytes, to.address + offset * bytes, total * bytes, outer, inner * bytes);
      }
      offset += inner;
    }
    return out;
  };
}

/**
 * Identity shares its input's data, as the cpu backend's does (wasm's copies
 * it). The engine clones every tensor it saves for the backward pass through
 * Identity: 148 copies, 13 ms, per training step of the small Inception net.
 * Sharing is safe because no kernel writes into its inputs.
 */
export function identity(_tf: Tf, wasmOwn: tfjs.KernelConfig | undefined): tfjs.KernelFunc {
  return (args) => {
    const x = args.inputs.x as tfjs.TensorInfo;
    if (x.dtype === 'string') return fallback(wasmOwn, 'Identity', args);
    (args.backend as HeapBackend).incRef(x.dataId);
    return { dataId: x.dataId, shape: x.shape, dtype: x.dtype };
  };
}

function fallback(wasmOwn: tfjs.KernelConfig | undefined, name: string, args: Parameters<tfjs.KernelFunc>[0]) {
  if (!wasmOwn) throw new Error(`${name} of this dtype is not supported on wasm`);
  return wasmOwn.kernelFunc(args);
}

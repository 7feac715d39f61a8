import type * as tfjs from '@tensorflow/tfjs';
import { assertShape } from './convInfo';
import { type HeapBackend, nhwc } from './heap';
import type { Tf } from './kernelScope';

interface PoolAttrs {
  filterSize: number | [number, number];
  strides: number | [number, number];
  pad: 'valid' | 'same' | number | tfjs.backend_util.ExplicitPadding;
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
}

/** The input rows (or columns) output row `o` of a pool reads: [from, to), clipped to the tensor. */
function window(o: number, stride: number, pad: number, extent: number, size: number): [number, number] {
  const corner = o * stride - pad;
  return [Math.max(0, corner), Math.min(size, corner + extent)];
}

/**
 * The pool's geometry, checked against dy: the loops below walk dy with the
 * computed output width, so a mismatch would read the wrong elements. It
 * happens when tfjs's pool gradients (tfjs-core MaxPool_grad/AvgPool_grad) drop
 * the forward pass's dimRoundingMode; failing beats a silently wrong gradient.
 */
function poolInfo(tf: Tf, kernelName: string, dy: tfjs.TensorInfo, shape: number[], attrs: PoolAttrs) {
  const { filterSize, strides, pad, dimRoundingMode } = attrs;
  const info = tf.backend_util.computePool2DInfo(
    shape as [number, number, number, number],
    filterSize,
    strides,
    1,
    pad,
    dimRoundingMode,
  );
  assertShape(kernelName, 'dy', dy.shape, info.outShape);
  return info;
}

/**
 * Max pooling's gradient: each output's gradient goes to the first input of its
 * window holding the maximum (row-major scan, as the forward pass and tfjs's cpu
 * backend pick it). wasm's own kernel spent 67 ms on one 32×32×32×72 pool of
 * the small Inception net; this one scans each window once for all channels,
 * with the channel loop innermost over contiguous memory.
 */
export function maxPoolGrad(tf: Tf): tfjs.KernelFunc {
  return ({ inputs, backend, attrs }) => {
    const heap = backend as HeapBackend;
    const { dy, input } = inputs as { dy: tfjs.TensorInfo; input: tfjs.TensorInfo };
    const info = poolInfo(tf, 'MaxPoolGrad', dy, input.shape, attrs as unknown as PoolAttrs);
    const { n, h, w, c } = nhwc(input.shape);
    const dx = heap.makeOutput(input.shape, 'float32');
    const x = heap.typedArrayFromHeap(input);
    const g = heap.typedArrayFromHeap(dy);
    const out = heap.typedArrayFromHeap(dx);
    out.fill(0);
    const best = new Float32Array(c);
    const at = new Int32Array(c);
    let o = 0;
    for (let b = 0; b < n; b++) {
      for (let i = 0; i < info.outHeight; i++) {
        const [r0, r1] = window(i, info.strideHeight, info.padInfo.top, info.effectiveFilterHeight, h);
        for (let j = 0; j < info.outWidth; j++, o += c) {
          const [c0, c1] = window(j, info.strideWidth, info.padInfo.left, info.effectiveFilterWidth, w);
          best.fill(Number.NEGATIVE_INFINITY);
          at.fill(-1);
          for (let r = r0; r < r1; r++) {
            for (let col = c0; col < c1; col++) {
              const p = ((b * h + r) * w + col) * c;
              for (let d = 0; d < c; d++) {
                const v = x[p + d]!;
                if (v > best[d]! || at[d] === -1) {
                  best[d] = v;
                  at[d] = p + d;
                }
              }
            }
          }
          for (let d = 0; d < c; d++) if (at[d]! >= 0) out[at[d]!] += g[o + d]!;
        }
      }
    }
    return dx;
  };
}

/**
 * Average pooling's gradient, consistent with the forward pass: an output
 * averaged over the `count` real inputs of its window (padding excluded, as in
 * TensorFlow and in tfjs's own forward kernel) gives each of them 1/count of its
 * gradient. tfjs's cpu and wasm gradients divide by the full window size instead,
 * which is wrong at 'same'-padded borders; TensorFlow divides by the count.
 */
export function avgPoolGrad(tf: Tf): tfjs.KernelFunc {
  return ({ inputs, backend, attrs }) => {
    const heap = backend as HeapBackend;
    const { dy, input } = inputs as { dy: tfjs.TensorInfo; input: tfjs.TensorInfo };
    const info = poolInfo(tf, 'AvgPoolGrad', dy, input.shape, attrs as unknown as PoolAttrs);
    const { n, h, w, c } = nhwc(input.shape);
    const dx = heap.makeOutput(input.shape, 'float32');
    const g = heap.typedArrayFromHeap(dy);
    const out = heap.typedArrayFromHeap(dx);
    out.fill(0);
    const share = new Float32Array(c);
    let o = 0;
    for (let b = 0; b < n; b++) {
      for (let i = 0; i < info.outHeight; i++) {
        const [r0, r1] = window(i, info.strideHeight, info.padInfo.top, info.effectiveFilterHeight, h);
        for (let j = 0; j < info.outWidth; j++, o += c) {
          const [c0, c1] = window(j, info.strideWidth, info.padInfo.left, info.effectiveFilterWidth, w);
          const count = (r1 - r0) * (c1 - c0);
          if (count <= 0) continue;
          for (let d = 0; d < c; d++) share[d] = g[o + d]! / count;
          for (let r = r0; r < r1; r++) {
            for (let col = c0; col < c1; col++) {
              const p = ((b * h + r) * w + col) * c;
              for (let d = 0; d < c; d++) out[p + d] += share[d]!;
            }
          }
        }
      }
    }
    return dx;
  };
}

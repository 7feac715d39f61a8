import type * as tfjs from '@tensorflow/tfjs';
import { assertShape } from './convInfo';
import { type HeapBackend, nhwc } from './heap';
import { type Info, type Tf, withScope } from './kernelScope';
import { heapAddress, simdKernels } from './simdModule';

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
 * backend pick it), by our SIMD kernel (assembly/maxPoolGrad.ts), four channels
 * at a time. wasm's own kernel spent 67 ms on one 32×32×32×72 pool of the small
 * Inception net, a plain JavaScript loop 35 ms, ours 2 ms. The forward output
 * tfjs passes along is not needed.
 */
export function maxPoolGrad(tf: Tf): tfjs.KernelFunc {
  return ({ inputs, backend, attrs }) => {
    const { dy, input } = inputs as { dy: Info; input: Info };
    const info = poolInfo(tf, 'MaxPoolGrad', dy, input.shape, attrs as unknown as PoolAttrs);
    const kernels = simdKernels(backend);
    const heap = backend as HeapBackend;
    const { n, h, w, c } = nhwc(input.shape);
    const dx = heap.makeOutput(input.shape, 'float32');
    kernels.maxPoolGrad(
      heapAddress(heap, input),
      heapAddress(heap, dy),
      heapAddress(heap, dx),
      n,
      h,
      w,
      c,
      info.outHeight,
      info.outWidth,
      info.strideHeight,
      info.strideWidth,
      info.effectiveFilterHeight,
      info.effectiveFilterWidth,
      info.padInfo.top,
      info.padInfo.left,
    );
    return dx;
  };
}

/**
 * Average pooling's gradient, consistent with the forward pass: an output
 * averaged over the `count` real inputs of its window (padding excluded, as in
 * TensorFlow and in tfjs's own forward kernel) gives each of them 1/count of its
 * gradient. tfjs's cpu and wasm gradients divide by the full window size instead,
 * which is wrong at 'same'-padded borders; TensorFlow divides by the count.
 *
 * Once each output's gradient is divided by its count, spreading it over its
 * window is the input gradient of a depthwise convolution with a filter of ones,
 * our SIMD kernel: ~4 ms for a 3×3 pool of 32×32×32×32 against 23 ms in plain
 * JavaScript loops.
 */
export function avgPoolGrad(tf: Tf): tfjs.KernelFunc {
  return ({ inputs, backend, attrs }) =>
    withScope(tf, backend, (k) => {
      const { dy, input } = inputs as { dy: Info; input: Info };
      const info = poolInfo(tf, 'AvgPoolGrad', dy, input.shape, attrs as unknown as PoolAttrs);
      const { h, w, c } = nhwc(input.shape);
      const { top, bottom, left, right } = info.padInfo;
      const shared = k.onHeap(dy.shape, [dy], (out, g) => {
        let o = 0;
        for (let b = 0; b < info.batchSize; b++) {
          for (let i = 0; i < info.outHeight; i++) {
            const [r0, r1] = window(i, info.strideHeight, top, info.effectiveFilterHeight, h);
            for (let j = 0; j < info.outWidth; j++, o += c) {
              const [c0, c1] = window(j, info.strideWidth, left, info.effectiveFilterWidth, w);
              const count = (r1 - r0) * (c1 - c0);
              // A window of padding only averages nothing: its output is NaN and passes no gradient.
              const share = count > 0 ? 1 / count : 0;
              for (let d = 0; d < c; d++) out[o + d] = g[o + d]! * share;
            }
          }
        }
      });
      const ones = k.run(
        'Fill',
        {},
        { shape: [info.filterHeight, info.filterWidth, c, 1], value: 1, dtype: 'float32' },
      );
      return k.run(
        'DepthwiseConv2dNativeBackpropInput',
        { dy: shared, filter: ones },
        {
          strides: [info.strideHeight, info.strideWidth],
          pad: [
            [0, 0],
            [top, bottom],
            [left, right],
            [0, 0],
          ],
          dilations: [1, 1],
          inputShape: input.shape,
          dataFormat: 'NHWC',
        },
      );
    });
}

import type * as tfjs from '@tensorflow/tfjs';
import { assertShape, type BackpropAttrs, forwardConvInfo, runTapKernel } from './convInfo';
import type { HeapBackend } from './heap';
import { type Info, type Tf, withScope } from './kernelScope';
import { heapAddress, type SimdKernels } from './simdModule';

const NAME = 'Conv2DBackpropInput';

/**
 * dx, the "transposed convolution" of dy, by our SIMD kernel (assembly/conv2d.ts):
 * each filter tap adds dy times that tap's [co, ci] matrix into the dx positions
 * it reads, for any stride, dilation and padding. wasm's own kernel is a naive
 * loop (10–30× slower); XNNPACK convolutions of a zero-spread dy, or one per
 * stride phase, were 25–40% slower and needed the filter flipped and the phases
 * interleaved.
 */
export function conv2dBackpropInput(tf: Tf): tfjs.KernelFunc {
  return ({ inputs, backend, attrs }) =>
    withScope(tf, backend, (k) => {
      const { dy, filter } = inputs as { dy: Info; filter: Info };
      const a = attrs as unknown as BackpropAttrs & { inputShape: number[] };
      const info = forwardConvInfo(tf, NAME, a.inputShape, filter.shape, a, false);
      assertShape(NAME, 'dy', dy.shape, info.outShape);
      // Vectors run along ci, or along co when ci is too narrow for them (an image's 1 or 3 channels).
      const narrow = info.inChannels < 4;
      const scratch = narrow ? 0 : heapAddress(backend as HeapBackend, k.allocate(filter.shape));
      const inputGrad = (s: SimdKernels) => (d: number, f: number, out: number, geometry: number) =>
        s.conv2dInputGrad(d, f, out, geometry, scratch, narrow);
      return runTapKernel(k, info, info.inShape, dy, filter, inputGrad);
    });
}

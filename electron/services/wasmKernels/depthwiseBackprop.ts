import type * as tfjs from '@tensorflow/tfjs';
import { assertShape, type BackpropAttrs, convGeometry, forwardConvInfo } from './convInfo';
import type { HeapBackend } from './heap';
import { type Info, type Tf, withScope } from './kernelScope';
import { heapAddress, simdKernels } from './simdModule';

const FILTER = 'DepthwiseConv2dNativeBackpropFilter';
const INPUT = 'DepthwiseConv2dNativeBackpropInput';

/**
 * The depthwise convolution's gradients (filter [kh, kw, c, m], dy [n, oh, ow, c·m]) by
 * our SIMD kernels (assembly/conv2d.ts): the dense gradients' tap loop, where input
 * channel c meets output channels c·m … c·m + m − 1 only. wasm has neither kernel.
 * Average pooling's gradient runs through the input one (pool2dGrad.ts).
 */
export function depthwiseBackpropFilter(tf: Tf): tfjs.KernelFunc {
  return ({ inputs, backend, attrs }) =>
    withScope(tf, backend, (k) => {
      const { x, dy } = inputs as { x: Info; dy: Info };
      const a = attrs as unknown as BackpropAttrs & { filterShape: number[] };
      const info = forwardConvInfo(tf, FILTER, x.shape, a.filterShape, a, true);
      assertShape(FILTER, 'dy', dy.shape, info.outShape);
      const kernels = simdKernels(backend);
      const heap = backend as HeapBackend;
      const dw = k.allocate(a.filterShape);
      const geometry = convGeometry(k, info);
      kernels.depthwiseFilterGrad(
        heapAddress(heap, x),
        heapAddress(heap, dy),
        heapAddress(heap, dw),
        heapAddress(heap, geometry),
      );
      return dw;
    });
}

export function depthwiseBackpropInput(tf: Tf): tfjs.KernelFunc {
  return ({ inputs, backend, attrs }) =>
    withScope(tf, backend, (k) => {
      const { dy, filter } = inputs as { dy: Info; filter: Info };
      const a = attrs as unknown as BackpropAttrs & { inputShape: number[] };
      const info = forwardConvInfo(tf, INPUT, a.inputShape, filter.shape, a, true);
      assertShape(INPUT, 'dy', dy.shape, info.outShape);
      const kernels = simdKernels(backend);
      const heap = backend as HeapBackend;
      const dx = k.allocate(info.inShape);
      const geometry = convGeometry(k, info);
      kernels.depthwiseInputGrad(
        heapAddress(heap, dy),
        heapAddress(heap, filter),
        heapAddress(heap, dx),
        heapAddress(heap, geometry),
      );
      return dx;
    });
}

import type * as tfjs from '@tensorflow/tfjs';
import { assertShape, type BackpropAttrs, forwardConvInfo, runTapKernel } from './convInfo';
import { type Info, type Tf, withScope } from './kernelScope';

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
      return runTapKernel(k, info, a.filterShape, x, dy, (s) => s.depthwiseFilterGrad);
    });
}

export function depthwiseBackpropInput(tf: Tf): tfjs.KernelFunc {
  return ({ inputs, backend, attrs }) =>
    withScope(tf, backend, (k) => {
      const { dy, filter } = inputs as { dy: Info; filter: Info };
      const a = attrs as unknown as BackpropAttrs & { inputShape: number[] };
      const info = forwardConvInfo(tf, INPUT, a.inputShape, filter.shape, a, true);
      assertShape(INPUT, 'dy', dy.shape, info.outShape);
      return runTapKernel(k, info, info.inShape, dy, filter, (s) => s.depthwiseInputGrad);
    });
}

import type * as tfjs from '@tensorflow/tfjs';
import { assertShape, type BackpropAttrs, forwardConvInfo, runTapKernel } from './convInfo';
import { type Info, type Tf, withScope } from './kernelScope';

const NAME = 'Conv2DBackpropFilter';

/**
 * dW[a,b,ci,co] = Σ_{n,i,j} x[n, i·sh + a·dh − pt, j·sw + b·dw − pl, ci] · dy[n,i,j,co],
 * computed in one pass by our SIMD kernel (assembly/conv2d.ts) on the tensors
 * where they lie. It replaced a formulation as an XNNPACK convolution with dy as
 * the filter, which packed dy anew on every call and needed three transposes:
 * 2–4× slower per layer.
 */
export function conv2dBackpropFilter(tf: Tf): tfjs.KernelFunc {
  return ({ inputs, backend, attrs }) =>
    withScope(tf, backend, (k) => {
      const { x, dy } = inputs as { x: Info; dy: Info };
      const a = attrs as unknown as BackpropAttrs & { filterShape: number[] };
      const info = forwardConvInfo(tf, NAME, x.shape, a.filterShape, a, false);
      assertShape(NAME, 'dy', dy.shape, info.outShape);
      return runTapKernel(k, info, a.filterShape, x, dy, (s) => s.conv2dFilterGrad);
    });
}

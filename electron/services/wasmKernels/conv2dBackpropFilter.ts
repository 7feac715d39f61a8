import type * as tfjs from '@tensorflow/tfjs';
import { assertShape, type BackpropAttrs, forwardConvInfo } from './convInfo';
import { filterGradWindow } from './geometry';
import { type Info, type KernelScope, type Pads4D, type Tf, withScope } from './kernelScope';

const NAME = 'Conv2DBackpropFilter';

/**
 * dW[a,b,ci,co] = Σ_{n,i,j} x[n, i·sh + a·dh − pt, j·sw + b·dw − pl, ci] · dy[n,i,j,co]
 * is itself a forward convolution, which wasm runs in XNNPACK: the input is x
 * with batch and channels swapped ([ci, H, W, n]: ci plays the batch, n the
 * channels being summed), the filter is dy as [oh, ow, n, co], the stride is the
 * forward dilation and the dilation the forward stride. Its output
 * [ci, kh, kw, co] is transposed to [kh, kw, ci, co]. Rows the forward pass
 * never read are cropped and missing ones padded (see filterGradWindow), so the
 * output is exactly kh × kw.
 */
export function conv2dBackpropFilter(tf: Tf): tfjs.KernelFunc {
  return ({ inputs, backend, attrs }) =>
    withScope(tf, backend, (k) => {
      const { x, dy } = inputs as { x: Info; dy: Info };
      const a = attrs as unknown as BackpropAttrs & { filterShape: number[] };
      const info = forwardConvInfo(tf, NAME, x.shape, a.filterShape, a, false);
      assertShape(NAME, 'dy', dy.shape, info.outShape);
      const { filterHeight: kh, filterWidth: kw, inChannels: ci, outChannels: co } = info;
      const rows = filterGradWindow(kh, info.outHeight, info.strideHeight, info.dilationHeight, info.padInfo.top);
      const cols = filterGradWindow(kw, info.outWidth, info.strideWidth, info.dilationWidth, info.padInfo.left);
      const cropped = k.cropSpatial(x, rows, cols);
      if (!cropped) return k.zeros([kh, kw, ci, co]);
      if (kh === 1 && kw === 1 && info.strideHeight === 1 && info.strideWidth === 1 && unpadded(cropped.pads)) {
        return k.view(pointwiseFilterGrad(k, cropped.x, dy), [1, 1, ci, co]);
      }
      const grad = k.run(
        'Conv2D',
        { x: k.transpose(cropped.x, [3, 1, 2, 0]), filter: k.transpose(dy, [1, 2, 0, 3]) },
        {
          strides: [info.dilationHeight, info.dilationWidth],
          dilations: [info.strideHeight, info.strideWidth],
          pad: cropped.pads,
          dataFormat: 'NHWC',
        },
      );
      assertShape(NAME, 'the gradient convolution', grad.shape, [ci, kh, kw, co]);
      return k.transpose(grad, [1, 2, 0, 3]);
    });
}

const unpadded = (pads: Pads4D) => pads.every(([before, after]) => before === 0 && after === 0);

/**
 * A 1×1 stride-1 convolution's filter gradient is one matrix product over all
 * P = n·H·W positions, dW = xᵀ·dy. As a convolution its "filter" would be all of
 * dy (H·W taps of only n channels each), which XNNPACK handles several times
 * slower than this plain GEMM. BatchMatMul leaves XNNPACK when told to transpose
 * an operand, so the smaller of x and dy is transposed explicitly first
 * (and the tiny [co, ci] result afterwards, if it was dy).
 */
function pointwiseFilterGrad(k: KernelScope, x: Info, dy: Info): Info {
  const ci = x.shape[3]!;
  const co = dy.shape[3]!;
  const positions = x.shape[0]! * x.shape[1]! * x.shape[2]!;
  const matmul = (a: Info, b: Info) => k.run('BatchMatMul', { a, b }, { transposeA: false, transposeB: false });
  if (ci <= co) {
    const xT = k.transpose(k.view(x, [1, positions, ci]), [0, 2, 1]);
    return matmul(xT, k.view(dy, [1, positions, co]));
  }
  const dyT = k.transpose(k.view(dy, [1, positions, co]), [0, 2, 1]);
  const dwT = matmul(dyT, k.view(x, [1, positions, ci]));
  return k.transpose(k.view(dwT, [co, ci]), [1, 0]);
}

import type * as tfjs from '@tensorflow/tfjs';
import { assertShape, type BackpropAttrs, forwardConvInfo } from './convInfo';
import { inputGradWindow } from './geometry';
import { inputGradByPhases } from './inputGradPhases';
import { type Info, type Tf, withScope } from './kernelScope';

const NAME = 'Conv2DBackpropInput';

/**
 * dx is the "transposed convolution" of dy. Instead of wasm's naive loop it runs
 * on XNNPACK convolutions. With a stride > 1 (and dilation 1, which tfjs's ops
 * always pair with it) as one stride-1 convolution per output phase, see
 * inputGradByPhases. Otherwise as one convolution: dy spread onto the stride
 * grid (zeros between rows and columns; none at stride 1), then a stride-1
 * convolution with the filter flipped in both spatial axes and its channel axes
 * swapped ([kh, kw, co, ci]), dilated like the forward filter. The window of the
 * spread dy to read (padding or crop) follows from the forward padding, see
 * inputGradWindow.
 */
export function conv2dBackpropInput(tf: Tf): tfjs.KernelFunc {
  return ({ inputs, backend, attrs }) =>
    withScope(tf, backend, (k) => {
      const { dy, filter } = inputs as { dy: Info; filter: Info };
      const a = attrs as unknown as BackpropAttrs & { inputShape: number[] };
      const info = forwardConvInfo(tf, NAME, a.inputShape, filter.shape, a, false);
      assertShape(NAME, 'dy', dy.shape, info.outShape);
      const strided = info.strideHeight > 1 || info.strideWidth > 1;
      if (strided && info.dilationHeight === 1 && info.dilationWidth === 1) {
        const dx = inputGradByPhases(k, dy, filter, info);
        assertShape(NAME, 'the interleaved phases', dx.shape, info.inShape);
        return dx;
      }
      const spread = k.insertZeros(dy, info.strideHeight, info.strideWidth);
      const rows = inputGradWindow(info.filterHeight, info.inHeight, info.dilationHeight, info.padInfo.top);
      const cols = inputGradWindow(info.filterWidth, info.inWidth, info.dilationWidth, info.padInfo.left);
      const cropped = k.cropSpatial(spread, rows, cols);
      if (!cropped) return k.zeros(info.inShape);
      const flipped = k.run('Reverse', { x: filter }, { dims: [0, 1] });
      const dx = k.run(
        'Conv2D',
        { x: cropped.x, filter: k.transpose(flipped, [0, 1, 3, 2]) },
        { strides: 1, dilations: [info.dilationHeight, info.dilationWidth], pad: cropped.pads, dataFormat: 'NHWC' },
      );
      assertShape(NAME, 'the gradient convolution', dx.shape, info.inShape);
      return dx;
    });
}

import type * as tfjs from '@tensorflow/tfjs';
import { assertShape, type BackpropAttrs, forwardConvInfo } from './convInfo';
import { filterGradWindow, inputGradWindow } from './geometry';
import { type Info, type Tf, withScope } from './kernelScope';

const FILTER = 'DepthwiseConv2dNativeBackpropFilter';
const INPUT = 'DepthwiseConv2dNativeBackpropInput';

/**
 * Depthwise filter gradient (filter [kh, kw, c, m], dy [n, oh, ow, c·m]) as one
 * wasm depthwise convolution, the same trick as the dense case but with the
 * batch folded into the channels, since a depthwise convolution sums over no
 * channel: x as [1, H, W, n·c], dy as the filter [oh, ow, n·c, m], stride = the
 * forward dilation, dilation = the forward stride. Its output
 * [1, kh, kw, n·c·m] still has the batch in it; one Sum over n finishes.
 */
export function depthwiseBackpropFilter(tf: Tf): tfjs.KernelFunc {
  return ({ inputs, backend, attrs }) =>
    withScope(tf, backend, (k) => {
      const { x, dy } = inputs as { x: Info; dy: Info };
      const a = attrs as unknown as BackpropAttrs & { filterShape: number[] };
      const info = forwardConvInfo(tf, FILTER, x.shape, a.filterShape, a, true);
      assertShape(FILTER, 'dy', dy.shape, info.outShape);
      const { filterHeight: kh, filterWidth: kw, inChannels: c, batchSize: n } = info;
      const m = info.outChannels / c;
      const rows = filterGradWindow(kh, info.outHeight, info.strideHeight, info.dilationHeight, info.padInfo.top);
      const cols = filterGradWindow(kw, info.outWidth, info.strideWidth, info.dilationWidth, info.padInfo.left);
      const cropped = k.cropSpatial(x, rows, cols);
      if (!cropped) return k.zeros([kh, kw, c, m]);
      const [, hc, wc] = cropped.x.shape as number[];
      const input = k.view(k.transpose(cropped.x, [1, 2, 0, 3]), [1, hc!, wc!, n * c]);
      const dyFilter = k.view(k.transpose(dy, [1, 2, 0, 3]), [info.outHeight, info.outWidth, n * c, m]);
      const perSample = k.run(
        'DepthwiseConv2dNative',
        { x: input, filter: dyFilter },
        {
          strides: [info.dilationHeight, info.dilationWidth],
          dilations: [info.strideHeight, info.strideWidth],
          pad: cropped.pads,
        },
      );
      assertShape(FILTER, 'the gradient convolution', perSample.shape, [1, kh, kw, n * c * m]);
      const summed =
        n === 1 ? perSample : k.run('Sum', { x: k.view(perSample, [kh * kw, n, c * m]) }, { axis: 1, keepDims: false });
      return k.view(summed, [kh, kw, c, m]);
    });
}

/**
 * Depthwise input gradient: dy spread onto the stride grid and convolved
 * (stride 1) with the spatially flipped filter, as in the dense case. With a
 * channel multiplier m each input channel feeds m outputs, so the filter is
 * viewed as [kh, kw, c·m, 1] (a depthwise convolution over all c·m channels)
 * and the m results per input channel are summed.
 */
export function depthwiseBackpropInput(tf: Tf): tfjs.KernelFunc {
  return ({ inputs, backend, attrs }) =>
    withScope(tf, backend, (k) => {
      const { dy, filter } = inputs as { dy: Info; filter: Info };
      const a = attrs as unknown as BackpropAttrs & { inputShape: number[] };
      const info = forwardConvInfo(tf, INPUT, a.inputShape, filter.shape, a, true);
      assertShape(INPUT, 'dy', dy.shape, info.outShape);
      const [n, h, w, c] = info.inShape;
      const m = info.outChannels / c;
      const spread = k.insertZeros(dy, info.strideHeight, info.strideWidth);
      const rows = inputGradWindow(info.filterHeight, h, info.dilationHeight, info.padInfo.top);
      const cols = inputGradWindow(info.filterWidth, w, info.dilationWidth, info.padInfo.left);
      const cropped = k.cropSpatial(spread, rows, cols);
      if (!cropped) return k.zeros(info.inShape);
      const flipped = k.run('Reverse', { x: filter }, { dims: [0, 1] });
      const perOutput = k.run(
        'DepthwiseConv2dNative',
        { x: cropped.x, filter: k.view(flipped, [info.filterHeight, info.filterWidth, c * m, 1]) },
        { strides: 1, dilations: [info.dilationHeight, info.dilationWidth], pad: cropped.pads },
      );
      assertShape(INPUT, 'the gradient convolution', perOutput.shape, [n, h, w, c * m]);
      if (m === 1) return perOutput;
      return k.run('Sum', { x: k.view(perOutput, [n, h, w, c, m]) }, { axis: 4, keepDims: false });
    });
}

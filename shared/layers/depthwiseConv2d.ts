import { z } from 'zod';
import {
  activation,
  activationText,
  bool,
  checkStridesOrDilation,
  padding,
  pair,
  positiveInt,
  windowText,
} from './common';
import { imageShape, windowOutput } from './shapeMath';
import type { LayerSpec } from './spec';

export const depthwiseConv2dSchema = z
  .strictObject({
    kernelSize: pair(),
    strides: pair().default([1, 1]),
    padding: padding().default('same'),
    depthMultiplier: positiveInt().default(1),
    dilation: pair().default([1, 1]),
    useBias: bool().default(true),
    activation: activation().default('linear'),
  })
  .superRefine(checkStridesOrDilation);

export type DepthwiseConv2DParams = z.output<typeof depthwiseConv2dSchema>;

/** Each input channel gets its own depthMultiplier filters, so outputs = Cin·dm and nothing mixes channels. */
export const depthwiseConv2dSpec: LayerSpec<DepthwiseConv2DParams> = {
  kind: 'DepthwiseConv2D',
  label: 'Depthwise Conv2D',
  description: 'Filters every channel on its own (no channel mixing): the cheap spatial half of a separable conv.',
  category: 'convolution',
  schema: depthwiseConv2dSchema,
  inputs: { min: 1, max: 1 },
  outputShape(inputs, p) {
    const [h, w, channels] = imageShape(inputs, 'DepthwiseConv2D');
    const window = {
      kernel: p.kernelSize,
      strides: p.strides,
      dilation: p.dilation,
      padding: p.padding,
      noun: 'kernel',
    };
    const [outH, outW] = windowOutput([h, w], window);
    return [outH, outW, channels * p.depthMultiplier];
  },
  paramCount(inputs, p) {
    const [, , channels] = imageShape(inputs, 'DepthwiseConv2D');
    const outChannels = channels * p.depthMultiplier;
    const [kh, kw] = p.kernelSize;
    return { trainable: kh * kw * outChannels + (p.useBias ? outChannels : 0), nonTrainable: 0 };
  },
  macs(_inputs, output, p) {
    const [kh, kw] = p.kernelSize;
    const [outH = 0, outW = 0, outChannels = 0] = output;
    return kh * kw * outChannels * outH * outW;
  },
  rfStep: (p) => ({ type: 'window', kernel: p.kernelSize, stride: p.strides, dilation: p.dilation }),
  summary: (p) =>
    `${windowText(p.kernelSize, p.strides, p.dilation)} dw${p.depthMultiplier > 1 ? `, dm${p.depthMultiplier}` : ''}${activationText(p.activation)}`,
};

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

export const separableConv2dSchema = z
  .strictObject({
    filters: positiveInt(),
    kernelSize: pair(),
    strides: pair().default([1, 1]),
    padding: padding().default('same'),
    depthMultiplier: positiveInt().default(1),
    dilation: pair().default([1, 1]),
    useBias: bool().default(true),
    activation: activation().default('linear'),
  })
  .superRefine(checkStridesOrDilation);

export type SeparableConv2DParams = z.output<typeof separableConv2dSchema>;

/**
 * Keras's SeparableConv2D: a depthwise conv (Cin·dm channels) then a 1×1 pointwise conv to
 * `filters`. Only the pointwise part carries a bias, as in Keras.
 */
export const separableConv2dSpec: LayerSpec<SeparableConv2DParams> = {
  kind: 'SeparableConv2D',
  label: 'Separable Conv2D',
  description: 'A depthwise conv followed by a 1×1 conv: most of a Conv2D’s reach for a fraction of its cost.',
  category: 'convolution',
  schema: separableConv2dSchema,
  inputs: { min: 1, max: 1 },
  outputShape(inputs, p) {
    const [h, w] = imageShape(inputs, 'SeparableConv2D');
    const window = {
      kernel: p.kernelSize,
      strides: p.strides,
      dilation: p.dilation,
      padding: p.padding,
      noun: 'kernel',
    };
    const [outH, outW] = windowOutput([h, w], window);
    return [outH, outW, p.filters];
  },
  paramCount(inputs, p) {
    const [, , channels] = imageShape(inputs, 'SeparableConv2D');
    const middle = channels * p.depthMultiplier;
    const [kh, kw] = p.kernelSize;
    const depthwise = kh * kw * middle;
    const pointwise = middle * p.filters;
    return { trainable: depthwise + pointwise + (p.useBias ? p.filters : 0), nonTrainable: 0 };
  },
  macs(inputs, output, p) {
    const [, , channels] = imageShape(inputs, 'SeparableConv2D');
    const middle = channels * p.depthMultiplier;
    const [kh, kw] = p.kernelSize;
    const [outH = 0, outW = 0] = output;
    return (kh * kw * middle + middle * p.filters) * outH * outW;
  },
  rfStep: (p) => ({ type: 'window', kernel: p.kernelSize, stride: p.strides, dilation: p.dilation }),
  summary: (p) =>
    `${windowText(p.kernelSize, p.strides, p.dilation)} sep, ${p.filters}${p.depthMultiplier > 1 ? `, dm${p.depthMultiplier}` : ''}${activationText(p.activation)}`,
};

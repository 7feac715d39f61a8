import { z } from 'zod';
import type { Shape } from '../graph/types';
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
import { LayerError, type LayerSpec } from './spec';

export const conv2dSchema = z
  .strictObject({
    filters: positiveInt(),
    kernelSize: pair(),
    strides: pair().default([1, 1]),
    padding: padding().default('same'),
    dilation: pair().default([1, 1]),
    groups: positiveInt().default(1),
    useBias: bool().default(true),
    activation: activation().default('linear'),
  })
  .superRefine(checkStridesOrDilation);

export type Conv2DParams = z.output<typeof conv2dSchema>;

/** Input channels per group; grouped convs split channels evenly, so both counts must divide. */
function channelsPerGroup(inputs: readonly Shape[], p: Conv2DParams): number {
  const [, , channels] = imageShape(inputs, 'Conv2D');
  if (channels % p.groups !== 0 || p.filters % p.groups !== 0) {
    throw new LayerError(
      `groups ${p.groups} must divide both the input channels (${channels}) and filters (${p.filters}) — choose a groups value that divides both`,
    );
  }
  return channels / p.groups;
}

export const conv2dSpec: LayerSpec<Conv2DParams> = {
  kind: 'Conv2D',
  label: 'Conv2D',
  description: 'Slides learned kh×kw filters over the image; any kernel shape, including 1×n and n×1.',
  category: 'convolution',
  schema: conv2dSchema,
  inputs: { min: 1, max: 1 },
  outputShape(inputs, p) {
    channelsPerGroup(inputs, p);
    const [h, w] = imageShape(inputs, 'Conv2D');
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
    const [kh, kw] = p.kernelSize;
    const weights = kh * kw * channelsPerGroup(inputs, p) * p.filters;
    return { trainable: weights + (p.useBias ? p.filters : 0), nonTrainable: 0 };
  },
  macs(inputs, output, p) {
    const [kh, kw] = p.kernelSize;
    const [outH = 0, outW = 0] = output;
    return kh * kw * channelsPerGroup(inputs, p) * p.filters * outH * outW;
  },
  rfStep: (p) => ({ type: 'window', kernel: p.kernelSize, stride: p.strides, dilation: p.dilation }),
  summary: (p) =>
    `${windowText(p.kernelSize, p.strides, p.dilation)}, ${p.filters}${p.groups > 1 ? `, g${p.groups}` : ''}${activationText(p.activation)}`,
};

import type { z } from 'zod';
import type { Shape } from '../graph/types';
import {
  type ActivationName,
  activation,
  activationText,
  bool,
  checkStridesOrDilation,
  padding,
  pair,
  windowText,
} from './common';
import { imageShape, type Padding, type Pair, windowOutput } from './shapeMath';
import type { LayerSpec } from './spec';

/**
 * What Conv2D, DepthwiseConv2D and SeparableConv2D share, as Keras's BaseConv holds it for
 * its convolutions: the window settings and their arithmetic, the bias and the fused
 * activation. A conv kind says only how many channels come out and how many weights
 * multiply; the output shape, parameters, MACs and receptive field follow from those.
 */

/** kernelSize, strides, padding, dilation: the sliding window. */
export const convWindowFields = () => ({
  kernelSize: pair(),
  strides: pair().default([1, 1]),
  padding: padding().default('same'),
  dilation: pair().default([1, 1]),
});

/** useBias, activation: what happens after the window's sums. */
export const convOutputFields = () => ({
  useBias: bool().default(true),
  activation: activation().default('linear'),
});

/** A conv kind's schema (its fields in form order), checked for strides together with dilation. */
export const convSchema = <T extends z.ZodType<{ strides: Pair; dilation: Pair }>>(object: T): T =>
  object.superRefine(checkStridesOrDilation);

export interface ConvParams {
  kernelSize: Pair;
  strides: Pair;
  padding: Padding;
  dilation: Pair;
  useBias: boolean;
  activation: ActivationName;
}

export interface ConvKind<P extends ConvParams, K extends string> {
  kind: K;
  nodeName: string;
  schema: z.ZodType<P>;
  /** Output channels for `channels` input channels; throws a LayerError when they cannot work. */
  outChannels(channels: number, p: P): number;
  /** Weights that multiply (bias excluded): each is one multiply-add per output position. */
  kernelWeights(channels: number, p: P): number;
  /** The node face after the window text ("3×3 /2"), e.g. ", 64". */
  summaryTail(p: P): string;
}

/** The full spec of a conv kind; every bias is one per output channel, as in Keras. */
export function convSpec<P extends ConvParams, K extends string>(conv: ConvKind<P, K>): LayerSpec<P, K> {
  const channelsIn = (inputs: readonly Shape[]) => imageShape(inputs, conv.kind)[2];
  return {
    kind: conv.kind,
    nodeName: conv.nodeName,
    category: 'convolution',
    get schema() {
      return conv.schema;
    },
    inputs: { min: 1, max: 1 },
    outputShape(inputs, p) {
      const [h, w, channels] = imageShape(inputs, conv.kind);
      const out = conv.outChannels(channels, p);
      const window = {
        kernel: p.kernelSize,
        strides: p.strides,
        dilation: p.dilation,
        padding: p.padding,
        noun: 'kernel' as const,
      };
      const [outH, outW] = windowOutput([h, w], window);
      return [outH, outW, out];
    },
    paramCount(inputs, p) {
      const channels = channelsIn(inputs);
      const bias = p.useBias ? conv.outChannels(channels, p) : 0;
      return { trainable: conv.kernelWeights(channels, p) + bias, nonTrainable: 0 };
    },
    macs(inputs, output, p) {
      const [outH = 0, outW = 0] = output;
      return conv.kernelWeights(channelsIn(inputs), p) * outH * outW;
    },
    rfStep: (p) => ({ type: 'window', kernel: p.kernelSize, stride: p.strides, dilation: p.dilation }),
    summary: (p) =>
      `${windowText(p.kernelSize, p.strides, p.dilation)}${conv.summaryTail(p)}${activationText(p.activation)}`,
  };
}

/** kh·kw: the taps of one filter on one channel. */
export const kernelArea = (p: ConvParams): number => p.kernelSize[0] * p.kernelSize[1];

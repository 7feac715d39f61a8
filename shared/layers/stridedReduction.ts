import { z } from 'zod';
import type { Shape } from '../graph/types';
import { avgPool2dSpec } from './avgPool2d';
import { activation, activationText, bool, expected, padding, pair, positiveInt, windowText } from './common';
import { type Conv2DParams, conv2dSpec } from './conv2d';
import { maxPool2dSpec } from './maxPool2d';
import type { Pool2DParams } from './pooling';
import { imageShape } from './shapeMath';
import { type LayerSpec, schemaOnce } from './spec';

export const stridedReductionSchema = schemaOnce(() =>
  z.strictObject({
    method: z.enum(['conv', 'maxpool', 'avgpool'], expected("one of 'conv', 'maxpool', 'avgpool'")).default('conv'),
    kernelSize: pair().default([3, 3]),
    strides: pair().default([2, 2]),
    padding: padding().default('valid'),
    /** Conv only; null keeps the input's channel count. */
    filters: positiveInt().nullable().default(null),
    useBias: bool().default(true),
    activation: activation().default('relu'),
  }),
);

export type StridedReductionParams = z.output<ReturnType<typeof stridedReductionSchema>>;

export type StridedReductionEquivalent =
  | { kind: 'Conv2D'; params: Conv2DParams }
  | { kind: 'MaxPool2D' | 'AvgPool2D'; params: Pool2DParams };

/**
 * The plain layer this node stands for; the compiler uses it too, so the numbers shown
 * and the model trained cannot drift apart. filters, useBias and activation only apply to 'conv'.
 */
export function stridedReductionEquivalent(input: Shape, p: StridedReductionParams): StridedReductionEquivalent {
  if (p.method !== 'conv') {
    const params: Pool2DParams = { poolSize: p.kernelSize, strides: p.strides, padding: p.padding };
    return { kind: p.method === 'maxpool' ? 'MaxPool2D' : 'AvgPool2D', params };
  }
  const [, , channels] = imageShape([input], 'StridedReduction');
  const params: Conv2DParams = {
    filters: p.filters ?? channels,
    kernelSize: p.kernelSize,
    strides: p.strides,
    padding: p.padding,
    dilation: [1, 1],
    groups: 1,
    useBias: p.useBias,
    activation: p.activation,
  };
  return { kind: 'Conv2D', params };
}

/** The equivalent spec with its params bound, so each method below is a one-line delegation. */
function bind<P>(spec: LayerSpec<P>, params: P) {
  return {
    outputShape: (inputs: readonly Shape[]) => spec.outputShape(inputs, params),
    paramCount: (inputs: readonly Shape[]) => spec.paramCount(inputs, params),
    macs: (inputs: readonly Shape[], output: Shape) => spec.macs(inputs, output, params),
  };
}

function equivalentFor(inputs: readonly Shape[], p: StridedReductionParams) {
  const equivalent = stridedReductionEquivalent(imageShape(inputs, 'StridedReduction'), p);
  if (equivalent.kind === 'Conv2D') return bind(conv2dSpec, equivalent.params);
  return bind(equivalent.kind === 'MaxPool2D' ? maxPool2dSpec : avgPool2dSpec, equivalent.params);
}

export const stridedReductionSpec: LayerSpec<StridedReductionParams, 'StridedReduction'> = {
  kind: 'StridedReduction',
  nodeName: 'reduce',
  category: 'compression',
  get schema() {
    return stridedReductionSchema();
  },
  inputs: { min: 1, max: 1 },
  outputShape: (inputs, p) => equivalentFor(inputs, p).outputShape(inputs),
  paramCount: (inputs, p) => equivalentFor(inputs, p).paramCount(inputs),
  macs: (inputs, output, p) => equivalentFor(inputs, p).macs(inputs, output),
  rfStep: (p) => ({ type: 'window', kernel: p.kernelSize, stride: p.strides, dilation: [1, 1] }),
  summary(p) {
    const window = windowText(p.kernelSize, p.strides);
    if (p.method === 'maxpool') return `max ${window}`;
    if (p.method === 'avgpool') return `avg ${window}`;
    return `conv ${window}${p.filters === null ? '' : `, ${p.filters}`}${activationText(p.activation)}`;
  },
};

import { z } from 'zod';
import type { Shape } from '../graph/types';
import { activation, activationText, bool, expected, positiveInt } from './common';
import { type Conv2DParams, conv2dSpec } from './conv2d';
import { imageShape } from './shapeMath';
import { type LayerSpec, schemaOnce } from './spec';

const ratioMessage = expected('a ratio above 0 and at most 1');

export const compress1x1Schema = schemaOnce(() =>
  z.strictObject({
    mode: z.enum(['ratio', 'count'], expected("'ratio' or 'count'")).default('ratio'),
    ratio: z.number(ratioMessage).gt(0, ratioMessage).max(1, ratioMessage).default(0.5),
    filters: positiveInt().default(64),
    useBias: bool().default(true),
    activation: activation().default('relu'),
  }),
);

export type Compress1x1Params = z.output<ReturnType<typeof compress1x1Schema>>;

/**
 * The plain Conv2D this node stands for; the compiler and importer use it too, so a
 * compression node and a hand-made 1×1 Conv2D are counted and trained identically.
 * Ratio mode rounds half up (JavaScript's Math.round), keeping at least one channel.
 */
export function compress1x1AsConv2D(input: Shape, p: Compress1x1Params): Conv2DParams {
  const [, , channels] = imageShape([input], 'Compress1x1');
  const filters = p.mode === 'ratio' ? Math.max(1, Math.round(p.ratio * channels)) : p.filters;
  return {
    filters,
    kernelSize: [1, 1],
    strides: [1, 1],
    padding: 'same',
    dilation: [1, 1],
    groups: 1,
    useBias: p.useBias,
    activation: p.activation,
  };
}

const asConv = (inputs: readonly Shape[], p: Compress1x1Params) =>
  compress1x1AsConv2D(imageShape(inputs, 'Compress1x1'), p);

export const compress1x1Spec: LayerSpec<Compress1x1Params, 'Compress1x1'> = {
  kind: 'Compress1x1',
  nodeName: 'compress',
  category: 'compression',
  get schema() {
    return compress1x1Schema();
  },
  inputs: { min: 1, max: 1 },
  outputShape: (inputs, p) => conv2dSpec.outputShape(inputs, asConv(inputs, p)),
  paramCount: (inputs, p) => conv2dSpec.paramCount(inputs, asConv(inputs, p)),
  macs: (inputs, output, p) => conv2dSpec.macs(inputs, output, asConv(inputs, p)),
  rfStep: () => ({ type: 'window', kernel: [1, 1], stride: [1, 1], dilation: [1, 1] }),
  summary: (p) => `1×1, ${p.mode === 'ratio' ? `×${p.ratio}` : p.filters}${activationText(p.activation)}`,
};

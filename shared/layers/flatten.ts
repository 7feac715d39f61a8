import { z } from 'zod';
import { onlyInput, product } from './shapeMath';
import { LayerError, type LayerSpec } from './spec';

export const flattenSchema = z.strictObject({});

export type FlattenParams = z.output<typeof flattenSchema>;

export const flattenSpec: LayerSpec<FlattenParams, 'Flatten'> = {
  kind: 'Flatten',
  nodeName: 'flatten',
  category: 'head',
  schema: flattenSchema,
  inputs: { min: 1, max: 1 },
  outputShape(inputs) {
    const input = onlyInput(inputs, 'Flatten');
    if (input.length === 0) throw new LayerError('Flatten needs an input with at least one axis, but got []');
    return [product(input)];
  },
  paramCount: () => ({ trainable: 0, nonTrainable: 0 }),
  macs: () => 0,
  rfStep: () => ({ type: 'global' }),
  summary: () => 'flatten',
};

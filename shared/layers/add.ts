import { z } from 'zod';
import { formatShape } from './shapeMath';
import { LayerError, type LayerSpec } from './spec';

export const addSchema = z.strictObject({});

export type AddParams = z.output<typeof addSchema>;

/**
 * Keras would broadcast axes of size 1; we require equal shapes because an accidental
 * broadcast in a residual connection is almost always a bug a student wants to see.
 */
export const addSpec: LayerSpec<AddParams, 'Add'> = {
  kind: 'Add',
  nodeName: 'add',
  category: 'merge',
  schema: addSchema,
  inputs: { min: 2, max: Number.POSITIVE_INFINITY },
  outputShape(inputs) {
    const [first] = inputs;
    if (!first) throw new LayerError('Add needs at least two inputs, but got none');
    inputs.forEach((shape, i) => {
      if (shape.length !== first.length || shape.some((d, j) => d !== first[j])) {
        throw new LayerError(
          `Add needs inputs of the same shape, but input 1 is ${formatShape(first)} and input ${i + 1} is ${formatShape(shape)} (inputs counted in connection order) — a 1×1 Conv2D or a matching stride can make them agree`,
        );
      }
    });
    return first;
  },
  paramCount: () => ({ trainable: 0, nonTrainable: 0 }),
  // Additions alone are not multiply-adds (docs/conventions.md).
  macs: () => 0,
  rfStep: () => ({ type: 'identity' }),
  summary: () => 'add',
};

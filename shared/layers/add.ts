import { z } from 'zod';
import { said } from '../i18n/diagnosticText';
import { formatShape } from './shapeMath';
import { LayerError, type LayerSpec, schemaOnce } from './spec';

export const addSchema = schemaOnce(() => z.strictObject({}));

export type AddParams = z.output<ReturnType<typeof addSchema>>;

/**
 * Keras would broadcast axes of size 1; we require equal shapes because an accidental
 * broadcast in a residual connection is almost always a bug a student wants to see.
 */
export const addSpec: LayerSpec<AddParams, 'Add'> = {
  kind: 'Add',
  nodeName: 'add',
  category: 'merge',
  get schema() {
    return addSchema();
  },
  inputs: { min: 2, max: Number.POSITIVE_INFINITY },
  outputShape(inputs) {
    const [first] = inputs;
    if (!first) throw new LayerError(said('layer.noInputs', { subject: 'Add' }));
    inputs.forEach((shape, i) => {
      if (shape.length !== first.length || shape.some((d, j) => d !== first[j])) {
        throw new LayerError(
          said('layer.sameShape', {
            subject: 'Add',
            first: formatShape(first),
            index: i + 1,
            other: formatShape(shape),
          }),
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

import { z } from 'zod';
import { said } from '../i18n/diagnosticText';
import { onlyInput, product } from './shapeMath';
import { LayerError, type LayerSpec, schemaOnce } from './spec';

export const flattenSchema = schemaOnce(() => z.strictObject({}));

export type FlattenParams = z.output<ReturnType<typeof flattenSchema>>;

export const flattenSpec: LayerSpec<FlattenParams, 'Flatten'> = {
  kind: 'Flatten',
  nodeName: 'flatten',
  category: 'head',
  get schema() {
    return flattenSchema();
  },
  inputs: { min: 1, max: 1 },
  outputShape(inputs) {
    const input = onlyInput(inputs, 'Flatten');
    if (input.length === 0) throw new LayerError(said('layer.noAxis', { subject: 'Flatten' }));
    return [product(input)];
  },
  paramCount: () => ({ trainable: 0, nonTrainable: 0 }),
  macs: () => 0,
  rfStep: () => ({ type: 'global' }),
  summary: () => 'flatten',
};

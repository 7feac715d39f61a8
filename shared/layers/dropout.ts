import { z } from 'zod';
import { expected } from './common';
import { onlyInput } from './shapeMath';
import { type LayerSpec, schemaOnce } from './spec';

const rateMessage = expected('a rate from 0 up to (not including) 1');

export const dropoutSchema = schemaOnce(() =>
  z.strictObject({
    rate: z.number(rateMessage).min(0, rateMessage).lt(1, rateMessage).default(0.5),
  }),
);

export type DropoutParams = z.output<ReturnType<typeof dropoutSchema>>;

export const dropoutSpec: LayerSpec<DropoutParams, 'Dropout'> = {
  kind: 'Dropout',
  nodeName: 'dropout',
  category: 'normalization',
  get schema() {
    return dropoutSchema();
  },
  inputs: { min: 1, max: 1 },
  outputShape: (inputs) => onlyInput(inputs, 'Dropout'),
  paramCount: () => ({ trainable: 0, nonTrainable: 0 }),
  macs: () => 0,
  rfStep: () => ({ type: 'identity' }),
  summary: (p) => `dropout ${p.rate}`,
};

import { z } from 'zod';
import { activation } from './common';
import { onlyInput } from './shapeMath';
import { type LayerSpec, schemaOnce } from './spec';

export const activationSchema = schemaOnce(() =>
  z.strictObject({
    activation: activation().default('relu'),
  }),
);

export type ActivationParams = z.output<ReturnType<typeof activationSchema>>;

export const activationSpec: LayerSpec<ActivationParams, 'Activation'> = {
  kind: 'Activation',
  nodeName: 'activation',
  category: 'normalization',
  get schema() {
    return activationSchema();
  },
  inputs: { min: 1, max: 1 },
  outputShape: (inputs) => onlyInput(inputs, 'Activation'),
  paramCount: () => ({ trainable: 0, nonTrainable: 0 }),
  macs: () => 0,
  rfStep: () => ({ type: 'identity' }),
  summary: (p) => p.activation,
};

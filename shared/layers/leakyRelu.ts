import { z } from 'zod';
import { nonNegative, shortNumber } from './common';
import { onlyInput } from './shapeMath';
import { type LayerSpec, schemaOnce } from './spec';

/** Keras 3 names the slope negative_slope (Keras 2: alpha); both default to 0.3. */
export const leakyReluSchema = schemaOnce(() =>
  z.strictObject({
    negativeSlope: nonNegative().default(0.3),
  }),
);

export type LeakyReLUParams = z.output<ReturnType<typeof leakyReluSchema>>;

export const leakyReluSpec: LayerSpec<LeakyReLUParams, 'LeakyReLU'> = {
  kind: 'LeakyReLU',
  nodeName: 'leaky',
  category: 'normalization',
  get schema() {
    return leakyReluSchema();
  },
  inputs: { min: 1, max: 1 },
  outputShape: (inputs) => onlyInput(inputs, 'LeakyReLU'),
  paramCount: () => ({ trainable: 0, nonTrainable: 0 }),
  macs: () => 0,
  rfStep: () => ({ type: 'identity' }),
  summary: (p) => `leaky ${shortNumber(p.negativeSlope)}`,
};

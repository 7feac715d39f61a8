import { z } from 'zod';
import { nonNegative, shortNumber } from './common';
import { onlyInput } from './shapeMath';
import { type LayerSpec, schemaOnce } from './spec';

export const eluSchema = schemaOnce(() =>
  z.strictObject({
    alpha: nonNegative().default(1),
  }),
);

export type ELUParams = z.output<ReturnType<typeof eluSchema>>;

/** x above zero, alpha·(eˣ − 1) below. */
export const eluSpec: LayerSpec<ELUParams, 'ELU'> = {
  kind: 'ELU',
  nodeName: 'elu',
  category: 'normalization',
  get schema() {
    return eluSchema();
  },
  inputs: { min: 1, max: 1 },
  outputShape: (inputs) => onlyInput(inputs, 'ELU'),
  paramCount: () => ({ trainable: 0, nonTrainable: 0 }),
  macs: () => 0,
  rfStep: () => ({ type: 'identity' }),
  summary: (p) => (p.alpha === 1 ? 'elu' : `elu α${shortNumber(p.alpha)}`),
};

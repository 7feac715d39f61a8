import { z } from 'zod';
import { finite, nonNegative, shortNumber } from './common';
import { onlyInput } from './shapeMath';
import { type LayerSpec, schemaOnce } from './spec';

export const reluSchema = schemaOnce(() =>
  z.strictObject({
    maxValue: nonNegative().nullable().default(null),
    negativeSlope: nonNegative().default(0),
    threshold: finite().default(0),
  }),
);

export type ReLUParams = z.output<ReturnType<typeof reluSchema>>;

/** Keras's ReLU layer: x above the threshold (capped at maxValue), negativeSlope·(x − threshold) below. */
export const reluSpec: LayerSpec<ReLUParams, 'ReLU'> = {
  kind: 'ReLU',
  nodeName: 'relu',
  category: 'normalization',
  get schema() {
    return reluSchema();
  },
  inputs: { min: 1, max: 1 },
  outputShape: (inputs) => onlyInput(inputs, 'ReLU'),
  paramCount: () => ({ trainable: 0, nonTrainable: 0 }),
  macs: () => 0,
  rfStep: () => ({ type: 'identity' }),
  summary: (p) =>
    [
      p.maxValue === null ? 'relu' : `relu ≤${shortNumber(p.maxValue)}`,
      p.negativeSlope === 0 ? '' : `, slope ${shortNumber(p.negativeSlope)}`,
      p.threshold === 0 ? '' : `, from ${shortNumber(p.threshold)}`,
    ].join(''),
};

import { z } from 'zod';
import { bool, expected } from './common';
import { lastAxis, onlyInput } from './shapeMath';
import { type LayerSpec, schemaOnce } from './spec';

export const batchNormSchema = schemaOnce(() =>
  z.strictObject({
    center: bool().default(true),
    scale: bool().default(true),
    epsilon: z.number(expected('a number > 0')).positive(expected('a number > 0')).default(0.001),
    momentum: z
      .number(expected('a number from 0 to 1'))
      .min(0, expected('a number from 0 to 1'))
      .max(1, expected('a number from 0 to 1'))
      .default(0.99),
  }),
);

export type BatchNormParams = z.output<ReturnType<typeof batchNormSchema>>;

/**
 * Normalizes the last axis, whatever the rank. gamma (scale) and beta (center) are learned;
 * the moving mean and variance are updated by averaging, not by gradients, so Keras counts
 * them as non-trainable.
 */
export const batchNormSpec: LayerSpec<BatchNormParams, 'BatchNorm'> = {
  kind: 'BatchNorm',
  nodeName: 'bn',
  category: 'normalization',
  get schema() {
    return batchNormSchema();
  },
  inputs: { min: 1, max: 1 },
  outputShape: (inputs) => {
    lastAxis(inputs, 'BatchNorm');
    return onlyInput(inputs, 'BatchNorm');
  },
  paramCount(inputs, p) {
    const channels = lastAxis(inputs, 'BatchNorm');
    return { trainable: channels * (Number(p.scale) + Number(p.center)), nonTrainable: 2 * channels };
  },
  // Per-element scale and shift are "other ops", not multiply-adds (docs/conventions.md).
  macs: () => 0,
  rfStep: () => ({ type: 'identity' }),
  summary: (p) =>
    p.center && p.scale ? 'batch norm' : `batch norm${p.scale ? '' : ', no γ'}${p.center ? '' : ', no β'}`,
};

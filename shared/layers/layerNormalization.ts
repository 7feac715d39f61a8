import { z } from 'zod';
import { bool, expected } from './common';
import { lastAxis, onlyInput } from './shapeMath';
import { type LayerSpec, schemaOnce } from './spec';

export const layerNormalizationSchema = schemaOnce(() =>
  z.strictObject({
    center: bool().default(true),
    scale: bool().default(true),
    epsilon: z.number(expected('a number > 0')).positive(expected('a number > 0')).default(0.001),
  }),
);

export type LayerNormalizationParams = z.output<ReturnType<typeof layerNormalizationSchema>>;

/**
 * Normalizes each position over its channels (the last axis, Keras's default), then
 * rescales: gamma and beta are learned, one per channel; there are no moving statistics.
 */
export const layerNormalizationSpec: LayerSpec<LayerNormalizationParams, 'LayerNormalization'> = {
  kind: 'LayerNormalization',
  nodeName: 'ln',
  category: 'normalization',
  get schema() {
    return layerNormalizationSchema();
  },
  inputs: { min: 1, max: 1 },
  outputShape: (inputs) => {
    lastAxis(inputs, 'LayerNormalization');
    return onlyInput(inputs, 'LayerNormalization');
  },
  paramCount(inputs, p) {
    const channels = lastAxis(inputs, 'LayerNormalization');
    return { trainable: channels * (Number(p.scale) + Number(p.center)), nonTrainable: 0 };
  },
  macs: () => 0,
  rfStep: () => ({ type: 'identity' }),
  summary: (p) =>
    p.center && p.scale ? 'layer norm' : `layer norm${p.scale ? '' : ', no γ'}${p.center ? '' : ', no β'}`,
};

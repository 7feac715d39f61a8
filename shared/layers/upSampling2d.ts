import { z } from 'zod';
import { expected, pair } from './common';
import { formatPair, imageShape } from './shapeMath';
import { type LayerSpec, schemaOnce } from './spec';

export const INTERPOLATIONS = ['nearest', 'bilinear'] as const;

export const upSampling2dSchema = schemaOnce(() =>
  z.strictObject({
    size: pair().default([2, 2]),
    interpolation: z.enum(INTERPOLATIONS, expected("'nearest' or 'bilinear'")).default('nearest'),
  }),
);

export type UpSampling2DParams = z.output<ReturnType<typeof upSampling2dSchema>>;

/**
 * Repeats (nearest) or interpolates (bilinear, sampled at pixel centres as Keras and PyTorch
 * do) each pixel size×size times. The receptive field it leaves as it is ('identity'): the
 * finer spacing of its outputs does not fit a whole-number step.
 */
export const upSampling2dSpec: LayerSpec<UpSampling2DParams, 'UpSampling2D'> = {
  kind: 'UpSampling2D',
  nodeName: 'upsample',
  category: 'convolution',
  get schema() {
    return upSampling2dSchema();
  },
  inputs: { min: 1, max: 1 },
  outputShape(inputs, p) {
    const [h, w, channels] = imageShape(inputs, 'UpSampling2D');
    return [h * p.size[0], w * p.size[1], channels];
  },
  paramCount: () => ({ trainable: 0, nonTrainable: 0 }),
  macs: () => 0,
  rfStep: () => ({ type: 'identity' }),
  summary: (p) => `×${formatPair(p.size)}${p.interpolation === 'nearest' ? '' : ', bilinear'}`,
};

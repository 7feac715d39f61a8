import { z } from 'zod';
import { said } from '../i18n/diagnosticText';
import { padPairs } from './common';
import { formatShape, imageShape } from './shapeMath';
import { LayerError, type LayerSpec, schemaOnce } from './spec';

export const cropping2dSchema = schemaOnce(() =>
  z.strictObject({
    cropping: padPairs().default([
      [0, 0],
      [0, 0],
    ]),
  }),
);

export type Cropping2DParams = z.output<ReturnType<typeof cropping2dSchema>>;

/** Removes rows and columns from the edges: ZeroPadding2D's inverse (NASNet aligns its branches with it). */
export const cropping2dSpec: LayerSpec<Cropping2DParams, 'Cropping2D'> = {
  kind: 'Cropping2D',
  nodeName: 'crop',
  category: 'convolution',
  get schema() {
    return cropping2dSchema();
  },
  inputs: { min: 1, max: 1 },
  outputShape(inputs, p) {
    const [h, w, channels] = imageShape(inputs, 'Cropping2D');
    const [[top, bottom], [left, right]] = p.cropping;
    const out = [h - top - bottom, w - left - right, channels];
    if (out[0]! <= 0 || out[1]! <= 0)
      throw new LayerError(
        said('layer.cropAll', {
          subject: 'Cropping2D',
          top,
          bottom,
          left,
          right,
          shape: formatShape([h, w, channels]),
        }),
      );
    return out;
  },
  paramCount: () => ({ trainable: 0, nonTrainable: 0 }),
  macs: () => 0,
  rfStep: () => ({ type: 'identity' }),
  summary: (p) => {
    const [[top, bottom], [left, right]] = p.cropping;
    const uniform = top === bottom && bottom === left && left === right;
    return uniform ? `crop ${top}` : `crop ${top},${bottom} / ${left},${right}`;
  },
};

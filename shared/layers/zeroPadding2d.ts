import { z } from 'zod';
import { padPairs } from './common';
import { imageShape } from './shapeMath';
import { type LayerSpec, schemaOnce } from './spec';

export const zeroPadding2dSchema = schemaOnce(() =>
  z.strictObject({
    padding: padPairs().default([
      [1, 1],
      [1, 1],
    ]),
  }),
);

export type ZeroPadding2DParams = z.output<ReturnType<typeof zeroPadding2dSchema>>;

export const zeroPadding2dSpec: LayerSpec<ZeroPadding2DParams, 'ZeroPadding2D'> = {
  kind: 'ZeroPadding2D',
  nodeName: 'pad',
  category: 'convolution',
  get schema() {
    return zeroPadding2dSchema();
  },
  inputs: { min: 1, max: 1 },
  outputShape(inputs, p) {
    const [h, w, channels] = imageShape(inputs, 'ZeroPadding2D');
    const [[top, bottom], [left, right]] = p.padding;
    return [h + top + bottom, w + left + right, channels];
  },
  paramCount: () => ({ trainable: 0, nonTrainable: 0 }),
  macs: () => 0,
  // Padding adds no reach and keeps the spacing between outputs; the next window accounts for it.
  rfStep: () => ({ type: 'identity' }),
  summary: (p) => {
    const [[top, bottom], [left, right]] = p.padding;
    const uniform = top === bottom && bottom === left && left === right;
    return uniform ? `pad ${top}` : `pad ${top},${bottom} / ${left},${right}`;
  },
};

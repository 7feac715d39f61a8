import { z } from 'zod';
import { padding, pair, windowText } from './common';
import { imageShape, windowOutput } from './shapeMath';
import { type LayerSpec, schemaOnce } from './spec';

/** Shared by MaxPool2D and AvgPool2D, which differ only in what they compute inside the window. */
export const pool2dSchema = schemaOnce(() =>
  z.strictObject({
    poolSize: pair().default([2, 2]),
    strides: pair().default([2, 2]),
    padding: padding().default('valid'),
  }),
);

export type Pool2DParams = z.output<ReturnType<typeof pool2dSchema>>;

/** The words a pool kind shows in the editor. */
export type PoolText = Pick<LayerSpec, 'nodeName'>;

export function pool2dSpec<K extends string>(kind: K, word: 'max' | 'avg', text: PoolText) {
  const spec: LayerSpec<Pool2DParams, K> = {
    kind,
    ...text,
    category: 'pooling',
    get schema() {
      return pool2dSchema();
    },
    inputs: { min: 1, max: 1 },
    outputShape(inputs, p) {
      const [h, w, channels] = imageShape(inputs, kind);
      const [outH, outW] = windowOutput([h, w], {
        kernel: p.poolSize,
        strides: p.strides,
        padding: p.padding,
        noun: 'pool window',
      });
      return [outH, outW, channels];
    },
    paramCount: () => ({ trainable: 0, nonTrainable: 0 }),
    // Comparisons and sums are not multiply-adds (docs/conventions.md).
    macs: () => 0,
    rfStep: (p) => ({ type: 'window', kernel: p.poolSize, stride: p.strides, dilation: [1, 1] }),
    summary: (p) => `${word} ${windowText(p.poolSize, p.strides)}`,
  };
  return spec;
}

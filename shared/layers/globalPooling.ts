import { z } from 'zod';
import { bool } from './common';
import type { PoolText } from './pooling';
import { imageShape } from './shapeMath';
import { type LayerSpec, schemaOnce } from './spec';

/** Shared by GlobalAvgPool2D and GlobalMaxPool2D. */
export const globalPool2dSchema = schemaOnce(() =>
  z.strictObject({
    keepDims: bool().default(false),
  }),
);

export type GlobalPool2DParams = z.output<ReturnType<typeof globalPool2dSchema>>;

export function globalPool2dSpec<K extends string>(kind: K, word: 'max' | 'avg', text: PoolText) {
  const spec: LayerSpec<GlobalPool2DParams, K> = {
    kind,
    ...text,
    category: 'pooling',
    get schema() {
      return globalPool2dSchema();
    },
    inputs: { min: 1, max: 1 },
    outputShape(inputs, p) {
      const [, , channels] = imageShape(inputs, kind);
      return p.keepDims ? [1, 1, channels] : [channels];
    },
    paramCount: () => ({ trainable: 0, nonTrainable: 0 }),
    macs: () => 0,
    rfStep: () => ({ type: 'global' }),
    summary: (p) => `global ${word}${p.keepDims ? ', 1×1' : ''}`,
  };
  return spec;
}

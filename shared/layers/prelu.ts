import { z } from 'zod';
import type { Shape } from '../graph/types';
import { said } from '../i18n/diagnosticText';
import { parsedBy } from './common';
import { onlyInput, product } from './shapeMath';
import { LayerError, type LayerSpec, schemaOnce } from './spec';

const isAxis = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 1;

export const preluSchema = schemaOnce(() =>
  z.strictObject({
    sharedAxes: parsedBy('null or a list of distinct axes ≥ 1 (the batch axis is 0, as in Keras)', (v) => {
      if (v === null) return null;
      if (isAxis(v)) return [v];
      if (Array.isArray(v) && v.length > 0 && v.every(isAxis) && new Set(v).size === v.length) return [...v];
      return undefined;
    }).default(null),
  }),
);

export type PReLUParams = z.output<ReturnType<typeof preluSchema>>;

/**
 * The shape of the learned slopes: the input's, with each shared axis 1. Keras counts the
 * batch as axis 0, so on an image [H, W, C], sharedAxes [1, 2] leaves one slope per channel.
 */
export function preluAlphaShape(input: Shape, p: PReLUParams): number[] {
  const shape = [...input];
  for (const axis of p.sharedAxes ?? []) {
    if (axis > shape.length)
      throw new LayerError(
        said('layer.sharedAxis', { subject: 'PReLU', axis, shape: JSON.stringify(input), rank: shape.length }),
      );
    shape[axis - 1] = 1;
  }
  return shape;
}

/** Leaky ReLU whose negative slopes are learned, one per value unless axes are shared. */
export const preluSpec: LayerSpec<PReLUParams, 'PReLU'> = {
  kind: 'PReLU',
  nodeName: 'prelu',
  category: 'normalization',
  get schema() {
    return preluSchema();
  },
  inputs: { min: 1, max: 1 },
  outputShape(inputs, p) {
    preluAlphaShape(onlyInput(inputs, 'PReLU'), p);
    return onlyInput(inputs, 'PReLU');
  },
  paramCount: (inputs, p) => ({
    trainable: product(preluAlphaShape(onlyInput(inputs, 'PReLU'), p)),
    nonTrainable: 0,
  }),
  macs: () => 0,
  rfStep: () => ({ type: 'identity' }),
  summary: (p) => (p.sharedAxes ? `prelu, shared ${p.sharedAxes.join(',')}` : 'prelu'),
};

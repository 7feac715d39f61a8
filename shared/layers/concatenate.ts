import { z } from 'zod';
import { said } from '../i18n/diagnosticText';
import { expected } from './common';
import { formatShape } from './shapeMath';
import { LayerError, type LayerSpec, schemaOnce } from './spec';

/**
 * `axis` counts the batch axis exactly as in Keras, so an imported `axis: 3` and the
 * default −1 both mean the channels of an [H, W, C] input. Axis 0 would join batches.
 */
const axisMessage = expected('a whole number other than 0 (0 is the batch axis; -1 is the channels)');

export const concatenateSchema = schemaOnce(() =>
  z.strictObject({
    axis: z
      .number(axisMessage)
      .int(axisMessage)
      .refine((axis) => axis !== 0, axisMessage)
      .default(-1),
  }),
);

export type ConcatenateParams = z.output<ReturnType<typeof concatenateSchema>>;

/** Index into a per-sample shape (batch excluded) for a Keras axis. */
function sampleAxis(axis: number, rank: number, first: readonly number[]): number {
  const index = axis > 0 ? axis - 1 : rank + axis;
  if (index < 0 || index >= rank) {
    throw new LayerError(said('layer.concatAxis', { subject: 'Concatenate', axis, shape: formatShape(first) }));
  }
  return index;
}

export const concatenateSpec: LayerSpec<ConcatenateParams, 'Concatenate'> = {
  kind: 'Concatenate',
  nodeName: 'concat',
  category: 'merge',
  get schema() {
    return concatenateSchema();
  },
  inputs: { min: 2, max: Number.POSITIVE_INFINITY },
  outputShape(inputs, p) {
    const [first] = inputs;
    if (!first) throw new LayerError(said('layer.noInputs', { subject: 'Concatenate' }));
    const index = sampleAxis(p.axis, first.length, first);
    inputs.forEach((shape, i) => {
      const agrees = shape.length === first.length && shape.every((d, j) => j === index || d === first[j]);
      if (!agrees) {
        throw new LayerError(
          said('layer.concatShape', {
            subject: 'Concatenate',
            axis: p.axis,
            first: formatShape(first),
            index: i + 1,
            other: formatShape(shape),
          }),
        );
      }
    });
    const out = [...first];
    out[index] = inputs.reduce((sum, shape) => sum + shape[index]!, 0);
    return out;
  },
  paramCount: () => ({ trainable: 0, nonTrainable: 0 }),
  macs: () => 0,
  rfStep: () => ({ type: 'identity' }),
  summary: (p) => (p.axis === -1 ? 'concat' : `concat, axis ${p.axis}`),
};

import { z } from 'zod';
import { english, said } from '../i18n/diagnosticText';
import { parsedBy } from './common';
import { lastAxis, onlyInput } from './shapeMath';
import { LayerError, type LayerSpec, schemaOnce } from './spec';

const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** One value for every channel, a list of them, or null; a lone number is typed in the inspector as "0.5". */
const stats = (what: string) =>
  parsedBy(what, (v): number[] | null | undefined => {
    if (v === null) return null;
    if (isFiniteNumber(v)) return [v];
    return Array.isArray(v) && v.length > 0 && v.every(isFiniteNumber) ? [...v] : undefined;
  }).default(null);

export const normalizationSchema = schemaOnce(() =>
  z
    .strictObject({
      mean: stats('a list of numbers (one, or one per channel) or null'),
      variance: stats('a list of numbers ≥ 0 (one, or one per channel) or null'),
    })
    .superRefine((p, ctx) => {
      if ((p.mean === null) !== (p.variance === null)) {
        const text = said('issue.statisticsTogether');
        ctx.addIssue({
          code: 'custom',
          path: [p.mean === null ? 'mean' : 'variance'],
          input: null,
          message: english(text),
          params: { text },
        });
      }
      if (p.variance?.some((v) => v < 0)) {
        const text = said('issue.negativeVariance', { value: p.variance.find((v) => v < 0)! });
        ctx.addIssue({
          code: 'custom',
          path: ['variance'],
          input: p.variance,
          message: english(text),
          params: { text },
        });
      }
    }),
);

export type NormalizationParams = z.output<ReturnType<typeof normalizationSchema>>;

/** Channels of the last axis, checked against the given statistics (one value, or one per channel). */
function channels(inputs: Parameters<typeof lastAxis>[0], p: NormalizationParams): number {
  const c = lastAxis(inputs, 'Normalization');
  for (const [name, values] of [
    ['mean', p.mean],
    ['variance', p.variance],
  ] as const) {
    if (values && values.length !== 1 && values.length !== c)
      throw new LayerError(
        said('layer.statistics', { subject: 'Normalization', count: values.length, name, channels: c }),
      );
  }
  return c;
}

/**
 * Keras's Normalization over the last axis: (x − mean) / √variance. With no mean and
 * variance given, Keras creates them as weights filled by adapt(), plus a count: 2·C + 1
 * non-trainable values. Given as settings, they are constants and Keras creates no weights.
 */
export const normalizationSpec: LayerSpec<NormalizationParams, 'Normalization'> = {
  kind: 'Normalization',
  nodeName: 'normalization',
  category: 'input',
  get schema() {
    return normalizationSchema();
  },
  inputs: { min: 1, max: 1 },
  outputShape(inputs, p) {
    channels(inputs, p);
    return onlyInput(inputs, 'Normalization');
  },
  paramCount(inputs, p) {
    const c = channels(inputs, p);
    return { trainable: 0, nonTrainable: p.mean === null ? 2 * c + 1 : 0 };
  },
  macs: () => 0,
  rfStep: () => ({ type: 'identity' }),
  summary: (p) => (p.mean === null ? 'adapted mean, var' : 'fixed mean, var'),
};

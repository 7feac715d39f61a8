import { z } from 'zod';
import { said } from '../i18n/diagnosticText';
import { expected, finite, shortNumber } from './common';
import { lastAxis, onlyInput } from './shapeMath';
import { LayerError, type LayerSpec, schemaOnce } from './spec';

const ONE_OR_PER_CHANNEL = 'a number, or a list of numbers (one per channel)';

/**
 * One factor for every value, or one per channel of the last axis: Keras ≥ 2.10's EfficientNet
 * follows its Normalization with a Rescaling whose scale is 1/√std of each colour.
 */
const perChannel = (fallback: number) =>
  z
    .union(
      [finite(ONE_OR_PER_CHANNEL), z.array(finite(ONE_OR_PER_CHANNEL)).min(1, expected(ONE_OR_PER_CHANNEL))],
      expected(ONE_OR_PER_CHANNEL),
    )
    .default(fallback);

export const rescalingSchema = schemaOnce(() =>
  z.strictObject({
    scale: perChannel(1 / 255),
    offset: perChannel(0),
  }),
);

export type RescalingParams = z.output<ReturnType<typeof rescalingSchema>>;

/** The factors as a list, whichever way they were given. */
export const rescalingValues = (v: number | readonly number[]): readonly number[] => (typeof v === 'number' ? [v] : v);

/** Whether a setting is one value for every channel (a number, or a list of one). */
export const isUniform = (v: number | readonly number[]): boolean => typeof v === 'number' || v.length === 1;

function checkChannels(inputs: Parameters<typeof lastAxis>[0], p: RescalingParams): void {
  const c = lastAxis(inputs, 'Rescaling');
  for (const [name, value] of [
    ['scale', p.scale],
    ['offset', p.offset],
  ] as const) {
    if (!isUniform(value) && rescalingValues(value).length !== c)
      throw new LayerError(
        said('layer.statistics', { subject: 'Rescaling', count: rescalingValues(value).length, name, channels: c }),
      );
  }
}

const face = (v: number | readonly number[]): string =>
  isUniform(v) ? shortNumber(rescalingValues(v)[0]!) : `[${rescalingValues(v).map(shortNumber).join(', ')}]`;

function offsetText(offset: number | readonly number[]): string {
  if (!isUniform(offset)) return ` + ${face(offset)}`;
  const o = rescalingValues(offset)[0]!;
  return o === 0 ? '' : ` ${o < 0 ? '−' : '+'} ${shortNumber(Math.abs(o))}`;
}

/** x·scale + offset, as Keras's Rescaling preprocessing layer: e.g. pixels 0…255 to 0…1. */
export const rescalingSpec: LayerSpec<RescalingParams, 'Rescaling'> = {
  kind: 'Rescaling',
  nodeName: 'rescaling',
  category: 'input',
  get schema() {
    return rescalingSchema();
  },
  inputs: { min: 1, max: 1 },
  outputShape(inputs, p) {
    if (!isUniform(p.scale) || !isUniform(p.offset)) checkChannels(inputs, p);
    return onlyInput(inputs, 'Rescaling');
  },
  paramCount: () => ({ trainable: 0, nonTrainable: 0 }),
  macs: () => 0,
  rfStep: () => ({ type: 'identity' }),
  summary: (p) => `×${face(p.scale)}${offsetText(p.offset)}`,
};

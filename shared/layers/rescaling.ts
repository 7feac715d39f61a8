import { z } from 'zod';
import { finite, shortNumber } from './common';
import { onlyInput } from './shapeMath';
import type { LayerSpec } from './spec';

export const rescalingSchema = z.strictObject({
  scale: finite().default(1 / 255),
  offset: finite().default(0),
});

export type RescalingParams = z.output<typeof rescalingSchema>;

/** x·scale + offset, as Keras's Rescaling preprocessing layer: e.g. pixels 0…255 to 0…1. */
export const rescalingSpec: LayerSpec<RescalingParams, 'Rescaling'> = {
  kind: 'Rescaling',
  nodeName: 'rescaling',
  category: 'input',
  schema: rescalingSchema,
  inputs: { min: 1, max: 1 },
  outputShape: (inputs) => onlyInput(inputs, 'Rescaling'),
  paramCount: () => ({ trainable: 0, nonTrainable: 0 }),
  macs: () => 0,
  rfStep: () => ({ type: 'identity' }),
  summary: (p) =>
    `×${shortNumber(p.scale)}${p.offset === 0 ? '' : ` ${p.offset < 0 ? '−' : '+'} ${shortNumber(Math.abs(p.offset))}`}`,
};

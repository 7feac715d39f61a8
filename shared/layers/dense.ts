import { z } from 'zod';
import { activation, activationText, bool, positiveInt } from './common';
import { lastAxis, onlyInput, product } from './shapeMath';
import { type LayerSpec, schemaOnce } from './spec';

export const denseSchema = schemaOnce(() =>
  z.strictObject({
    units: positiveInt(),
    useBias: bool().default(true),
    activation: activation().default('linear'),
  }),
);

export type DenseParams = z.output<ReturnType<typeof denseSchema>>;

/** Like Keras, Dense acts on the last axis only: [H, W, C] becomes [H, W, units], one shared weight matrix. */
export const denseSpec: LayerSpec<DenseParams, 'Dense'> = {
  kind: 'Dense',
  nodeName: 'dense',
  category: 'head',
  get schema() {
    return denseSchema();
  },
  inputs: { min: 1, max: 1 },
  outputShape(inputs, p) {
    lastAxis(inputs, 'Dense');
    return [...onlyInput(inputs, 'Dense').slice(0, -1), p.units];
  },
  paramCount(inputs, p) {
    const channels = lastAxis(inputs, 'Dense');
    return { trainable: channels * p.units + (p.useBias ? p.units : 0), nonTrainable: 0 };
  },
  macs(inputs, _output, p) {
    const input = onlyInput(inputs, 'Dense');
    return product(input) * p.units;
  },
  // Exact only on vectors; on images each position sees one pixel, but 'global' keeps the analysis simple.
  rfStep: () => ({ type: 'global' }),
  summary: (p) => `${p.units}${activationText(p.activation)}`,
};

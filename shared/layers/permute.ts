import { z } from 'zod';
import { said } from '../i18n/diagnosticText';
import { parsedBy } from './common';
import { formatShape, onlyInput } from './shapeMath';
import { LayerError, type LayerSpec, schemaOnce } from './spec';

export const permuteSchema = schemaOnce(() =>
  z.strictObject({
    dims: parsedBy('a reordering of the axes 1…n (the batch axis 0 stays first), e.g. [2, 1, 3]', (v) => {
      if (!Array.isArray(v) || v.length === 0) return undefined;
      const sorted = [...v].sort((a, b) => a - b);
      return sorted.every((d, i) => d === i + 1) ? [...(v as number[])] : undefined;
    }),
  }),
);

export type PermuteParams = z.output<ReturnType<typeof permuteSchema>>;

/** Keras's Permute: output axis i is input axis dims[i], both counted from 1 (0 is the batch). */
export const permuteSpec: LayerSpec<PermuteParams, 'Permute'> = {
  kind: 'Permute',
  nodeName: 'permute',
  category: 'head',
  get schema() {
    return permuteSchema();
  },
  inputs: { min: 1, max: 1 },
  outputShape(inputs, p) {
    const input = onlyInput(inputs, 'Permute');
    if (p.dims.length !== input.length)
      throw new LayerError(
        said('layer.permuteAxes', {
          subject: 'Permute',
          dims: p.dims.length,
          shape: formatShape(input),
          rank: input.length,
        }),
      );
    return p.dims.map((d) => input[d - 1]!);
  },
  paramCount: () => ({ trainable: 0, nonTrainable: 0 }),
  macs: () => 0,
  // Moving the spatial axes rearranges the grid, as Reshape does.
  rfStep: () => ({ type: 'global' }),
  summary: (p) => `→ (${p.dims.join(', ')})`,
};

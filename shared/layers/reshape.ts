import { z } from 'zod';
import { said } from '../i18n/diagnosticText';
import { parsedBy } from './common';
import { formatShape, onlyInput, product } from './shapeMath';
import { LayerError, type LayerSpec, schemaOnce } from './spec';

const isAxisSize = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && (v > 0 || v === -1);

export const reshapeSchema = schemaOnce(() =>
  z.strictObject({
    targetShape: parsedBy(
      'a list of positive whole numbers with at most one -1 (meaning "whatever is left")',
      (value) =>
        Array.isArray(value) && value.length > 0 && value.every(isAxisSize) && value.filter((v) => v === -1).length <= 1
          ? [...value]
          : undefined,
    ),
  }),
);

export type ReshapeParams = z.output<ReturnType<typeof reshapeSchema>>;

export const reshapeSpec: LayerSpec<ReshapeParams, 'Reshape'> = {
  kind: 'Reshape',
  nodeName: 'reshape',
  category: 'head',
  get schema() {
    return reshapeSchema();
  },
  inputs: { min: 1, max: 1 },
  outputShape(inputs, p) {
    const input = onlyInput(inputs, 'Reshape');
    const count = product(input);
    const known = product(p.targetShape.filter((d) => d !== -1));
    if (!p.targetShape.includes(-1)) {
      if (known === count) return [...p.targetShape];
      throw new LayerError(
        said('layer.reshapeCount', {
          subject: 'Reshape',
          shape: formatShape(input),
          count,
          target: formatShape(p.targetShape),
          known,
        }),
      );
    }
    if (count % known === 0) return p.targetShape.map((d) => (d === -1 ? count / known : d));
    throw new LayerError(
      said('layer.reshapeFill', {
        subject: 'Reshape',
        target: formatShape(p.targetShape),
        shape: formatShape(input),
        count,
        known,
      }),
    );
  },
  paramCount: () => ({ trainable: 0, nonTrainable: 0 }),
  macs: () => 0,
  rfStep: () => ({ type: 'global' }),
  summary: (p) => `→ ${formatShape(p.targetShape)}`,
};

import { z } from 'zod';
import { parsedBy } from './common';
import { formatPair, formatShape } from './shapeMath';
import { type LayerSpec, schemaOnce } from './spec';

const isPositiveInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v > 0;

export const inputSchema = schemaOnce(() =>
  z.strictObject({
    shape: parsedBy('[height, width, channels] or [length] of positive whole numbers', (value) =>
      Array.isArray(value) && (value.length === 1 || value.length === 3) && value.every(isPositiveInt)
        ? [...value]
        : undefined,
    ),
  }),
);

export type InputParams = z.output<ReturnType<typeof inputSchema>>;

export const inputSpec: LayerSpec<InputParams, 'Input'> = {
  kind: 'Input',
  nodeName: 'input',
  category: 'input',
  get schema() {
    return inputSchema();
  },
  inputs: { min: 0, max: 0 },
  outputShape: (_inputs, p) => [...p.shape],
  paramCount: () => ({ trainable: 0, nonTrainable: 0 }),
  macs: () => 0,
  rfStep: () => ({ type: 'identity' }),
  summary: (p) => {
    const [h, w, c] = p.shape;
    return h !== undefined && w !== undefined && c !== undefined ? `${formatPair([h, w])}×${c}` : formatShape(p.shape);
  },
};

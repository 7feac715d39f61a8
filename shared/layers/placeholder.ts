import { z } from 'zod';
import type { Shape } from '../graph/types';
import { said } from '../i18n/diagnosticText';
import { inMessage } from '../text/inMessage';
import { LayerError, type LayerSpec } from './spec';

/**
 * A layer the importer could not represent (kind UNSUPPORTED_KIND: see shared/import/types.ts) whose
 * output shape is known: given in the file (Lambda's output_shape), assumed equal to its
 * input (what the importer says for element-wise layers), or set in the inspector. It lets
 * the analysis go on through the rest of the network, counting this layer as 0 parameters
 * and 0 multiply-adds, so the totals are a lower bound. Not in the registry: no palette
 * entry, no compile or export (they refuse such a network and name the layer).
 */
export const UNSUPPORTED_KIND = 'Unsupported';

/** The output shape: a shape, or 'input' for the same shape as its one input. */
const OutputShape = z.union([
  z.literal('input'),
  z
    .array(
      z
        .number()
        .int()
        .positive()
        .max(2 ** 31),
    )
    .min(1)
    .max(4),
]);

export interface PlaceholderParams {
  outputShape: 'input' | number[];
}

const schema = z.looseObject({ outputShape: OutputShape }) as unknown as z.ZodType<PlaceholderParams>;

export const placeholderSpec: LayerSpec<PlaceholderParams> = {
  kind: UNSUPPORTED_KIND,
  nodeName: 'unsupported',
  category: 'normalization',
  schema,
  inputs: { min: 0, max: Number.POSITIVE_INFINITY },
  outputShape(inputs: readonly Shape[], p): Shape {
    if (p.outputShape !== 'input') return p.outputShape;
    const [input] = inputs;
    if (inputs.length !== 1 || !input) throw new LayerError(said('layer.placeholderInputs', { count: inputs.length }));
    return input;
  },
  paramCount: () => ({ trainable: 0, nonTrainable: 0 }),
  macs: () => 0,
  rfStep: () => ({ type: 'identity' }),
  summary: (p) => (p.outputShape === 'input' ? 'shape kept' : `→ ${p.outputShape.join('×')}`),
};

/** The placeholder spec for an Unsupported node that states its output shape; undefined otherwise. */
export function placeholderFor(node: {
  kind: string;
  params: Record<string, unknown>;
}): typeof placeholderSpec | undefined {
  if (node.kind !== UNSUPPORTED_KIND || node.params.outputShape === undefined) return undefined;
  return placeholderSpec;
}

/**
 * Why a network cannot be compiled or exported while it holds unsupported layers, naming
 * them (the first few) and their Keras classes; null when it holds none.
 */
export function unsupportedLayersProblem(graph: {
  nodes: readonly { kind: string; name: string; params: Record<string, unknown> }[];
}): string | null {
  const unsupported = graph.nodes.filter((n) => n.kind === UNSUPPORTED_KIND);
  if (unsupported.length === 0) return null;
  const named = unsupported.slice(0, 3).map((n) => {
    const kerasClass = typeof n.params.kerasClass === 'string' ? ` (${inMessage(n.params.kerasClass, 40)})` : '';
    return `'${inMessage(n.name, 60)}'${kerasClass}`;
  });
  const more = unsupported.length > 3 ? ` and ${unsupported.length - 3} more` : '';
  const those = unsupported.length === 1 ? 'it' : 'them';
  return `The network has ${unsupported.length === 1 ? 'an unsupported layer' : `${unsupported.length} unsupported layers`}: ${named.join(', ')}${more}. Replace ${those} with layers from the palette first.`;
}

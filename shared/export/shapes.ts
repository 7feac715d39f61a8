import type { Shape } from '../graph/types';
import type { ExportNetwork } from './network';

/** "(192, 35, 35)": a per-sample shape as Python prints a tuple. */
export const describeShape = (shape: Shape): string =>
  shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;

/**
 * The training scripts handle the common case: one input and a class-score vector as the
 * first output. Anything else gets model.py as usual and a train.py that says why not.
 */
export function classifierShape(net: ExportNetwork): { classes: number } | null {
  if (net.inputs.length !== 1) return null;
  const output = net.nodes.get(net.outputs[0]!)?.outputShape;
  return output && output.length === 1 ? { classes: output[0]! } : null;
}

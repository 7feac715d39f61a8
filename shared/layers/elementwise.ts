import { z } from 'zod';
import { said } from '../i18n/diagnosticText';
import { formatShape } from './shapeMath';
import { LayerError, type LayerSpec, schemaOnce } from './spec';

/** The merges that combine equal-shaped inputs value by value (Add, Multiply, Average, …); none has settings. */
export const elementwiseSchema = schemaOnce(() => z.strictObject({}));

export type ElementwiseParams = z.output<ReturnType<typeof elementwiseSchema>>;

interface ElementwiseKind<K extends string> {
  kind: K;
  nodeName: string;
  /** Subtract takes exactly two; the others two or more. */
  maxInputs: number;
  summary: string;
}

/**
 * As Keras does, an axis of size 1 stretches to match the others (squeeze-and-excitation
 * multiplies [H, W, C] by [1, 1, C]). Unlike Keras the ranks must agree: a [C] vector is
 * made [1, 1, C] with a Reshape first, so the PyTorch export (NCHW) lines up the same axes.
 * (Add stays strict: a broadcast in a residual connection is almost always a bug.)
 */
export function elementwiseSpec<K extends string>(merge: ElementwiseKind<K>): LayerSpec<ElementwiseParams, K> {
  const { kind } = merge;
  const count = merge.maxInputs === 2 ? 'layer.exactlyTwo' : 'layer.atLeastTwo';
  return {
    kind,
    nodeName: merge.nodeName,
    category: 'merge',
    get schema() {
      return elementwiseSchema();
    },
    inputs: { min: 2, max: merge.maxInputs },
    outputShape(inputs) {
      const [first] = inputs;
      if (!first || inputs.length < 2 || inputs.length > merge.maxInputs)
        throw new LayerError(said(count, { subject: kind, count: inputs.length }));
      const out = [...first];
      inputs.forEach((shape, i) => {
        const fits = shape.length === out.length && shape.every((d, j) => d === out[j] || d === 1 || out[j] === 1);
        if (!fits) {
          throw new LayerError(
            said('layer.broadcastShape', {
              subject: kind,
              first: formatShape(first),
              index: i + 1,
              other: formatShape(shape),
            }),
          );
        }
        shape.forEach((d, j) => {
          out[j] = Math.max(out[j]!, d);
        });
      });
      return out;
    },
    paramCount: () => ({ trainable: 0, nonTrainable: 0 }),
    // Element-wise arithmetic is not multiply-adds (docs/conventions.md).
    macs: () => 0,
    rfStep: () => ({ type: 'identity' }),
    summary: () => merge.summary,
  };
}

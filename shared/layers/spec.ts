import type { z } from 'zod';
import type { Shape } from '../graph/types';
import { type DiagnosticText, english } from '../i18n/diagnosticText';

export type PaletteCategory = 'input' | 'convolution' | 'compression' | 'pooling' | 'merge' | 'normalization' | 'head';

export interface ParamCount {
  trainable: number;
  nonTrainable: number;
}

/**
 * One receptive-field step: how a layer widens the field seen by each output
 * position and multiplies the distance between neighbouring outputs (the jump).
 * 'identity' leaves both unchanged (activations, batch norm, merges);
 * 'global' means every output sees the whole input (dense, global pooling, flatten).
 */
export type RfStep =
  | {
      type: 'window';
      kernel: readonly [number, number];
      stride: readonly [number, number];
      dilation: readonly [number, number];
    }
  | { type: 'identity' }
  | { type: 'global' };

/**
 * The contract every layer kind implements, one file per kind. All functions are
 * pure and receive parameters already validated by `schema`. Shape problems are
 * reported by throwing LayerError with a message a student can act on.
 */
export interface LayerSpec<P = Record<string, unknown>, K extends string = string> {
  /** Its name and description for people are per language, in shared/i18n/layersEn.ts. */
  kind: K;
  /** Base of the names new nodes of this kind get in the editor: "conv" → conv, conv_1, … */
  nodeName: string;
  category: PaletteCategory;
  /** Validates and fills defaults; messages name the bad value. */
  schema: z.ZodType<P>;
  /** How many inputs the kind takes. max: Infinity for merges. */
  inputs: { min: number; max: number };
  outputShape(inputs: readonly Shape[], params: P): Shape;
  paramCount(inputs: readonly Shape[], params: P): ParamCount;
  /** Multiply-accumulates per sample (convs, transposed, depthwise and separable convs, dense; nothing else counts). */
  macs(inputs: readonly Shape[], output: Shape, params: P): number;
  rfStep(params: P): RfStep;
  /** Short settings text for the node face, e.g. "3×3 /2, 64". */
  summary(params: P): string;
}

/**
 * A kind's schema, built the first time something reads it. A zod schema costs tens of
 * microseconds per field to build, and every command line run paid for all kinds at start-up
 * (2% of an `analyze` run's instructions) though a network uses a handful of them.
 */
export function schemaOnce<S extends z.ZodType>(build: () => S): () => S {
  let schema: S | undefined;
  return () => {
    schema ??= build();
    return schema;
  };
}

/** A shape problem: `text` says it in any language, `message` in English. */
export class LayerError extends Error {
  override name = 'LayerError';
  constructor(readonly text: DiagnosticText) {
    super(english(text));
  }
}

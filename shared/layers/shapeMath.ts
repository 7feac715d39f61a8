import type { Shape } from '../graph/types';
import { said } from '../i18n/diagnosticText';
import { LayerError } from './spec';

export type Padding = 'same' | 'valid';
export type Pair = readonly [number, number];

/** How a sliding window (conv kernel or pool) walks over the height and width. */
export interface Window {
  kernel: Pair;
  strides: Pair;
  /** Pools have none; omitted means 1×1. */
  dilation?: Pair;
  padding: Padding;
  /** Names the window in errors: "kernel" for convs, "pool window" for pools. */
  noun: WindowNoun;
}

export type WindowNoun = 'kernel' | 'pool window' | 'window';

const FIT = { kernel: 'layer.kernelFit', 'pool window': 'layer.poolFit', window: 'layer.windowFit' } as const;

export const product = (values: readonly number[]): number => values.reduce((acc, v) => acc * v, 1);

export const formatShape = (shape: Shape): string => `[${shape.join(', ')}]`;

/** Sizes read "3×3" in messages and node faces, height first like the shapes. */
export const formatPair = ([h, w]: Pair): string => `${h}×${w}`;

/** The extent of a kernel once dilation spreads its taps apart: (k − 1)·d + 1. */
export const dilatedSize = (kernel: number, dilation: number): number => (kernel - 1) * dilation + 1;

/**
 * One spatial axis, as Keras's conv_output_length computes it. May return 0 or less
 * for 'valid' when the window is larger than the input; windowOutput turns that into an error.
 */
export function windowOutputLength(input: number, kernel: number, stride: number, dilation: number, padding: Padding) {
  if (padding === 'same') return Math.ceil(input / stride);
  return Math.floor((input - dilatedSize(kernel, dilation)) / stride) + 1;
}

/** Output height and width of a conv or pool; throws a LayerError a student can act on when the window does not fit. */
export function windowOutput(input: Pair, window: Window): Pair {
  const dilation = window.dilation ?? [1, 1];
  const out: Pair = [
    windowOutputLength(input[0], window.kernel[0], window.strides[0], dilation[0], window.padding),
    windowOutputLength(input[1], window.kernel[1], window.strides[1], dilation[1], window.padding),
  ];
  if (out[0] > 0 && out[1] > 0) return out;
  const dilated = dilation[0] > 1 || dilation[1] > 1;
  const span: Pair = [dilatedSize(window.kernel[0], dilation[0]), dilatedSize(window.kernel[1], dilation[1])];
  const values = { size: formatPair(window.kernel), input: formatPair(input), padding: window.padding };
  // Only kernels dilate (pools and grid windows have none).
  if (dilated)
    throw new LayerError(
      said('layer.kernelFitDilated', { ...values, dilation: formatPair(dilation), span: formatPair(span) }),
    );
  throw new LayerError(said(FIT[window.noun], values));
}

/** The single input of a one-input kind; the graph checks arity, this guards direct callers. */
export function onlyInput(inputs: readonly Shape[], kind: string): Shape {
  const [input] = inputs;
  if (inputs.length !== 1 || !input)
    throw new LayerError(said('layer.oneInput', { subject: kind, count: inputs.length }));
  return input;
}

/** [H, W, C] of an image input; anything else gets an error pointing at the usual fix. */
export function imageShape(inputs: readonly Shape[], kind: string): readonly [number, number, number] {
  const input = onlyInput(inputs, kind);
  if (input.length !== 3) {
    throw new LayerError(said('layer.imageInput', { subject: kind, shape: formatShape(input) }));
  }
  // The input itself is already [H, W, C]: no copy, as this runs for every window layer.
  return input as unknown as readonly [number, number, number];
}

/** The channel (last) axis of any input of rank 1 or more. */
export function lastAxis(inputs: readonly Shape[], kind: string): number {
  const input = onlyInput(inputs, kind);
  const last = input.at(-1);
  if (last === undefined) throw new LayerError(said('layer.noAxis', { subject: kind }));
  return last;
}

/**
 * One spatial axis of a transposed convolution, as Keras's deconv_output_length computes it
 * (no output_padding): 'same' gives in·s, 'valid' in·s + max(k_dilated − s, 0).
 */
export function transposedOutputLength(
  input: number,
  kernel: number,
  stride: number,
  dilation: number,
  padding: Padding,
) {
  if (padding === 'same') return input * stride;
  return input * stride + Math.max(dilatedSize(kernel, dilation) - stride, 0);
}

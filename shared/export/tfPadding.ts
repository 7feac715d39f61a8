import type { Padding } from '../layers';

/** Rows (or columns) of padding before and after, along one axis. */
export type PadSides = readonly [before: number, after: number];

/**
 * TensorFlow's 'same' padding along one axis: enough to give ceil(in / stride) outputs,
 * split with the odd pixel *after* (bottom / right). At stride 2 on an even input that
 * is asymmetric (0 before, 1 after), which PyTorch's symmetric `padding=` cannot express.
 */
export function tfPadding(input: number, kernel: number, stride: number, dilation: number, padding: Padding): PadSides {
  if (padding === 'valid') return [0, 0];
  const output = Math.ceil(input / stride);
  const total = Math.max((output - 1) * stride + (kernel - 1) * dilation + 1 - input, 0);
  const before = Math.floor(total / 2);
  return [before, total - before];
}

/** Both axes of an image: [[top, bottom], [left, right]]. */
export type Pad2D = readonly [PadSides, PadSides];

export function tfPadding2D(
  input: readonly number[],
  kernel: readonly [number, number],
  strides: readonly [number, number],
  dilation: readonly [number, number],
  padding: Padding,
): Pad2D {
  return [
    tfPadding(input[0]!, kernel[0], strides[0], dilation[0], padding),
    tfPadding(input[1]!, kernel[1], strides[1], dilation[1], padding),
  ];
}

export const isSymmetric = ([[top, bottom], [left, right]]: Pad2D) => top === bottom && left === right;

export const isZero = ([[top, bottom], [left, right]]: Pad2D) => top + bottom + left + right === 0;

/** F.pad's order for the last two axes of NCHW: (left, right, top, bottom). */
export const torchPadOrder = ([[top, bottom], [left, right]]: Pad2D) => [left, right, top, bottom];

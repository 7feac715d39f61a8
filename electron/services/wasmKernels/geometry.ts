/**
 * Pure index arithmetic for the backprop kernels: which part of a tensor a
 * convolution reads along one spatial axis, split into the rows that exist
 * (a crop) and the zero rows around them (implicit padding).
 */

/** A window [start, end) in a tensor's own coordinates; it may stick out on either side. */
export interface AxisWindow {
  start: number;
  end: number;
}

/** The window as a crop of real rows plus zero padding before and after. */
export interface CroppedWindow {
  begin: number;
  length: number;
  padBefore: number;
  padAfter: number;
}

/**
 * Splits a window over an axis of `size` rows into the rows to keep and the
 * zeros to add. Null when the window holds no real row at all (every tap reads
 * padding, so the gradient is zero), because a 0-row tensor cannot be convolved.
 */
export function cropWindow(size: number, { start, end }: AxisWindow): CroppedWindow | null {
  const begin = Math.max(0, start);
  const last = Math.min(size, end);
  if (last <= begin) return null;
  return { begin, length: last - begin, padBefore: begin - start, padAfter: end - last };
}

/** Extent of a kernel of `size` taps spaced `dilation` apart. */
export const effectiveSize = (size: number, dilation: number) => (size - 1) * dilation + 1;

/**
 * Filter gradient, one axis: the rows of the input the forward convolution
 * actually touched. With output length `outSize` and padding `padBefore`, tap
 * `a` of output `i` reads row i·stride + a·dilation − padBefore; the last row
 * read is therefore (out−1)·stride + (k−1)·dilation − padBefore. Rows beyond it
 * (when in + pads − keff is not a multiple of the stride) are cropped, rows
 * before 0 or past the end are padding.
 */
export function filterGradWindow(
  kernelSize: number,
  outSize: number,
  stride: number,
  dilation: number,
  padBefore: number,
): AxisWindow {
  const start = 0 - padBefore; // not -padBefore, which is -0 when there is no padding
  return { start, end: start + (outSize - 1) * stride + effectiveSize(kernelSize, dilation) };
}

/**
 * Input gradient, one axis: the window of the zero-inserted output gradient
 * (output row i at position i·stride) that a stride-1 convolution with the
 * flipped filter reads to produce `inSize` rows. Input row h collects output
 * rows with i·stride = h + padBefore − a·dilation, so with the flipped filter
 * the window starts at padBefore − (keff − 1) and spans inSize + keff − 1 rows.
 */
export function inputGradWindow(kernelSize: number, inSize: number, dilation: number, padBefore: number): AxisWindow {
  const keff = effectiveSize(kernelSize, dilation);
  const start = padBefore - (keff - 1);
  return { start, end: start + inSize + keff - 1 };
}

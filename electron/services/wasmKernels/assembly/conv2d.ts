// AssemblyScript, compiled to WebAssembly SIMD by `npm run build:kernels`.
// Pointers are byte offsets into tfjs-backend-wasm's own memory, which this module imports.

import { depthwiseFilterTap, depthwiseInputTap } from './depthwiseTaps';
import { addDots, addProducts, packTaps } from './tapProducts';
import { accumulateTap } from './tapSums';

/**
 * A convolution's geometry, NHWC, padding resolved (tfjs's Conv2DInfo); the
 * caller writes these fifteen int32 values in this order (convInfo.ts).
 */
@unmanaged
class ConvGeometry {
  batch: i32;
  inH: i32;
  inW: i32;
  inC: i32;
  outH: i32;
  outW: i32;
  outC: i32;
  kernelH: i32;
  kernelW: i32;
  strideH: i32;
  strideW: i32;
  dilationH: i32;
  dilationW: i32;
  padTop: i32;
  padLeft: i32;
}

/**
 * y = conv(x, w) + bias, w [kh, kw, ci, co]; `bias` ([co]) is read only when
 * `hasBias`; `scratch` holds as many floats as w, for the taps when packed. Why not
 * XNNPACK's: 10–20% faster here, and the same code as the gradients below.
 */
export function conv2dForward(
  x: usize,
  w: usize,
  bias: usize,
  hasBias: bool,
  y: usize,
  geometry: usize,
  scratch: usize,
): void {
  const g = changetype<ConvGeometry>(geometry);
  const taps = packTaps(w, scratch, g.kernelH * g.kernelW, g.inC, g.outC, false);
  const pixels = g.batch * g.outH * g.outW;
  const pixelBytes = (<usize>g.outC) << 2;
  if (!hasBias) memory.fill(y, 0, <usize>pixels * pixelBytes);
  else for (let p = 0; p < pixels; p++) memory.copy(y + <usize>p * pixelBytes, bias, pixelBytes);
  eachTap(FORWARD, x, y, taps, g);
}

/**
 * dx, the input gradient: each pair's dy pixel times w[a,b]ᵀ added into its dx
 * pixel, w [kh, kw, ci, co] packed transposed into `scratch` (as many floats as
 * w), or, when `narrow` (fewer than 4 input channels, as for an image: too few
 * for vectors along ci), read as it is for dot products along co.
 * Why not XNNPACK: as a stride-1 convolution of dy it needed zeros inserted
 * between dy's rows and columns at stride > 1 (or one convolution per phase),
 * the filter flipped and transposed, and the phases interleaved.
 */
export function conv2dInputGrad(dy: usize, w: usize, dx: usize, geometry: usize, scratch: usize, narrow: bool): void {
  const g = changetype<ConvGeometry>(geometry);
  memory.fill(dx, 0, (<usize>g.batch * g.inH * g.inW * g.inC) << 2);
  if (narrow) {
    eachTap(INPUT_GRAD_NARROW, dx, dy, w, g);
    return;
  }
  eachTap(INPUT_GRAD, dx, dy, packTaps(w, scratch, g.kernelH * g.kernelW, g.outC, g.inC, true), g);
}

/**
 * dW[a,b,i,o] = Σ over the pairs of tap (a, b) of x[pixel, i] · dy[pixel, o], as
 * [kh, kw, ci, co]. Why not XNNPACK: as a convolution the "filter" would be dy,
 * which XNNPACK packs anew on every call (several ms per MB), and its operands
 * need transposing first. Here nothing is packed or transposed.
 */
export function conv2dFilterGrad(x: usize, dy: usize, dw: usize, geometry: usize): void {
  const g = changetype<ConvGeometry>(geometry);
  memory.fill(dw, 0, (<usize>g.kernelH * g.kernelW * g.inC * g.outC) << 2);
  eachTap(FILTER_GRAD, x, dy, dw, g);
}

/**
 * The depthwise convolution's gradients, filter [kh, kw, ci, m] (co = ci·m): input
 * channel c meets output channels c·m … c·m + m − 1 only. Why not XNNPACK: its
 * depthwise convolution needed dy spread with zeros at stride > 1, the filter
 * flipped, per-sample filter gradients summed over the batch, and transposes.
 */
export function depthwiseInputGrad(dy: usize, w: usize, dx: usize, geometry: usize): void {
  const g = changetype<ConvGeometry>(geometry);
  memory.fill(dx, 0, (<usize>g.batch * g.inH * g.inW * g.inC) << 2);
  eachTap(DEPTHWISE_INPUT_GRAD, dx, dy, w, g);
}

export function depthwiseFilterGrad(x: usize, dy: usize, dw: usize, geometry: usize): void {
  const g = changetype<ConvGeometry>(geometry);
  memory.fill(dw, 0, (<usize>g.kernelH * g.kernelW * g.outC) << 2);
  eachTap(DEPTHWISE_FILTER_GRAD, x, dy, dw, g);
}

/** Pixels per run of a pointwise convolution (see eachTap). */
const RUN = 128;

const FORWARD = 0;
const INPUT_GRAD = 1;
const INPUT_GRAD_NARROW = 2;
const FILTER_GRAD = 3;
const DEPTHWISE_INPUT_GRAD = 4;
const DEPTHWISE_FILTER_GRAD = 5;

/**
 * All the convolution kernels visit the same pairs: for each output position (r, j) and
 * filter tap (a, b), the input position (r·sh + a·dh − pt, j·sw + b·dw − pl)
 * when it lies inside the image. Along one output row and one tap those pairs
 * are two evenly spaced runs of pixels, handed to the tap's small matrix
 * product (forward, input gradient) or sum (filter gradient), dense or
 * depthwise. `input` is x or dx, `output` y or dy, `taps` w or dW.
 */
function eachTap(mode: i32, input: usize, output: usize, taps: usize, g: ConvGeometry): void {
  // Read once: the kernels' stores could alias the geometry as far as the compiler knows.
  const inW = g.inW;
  const inC = g.inC;
  const outW = g.outW;
  const outC = g.outC;
  const kernelW = g.kernelW;
  const strideW = g.strideW;
  const dilationW = g.dilationW;
  const padLeft = g.padLeft;
  const inPixel = (<usize>inC) << 2;
  const outPixel = (<usize>outC) << 2;
  const inStep = <usize>strideW * inPixel;
  const depthwise = mode === DEPTHWISE_INPUT_GRAD || mode === DEPTHWISE_FILTER_GRAD;
  const multiplier = outC / inC;
  // A depthwise tap holds co weights, a dense one ci × co.
  const tapBytes = depthwise ? outPixel : <usize>inC * outPixel;
  // A 1×1, stride-1, unpadded convolution pairs pixel p of the input with pixel p of the output:
  // runs of RUN pixels through the whole batch rather than one per row (at 7×7 too short for
  // the tiles of 4), short enough for a run's pixels to stay in cache across a tap's tiles.
  const pointwise =
    g.kernelH === 1 &&
    kernelW === 1 &&
    g.strideH === 1 &&
    strideW === 1 &&
    g.padTop === 0 &&
    padLeft === 0 &&
    g.outH === g.inH &&
    outW === inW;
  if (pointwise) {
    const pixels = g.batch * g.outH * outW;
    for (let p = 0; p < pixels; p += RUN) {
      const count = min(RUN, pixels - p);
      visit(
        mode,
        input + <usize>p * inPixel,
        inStep,
        output + <usize>p * outPixel,
        outPixel,
        taps,
        count,
        inC,
        outC,
        multiplier,
      );
    }
    return;
  }
  for (let n = 0; n < g.batch; n++) {
    for (let r = 0; r < g.outH; r++) {
      const outRow = output + <usize>(n * g.outH + r) * outW * outPixel;
      for (let a = 0; a < g.kernelH; a++) {
        const row = r * g.strideH + a * g.dilationH - g.padTop;
        if (row < 0 || row >= g.inH) continue;
        const inRow = input + <usize>(n * g.inH + row) * inW * inPixel;
        for (let b = 0; b < kernelW; b++) {
          // Output columns j whose input column j·sw + shift lies inside the row.
          const shift = b * dilationW - padLeft;
          const lastInside = inW - 1 - shift;
          if (lastInside < 0) continue;
          const first = shift >= 0 ? 0 : (strideW - 1 - shift) / strideW;
          const end = min(outW, lastInside / strideW + 1);
          if (first >= end) continue;
          const inAt = inRow + <usize>(first * strideW + shift) * inPixel;
          const outAt = outRow + <usize>first * outPixel;
          const tap = taps + <usize>(a * kernelW + b) * tapBytes;
          visit(mode, inAt, inStep, outAt, outPixel, tap, end - first, inC, outC, multiplier);
        }
      }
    }
  }
}

/** One run of `count` pairs: input pixels `inStep` bytes apart, output pixels `outPixel` apart, one tap. */
function visit(
  mode: i32,
  inAt: usize,
  inStep: usize,
  outAt: usize,
  outPixel: usize,
  tap: usize,
  count: i32,
  inC: i32,
  outC: i32,
  multiplier: i32,
): void {
  if (mode === FORWARD) addProducts(outAt, outPixel, inAt, inStep, tap, count, inC, outC);
  else if (mode === INPUT_GRAD) addProducts(inAt, inStep, outAt, outPixel, tap, count, outC, inC);
  else if (mode === INPUT_GRAD_NARROW) addDots(inAt, inStep, outAt, outPixel, tap, count, outC, inC);
  else if (mode === FILTER_GRAD) accumulateTap(inAt, outAt, tap, count, inC, outC, inStep);
  else if (mode === DEPTHWISE_INPUT_GRAD) depthwiseInputTap(inAt, inStep, outAt, outPixel, tap, count, inC, multiplier);
  else depthwiseFilterTap(inAt, inStep, outAt, outPixel, tap, count, inC, multiplier);
}

// AssemblyScript, compiled to WebAssembly SIMD by `npm run build:kernels`.
import { addDots, addProducts } from './tapProducts';

/**
 * A convolution's forward pass and input gradient visit the same pairs: for each
 * output position (r, j) and filter tap (a, b), the input position
 * (r·sh + a·dh − pt, j·sw + b·dw − pl) when it lies inside the image. Along one
 * output row and one tap those pairs are two evenly spaced runs of pixels, and
 * each pair is one small matrix product: the forward pass adds x-pixel × w[a,b]
 * into the y pixel, the input gradient dy-pixel × w[a,b]ᵀ into the dx pixel.
 */
const FORWARD = 0;
const INPUT_GRAD = 1;
/** The input gradient with fewer than 4 input channels (an image's): dot products along the output channels. */
const INPUT_GRAD_NARROW = 2;

/**
 * y = conv(x, w) + bias, NHWC, w [kh, kw, ci, co], any stride, dilation and
 * padding; `bias` ([co]) is read only when `hasBias`. Why not XNNPACK's: 10–20% faster here, and the
 * same code as the input gradient below.
 */
export function conv2dForward(
  x: usize,
  w: usize,
  bias: usize,
  hasBias: bool,
  y: usize,
  batch: i32,
  inH: i32,
  inW: i32,
  inC: i32,
  outH: i32,
  outW: i32,
  outC: i32,
  kernelH: i32,
  kernelW: i32,
  strideH: i32,
  strideW: i32,
  dilationH: i32,
  dilationW: i32,
  padTop: i32,
  padLeft: i32,
): void {
  const pixels = batch * outH * outW;
  const pixelBytes = (<usize>outC) << 2;
  if (!hasBias) memory.fill(y, 0, <usize>pixels * pixelBytes);
  else for (let p = 0; p < pixels; p++) memory.copy(y + <usize>p * pixelBytes, bias, pixelBytes);
  eachTap(
    FORWARD,
    x,
    y,
    w,
    batch,
    inH,
    inW,
    inC,
    outH,
    outW,
    outC,
    kernelH,
    kernelW,
    strideH,
    strideW,
    dilationH,
    dilationW,
    padTop,
    padLeft,
  );
}

/**
 * dx[n, r·sh + a·dh − pt, j·sw + b·dw − pl, i] = Σ over the pairs of dy[n,r,j,o] · w[a,b,i,o]:
 * the convolution's input gradient. `w` has its channel axes swapped
 * ([kh, kw, co, ci]), or, when `narrow`, is as it is ([kh, kw, ci, co]).
 * Why not XNNPACK: as a stride-1 convolution of dy it needed zeros inserted
 * between dy's rows and columns at stride > 1 (or one convolution per phase),
 * the filter flipped and transposed, and the phases interleaved.
 */
export function conv2dInputGrad(
  dy: usize,
  w: usize,
  dx: usize,
  batch: i32,
  inH: i32,
  inW: i32,
  inC: i32,
  outH: i32,
  outW: i32,
  outC: i32,
  kernelH: i32,
  kernelW: i32,
  strideH: i32,
  strideW: i32,
  dilationH: i32,
  dilationW: i32,
  padTop: i32,
  padLeft: i32,
  narrow: bool,
): void {
  memory.fill(dx, 0, (<usize>batch * inH * inW * inC) << 2);
  const mode = narrow ? INPUT_GRAD_NARROW : INPUT_GRAD;
  eachTap(
    mode,
    dx,
    dy,
    w,
    batch,
    inH,
    inW,
    inC,
    outH,
    outW,
    outC,
    kernelH,
    kernelW,
    strideH,
    strideW,
    dilationH,
    dilationW,
    padTop,
    padLeft,
  );
}

/** Visits every (output row, tap) pair of runs; `input` is x or dx, `output` y or dy. */
function eachTap(
  mode: i32,
  input: usize,
  output: usize,
  w: usize,
  batch: i32,
  inH: i32,
  inW: i32,
  inC: i32,
  outH: i32,
  outW: i32,
  outC: i32,
  kernelH: i32,
  kernelW: i32,
  strideH: i32,
  strideW: i32,
  dilationH: i32,
  dilationW: i32,
  padTop: i32,
  padLeft: i32,
): void {
  const inPixel = (<usize>inC) << 2;
  const outPixel = (<usize>outC) << 2;
  const inStep = <usize>strideW * inPixel;
  const tapBytes = <usize>inC * outPixel;
  for (let n = 0; n < batch; n++) {
    for (let r = 0; r < outH; r++) {
      const outRow = output + <usize>(n * outH + r) * outW * outPixel;
      for (let a = 0; a < kernelH; a++) {
        const row = r * strideH + a * dilationH - padTop;
        if (row < 0 || row >= inH) continue;
        const inRow = input + <usize>(n * inH + row) * inW * inPixel;
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
          const tap = w + <usize>(a * kernelW + b) * tapBytes;
          const count = end - first;
          if (mode === FORWARD) addProducts(outAt, outPixel, inAt, inStep, tap, count, inC, outC);
          else if (mode === INPUT_GRAD) addProducts(inAt, inStep, outAt, outPixel, tap, count, outC, inC);
          else addDots(inAt, inStep, outAt, outPixel, tap, count, outC, inC);
        }
      }
    }
  }
}

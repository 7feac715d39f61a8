import type * as tfjs from '@tensorflow/tfjs';
import { assertShape, type BackpropAttrs, forwardConvInfo } from './convInfo';
import { filterGradWindow } from './geometry';
import { type Info, type KernelScope, type Pads4D, type Tf, withScope } from './kernelScope';

type Inputs = tfjs.NamedTensorInfoMap;

const NAME = 'Conv2DBackpropFilter';

/**
 * dW[a,b,ci,co] = Σ_{n,i,j} x[n, i·sh + a·dh − pt, j·sw + b·dw − pl, ci] · dy[n,i,j,co]
 * is itself a forward convolution, which wasm runs in XNNPACK: the input is x
 * with batch and channels swapped ([ci, H, W, n]: ci plays the batch, n the
 * channels being summed), the filter is dy as [oh, ow, n, co], the stride is the
 * forward dilation and the dilation the forward stride. Its output
 * [ci, kh, kw, co] is transposed to [kh, kw, ci, co]. Rows the forward pass
 * never read are cropped and missing ones padded (see filterGradWindow), so the
 * output is exactly kh × kw.
 */
export function conv2dBackpropFilter(tf: Tf): tfjs.KernelFunc {
  return ({ inputs, backend, attrs }) =>
    withScope(tf, backend, (k) => {
      const { x, dy } = inputs as { x: Info; dy: Info };
      const a = attrs as unknown as BackpropAttrs & { filterShape: number[] };
      const info = forwardConvInfo(tf, NAME, x.shape, a.filterShape, a, false);
      assertShape(NAME, 'dy', dy.shape, info.outShape);
      const { filterHeight: kh, filterWidth: kw, inChannels: ci, outChannels: co } = info;
      const rows = filterGradWindow(kh, info.outHeight, info.strideHeight, info.dilationHeight, info.padInfo.top);
      const cols = filterGradWindow(kw, info.outWidth, info.strideWidth, info.dilationWidth, info.padInfo.left);
      const cropped = k.cropSpatial(x, rows, cols);
      if (!cropped) return k.zeros([kh, kw, ci, co]);
      if (kh === 1 && kw === 1 && info.strideHeight === 1 && info.strideWidth === 1 && unpadded(cropped.pads)) {
        return k.view(pointwiseFilterGrad(k, cropped.x, dy), [1, 1, ci, co]);
      }
      const grad = k.run(
        'Conv2D',
        { x: k.transpose(cropped.x, [3, 1, 2, 0]), filter: k.transpose(dy, [1, 2, 0, 3]) },
        {
          strides: [info.dilationHeight, info.dilationWidth],
          dilations: [info.strideHeight, info.strideWidth],
          pad: cropped.pads,
          dataFormat: 'NHWC',
        },
      );
      assertShape(NAME, 'the gradient convolution', grad.shape, [ci, kh, kw, co]);
      return k.transpose(grad, [1, 2, 0, 3]);
    });
}

const unpadded = (pads: Pads4D) => pads.every(([before, after]) => before === 0 && after === 0);

/** Positions per partial product in pointwiseFilterGrad: 128 and 512 measured up to 10% slower, 1024 nearly 2×. */
const CHUNK = 256;

/**
 * A 1×1 stride-1 convolution's filter gradient is one matrix product over all
 * P = n·H·W positions, dW = xᵀ·dy. As a convolution its "filter" would be all of
 * dy (H·W taps of only n channels each), which XNNPACK handles several times
 * slower than a plain GEMM. wasm's BatchMatMul is XNNPACK's fully-connected
 * operator, which packs its weights (the right operand, here [P, c]) once per
 * new tensor, i.e. on every call in training, and packing one tall matrix
 * costs more than the product (ci 32, co 120, P 8192: 2.4 ms with the weights
 * packed, 6.7 ms with fresh ones). So P is cut into chunks of CHUNK positions,
 * each a small product whose packing stays in cache, and their partial
 * products are summed. The operand with fewer channels is the weights; the
 * other is transposed explicitly (BatchMatMul leaves XNNPACK when told to
 * transpose), chunk by chunk (see transposedChunks).
 * Per call, fresh tensors as in training, median ms before → after (2 shared cores):
 * ci 32 → co 120 at P 8192: 9.2 → 6.4; at P 32768: 48–90 → 24; 72 → 16 at P 32768: 15.8 → 9.8.
 */
function pointwiseFilterGrad(k: KernelScope, x: Info, dy: Info): Info {
  const ci = x.shape[3]!;
  const co = dy.shape[3]!;
  const positions = x.shape[0]! * x.shape[1]! * x.shape[2]!;
  const [wide, narrow] = ci <= co ? [dy, x] : [x, dy];
  const [wc, nc] = [wide.shape[3]!, narrow.shape[3]!];
  const full = Math.floor(positions / CHUNK);
  const rest = positions - full * CHUNK;
  const sizes = [...new Array<number>(full).fill(CHUNK), ...(rest > 0 ? [rest] : [])];
  const lefts = transposedChunks(k, k.view(wide, [positions, wc]), full, rest);
  const rights =
    sizes.length === 1
      ? [narrow]
      : k.runMany('SplitV', { x: k.view(narrow, [positions, nc]) }, { numOrSizeSplits: sizes, axis: 0 });
  const partials = sizes.map((size, i) =>
    k.run(
      'BatchMatMul',
      { a: k.view(lefts[i]!, [1, wc, size]), b: k.view(rights[i]!, [1, size, nc]) },
      { transposeA: false, transposeB: false },
    ),
  );
  const sum = partials.length === 1 ? partials[0]! : k.run('AddN', partials as unknown as Inputs);
  // The sum is [wc, nc]: [ci, co] when x was the wide operand, else [co, ci].
  return ci <= co ? k.transpose(k.view(sum, [co, ci]), [1, 0]) : k.view(sum, [ci, co]);
}

/**
 * `t` ([P, c]) cut into `full` chunks of CHUNK rows and a last one of `rest`,
 * each transposed to [c, rows]. The full chunks go through one batched
 * Transpose ([full, CHUNK, c] → [full, c, CHUNK]), which works block by block:
 * a single 2D transpose of all P rows is 4× slower (6.6 ms for [8192, 120]).
 */
function transposedChunks(k: KernelScope, t: Info, full: number, rest: number): Info[] {
  const c = t.shape[1]!;
  if (full === 0) return [k.transpose(t, [1, 0])];
  const [body, tail] =
    rest > 0 ? k.runMany('SplitV', { x: t }, { numOrSizeSplits: [full * CHUNK, rest], axis: 0 }) : [t, undefined];
  const bodyT = k.transpose(k.view(body!, [full, CHUNK, c]), [0, 2, 1]);
  const chunks = full === 1 ? [bodyT] : k.runMany('SplitV', { x: bodyT }, { numOrSizeSplits: full, axis: 0 });
  return tail ? [...chunks, k.transpose(tail, [1, 0])] : chunks;
}

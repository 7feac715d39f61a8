import { moveRun, wholeHeap } from './heap';

/**
 * The two rearrangements around the per-phase convolutions of inputGradPhases,
 * as plain loops over the wasm heap. Through wasm's kernels the sub-filters
 * took a Reverse, a Transpose and one StridedSlice each (about 6 ms a call on
 * the benchmark's layer, StridedSlice's general path being a slow loop), and
 * the interleave two Concats and a crop (4–6 ms); with these loops the whole
 * kernel takes 2.3 ms more than its convolutions (20.3 ms against 18.0).
 */

/** Filter taps first, first + stride, … (count of them) along one axis. */
export interface Taps {
  first: number;
  count: number;
  stride: number;
}

/**
 * Writes into `out` ([rows.count, cols.count, co, ci]) the taps of `w`
 * ([kh, kw, ci, co]) that one phase uses, flipped in both spatial axes and with
 * the channel axes swapped: out[t, u, o, i] = w[rows.first + (rows.count − 1 − t)·rows.stride,
 * cols.first + (cols.count − 1 − u)·cols.stride, i, o].
 */
export function writePhaseFilter(
  out: Float32Array,
  w: Float32Array,
  [, kw, ci, co]: readonly number[],
  rows: Taps,
  cols: Taps,
) {
  let to = 0;
  for (let t = 0; t < rows.count; t++) {
    const a = rows.first + (rows.count - 1 - t) * rows.stride;
    for (let u = 0; u < cols.count; u++) {
      const b = cols.first + (cols.count - 1 - u) * cols.stride;
      const tap = (a * kw! + b) * ci! * co!;
      for (let o = 0; o < co!; o++) {
        for (let i = 0; i < ci!; i++) out[to++] = w[tap + i * co! + o]!;
      }
    }
  }
}

/**
 * Copies one phase ([n, rows, cols, c], row q and column p of it being row
 * q·strideH + phaseRow and column p·strideW + phaseCol of dx) into `dx`
 * ([n, H, W, c]); rows and columns past dx's edge are dropped (the crop).
 * Both live on the wasm heap, so a pixel's channels move with one copyWithin
 * on a view of the whole heap (3× faster than an element loop at 48 channels).
 */
export function writePhase(
  dx: Float32Array,
  [n, height, width, c]: readonly number[],
  phase: Float32Array,
  [rows, cols]: readonly [number, number],
  [phaseRow, phaseCol]: readonly [number, number],
  [strideH, strideW]: readonly [number, number],
) {
  const inRow = Math.min(rows, Math.ceil((height! - phaseRow) / strideH));
  const inCol = Math.min(cols, Math.ceil((width! - phaseCol) / strideW));
  const { heap, base: dxBase } = wholeHeap(dx);
  const phaseBase = wholeHeap(phase).base;
  const step = strideW * c!;
  for (let b = 0; b < n!; b++) {
    for (let q = 0; q < inRow; q++) {
      let from = phaseBase + (b * rows + q) * cols * c!;
      let to = dxBase + ((b * height! + q * strideH + phaseRow) * width! + phaseCol) * c!;
      for (let p = 0; p < inCol; p++, from += c!, to += step) moveRun(heap, to, from, c!);
    }
  }
}

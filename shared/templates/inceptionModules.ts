import { GraphBuilder, type NodeRef } from '../graph/builder';
import type { Graph } from '../graph/types';

/**
 * Inception-v3 modules as reusable builders, each mirroring the matching block of
 * Keras Applications' inception_v3.py (branch order = concatenation order, layer
 * order, channel counts). Layers get Keras's automatic names (conv2d_N,
 * batch_normalization_N, activation_N, ...) so a full InceptionV3 built from these
 * lines up name for name with `keras.applications.InceptionV3().summary()`.
 * Each module is one group: the editor collapses it and shows its totals.
 */

/** Group template ids, also the ids of the standalone palette templates in index.ts. */
export const INCEPTION_A = 'inception-a';
export const INCEPTION_B = 'inception-b';
export const INCEPTION_C = 'inception-c';
export const INCEPTION_REDUCTION_A = 'inception-reduction-a';
export const INCEPTION_REDUCTION_B = 'inception-reduction-b';

export interface ConvBnOptions {
  strides?: [number, number];
  padding?: 'same' | 'valid';
  /**
   * Batch-norm gamma. Keras's conv2d_bn leaves it out (false, the default here).
   * Networks meant to be trained in the app need true: tfjs-layers 4.x cannot train
   * a BatchNormalization without gamma (tensorflow/tfjs#2868, still open).
   */
  scale?: boolean;
}

/**
 * Keras's conv2d_bn: Conv2D without bias (the batch norm's beta makes it
 * redundant), BatchNorm with scale=False (ReLU follows, so gamma is redundant too),
 * then ReLU. Per block: kh·kw·Cin·F weights, F trainable beta, 2F non-trainable.
 */
export function convBn(
  b: GraphBuilder,
  x: NodeRef,
  filters: number,
  kernel: [number, number],
  { strides = [1, 1], padding = 'same', scale = false }: ConvBnOptions = {},
): NodeRef {
  const conv = b.add(
    'Conv2D',
    // Copies, so no two nodes share a params array.
    { filters, kernelSize: [...kernel], strides: [...strides], padding, useBias: false, activation: 'linear' },
    [x],
    b.uniqueName('conv2d'),
  );
  const bn = b.add(
    'BatchNorm',
    { center: true, scale, epsilon: 0.001, momentum: 0.99 },
    [conv],
    b.uniqueName('batch_normalization'),
  );
  return b.add('Activation', { activation: 'relu' }, [bn], b.uniqueName('activation'));
}

/** Keras's 3×3 stride-1 'same' average pool in front of each module's pool branch. */
function avgPool3x3Same(b: GraphBuilder, x: NodeRef): NodeRef {
  return b.add(
    'AvgPool2D',
    { poolSize: [3, 3], strides: [1, 1], padding: 'same' },
    [x],
    b.uniqueName('average_pooling2d'),
  );
}

/** Keras's 3×3 stride-2 'valid' max pool: the parameter-free branch of both grid reductions. */
function maxPool3x3Stride2(b: GraphBuilder, x: NodeRef): NodeRef {
  return b.add(
    'MaxPool2D',
    { poolSize: [3, 3], strides: [2, 2], padding: 'valid' },
    [x],
    b.uniqueName('max_pooling2d'),
  );
}

function concat(b: GraphBuilder, inputs: NodeRef[], name?: string): NodeRef {
  return b.add('Concatenate', { axis: -1 }, inputs, name ?? b.uniqueName('concatenate'));
}

/** conv2d_bn bound to one builder and one batch-norm scale setting. */
function convBnWith(b: GraphBuilder, scale = false) {
  return (x: NodeRef, filters: number, kernel: [number, number], options: ConvBnOptions = {}) =>
    convBn(b, x, filters, kernel, { ...options, scale });
}

/** Options every module builder takes. */
export interface ModuleOptions {
  /** Group name and name of the module's output Concatenate, as in Keras (mixed0 …). */
  name: string;
  /** Batch-norm gamma in every conv2d_bn of the module; see ConvBnOptions.scale. Default false (Keras). */
  scale?: boolean;
}

/** name: Keras's mixed0, mixed1, mixed2. */
export interface InceptionAOptions extends ModuleOptions {
  branch1x1?: number;
  branch5x5Reduce?: number;
  branch5x5?: number;
  branch3x3dblReduce?: number;
  branch3x3dbl?: number;
  /** 32 in mixed0, 64 in mixed1 and mixed2. */
  poolProjection?: number;
}

/**
 * Module A (35×35; Keras mixed0–2): 1×1 | 1×1→5×5 | 1×1→3×3→3×3 | avgpool→1×1.
 * The paper's Figure 5 replaces the 5×5 with two 3×3s; the released model (and Keras)
 * keeps a 5×5 branch beside the double-3×3 one. Defaults are mixed0's.
 * Output channels: branch1x1 + branch5x5 + branch3x3dbl + poolProjection.
 */
export function inceptionModuleA(b: GraphBuilder, x: NodeRef, o: InceptionAOptions): NodeRef {
  const cb = convBnWith(b, o.scale);
  return b.group(o.name, INCEPTION_A, () => {
    const b1 = cb(x, o.branch1x1 ?? 64, [1, 1]);

    let b5 = cb(x, o.branch5x5Reduce ?? 48, [1, 1]);
    b5 = cb(b5, o.branch5x5 ?? 64, [5, 5]);

    let b3 = cb(x, o.branch3x3dblReduce ?? 64, [1, 1]);
    b3 = cb(b3, o.branch3x3dbl ?? 96, [3, 3]);
    b3 = cb(b3, o.branch3x3dbl ?? 96, [3, 3]);

    const pool = cb(avgPool3x3Same(b, x), o.poolProjection ?? 32, [1, 1]);
    return concat(b, [b1, b5, b3, pool], o.name);
  });
}

/** name: Keras's mixed4 … mixed7. */
export interface InceptionBOptions extends ModuleOptions {
  /** Intermediate channels of the factorized 7×7 branches: 128 (mixed4), 160 (mixed5, 6), 192 (mixed7). */
  channels7x7?: number;
  /** n of the 1×n / n×1 factorization; Keras uses 7 throughout. */
  n?: number;
  /** Output channels of every branch; 4 × 192 = 768 in Keras. */
  branchOut?: number;
}

/**
 * Module B (17×17; Keras mixed4–7): an n×n convolution factorized into 1×n then
 * n×1, which costs 2/n of it (the paper's Figure 6, n = 7).
 * Branches: 1×1 | 1×1→1×n→n×1 | 1×1→n×1→1×n→n×1→1×n | avgpool→1×1.
 */
export function inceptionModuleB(b: GraphBuilder, x: NodeRef, o: InceptionBOptions): NodeRef {
  const c7 = o.channels7x7 ?? 128;
  const n = o.n ?? 7;
  const out = o.branchOut ?? 192;
  const cb = convBnWith(b, o.scale);
  return b.group(o.name, INCEPTION_B, () => {
    const b1 = cb(x, out, [1, 1]);

    let b7 = cb(x, c7, [1, 1]);
    b7 = cb(b7, c7, [1, n]);
    b7 = cb(b7, out, [n, 1]);

    let b7dbl = cb(x, c7, [1, 1]);
    b7dbl = cb(b7dbl, c7, [n, 1]);
    b7dbl = cb(b7dbl, c7, [1, n]);
    b7dbl = cb(b7dbl, c7, [n, 1]);
    b7dbl = cb(b7dbl, out, [1, n]);

    const pool = cb(avgPool3x3Same(b, x), out, [1, 1]);
    return concat(b, [b1, b7, b7dbl, pool], o.name);
  });
}

/** name: Keras's mixed9, mixed10. */
export interface InceptionCOptions extends ModuleOptions {
  /** Suffix of the inner 1×3 | 3×1 concatenation's Keras name, mixed9_<index> (0 for mixed9, 1 for mixed10). */
  index?: number;
}

/**
 * Module C (8×8; Keras mixed9–10): the expanded filter bank of the paper's
 * Figure 7. The 3×3 outputs are split into parallel 1×3 and 3×1 convolutions
 * whose results are concatenated, widening the representation at the coarsest grid.
 * Branches: 1×1 (320) | 1×1→[1×3 ‖ 3×1] (768) | 1×1→3×3→[1×3 ‖ 3×1] (768) | avgpool→1×1 (192) = 2048.
 */
export function inceptionModuleC(b: GraphBuilder, x: NodeRef, o: InceptionCOptions): NodeRef {
  const cb = convBnWith(b, o.scale);
  return b.group(o.name, INCEPTION_C, () => {
    const b1 = cb(x, 320, [1, 1]);

    const b3 = cb(x, 384, [1, 1]);
    const b3a = cb(b3, 384, [1, 3]);
    const b3b = cb(b3, 384, [3, 1]);
    const b3cat = concat(b, [b3a, b3b], `mixed9_${o.index ?? 0}`);

    let dbl = cb(x, 448, [1, 1]);
    dbl = cb(dbl, 384, [3, 3]);
    const dblA = cb(dbl, 384, [1, 3]);
    const dblB = cb(dbl, 384, [3, 1]);
    const dblCat = concat(b, [dblA, dblB]);

    const pool = cb(avgPool3x3Same(b, x), 192, [1, 1]);
    return concat(b, [b1, b3cat, dblCat, pool], o.name);
  });
}

/**
 * Grid reduction A (35×35 → 17×17; Keras mixed3). Pooling and strided convolution
 * run in parallel and are concatenated, so the grid shrinks without the
 * representational bottleneck of pooling first (the paper's Figure 10).
 * Branches: 3×3/2 (384) | 1×1→3×3→3×3/2 (96) | maxpool/2 (Cin). 288 in → 768 out.
 */
export function gridReductionA(
  b: GraphBuilder,
  x: NodeRef,
  { name, scale }: ModuleOptions = { name: 'mixed3' },
): NodeRef {
  const cb = convBnWith(b, scale);
  return b.group(name, INCEPTION_REDUCTION_A, () => {
    const b3 = cb(x, 384, [3, 3], { strides: [2, 2], padding: 'valid' });

    let dbl = cb(x, 64, [1, 1]);
    dbl = cb(dbl, 96, [3, 3]);
    dbl = cb(dbl, 96, [3, 3], { strides: [2, 2], padding: 'valid' });

    const pool = maxPool3x3Stride2(b, x);
    return concat(b, [b3, dbl, pool], name);
  });
}

/**
 * Grid reduction B (17×17 → 8×8; Keras mixed8), same idea as reduction A.
 * Branches: 1×1→3×3/2 (320) | 1×1→1×7→7×1→3×3/2 (192) | maxpool/2 (Cin). 768 in → 1280 out.
 */
export function gridReductionB(
  b: GraphBuilder,
  x: NodeRef,
  { name, scale }: ModuleOptions = { name: 'mixed8' },
): NodeRef {
  const cb = convBnWith(b, scale);
  return b.group(name, INCEPTION_REDUCTION_B, () => {
    let b3 = cb(x, 192, [1, 1]);
    b3 = cb(b3, 320, [3, 3], { strides: [2, 2], padding: 'valid' });

    let b7 = cb(x, 192, [1, 1]);
    b7 = cb(b7, 192, [1, 7]);
    b7 = cb(b7, 192, [7, 1]);
    b7 = cb(b7, 192, [3, 3], { strides: [2, 2], padding: 'valid' });

    const pool = maxPool3x3Stride2(b, x);
    return concat(b, [b3, b7, pool], name);
  });
}

// Standalone palette templates: an Input of the size the module sees inside
// InceptionV3, then the module with the parameters of its first use there.

/** mixed0: 35×35×192 → 35×35×256. */
export function buildInceptionATemplate(): Graph {
  const b = new GraphBuilder();
  inceptionModuleA(b, b.input([35, 35, 192]), { name: 'mixed0', poolProjection: 32 });
  return b.build();
}

/** mixed4: 17×17×768 → 17×17×768, 1×7 / 7×1 factorization with 128 intermediate channels. */
export function buildInceptionBTemplate(): Graph {
  const b = new GraphBuilder();
  inceptionModuleB(b, b.input([17, 17, 768]), { name: 'mixed4', channels7x7: 128 });
  return b.build();
}

/** mixed9: 8×8×1280 → 8×8×2048. */
export function buildInceptionCTemplate(): Graph {
  const b = new GraphBuilder();
  inceptionModuleC(b, b.input([8, 8, 1280]), { name: 'mixed9', index: 0 });
  return b.build();
}

/** mixed3: 35×35×288 → 17×17×768. */
export function buildGridReductionATemplate(): Graph {
  const b = new GraphBuilder();
  gridReductionA(b, b.input([35, 35, 288]), { name: 'mixed3' });
  return b.build();
}

/** mixed8: 17×17×768 → 8×8×1280. */
export function buildGridReductionBTemplate(): Graph {
  const b = new GraphBuilder();
  gridReductionB(b, b.input([17, 17, 768]), { name: 'mixed8' });
  return b.build();
}

import * as tf from '@tensorflow/tfjs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { initWasmAndCpu, liveCounts, randomValues, relativeError, size } from './harness';

beforeAll(initWasmAndCpu);

type Pair = [number, number];
type Pad = 'same' | 'valid' | number | [Pair, Pair, Pair, Pair];
interface PoolCase {
  xShape: [number, number, number, number];
  filterSize: Pair;
  strides: Pair;
  pad: Pad;
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
  /** Inputs rounded to a few levels, so windows hold tied maxima (the first one wins). */
  ties: boolean;
  seed: number;
}

/** Float sums in another order: max |Δ| relative to the gradient's scale. */
const TOLERANCE = 1e-5;

const explicitPads = (filterSize: Pair) =>
  // Each pad below the filter size, so every window holds at least one real input
  // (an all-padding average is 0/0 in tfjs's forward pass: no gradient to compare).
  fc
    .tuple(fc.nat(filterSize[0] - 1), fc.nat(filterSize[0] - 1), fc.nat(filterSize[1] - 1), fc.nat(filterSize[1] - 1))
    .map(
      ([t, b, l, r]): Pad => [
        [0, 0],
        [t, b],
        [l, r],
        [0, 0],
      ],
    );

function poolCases(pads: (filterSize: Pair) => fc.Arbitrary<Pick<PoolCase, 'pad' | 'dimRoundingMode'>>) {
  return fc
    .record({
      xShape: fc.tuple(
        fc.integer({ min: 1, max: 2 }),
        fc.integer({ min: 1, max: 7 }),
        fc.integer({ min: 1, max: 7 }),
        // Up to 10 channels: the max-pool kernel takes them four at a time (SIMD), then one by one.
        fc.integer({ min: 1, max: 10 }),
      ),
      filterSize: fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 })),
      strides: fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 })),
      ties: fc.boolean(),
      seed: fc.integer(),
    })
    .chain((c) => pads(c.filterSize).map((p): PoolCase => ({ ...c, ...p })));
}

/** The forward output shape, or null when tfjs would reject the geometry or it has no output. */
function outShape(c: PoolCase): number[] | null {
  try {
    const info = tf.backend_util.computePool2DInfo(c.xShape, c.filterSize, c.strides, 1, c.pad, c.dimRoundingMode);
    return info.outHeight > 0 && info.outWidth > 0 ? info.outShape : null;
  } catch {
    return null;
  }
}

function inputsOf(c: PoolCase, yShape: number[]) {
  const x = randomValues(size(c.xShape), c.seed).map((v) => (c.ties ? Math.round(v * 2) : v));
  return { x, dy: randomValues(size(yShape), c.seed ^ 0x5bd1e995) };
}

const attrsOf = (c: PoolCase) => ({
  filterSize: c.filterSize,
  strides: c.strides,
  pad: c.pad,
  dimRoundingMode: c.dimRoundingMode,
});

async function forwardOnCpu(c: PoolCase, x: Float32Array): Promise<Float32Array> {
  await tf.setBackend('cpu');
  const input = tf.tensor(x, c.xShape);
  const y = tf.engine().runKernel('MaxPool', { x: input }, attrsOf(c) as unknown as tf.NamedAttrMap) as tf.Tensor;
  const values = y.dataSync() as Float32Array;
  tf.dispose([input, y]);
  return values;
}

/** One pool-gradient kernel on `backend`; on wasm it must leave no tensor or heap buffer behind. */
async function poolGradOn(
  backend: 'wasm' | 'cpu',
  kernel: 'MaxPoolGrad' | 'AvgPoolGrad',
  c: PoolCase,
  yShape: number[],
): Promise<Float32Array> {
  const { x, dy } = inputsOf(c, yShape);
  // MaxPoolGrad takes the forward output too (both ours and cpu's ignore it).
  // It comes from cpu's forward pass: wasm's own MaxPool returns garbage for some numeric paddings.
  const y = kernel === 'MaxPoolGrad' ? await forwardOnCpu(c, x) : null;
  await tf.setBackend(backend);
  const before = liveCounts();
  const input = tf.tensor(x, c.xShape);
  const dyT = tf.tensor(dy, yShape);
  const inputs: tf.NamedTensorMap = y ? { dy: dyT, input, output: tf.tensor(y, yShape) } : { dy: dyT, input };
  const dx = tf.engine().runKernel(kernel, inputs, attrsOf(c) as unknown as tf.NamedAttrMap) as tf.Tensor;
  const values = dx.dataSync() as Float32Array;
  tf.dispose([dx, ...Object.values(inputs)]);
  expect(liveCounts()).toEqual(before);
  return values;
}

/**
 * The exact gradient of tfjs's forward average pool, independent of any
 * gradient kernel: the pool is linear per sample, so its Jacobian's column for
 * input element p is the cpu forward pool of the basis image e_p. All basis
 * images go through one cpu avgPool as a batch; dx[b, p] = Σ_q J[p, q]·dy[b, q].
 */
async function exactAvgPoolGrad(c: PoolCase, yShape: number[]): Promise<Float32Array> {
  const [n, h, w, ch] = c.xShape;
  const perSample = h * w * ch;
  const outPerSample = size(yShape) / n;
  await tf.setBackend('cpu');
  const jacobian = tf.tidy(() =>
    tf
      .avgPool(
        tf.eye(perSample).reshape([perSample, h, w, ch]) as tf.Tensor4D,
        c.filterSize,
        c.strides,
        c.pad,
        c.dimRoundingMode,
      )
      .dataSync(),
  );
  const { dy } = inputsOf(c, yShape);
  const dx = new Float32Array(n * perSample);
  for (let b = 0; b < n; b++) {
    for (let p = 0; p < perSample; p++) {
      let sum = 0;
      for (let q = 0; q < outPerSample; q++) sum += jacobian[p * outPerSample + q]! * dy[b * outPerSample + q]!;
      dx[b * perSample + p] = sum;
    }
  }
  return dx;
}

const valid = () => fc.constant({ pad: 'valid' as Pad });
const padded = (filterSize: Pair) =>
  fc.oneof(
    fc.constant({ pad: 'same' as Pad }),
    explicitPads(filterSize).map((pad) => ({ pad })),
  );
const anyPad = (filterSize: Pair) =>
  fc.oneof(
    valid(),
    padded(filterSize),
    fc.record({
      pad: fc.nat(2),
      dimRoundingMode: fc.constantFrom('floor' as const, 'round' as const, 'ceil' as const),
    }),
  );

describe('MaxPoolGrad on wasm', () => {
  it("equals the cpu backend for random filters, strides, 'same'/'valid'/explicit/numeric padding and tied maxima, without leaks", async () => {
    let checked = 0;
    await fc.assert(
      fc.asyncProperty(poolCases(anyPad), async (c) => {
        const yShape = outShape(c);
        fc.pre(yShape !== null);
        const wasm = await poolGradOn('wasm', 'MaxPoolGrad', c, yShape);
        expect(relativeError(wasm, await poolGradOn('cpu', 'MaxPoolGrad', c, yShape))).toBeLessThan(TOLERANCE);
        checked += 1;
      }),
      { numRuns: 250, seed: 20260412 },
    );
    expect(checked).toBeGreaterThanOrEqual(150);
  });

  it('sends a tied window its gradient once, to the first maximum in row-major order (as cpu does)', async () => {
    await tf.setBackend('wasm');
    const inputs = {
      dy: tf.tensor([5], [1, 1, 1, 1]),
      input: tf.tensor([1, 3, 3, 3], [1, 2, 2, 1]),
      output: tf.tensor([3], [1, 1, 1, 1]),
    };
    const attrs = { filterSize: 2, strides: 2, pad: 'valid' } as unknown as tf.NamedAttrMap;
    const dx = tf.engine().runKernel('MaxPoolGrad', inputs, attrs) as tf.Tensor;
    expect(Array.from(dx.dataSync())).toEqual([0, 5, 0, 0]);
    tf.dispose([dx, ...Object.values(inputs)]);
  });
});

/*
 * tfjs (cpu and wasm kernels alike, tfjs-backend-cpu AvgPoolGrad.js) divides every
 * gradient by the full window size, but its forward average (utils/pool_utils.js)
 * divides by the number of real inputs in the window. They agree only where no
 * window reaches into padding. Our kernel divides by the real count, as
 * TensorFlow does, so it is the true gradient of tfjs's forward pass.
 */
describe("AvgPoolGrad on wasm (deliberately not tfjs's at padded borders)", () => {
  it("equals the cpu backend with 'valid' padding (no window reaches into padding), without leaks", async () => {
    let checked = 0;
    await fc.assert(
      fc.asyncProperty(poolCases(valid), async (c) => {
        const yShape = outShape(c);
        fc.pre(yShape !== null);
        const wasm = await poolGradOn('wasm', 'AvgPoolGrad', c, yShape);
        expect(relativeError(wasm, await poolGradOn('cpu', 'AvgPoolGrad', c, yShape))).toBeLessThan(TOLERANCE);
        checked += 1;
      }),
      { numRuns: 150, seed: 20260413 },
    );
    expect(checked).toBeGreaterThanOrEqual(60);
  });

  it(
    "with 'same' or explicit padding equals the exact gradient of tfjs's forward avgPool " +
      '(which averages over real inputs only), where tfjs divides by the full window',
    async () => {
      let checked = 0;
      await fc.assert(
        fc.asyncProperty(poolCases(padded), async (c) => {
          const yShape = outShape(c);
          fc.pre(yShape !== null);
          const wasm = await poolGradOn('wasm', 'AvgPoolGrad', c, yShape);
          expect(relativeError(wasm, await exactAvgPoolGrad(c, yShape))).toBeLessThan(TOLERANCE);
          checked += 1;
        }),
        { numRuns: 150, seed: 20260414 },
      );
      expect(checked).toBeGreaterThanOrEqual(100);
    },
  );

  it("shows the discrepancy: a 3×3 'same' pool of a 1×1 image is the identity; tfjs's cpu gradient is dy/9, ours dy", async () => {
    // Every window holds one real input and eight padding ones: forward y = x, so dx must equal dy.
    const c: PoolCase = {
      xShape: [2, 1, 1, 3],
      filterSize: [3, 3],
      strides: [1, 1],
      pad: 'same',
      ties: false,
      seed: 11,
    };
    const yShape = [2, 1, 1, 3];
    const { dy } = inputsOf(c, yShape);
    expect(relativeError(await exactAvgPoolGrad(c, yShape), dy)).toBeLessThan(TOLERANCE);
    expect(relativeError(await poolGradOn('wasm', 'AvgPoolGrad', c, yShape), dy)).toBeLessThan(TOLERANCE);
    expect(
      relativeError(
        await poolGradOn('cpu', 'AvgPoolGrad', c, yShape),
        dy.map((v) => v / 9),
      ),
    ).toBeLessThan(TOLERANCE);
  });
});

describe('pool gradients on wasm, dy of the wrong shape', () => {
  it('finds the maximum itself: the forward output may be missing or wrong (NaN)', async () => {
    await tf.setBackend('wasm');
    const attrs = { filterSize: 2, strides: 2, pad: 'valid' } as unknown as tf.NamedAttrMap;
    const dy = tf.tensor([5], [1, 1, 1, 1]);
    const input = tf.tensor([1, 4, 3, 2], [1, 2, 2, 1]);
    const nan = tf.tensor([Number.NaN], [1, 1, 1, 1]);
    const cases: tf.NamedTensorMap[] = [
      { dy, input },
      { dy, input, output: nan },
    ];
    for (const inputs of cases) {
      const dx = tf.engine().runKernel('MaxPoolGrad', inputs, attrs) as tf.Tensor;
      expect(Array.from(dx.dataSync())).toEqual([0, 5, 0, 0]);
      dx.dispose();
    }
    tf.dispose([dy, input, nan]);
  });

  // tfjs's pool gradients pass no dimRoundingMode: after a 'ceil' forward pass dy has a row and column more.
  it.each(['MaxPoolGrad', 'AvgPoolGrad'])(
    '%s fails loudly instead of reading dy with the wrong row width',
    async (kernel) => {
      await tf.setBackend('wasm');
      const before = liveCounts();
      const input = tf.zeros([1, 6, 6, 1]);
      const dy = tf.ones([1, 4, 4, 1]); // tf.avgPool(input, 3, 2, 1, 'ceil') is 4×4; without 'ceil' it is 3×3
      const inputs: tf.NamedTensorMap =
        kernel === 'MaxPoolGrad' ? { dy, input, output: tf.zeros([1, 4, 4, 1]) } : { dy, input };
      const attrs = { filterSize: 3, strides: 2, pad: 1 } as unknown as tf.NamedAttrMap;
      expect(() => tf.engine().runKernel(kernel, inputs, attrs)).toThrow(/dy has shape \[1,4,4,1\] but \[1,3,3,1\]/);
      tf.dispose(Object.values(inputs));
      expect(liveCounts()).toEqual(before);
    },
  );
});

import * as tf from '@tensorflow/tfjs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { initWasmAndCpu, liveCounts, randomValues, size } from './harness';

beforeAll(initWasmAndCpu);

type Outcome = { shape: number[]; dtype: tf.DataType; values: number[] };

const dtypes = fc.constantFrom<tf.DataType>('float32', 'int32', 'bool');

/** Values that make a wrong element visible: distinct floats, spread integers, mixed booleans. */
function valuesFor(shape: number[], dtype: tf.DataType, seed: number): Float32Array {
  const values = randomValues(size(shape), seed);
  return dtype === 'float32' ? values : values.map((v) => Math.round(v * (dtype === 'int32' ? 1000 : 1)));
}

/**
 * Runs one kernel on `backend` and reads its outputs. On wasm it also checks
 * that the call leaves no tensor or heap buffer behind once its outputs are disposed.
 */
async function runOn(
  backend: 'wasm' | 'cpu',
  kernel: 'Slice' | 'SplitV',
  values: Float32Array,
  shape: number[],
  dtype: tf.DataType,
  attrs: object,
): Promise<Outcome[]> {
  await tf.setBackend(backend);
  const before = liveCounts();
  const x = tf.tensor(values, shape, dtype);
  // A copy per backend: tfjs's prepareSplitSize resolves a −1 size in place, so cpu would never see it.
  const result = tf.engine().runKernel(kernel, { x }, structuredClone(attrs) as tf.NamedAttrMap) as
    | tf.Tensor
    | tf.Tensor[];
  const outputs = Array.isArray(result) ? result : [result];
  const outcomes = outputs.map((t) => ({
    shape: t.shape,
    dtype: t.dtype,
    values: Array.from(t.dataSync() as ArrayLike<number>),
  }));
  tf.dispose([x, ...outputs]);
  expect(liveCounts()).toEqual(before);
  return outcomes;
}

async function expectSameAsCpu(
  kernel: 'Slice' | 'SplitV',
  values: Float32Array,
  shape: number[],
  dtype: tf.DataType,
  attrs: object,
) {
  const wasm = await runOn('wasm', kernel, values, shape, dtype, attrs);
  expect(wasm).toEqual(await runOn('cpu', kernel, values, shape, dtype, attrs));
}

/** Rank 1–5, dimensions up to 6 (0 included, rarely), so rows range from one element to whole tensors. */
const shapes = fc.array(fc.oneof({ arbitrary: fc.integer({ min: 1, max: 6 }), weight: 9 }, fc.constant(0)), {
  minLength: 1,
  maxLength: 5,
});

/** A box inside `shape`: per axis a begin and a size, the size sometimes −1 ("to the end"). */
const boxIn = (shape: number[]) =>
  fc.tuple(
    ...shape.map((d) =>
      fc
        .integer({ min: 0, max: d })
        .chain((begin) =>
          fc.tuple(fc.constant(begin), fc.oneof(fc.integer({ min: 0, max: d - begin }), fc.constant(-1))),
        ),
    ),
  );

/**
 * Sizes summing to `d` (some may be 0), in 1–4 pieces, one of them sometimes −1
 * ("the rest"), but never the first: tfjs 4.22's prepareSplitSize sums the sizes
 * with a reduce that starts from the first one, so a leading −1 counts as −1 and
 * the split is rejected (by the cpu kernel and ours alike).
 */
const splitsOf = (d: number) =>
  fc
    .array(fc.integer({ min: 0, max: d }), { minLength: 0, maxLength: 3 })
    .chain((cuts) => {
      const points = [0, ...[...cuts].sort((a, b) => a - b), d];
      const sizes = points.slice(1).map((p, i) => p - points[i]!);
      return fc.tuple(fc.constant(sizes), fc.integer({ min: 0, max: sizes.length - 1 }));
    })
    .map(([sizes, rest]) => (rest === 0 ? sizes : sizes.map((s, i) => (i === rest ? -1 : s))));

/** A count of equal pieces that divides `d` (SplitV's other form). */
const countDividing = (d: number) =>
  fc.constantFrom(...Array.from({ length: Math.max(d, 1) }, (_, i) => i + 1).filter((k) => d % k === 0));

describe('Slice on wasm (heap copies)', () => {
  it('equals the cpu backend for any rank 1–5, box (size −1 included) and dtype, without leaks', async () => {
    const cases = shapes.chain((shape) =>
      fc.record({ shape: fc.constant(shape), box: boxIn(shape), dtype: dtypes, seed: fc.integer() }),
    );
    await fc.assert(
      fc.asyncProperty(cases, async ({ shape, box, dtype, seed }) => {
        const attrs = { begin: box.map(([b]) => b), size: box.map(([, s]) => s) };
        await expectSameAsCpu('Slice', valuesFor(shape, dtype, seed), shape, dtype, attrs);
      }),
      { numRuns: 300, seed: 20260410 },
    );
  });

  // copyRuns (assembly/copyRuns.ts) moves runs of 256 bytes or more with memory.copy, shorter ones 16, 4, then 1 byte at a time.
  it.each([
    ['long contiguous runs (whole trailing axes, 8·8·16 elements)', [3, 8, 8, 16], [1, 0, 0, 0], [2, -1, -1, -1]],
    ['long runs inside the outer axes', [2, 5, 4, 40], [1, 1, 0, 0], [1, 3, -1, -1]],
    [
      'a channel slice of an NHWC tensor (short runs, one evenly spaced sequence)',
      [2, 4, 4, 72],
      [0, 0, 0, 24],
      [-1, -1, -1, 48],
    ],
    ['runs of 5 floats (a vector, then one float)', [2, 4, 4, 72], [0, 0, 0, 24], [-1, -1, -1, 5]],
    ['a box partial in every axis (one sequence of runs per outer row)', [3, 5, 6, 7], [1, 1, 2, 3], [2, 3, 3, 4]],
  ])('equals the cpu backend: %s', async (_, shape, begin, sliceSize) => {
    await expectSameAsCpu('Slice', valuesFor(shape, 'float32', 3), shape, 'float32', { begin, size: sliceSize });
  });
});

describe('SplitV on wasm (one heap copy per piece)', () => {
  it('equals the cpu backend for any rank 1–5, axis (negative included), split and dtype, without leaks', async () => {
    const cases = shapes
      .chain((shape) => fc.tuple(fc.constant(shape), fc.integer({ min: -shape.length, max: shape.length - 1 })))
      .chain(([shape, axis]) => {
        const d = shape[axis < 0 ? axis + shape.length : axis]!;
        return fc.record({
          shape: fc.constant(shape),
          axis: fc.constant(axis),
          numOrSizeSplits: d === 0 ? splitsOf(d) : fc.oneof(splitsOf(d), countDividing(d)),
          dtype: dtypes,
          seed: fc.integer(),
        });
      });
    await fc.assert(
      fc.asyncProperty(cases, async ({ shape, axis, numOrSizeSplits, dtype, seed }) => {
        await expectSameAsCpu('SplitV', valuesFor(shape, dtype, seed), shape, dtype, { numOrSizeSplits, axis });
      }),
      { numRuns: 300, seed: 20260411 },
    );
  });

  it("splits a concatenation's gradient along the channels, as tf.grads of concat does", async () => {
    const shape = [2, 6, 6, 72];
    const values = valuesFor(shape, 'float32', 5);
    await expectSameAsCpu('SplitV', values, shape, 'float32', { numOrSizeSplits: [16, 24, 32], axis: 3 });
  });
});

async function concatOn(
  backend: 'wasm' | 'cpu',
  parts: { shape: number[]; values: Float32Array }[],
  dtype: tf.DataType,
  axis: number,
) {
  await tf.setBackend(backend);
  const before = liveCounts();
  const tensors = parts.map((p) => tf.tensor(p.values, p.shape, dtype));
  const out = tf.engine().runKernel('Concat', tensors as unknown as tf.NamedTensorMap, { axis }) as tf.Tensor;
  const outcome = { shape: out.shape, dtype: out.dtype, values: Array.from(out.dataSync() as ArrayLike<number>) };
  tf.dispose([out, ...tensors]);
  expect(liveCounts()).toEqual(before);
  return outcome;
}

describe('Concat on wasm (one run copy per input)', () => {
  it('equals the cpu backend for 1–4 inputs of any rank 1–5, axis (negative included), sizes (0 included) and dtype', async () => {
    const cases = shapes
      .chain((shape) => fc.tuple(fc.constant(shape), fc.integer({ min: -shape.length, max: shape.length - 1 })))
      .chain(([shape, axis]) =>
        fc.record({
          shape: fc.constant(shape),
          axis: fc.constant(axis),
          sizes: fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 4 }),
          dtype: dtypes,
          seed: fc.integer(),
        }),
      );
    await fc.assert(
      fc.asyncProperty(cases, async ({ shape, axis, sizes, dtype, seed }) => {
        const along = axis < 0 ? axis + shape.length : axis;
        const parts = sizes.map((d, i) => {
          const partShape = shape.map((s, k) => (k === along ? d : s));
          return { shape: partShape, values: valuesFor(partShape, dtype, seed + i) };
        });
        expect(await concatOn('wasm', parts, dtype, axis)).toEqual(await concatOn('cpu', parts, dtype, axis));
      }),
      { numRuns: 300, seed: 20261128 },
    );
  });

  it('joins NHWC branches along the channels, as an Inception module does', async () => {
    const parts = [16, 24, 32].map((c, i) => ({ shape: [2, 6, 6, c], values: valuesFor([2, 6, 6, c], 'float32', i) }));
    expect(await concatOn('wasm', parts, 'float32', 3)).toEqual(await concatOn('cpu', parts, 'float32', 3));
  });
});

describe('Identity on wasm', () => {
  it("shares its input's data: a clone allocates no buffer and outlives its source", async () => {
    await tf.setBackend('wasm');
    const before = liveCounts();
    const x = tf.tensor([1, 2, 3, 4], [2, 2]);
    const buffers = tf.backend().numDataIds();
    const copy = tf.clone(x);
    expect(tf.backend().numDataIds()).toBe(buffers);
    x.dispose();
    expect(Array.from(copy.dataSync())).toEqual([1, 2, 3, 4]);
    copy.dispose();
    expect(liveCounts()).toEqual(before);
  });
});

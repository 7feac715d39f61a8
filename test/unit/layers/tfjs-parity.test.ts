import * as tf from '@tensorflow/tfjs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatIssues } from '../../../shared/issues';
import { ACTIVATIONS, getLayerSpec, LayerError, validateParams } from '../../../shared/layers';
import { normalizationClass } from '../../../trainer/compile/normalizationLayer';
import { subtractClass } from '../../../trainer/compile/subtractLayer';

/**
 * Every layer kind against TensorFlow.js Layers (the library the app trains with), over
 * random shapes and settings: our output shape and trainable / non-trainable parameter
 * counts must equal what tfjs builds, and whenever tfjs rejects a configuration (at build
 * time, when run, or by producing a size ≤ 0) our spec must throw a LayerError; whenever
 * we reject, tfjs must too. Each model is actually run on zeros, because tfjs accepts
 * some bad configurations symbolically and only fails on real data.
 *
 * Not covered here, by design, and covered by hand-computed tests instead:
 * - Conv2D `groups` > 1: tfjs-layers has no grouped convolution (convolutions.test.ts).
 * - Add broadcasting: tfjs broadcasts axes of size 1, we require equal shapes (merge.test.ts).
 * - Concatenate on the batch axis or a missing axis: tfjs silently does something else (merge.test.ts).
 */

const RUNS = { numRuns: 40 };

type Outcome = { ok: true; shape: number[]; trainable: number; nonTrainable: number } | { ok: false; reason: string };

let tensorsBefore = 0;
beforeAll(async () => {
  await tf.setBackend('cpu');
  tensorsBefore = tf.memory().numTensors;
});
afterAll(() => {
  expect(tf.memory().numTensors).toBe(tensorsBefore);
});

function ours(kind: string, raw: Record<string, unknown>, inputs: number[][]): Outcome {
  const validated = validateParams(kind, raw);
  if (!validated.ok) throw new Error(`generator made invalid ${kind} params: ${formatIssues(validated.issues)}`);
  const spec = getLayerSpec(kind)!;
  try {
    const shape = spec.outputShape(inputs, validated.params);
    const { trainable, nonTrainable } = spec.paramCount(inputs, validated.params);
    return { ok: true, shape: [...shape], trainable, nonTrainable };
  } catch (error) {
    if (error instanceof LayerError) return { ok: false, reason: error.message };
    throw error;
  }
}

const weightCount = (weights: tf.LayerVariable[]) =>
  weights.reduce((sum, w) => sum + w.shape.reduce((a: number, b) => a * (b ?? Number.NaN), 1), 0);

/** A fault in this harness, never to be mistaken for tfjs rejecting a configuration. */
class HarnessError extends Error {}

/** Builds a one-layer model over inputs of these shapes, runs it on zeros and reports what tfjs made of it. */
function theirs(inputShapes: number[][], apply: (inputs: tf.SymbolicTensor[]) => tf.SymbolicTensor): Outcome {
  let model: tf.LayersModel | undefined;
  try {
    const inputs = inputShapes.map((shape) => tf.input({ shape }));
    const output = apply(inputs);
    model = tf.model({ inputs, outputs: output });
    const built = model;
    const shape = tf.tidy(() => {
      const xs = inputShapes.map((s) => tf.zeros([1, ...s]));
      return (built.predict(xs.length === 1 ? xs[0]! : xs) as tf.Tensor).shape.slice(1);
    });
    if (shape.some((d) => d <= 0)) return { ok: false, reason: `tfjs produced [${shape}]` };
    const symbolic = output.shape.slice(1);
    if (symbolic.some((d, i) => d !== null && d !== shape[i])) {
      return { ok: false, reason: `tfjs contradicts itself: built [${symbolic}], ran [${shape}]` };
    }
    const trainable = weightCount(model.trainableWeights);
    const nonTrainable = weightCount(model.nonTrainableWeights);
    if (trainable + nonTrainable !== model.countParams())
      throw new HarnessError('weight lists disagree with countParams');
    return { ok: true, shape, trainable, nonTrainable };
  } catch (error) {
    if (error instanceof HarnessError) throw error;
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  } finally {
    model?.dispose();
  }
}

const single = (layer: tf.layers.Layer) => (inputs: tf.SymbolicTensor[]) =>
  layer.apply(inputs[0]!) as tf.SymbolicTensor;
const merged = (layer: tf.layers.Layer) => (inputs: tf.SymbolicTensor[]) => layer.apply(inputs) as tf.SymbolicTensor;

/** The output shape of the raw tf.depthwiseConv2d op, which, unlike the tfjs-layers layer, honours dilation. */
function depthwiseOpShape(
  [h, w, c]: number[],
  [kh, kw]: [number, number],
  strides: [number, number],
  dilation: [number, number],
  pad: 'same' | 'valid',
  depthMultiplier: number,
): Outcome {
  try {
    const out = tf.tidy(() => {
      const x = tf.zeros<tf.Rank.R4>([1, h!, w!, c!]);
      const filter = tf.zeros<tf.Rank.R4>([kh, kw, c!, depthMultiplier]);
      return tf.depthwiseConv2d(x, filter, strides, pad, 'NHWC', dilation).shape.slice(1);
    });
    if (out.some((d) => d <= 0)) return { ok: false, reason: `tfjs produced [${out}]` };
    return { ok: true, shape: out, trainable: 0, nonTrainable: 0 };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

function expectSame(mine: Outcome, tfjs: Outcome) {
  if (!tfjs.ok) {
    expect(mine, `tfjs rejects this (${tfjs.reason}) but the spec accepted it`).toMatchObject({ ok: false });
  } else {
    expect(mine).toEqual(tfjs);
  }
}

// ---- arbitraries ----------------------------------------------------------------------------
const pairOf = (arb: fc.Arbitrary<number>) => fc.tuple(arb, arb);
const size = fc.integer({ min: 1, max: 12 });
const channels = fc.integer({ min: 1, max: 6 });
const image = fc.tuple(size, size, channels).map((s) => [...s]);
const anyRank = fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 3 });
const vectorOrImage = fc.oneof(
  fc.tuple(fc.integer({ min: 1, max: 16 })).map((s) => [...s]),
  image,
);
const side = fc.integer({ min: 1, max: 5 });
/** Square, 1×n and n×1 kernels, the Inception factorization shapes. */
const kernel = fc.oneof(pairOf(side), fc.tuple(fc.constant(1), side), fc.tuple(side, fc.constant(1)));
const small = fc.integer({ min: 1, max: 3 });
const one: [number, number] = [1, 1];
/** Keras allows strides > 1 or dilation > 1, not both; the combination has its own property below. */
const stridesAndDilation = fc.oneof(
  fc.record({ strides: pairOf(small), dilation: fc.constant(one) }),
  fc.record({ strides: fc.constant(one), dilation: pairOf(small) }),
);
const padding = fc.constantFrom('same' as const, 'valid' as const);
/** tfjs has no hard_sigmoid as Keras 3 means it, nor hard_swish (the builders refuse them). */
const TFJS_ACTIVATIONS = ACTIVATIONS.filter(
  (a): a is Exclude<(typeof ACTIVATIONS)[number], 'hard_sigmoid' | 'hard_swish'> =>
    a !== 'hard_sigmoid' && a !== 'hard_swish',
);
const activation = fc.constantFrom(...TFJS_ACTIVATIONS);
const filters = fc.integer({ min: 1, max: 8 });

describe('convolutions match tfjs', () => {
  it('Conv2D', () => {
    fc.assert(
      fc.property(
        image,
        kernel,
        stridesAndDilation,
        padding,
        filters,
        fc.boolean(),
        activation,
        (shape, kernelSize, { strides, dilation }, pad, n, useBias, act) => {
          const raw = { filters: n, kernelSize, strides, dilation, padding: pad, useBias, activation: act };
          const layer = tf.layers.conv2d({
            filters: n,
            kernelSize,
            strides,
            dilationRate: dilation,
            padding: pad,
            useBias,
            activation: act,
          });
          expectSame(ours('Conv2D', raw, [shape]), theirs([shape], single(layer)));
        },
      ),
      RUNS,
    );
  });

  it('DepthwiseConv2D', () => {
    fc.assert(
      fc.property(
        image,
        kernel,
        stridesAndDilation,
        padding,
        small,
        fc.boolean(),
        (shape, kernelSize, { strides, dilation }, pad, depthMultiplier, useBias) => {
          const raw = { kernelSize, strides, dilation, padding: pad, depthMultiplier, useBias };
          // tfjs-layers 4.22's DepthwiseConv2D ignores dilationRate (a TODO in its source), so the
          // layer supplies the weights and the raw op the shape. A dilated kernel that fits means
          // the undilated one fits too, so the layer never rejects what the op accepts.
          const layer = tf.layers.depthwiseConv2d({ kernelSize, strides, padding: pad, depthMultiplier, useBias });
          const weights = theirs([shape], single(layer));
          const op = depthwiseOpShape(shape, kernelSize, strides, dilation, pad, depthMultiplier);
          const expected = op.ok && weights.ok ? { ...weights, shape: op.shape } : op.ok ? weights : op;
          expectSame(ours('DepthwiseConv2D', raw, [shape]), expected);
        },
      ),
      RUNS,
    );
  });

  it('SeparableConv2D', () => {
    fc.assert(
      fc.property(
        image,
        kernel,
        stridesAndDilation,
        padding,
        filters,
        small,
        fc.boolean(),
        (shape, kernelSize, { strides, dilation }, pad, n, depthMultiplier, useBias) => {
          const raw = { filters: n, kernelSize, strides, dilation, padding: pad, depthMultiplier, useBias };
          const layer = tf.layers.separableConv2d({
            filters: n,
            kernelSize,
            strides,
            dilationRate: dilation,
            padding: pad,
            depthMultiplier,
            useBias,
          });
          expectSame(ours('SeparableConv2D', raw, [shape]), theirs([shape], single(layer)));
        },
      ),
      RUNS,
    );
  });

  it('strides > 1 with dilation > 1: our validation and tfjs at run time both reject it', () => {
    const bothAboveOne = pairOf(small).filter(([h, w]) => h > 1 || w > 1);
    fc.assert(
      fc.property(
        image,
        bothAboveOne,
        bothAboveOne,
        fc.constantFrom('Conv2D', 'SeparableConv2D'),
        (shape, s, d, kind) => {
          expect(validateParams(kind, { filters: 2, kernelSize: 1, strides: s, dilation: d }).ok).toBe(false);
          const config = { filters: 2, kernelSize: 1, strides: s, dilationRate: d, padding: 'same' as const };
          const layer = kind === 'Conv2D' ? tf.layers.conv2d(config) : tf.layers.separableConv2d(config);
          expect(theirs([shape], single(layer)).ok).toBe(false);
        },
      ),
      { numRuns: 15 },
    );
  });
});

describe('transposed convolution, cropping and upsampling match tfjs', () => {
  it('Conv2DTranspose (Keras deconv_output_length, both paddings, kernels smaller and larger than strides)', () => {
    fc.assert(
      fc.property(
        image,
        kernel,
        pairOf(small),
        padding,
        filters,
        fc.boolean(),
        (shape, kernelSize, strides, pad, n, useBias) => {
          const raw = { filters: n, kernelSize, strides, padding: pad, useBias };
          const layer = tf.layers.conv2dTranspose({ filters: n, kernelSize, strides, padding: pad, useBias });
          expectSame(ours('Conv2DTranspose', raw, [shape]), theirs([shape], single(layer)));
        },
      ),
      RUNS,
    );
  });

  it('Cropping2D (fitting and cutting everything)', () => {
    const amount = fc.integer({ min: 0, max: 4 });
    fc.assert(
      fc.property(image, fc.tuple(pairOf(amount), pairOf(amount)), (shape, cropping) => {
        const layer = tf.layers.cropping2D({ cropping });
        expectSame(ours('Cropping2D', { cropping }, [shape]), theirs([shape], single(layer)));
      }),
      RUNS,
    );
  });

  it('UpSampling2D', () => {
    fc.assert(
      fc.property(
        image,
        pairOf(small),
        fc.constantFrom('nearest' as const, 'bilinear' as const),
        (shape, size, interpolation) => {
          const layer = tf.layers.upSampling2d({ size, interpolation });
          expectSame(ours('UpSampling2D', { size, interpolation }, [shape]), theirs([shape], single(layer)));
        },
      ),
      { numRuns: 20 },
    );
  });
});

describe('pooling matches tfjs', () => {
  it.each([
    ['MaxPool2D', tf.layers.maxPooling2d],
    ['AvgPool2D', tf.layers.averagePooling2d],
  ] as const)('%s', (kind, make) => {
    fc.assert(
      fc.property(image, kernel, pairOf(small), padding, (shape, poolSize, strides, pad) => {
        const raw = { poolSize, strides, padding: pad };
        expectSame(ours(kind, raw, [shape]), theirs([shape], single(make({ poolSize, strides, padding: pad }))));
      }),
      RUNS,
    );
  });

  it.each([
    ['GlobalAvgPool2D', tf.layers.globalAveragePooling2d],
    ['GlobalMaxPool2D', tf.layers.globalMaxPooling2d],
  ] as const)('%s', (kind, make) => {
    fc.assert(
      fc.property(image, fc.boolean(), (shape, keepDims) => {
        // tfjs 4.22 accepts keepDims but ignores it, so Keras's [1, 1, C] is built from its [C].
        const tfjs = theirs([shape], single(make({})));
        const expected = tfjs.ok && keepDims ? { ...tfjs, shape: [1, 1, ...tfjs.shape] } : tfjs;
        expectSame(ours(kind, { keepDims }, [shape]), expected);
      }),
      { numRuns: 20 },
    );
  });
});

describe('per-element layers match tfjs', () => {
  it('BatchNorm (any rank, center / scale flags)', () => {
    fc.assert(
      fc.property(anyRank, fc.boolean(), fc.boolean(), (shape, center, scale) => {
        const layer = tf.layers.batchNormalization({ center, scale, epsilon: 0.001, momentum: 0.99 });
        expectSame(ours('BatchNorm', { center, scale }, [shape]), theirs([shape], single(layer)));
      }),
      RUNS,
    );
  });

  it('LayerNormalization (any rank, center / scale flags)', () => {
    fc.assert(
      fc.property(anyRank, fc.boolean(), fc.boolean(), (shape, center, scale) => {
        const layer = tf.layers.layerNormalization({ axis: -1, center, scale });
        expectSame(ours('LayerNormalization', { center, scale }, [shape]), theirs([shape], single(layer)));
      }),
      RUNS,
    );
  });

  it('Activation', () => {
    fc.assert(
      fc.property(anyRank, activation, (shape, act) => {
        const layer = tf.layers.activation({ activation: act });
        expectSame(ours('Activation', { activation: act }, [shape]), theirs([shape], single(layer)));
      }),
      { numRuns: 20 },
    );
  });

  it('Dropout', () => {
    fc.assert(
      fc.property(anyRank, fc.integer({ min: 0, max: 95 }), (shape, percent) => {
        const rate = percent / 100;
        expectSame(ours('Dropout', { rate }, [shape]), theirs([shape], single(tf.layers.dropout({ rate }))));
      }),
      { numRuns: 20 },
    );
  });

  it('ZeroPadding2D (n, [h, w] and [[top, bottom], [left, right]] alike)', () => {
    const amount = fc.integer({ min: 0, max: 3 });
    const paddingForms = fc.oneof(amount, pairOf(amount), fc.tuple(pairOf(amount), pairOf(amount))) as fc.Arbitrary<
      number | [number, number] | [[number, number], [number, number]]
    >;
    fc.assert(
      fc.property(image, paddingForms, (shape, pad) => {
        const layer = tf.layers.zeroPadding2d({ padding: pad });
        expectSame(ours('ZeroPadding2D', { padding: pad }, [shape]), theirs([shape], single(layer)));
      }),
      RUNS,
    );
  });

  it('Input', () => {
    fc.assert(
      fc.property(vectorOrImage, (shape) => {
        expectSame(
          ours('Input', { shape }, []),
          theirs([shape], ([x]) => x!),
        );
      }),
      { numRuns: 20 },
    );
  });
});

describe('merges match tfjs', () => {
  /** Inputs that agree except on the concat axis, sometimes with one other axis disturbed. */
  const concatCase = fc.integer({ min: 1, max: 3 }).chain((rank) =>
    fc.record({
      base: fc.array(fc.integer({ min: 1, max: 5 }), { minLength: rank, maxLength: rank }),
      axis: fc.constantFrom(...Array.from({ length: rank }, (_, i) => [i + 1, -(i + 1)]).flat()),
      sizes: fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 2, maxLength: 4 }),
      disturb: fc.option(fc.record({ input: fc.nat(), axis: fc.nat(), by: fc.integer({ min: 1, max: 3 }) }), {
        freq: 2,
      }),
    }),
  );

  it('Concatenate', () => {
    fc.assert(
      fc.property(concatCase, ({ base, axis, sizes, disturb }) => {
        const index = axis > 0 ? axis - 1 : base.length + axis;
        const shapes = sizes.map((n, i) => {
          const shape = [...base];
          shape[index] = n;
          if (disturb && disturb.input % sizes.length === i) {
            const j = disturb.axis % base.length;
            if (j !== index) shape[j]! += disturb.by;
          }
          return shape;
        });
        // tfjs 4.22 runs every negative axis as -1 (backend concatenate), contradicting its own
        // built shape, so it gets the equivalent positive axis; ours gets the axis as generated.
        const layer = tf.layers.concatenate({ axis: index + 1 });
        expectSame(ours('Concatenate', { axis }, shapes), theirs(shapes, merged(layer)));
      }),
      RUNS,
    );
  });

  it('Add', () => {
    // Sizes start at 2 so a disturbed axis never becomes 1, where tfjs would broadcast.
    const addCase = fc.record({
      base: fc.array(fc.integer({ min: 2, max: 5 }), { minLength: 1, maxLength: 3 }),
      count: fc.integer({ min: 2, max: 4 }),
      disturb: fc.option(fc.record({ input: fc.nat(), axis: fc.nat(), by: fc.integer({ min: 1, max: 3 }) }), {
        freq: 2,
      }),
    });
    fc.assert(
      fc.property(addCase, ({ base, count, disturb }) => {
        const shapes = Array.from({ length: count }, (_, i) => {
          const shape = [...base];
          if (disturb && disturb.input % count === i) shape[disturb.axis % base.length]! += disturb.by;
          return shape;
        });
        expectSame(ours('Add', {}, shapes), theirs(shapes, merged(tf.layers.add())));
      }),
      RUNS,
    );
  });
});

describe('element-wise merges match tfjs (axes of size 1 stretch)', () => {
  /** Inputs of one rank whose axes are the base size, 1, or (sometimes) another size. */
  const broadcastCase = fc.record({
    base: fc.array(fc.integer({ min: 2, max: 5 }), { minLength: 1, maxLength: 3 }),
    count: fc.integer({ min: 2, max: 4 }),
    picks: fc.array(fc.array(fc.constantFrom('base', 'base', 'one', 'other'), { minLength: 3, maxLength: 3 }), {
      minLength: 4,
      maxLength: 4,
    }),
  });
  const shapesOf = ({ base, count, picks }: { base: number[]; count: number; picks: string[][] }) =>
    Array.from({ length: count }, (_, i) =>
      base.map((d, j) => {
        const pick = picks[i]![j]!;
        return pick === 'one' ? 1 : pick === 'other' ? d + 1 : d;
      }),
    );

  it.each([
    ['Multiply', tf.layers.multiply],
    ['Average', tf.layers.average],
    ['Maximum', tf.layers.maximum],
    ['Minimum', tf.layers.minimum],
  ] as const)('%s', (kind, make) => {
    fc.assert(
      fc.property(broadcastCase, (c) => {
        const shapes = shapesOf(c);
        expectSame(ours(kind, {}, shapes), theirs(shapes, merged(make())));
      }),
      RUNS,
    );
  });

  it('Subtract (Netwright’s own TF.js layer)', () => {
    fc.assert(
      fc.property(broadcastCase, (c) => {
        const shapes = shapesOf({ ...c, count: 2 });
        expectSame(ours('Subtract', {}, shapes), theirs(shapes, merged(new (subtractClass(tf))({}))));
      }),
      RUNS,
    );
  });
});

describe('activation layers and preprocessing match tfjs', () => {
  const slope = fc.integer({ min: 0, max: 100 }).map((n) => n / 100);

  it('ReLU (with a cap)', () => {
    fc.assert(
      fc.property(anyRank, fc.option(fc.integer({ min: 0, max: 8 })), (shape, maxValue) => {
        const layer = tf.layers.reLU(maxValue === null ? {} : { maxValue });
        expectSame(ours('ReLU', { maxValue }, [shape]), theirs([shape], single(layer)));
      }),
      { numRuns: 20 },
    );
  });

  it('LeakyReLU', () => {
    fc.assert(
      fc.property(anyRank, slope, (shape, negativeSlope) => {
        const layer = tf.layers.leakyReLU({ alpha: negativeSlope });
        expectSame(ours('LeakyReLU', { negativeSlope }, [shape]), theirs([shape], single(layer)));
      }),
      { numRuns: 20 },
    );
  });

  it('ELU', () => {
    fc.assert(
      fc.property(anyRank, slope, (shape, alpha) => {
        // tfjs 4.22's ELU refuses any alpha but 1 (the builder says so); shapes and weights do not depend on it.
        expectSame(ours('ELU', { alpha }, [shape]), theirs([shape], single(tf.layers.elu({ alpha: 1 }))));
      }),
      { numRuns: 20 },
    );
  });

  it('PReLU (slopes per value, or shared along axes)', () => {
    fc.assert(
      fc.property(
        anyRank,
        fc.option(fc.uniqueArray(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 3 })),
        (shape, sharedAxes) => {
          // tfjs indexes its input shape with the axis without checking it: keep to the input's axes.
          const axes = sharedAxes?.filter((a) => a <= shape.length) ?? null;
          const shared = axes && axes.length > 0 ? axes : null;
          const layer = tf.layers.prelu(shared ? { sharedAxes: shared } : {});
          expectSame(ours('PReLU', { sharedAxes: shared }, [shape]), theirs([shape], single(layer)));
        },
      ),
      RUNS,
    );
  });

  it('Rescaling with one value per channel (or the wrong number of them)', () => {
    fc.assert(
      fc.property(anyRank, fc.integer({ min: 2, max: 6 }), (shape, count) => {
        const scale = Array.from({ length: count }, (_, i) => 0.5 + i);
        const layer = tf.layers.rescaling({ scale: scale as unknown as number });
        expectSame(ours('Rescaling', { scale }, [shape]), theirs([shape], single(layer)));
      }),
      { numRuns: 20 },
    );
  });

  it('Normalization (Netwright’s own TF.js layer): adapted statistics are 2·C + 1 weights, given ones none', () => {
    fc.assert(
      fc.property(anyRank, fc.boolean(), (shape, given) => {
        const c = shape.at(-1)!;
        const stats = given
          ? { mean: Array.from({ length: c }, () => 0.5), variance: Array.from({ length: c }, () => 2) }
          : { mean: null, variance: null };
        const layer = new (normalizationClass(tf))(stats);
        expectSame(ours('Normalization', stats, [shape]), theirs([shape], single(layer)));
      }),
      { numRuns: 20 },
    );
  });

  it('Rescaling', () => {
    fc.assert(
      fc.property(anyRank, fc.double({ min: -2, max: 2, noNaN: true }), slope, (shape, scale, offset) => {
        const layer = tf.layers.rescaling({ scale, offset });
        expectSame(ours('Rescaling', { scale, offset }, [shape]), theirs([shape], single(layer)));
      }),
      { numRuns: 20 },
    );
  });
});

describe('head layers match tfjs', () => {
  it('Flatten', () => {
    // tfjs's Flatten refuses a vector (min_ndim 3 with the batch) where Keras passes it through,
    // so vectors are left to tensorOps.test.ts.
    const notVector = fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 2, maxLength: 3 });
    fc.assert(
      fc.property(notVector, (shape) => {
        expectSame(ours('Flatten', {}, [shape]), theirs([shape], single(tf.layers.flatten())));
      }),
      { numRuns: 20 },
    );
  });

  it('Reshape (with and without -1, fitting and not)', () => {
    const target = fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 3 });
    fc.assert(
      fc.property(anyRank, target, fc.boolean(), fc.option(fc.nat()), (shape, random, exact, minusOne) => {
        // Half the targets regroup the input's own axes so that fitting cases are common.
        const targetShape = exact ? [shape.slice(0, 1).reduce((a, b) => a * b, 1), ...shape.slice(1)] : [...random];
        if (minusOne !== null) targetShape[minusOne % targetShape.length] = -1;
        // A copy: tfjs's Reshape rewrites -1 to null in the array it is given.
        const layer = tf.layers.reshape({ targetShape: [...targetShape] });
        expectSame(ours('Reshape', { targetShape }, [shape]), theirs([shape], single(layer)));
      }),
      RUNS,
    );
  });

  it('Permute', () => {
    fc.assert(
      fc.property(anyRank, fc.nat(), (shape, seed) => {
        // A permutation of 1…rank from the seed (Fisher–Yates with the seed's digits).
        const dims = shape.map((_, i) => i + 1);
        let r = seed;
        for (let i = dims.length - 1; i > 0; i--) {
          const j = r % (i + 1);
          r = Math.floor(r / (i + 1));
          [dims[i], dims[j]] = [dims[j]!, dims[i]!];
        }
        const layer = tf.layers.permute({ dims: [...dims] });
        expectSame(ours('Permute', { dims }, [shape]), theirs([shape], single(layer)));
      }),
      { numRuns: 20 },
    );
  });

  it('Dense (on the last axis of vectors and images)', () => {
    fc.assert(
      fc.property(vectorOrImage, filters, fc.boolean(), activation, (shape, units, useBias, act) => {
        const layer = tf.layers.dense({ units, useBias, activation: act });
        expectSame(ours('Dense', { units, useBias, activation: act }, [shape]), theirs([shape], single(layer)));
      }),
      RUNS,
    );
  });
});

describe('compression kinds match their tfjs equivalents', () => {
  it('Compress1x1 is a 1×1 Conv2D with round(ratio·Cin) (at least 1) or `filters` outputs', () => {
    fc.assert(
      fc.property(
        image,
        fc.constantFrom('ratio' as const, 'count' as const),
        fc.integer({ min: 1, max: 100 }),
        filters,
        fc.boolean(),
        activation,
        (shape, mode, percent, n, useBias, act) => {
          const ratio = percent / 100;
          const outputs = mode === 'ratio' ? Math.max(1, Math.round(ratio * shape[2]!)) : n;
          const raw = { mode, ratio, filters: n, useBias, activation: act };
          const layer = tf.layers.conv2d({ filters: outputs, kernelSize: 1, useBias, activation: act });
          expectSame(ours('Compress1x1', raw, [shape]), theirs([shape], single(layer)));
        },
      ),
      RUNS,
    );
  });

  it('StridedReduction is a strided Conv2D, MaxPool2D or AvgPool2D', () => {
    fc.assert(
      fc.property(
        image,
        fc.constantFrom('conv' as const, 'maxpool' as const, 'avgpool' as const),
        kernel,
        pairOf(small),
        padding,
        fc.option(filters),
        fc.boolean(),
        (shape, method, kernelSize, strides, pad, n, useBias) => {
          const raw = { method, kernelSize, strides, padding: pad, filters: n, useBias };
          const window = { strides, padding: pad };
          const layer =
            method === 'conv'
              ? tf.layers.conv2d({ ...window, kernelSize, filters: n ?? shape[2]!, useBias, activation: 'relu' })
              : method === 'maxpool'
                ? tf.layers.maxPooling2d({ ...window, poolSize: kernelSize })
                : tf.layers.averagePooling2d({ ...window, poolSize: kernelSize });
          expectSame(ours('StridedReduction', raw, [shape]), theirs([shape], single(layer)));
        },
      ),
      RUNS,
    );
  });
});

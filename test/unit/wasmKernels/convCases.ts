import * as tf from '@tensorflow/tfjs';
import fc from 'fast-check';

type Pair = [number, number];
export type Pad = 'same' | 'valid' | number | [Pair, Pair, Pair, Pair];

/** One forward convolution whose gradients are compared; the channel counts mean filter [kh, kw, ci, co or m]. */
export interface ConvCase {
  batch: number;
  height: number;
  width: number;
  inChannels: number;
  /** co for a dense convolution, the channel multiplier for a depthwise one. */
  outChannels: number;
  kernel: Pair;
  strides: Pair;
  dilations: Pair;
  pad: Pad;
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
  seed: number;
}

const small = (max: number) => fc.integer({ min: 1, max });
const pair = (max: number) => fc.tuple(small(max), small(max));
const one: Pair = [1, 1];

/** k×k, 1×n and n×1 (the Inception-v3 factorisations) in equal measure. */
const kernel = fc.oneof(
  small(5).map((k): Pair => [k, k]),
  fc.integer({ min: 2, max: 7 }).map((k): Pair => [1, k]),
  fc.integer({ min: 2, max: 7 }).map((k): Pair => [k, 1]),
);

/**
 * tfjs's ops allow strides > 1 or dilations > 1, never both; the kernel
 * attributes do not forbid the mix, so it is covered too, more rarely.
 */
const stepping = fc.oneof(
  { arbitrary: fc.record({ strides: pair(3), dilations: fc.constant(one) }), weight: 3 },
  { arbitrary: fc.record({ strides: fc.constant(one), dilations: pair(3) }), weight: 2 },
  { arbitrary: fc.record({ strides: pair(3), dilations: pair(2) }), weight: 1 },
);

const padding = fc.oneof(
  fc.record({ pad: fc.constantFrom<Pad>('same', 'valid') }),
  fc.record({
    pad: fc.tuple(fc.nat(3), fc.nat(3), fc.nat(3), fc.nat(3)).map(
      ([t, b, l, r]): Pad => [
        [0, 0],
        [t, b],
        [l, r],
        [0, 0],
      ],
    ),
  }),
  fc.record({ pad: fc.nat(2), dimRoundingMode: fc.constantFrom('floor' as const, 'round' as const, 'ceil' as const) }),
);

export function convCases(depthwise: boolean): fc.Arbitrary<ConvCase> {
  return fc
    .record({
      batch: small(3),
      height: small(11),
      width: small(11),
      inChannels: small(depthwise ? 5 : 6),
      outChannels: small(depthwise ? 3 : 6),
      kernel,
      stepping,
      padding,
      seed: fc.integer(),
    })
    .map(({ stepping, padding, ...rest }) => ({ ...rest, ...stepping, ...padding }));
}

/** The forward output shape, or null when the configuration has no output (tfjs would reject it). */
export function outputShape(c: ConvCase, depthwise: boolean): number[] | null {
  try {
    const info = tf.backend_util.computeConv2DInfo(
      [c.batch, c.height, c.width, c.inChannels],
      [...c.kernel, c.inChannels, c.outChannels],
      c.strides,
      c.dilations,
      c.pad,
      c.dimRoundingMode,
      depthwise,
    );
    return info.outHeight > 0 && info.outWidth > 0 ? info.outShape : null;
  } catch {
    return null;
  }
}

import fc from 'fast-check';
import { GraphBuilder, type NodeRef } from '../../../shared/graph/builder';
import type { Graph, Shape } from '../../../shared/graph/types';
import { ACTIVATIONS, getLayerSpec, LayerError, validateParams } from '../../../shared/layers';

/**
 * Small random networks for the export tests, from a recipe fast-check generates: an
 * input, a list of steps and a head. Steps that would not fit the current shape are
 * skipped, so every recipe gives a valid graph. `tfjs: true` keeps to what TF.js can
 * compile (no grouped convs, no dilated depthwise convs, no hard_sigmoid or
 * hard_swish, ReLU without slope or threshold, ELU with alpha 1, LayerNormalization with
 * gamma and beta, nearest upsampling), for the tests that compare against a TF.js model.
 * They also leave out Subtract and Normalization, which TF.js lacked when these seeded
 * graphs were fixed; preprocessing.test.ts compares those with TF.js.
 */
export interface Recipe {
  input: { image: boolean; size: [number, number]; channels: number };
  steps: Step[];
  head: 'none' | 'gap-dense' | 'flatten-dense' | 'pixelwise-dense' | 'sequence' | 'gmp-keepdims' | 'two-outputs';
  softmax: boolean;
  oddNames: boolean;
}

type Step = { op: string; a: number; b: number; c: number; d: number; flag: boolean; act: number; group: number };

const step = fc.record({
  op: fc.constantFrom(
    'conv',
    'conv',
    'depthwise',
    'separable',
    'pad',
    'compress',
    'reduction',
    'maxpool',
    'avgpool',
    'batchnorm',
    'activation',
    'dropout',
    'concat',
    'add',
    'reshape-roundtrip',
    'gate',
    'relu-family',
    'preprocess',
    'deconv',
    'crop-or-upsample',
    'layernorm',
    'permute',
  ),
  a: fc.nat(99),
  b: fc.nat(99),
  c: fc.nat(99),
  d: fc.nat(99),
  flag: fc.boolean(),
  act: fc.nat(ACTIVATIONS.length - 1),
  group: fc.nat(9),
});

export const recipe = (): fc.Arbitrary<Recipe> =>
  fc.record({
    input: fc.record({
      image: fc.constantFrom(true, true, true, false),
      size: fc.tuple(fc.integer({ min: 3, max: 10 }), fc.integer({ min: 3, max: 10 })),
      channels: fc.integer({ min: 1, max: 5 }),
    }),
    steps: fc.array(step, { minLength: 2, maxLength: 10 }),
    head: fc.constantFrom(
      'none',
      'gap-dense',
      'flatten-dense',
      'pixelwise-dense',
      'sequence',
      'gmp-keepdims',
      'two-outputs',
    ),
    softmax: fc.boolean(),
    oddNames: fc.boolean(),
  });

/**
 * Names that are not Python identifiers or clash with Python, PyTorch and generated
 * names. TF.js accepts only [A-Za-z0-9][-A-Za-z0-9._/]* as layer names, so the ones with
 * spaces and accents are for the exports that need no TF.js model.
 */
const TFJS_ACTIVATIONS = ACTIVATIONS.filter((a) => a !== 'hard_sigmoid' && a !== 'hard_swish');

const ODD_TFJS = ['x', 'class', 'train', '3x3-reduce', 'self', 'layers', 'input', 'F', 'forward', 'conv.1', 'None'];
const ODD = [...ODD_TFJS, 'conv 1', 'é-norm', '_private', 'Network', 'build_model'];

export function buildRandomGraph(r: Recipe, tfjs: boolean): Graph {
  const b = new GraphBuilder();
  const shapes = new Map<string, Shape>();
  let counter = 0;
  const odd = tfjs ? ODD_TFJS : ODD;
  const name = (kind: string) => {
    counter += 1;
    if (!r.oddNames || counter % 3 !== 0) return b.uniqueName(kind.toLowerCase());
    const base = odd[Math.floor(counter / 3) % odd.length]!;
    return b.uniqueName(base);
  };
  /** Adds the node when its params validate and its shape works out; returns null (adds nothing) otherwise. */
  const tryAdd = (kind: string, params: Record<string, unknown>, inputs: NodeRef[]): NodeRef | null => {
    const checked = validateParams(kind, params);
    if (!checked.ok) return null;
    try {
      const shape = getLayerSpec(kind)!.outputShape(
        inputs.map((i) => shapes.get(i.id)!),
        checked.params,
      );
      if (shape.some((d) => d <= 0)) return null;
      const ref = b.add(kind, params, inputs, name(kind));
      shapes.set(ref.id, shape);
      return ref;
    } catch (error) {
      if (error instanceof LayerError) return null;
      throw error;
    }
  };
  const pick = <T>(values: readonly T[], n: number): T => values[n % values.length]!;

  const inputShape = r.input.image ? [...r.input.size, r.input.channels] : [r.input.size[0] * r.input.channels];
  let x = b.input(inputShape, r.oddNames ? 'input' : 'image');
  shapes.set(x.id, inputShape);
  const channels = () => shapes.get(x.id)!.at(-1)!;

  const applyStep = (s: Step) => {
    const k = (n: number): [number, number] => [1 + (n % 3), 1 + (Math.floor(n / 3) % 3)];
    const strides = s.b % 3 === 0 ? [2, 2] : s.b % 3 === 1 ? [1, 1] : [1, 2];
    const strided = strides.some((v) => v > 1);
    const dilation = !strided && s.c % 4 === 0 ? [2, 2] : [1, 1];
    const padding = s.flag ? 'same' : 'valid';
    const activation = pick(tfjs ? TFJS_ACTIVATIONS : ACTIVATIONS, s.act);
    let y: NodeRef | null = null;
    switch (s.op) {
      case 'conv': {
        const groups = !tfjs && s.d % 3 === 0 && channels() % 2 === 0 ? 2 : 1;
        const filters = groups * (1 + (s.d % 4));
        y = tryAdd(
          'Conv2D',
          { filters, kernelSize: k(s.a), strides, padding, dilation, groups, useBias: s.d % 2 === 0, activation },
          [x],
        );
        break;
      }
      case 'depthwise':
        y = tryAdd(
          'DepthwiseConv2D',
          {
            kernelSize: k(s.a),
            strides,
            padding,
            dilation: tfjs ? [1, 1] : dilation,
            depthMultiplier: 1 + (s.d % 2),
            useBias: s.flag,
            activation,
          },
          [x],
        );
        break;
      case 'separable':
        y = tryAdd(
          'SeparableConv2D',
          {
            filters: 1 + (s.d % 5),
            kernelSize: k(s.a),
            strides,
            padding,
            depthMultiplier: 1 + (s.c % 2),
            useBias: s.d % 2 === 1,
            activation,
          },
          [x],
        );
        break;
      case 'pad':
        y = tryAdd(
          'ZeroPadding2D',
          {
            padding: [
              [s.a % 3, s.b % 2],
              [s.c % 2, s.d % 3],
            ],
          },
          [x],
        );
        break;
      case 'compress':
        y = tryAdd(
          'Compress1x1',
          s.flag ? { mode: 'ratio', ratio: 0.25 + (s.a % 4) * 0.25 } : { mode: 'count', filters: 1 + (s.a % 6) },
          [x],
        );
        break;
      case 'reduction':
        y = tryAdd(
          'StridedReduction',
          { method: pick(['conv', 'maxpool', 'avgpool'], s.a), kernelSize: k(s.c), strides: [2, 2], padding },
          [x],
        );
        break;
      case 'maxpool':
      case 'avgpool':
        y = tryAdd(
          s.op === 'maxpool' ? 'MaxPool2D' : 'AvgPool2D',
          { poolSize: k(s.a), strides: [1 + (s.b % 3), 1 + (s.c % 3)], padding },
          [x],
        );
        break;
      case 'batchnorm':
        y = tryAdd(
          'BatchNorm',
          {
            center: s.a % 3 !== 0,
            scale: s.b % 3 !== 0,
            epsilon: s.flag ? 0.001 : 1e-5,
            momentum: 0.9 + (s.c % 10) / 100,
          },
          [x],
        );
        break;
      case 'activation':
        y = tryAdd('Activation', { activation }, [x]);
        break;
      case 'dropout':
        y = tryAdd('Dropout', { rate: (s.a % 5) / 10 }, [x]);
        break;
      case 'concat':
        if (s.flag) {
          // A parallel 1×1 branch joined along the channels, as Inception does.
          const branch = tryAdd('Conv2D', { filters: 1 + (s.b % 4), kernelSize: 1, activation: 'relu' }, [x]);
          if (branch) y = tryAdd('Concatenate', { axis: -1 }, [x, branch]);
        } else {
          // Joined along height or width with a (1×1, stride 1) pooled copy of itself.
          const pool = tryAdd('MaxPool2D', { poolSize: 1, strides: 1 }, [x]);
          if (pool) y = tryAdd('Concatenate', { axis: 1 + (s.c % 2) }, [pool, x]);
        }
        break;
      case 'add': {
        const branch = tryAdd('Conv2D', { filters: channels(), kernelSize: k(s.a), padding: 'same', useBias: s.flag }, [
          x,
        ]);
        if (branch) y = tryAdd('Add', {}, s.flag ? [x, branch] : [branch, x, branch]);
        break;
      }
      case 'reshape-roundtrip': {
        // [H, W, C] → [H·W, C] → Dense over channels → batch norm on a rank-2 tensor → back to an image.
        // TF.js's Reshape leaves a -1 unknown ([null]), which Netwright's compiler refuses.
        const [h = 0, w = 0] = shapes.get(x.id)!;
        const units = 1 + (s.a % 4);
        const seq = tryAdd('Reshape', { targetShape: [tfjs ? h * w : -1, channels()] }, [x]);
        if (!seq) break;
        const dense = tryAdd('Dense', { units, activation }, [seq]);
        const bn = dense && tryAdd('BatchNorm', { scale: s.flag }, [dense]);
        y = bn && tryAdd('Reshape', { targetShape: [h, w, tfjs ? units : -1] }, [bn]);
        break;
      }
      case 'gate': {
        // Squeeze-and-excitation: a [1, 1, C] gate from the whole map, merged back with it (stretching).
        const [h = 1, w = 1] = shapes.get(x.id)!;
        const pooled =
          s.c % 2 === 0
            ? tryAdd('GlobalAvgPool2D', { keepDims: true }, [x])
            : tryAdd('AvgPool2D', { poolSize: [h, w], strides: [h, w] }, [x]);
        const gate =
          pooled &&
          tryAdd(
            'Conv2D',
            { filters: channels(), kernelSize: 1, activation: s.flag || tfjs ? 'sigmoid' : 'hard_sigmoid' },
            [pooled],
          );
        const merges = tfjs
          ? ['Multiply', 'Average', 'Maximum', 'Minimum']
          : ['Multiply', 'Subtract', 'Average', 'Maximum', 'Minimum'];
        const kind = pick(merges, s.a);
        if (gate) y = tryAdd(kind, {}, s.b % 2 === 0 || kind === 'Subtract' ? [x, gate] : [gate, x, x]);
        break;
      }
      case 'relu-family': {
        const slope = (s.c % 5) / 10;
        const options: [string, Record<string, unknown>][] = [
          [
            'ReLU',
            tfjs
              ? { maxValue: s.b % 2 ? 6 : null }
              : { maxValue: 1 + (s.b % 6), negativeSlope: slope, threshold: (s.d % 3) / 4 },
          ],
          ['LeakyReLU', { negativeSlope: slope }],
          ['PReLU', { sharedAxes: s.flag ? [1, 2] : null }],
          ['ELU', { alpha: tfjs ? 1 : 0.5 + slope }],
        ];
        const [kind, params] = pick(options, s.a);
        y = tryAdd(kind, params, [x]);
        break;
      }
      case 'deconv':
        y = tryAdd(
          'Conv2DTranspose',
          {
            filters: 1 + (s.d % 4),
            kernelSize: k(s.a),
            strides: [1 + (s.b % 3), 1 + (s.c % 2)],
            padding,
            useBias: s.d % 2 === 0,
            activation,
          },
          [x],
        );
        break;
      case 'crop-or-upsample':
        y = s.flag
          ? tryAdd(
              'Cropping2D',
              {
                cropping: [
                  [s.a % 2, s.b % 3],
                  [s.c % 3, s.d % 2],
                ],
              },
              [x],
            )
          : tryAdd(
              'UpSampling2D',
              { size: [1 + (s.a % 2), 1 + (s.b % 3)], interpolation: tfjs || s.c % 2 ? 'nearest' : 'bilinear' },
              [x],
            );
        break;
      case 'layernorm':
        y = tryAdd(
          'LayerNormalization',
          { center: tfjs || s.a % 3 !== 0, scale: tfjs || s.b % 3 !== 0, epsilon: s.flag ? 0.001 : 1e-5 },
          [x],
        );
        break;
      case 'permute':
        // Swap height and width and back, or move channels first and back: the shape is restored.
        if (s.flag) {
          const there = tryAdd('Permute', { dims: [2, 1, 3] }, [x]);
          y = there && tryAdd('Permute', { dims: [2, 1, 3] }, [there]);
        } else {
          const there = tryAdd('Permute', { dims: [3, 1, 2] }, [x]);
          y = there && tryAdd('Permute', { dims: [2, 3, 1] }, [there]);
        }
        break;
      case 'preprocess':
        y =
          tfjs || s.flag
            ? tryAdd('Rescaling', { scale: 0.5 + (s.a % 4) / 4, offset: (s.b % 3) - 1 }, [x])
            : tryAdd('Normalization', s.c % 2 ? {} : { mean: [0.5], variance: [0.25 + (s.d % 3)] }, [x]);
        break;
    }
    if (y) x = y;
  };

  // A vector input becomes an image through a Dense and a Reshape.
  if (!r.input.image) {
    const [h, w] = r.input.size;
    const dense = tryAdd('Dense', { units: h * w * 2, activation: 'relu' }, [x]);
    x = tryAdd('Reshape', { targetShape: [h, w, 2] }, [dense!])!;
  }
  /** Steps with a high `group` open a module around the next few steps; modules nest two deep. */
  const runSteps = (steps: Step[], depth: number) => {
    let i = 0;
    while (i < steps.length) {
      const s = steps[i]!;
      if (s.group >= 7 && depth < 2) {
        const part = steps.slice(i, i + 2 + (s.group % 3));
        b.group(`block ${depth}.${i}`, 'custom', () => runSteps([{ ...s, group: 0 }, ...part.slice(1)], depth + 1));
        i += part.length;
      } else {
        applyStep(s);
        i += 1;
      }
    }
  };
  runSteps(r.steps, 0);

  const act = r.softmax ? 'softmax' : 'linear';
  switch (r.head) {
    case 'gap-dense': {
      const pooled = tryAdd('GlobalAvgPool2D', {}, [x]);
      if (pooled) tryAdd('Dense', { units: 3, activation: act }, [pooled]);
      break;
    }
    case 'flatten-dense': {
      const flat = tryAdd('Flatten', {}, [x]);
      const dense = flat && tryAdd('Dense', { units: 4, activation: 'linear' }, [flat]);
      if (dense) tryAdd('Activation', { activation: act }, [dense]);
      break;
    }
    case 'pixelwise-dense': {
      const dense = tryAdd('Dense', { units: 3, activation: 'tanh' }, [x]);
      const flat = dense && tryAdd('Flatten', {}, [dense]);
      if (flat) tryAdd('Dense', { units: 2, activation: act }, [flat]);
      break;
    }
    case 'sequence': {
      const seq = tryAdd('Reshape', { targetShape: [tfjs ? shapes.get(x.id)!.reduce((a, d) => a * d, 1) : -1] }, [x]);
      if (seq) tryAdd('BatchNorm', {}, [seq]);
      break;
    }
    case 'gmp-keepdims':
      tryAdd('GlobalMaxPool2D', { keepDims: true }, [x]);
      break;
    case 'two-outputs': {
      // Two heads: class scores and the feature map itself through a 1×1 conv.
      const pooled = tryAdd('GlobalMaxPool2D', {}, [x]);
      if (pooled) tryAdd('Dense', { units: 2, activation: act }, [pooled]);
      tryAdd('Conv2D', { filters: 2, kernelSize: 1, activation: act }, [x]);
      break;
    }
    case 'none':
      break;
  }
  return b.build();
}

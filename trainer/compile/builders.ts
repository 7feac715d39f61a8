import type * as tfjs from '@tensorflow/tfjs';
import type { Shape } from '../../shared/graph/types';
import { type DiagnosticText, english } from '../../shared/i18n/diagnosticText';
import {
  type ActivationName,
  type Conv2DParams,
  type ConvParams,
  compress1x1AsConv2D,
  isLayerKind,
  isUniform,
  type LayerKind,
  type Pair,
  type ParamsOf,
  type Pool2DParams,
  rescalingValues,
  stridedReductionEquivalent,
} from '../../shared/layers';
import { type RunTextKey, runText } from '../../shared/training/runText';
import { allowTrainingWithoutScaleOrCenter } from './batchNormFix';
import { enableClosedFormTraining } from './batchNormLayer';
import { trainWithLazyInputGradient } from './lazyConvGradient';
import { normalizationClass } from './normalizationLayer';
import { subtractClass } from './subtractLayer';

type Tf = typeof tfjs;
type Layer = tfjs.layers.Layer;

export interface BuildContext<P = Record<string, unknown>> {
  tf: Tf;
  name: string;
  /** Validated by the analysis, defaults filled. */
  params: P;
  inputShapes: readonly Shape[];
  /** The analysis's output shape for the node (per sample). */
  outputShape: Shape;
}

/** Builders return the layer for a node; Input is handled by the compiler (it is a tensor, not a layer). */
export type LayerBuilder = (ctx: BuildContext) => Layer;

/** Where tfjs cannot express a setting, the compiler refuses with this (a message for the user). */
export class UnsupportedInTfjs extends Error {
  override name = 'UnsupportedInTfjs';
  /** `text`: a `diagnostics.training.compile` text, the message in any language. */
  constructor(readonly text: DiagnosticText) {
    super(english(text));
  }
}

const unsupported = (key: Extract<RunTextKey, `compile.${string}`>, values: Record<string, string | number> = {}) =>
  new UnsupportedInTfjs(runText(key, values));

/**
 * The tfjs name of an activation. tfjs's hardSigmoid is Keras 2's 0.2·x + 0.5, not the
 * relu6(x + 3) / 6 Netwright (as Keras 3 and PyTorch) means, and tfjs has no hard swish.
 */
function tfjsActivation(name: ActivationName): Exclude<ActivationName, 'hard_sigmoid' | 'hard_swish'> {
  if (name === 'hard_sigmoid' || name === 'hard_swish') {
    throw unsupported('compile.hardActivation', {
      name,
      formula: `relu6(x + 3) / 6${name === 'hard_swish' ? ' · x' : ''}`,
    });
  }
  return name;
}

/** tfjs wants mutable pairs. */
const pair = ([h, w]: Pair): [number, number] => [h, w];

/** The settings every tfjs convolution shares, from the catalog's shared conv fields. */
const convConfig = (name: string, c: ConvParams) => ({
  name,
  kernelSize: pair(c.kernelSize),
  strides: pair(c.strides),
  padding: c.padding,
  dilationRate: pair(c.dilation),
  useBias: c.useBias,
  activation: tfjsActivation(c.activation),
});

function conv2d(tf: Tf, name: string, c: Conv2DParams): Layer {
  if (c.groups !== 1) {
    throw unsupported('compile.groups', { groups: c.groups });
  }
  const layer = tf.layers.conv2d({ ...convConfig(name, c), filters: c.filters });
  if (!c.useBias && c.activation === 'linear') trainWithLazyInputGradient(tf, layer);
  return layer;
}

function pool(tf: Tf, name: string, kind: 'MaxPool2D' | 'AvgPool2D', c: Pool2DParams): Layer {
  const config = {
    name,
    poolSize: pair(c.poolSize),
    strides: pair(c.strides),
    padding: c.padding,
  };
  return kind === 'MaxPool2D' ? tf.layers.maxPooling2d(config) : tf.layers.averagePooling2d(config);
}

function globalPool(ctx: BuildContext<{ keepDims: boolean }>, kind: 'GlobalAvgPool2D' | 'GlobalMaxPool2D'): Layer {
  if (ctx.params.keepDims) {
    // tfjs's global pools ignore keepDims; one pool window over the whole image gives the same 1×1×C.
    const [h = 1, w = 1] = ctx.inputShapes[0] ?? [];
    const config = { name: ctx.name, poolSize: [h, w] as [number, number], strides: [h, w] as [number, number] };
    return kind === 'GlobalAvgPool2D' ? ctx.tf.layers.averagePooling2d(config) : ctx.tf.layers.maxPooling2d(config);
  }
  const config = { name: ctx.name };
  return kind === 'GlobalAvgPool2D'
    ? ctx.tf.layers.globalAveragePooling2d(config)
    : ctx.tf.layers.globalMaxPooling2d(config);
}

/** A Rescaling factor as tfjs takes it: a number, or one per channel (typed as a number by tfjs, used as a tensor-like). */
const tfjsFactor = (v: number | readonly number[]): number =>
  isUniform(v) ? rescalingValues(v)[0]! : ([...rescalingValues(v)] as unknown as number);

/** The single input's shape; the analysis has checked there is exactly one. */
const only = (ctx: BuildContext<unknown>): Shape => ctx.inputShapes[0] ?? [];

type Builders = { [K in Exclude<LayerKind, 'Input'>]: (ctx: BuildContext<ParamsOf<K>>) => Layer };

/** One builder per layer kind; the parameters arrive validated, defaults filled. */
export const builders: Builders = {
  Conv2D: (ctx) => conv2d(ctx.tf, ctx.name, ctx.params),
  Compress1x1: (ctx) => conv2d(ctx.tf, ctx.name, compress1x1AsConv2D(only(ctx), ctx.params)),
  StridedReduction: (ctx) => {
    const eq = stridedReductionEquivalent(only(ctx), ctx.params);
    return eq.kind === 'Conv2D' ? conv2d(ctx.tf, ctx.name, eq.params) : pool(ctx.tf, ctx.name, eq.kind, eq.params);
  },
  DepthwiseConv2D: ({ tf, name, params: c }) => {
    if (c.dilation.some((d) => d !== 1)) {
      // tfjs 4.22's DepthwiseConv2D silently ignores dilationRate: refuse rather than train another network.
      throw unsupported('compile.depthwiseDilation', { dilation: c.dilation.join('×') });
    }
    return tf.layers.depthwiseConv2d({ ...convConfig(name, c), depthMultiplier: c.depthMultiplier });
  },
  SeparableConv2D: ({ tf, name, params: c }) =>
    tf.layers.separableConv2d({ ...convConfig(name, c), filters: c.filters, depthMultiplier: c.depthMultiplier }),
  Conv2DTranspose: ({ tf, name, params: c }) => {
    if (c.dilation.some((d) => d !== 1)) {
      // tfjs 4.22's Conv2DTranspose has no dilation: refuse rather than train another network.
      throw unsupported('compile.transposeDilation', { dilation: c.dilation.join('×') });
    }
    const { dilationRate: _, ...config } = convConfig(name, c);
    return tf.layers.conv2dTranspose({ ...config, filters: c.filters });
  },
  Cropping2D: (ctx) => {
    const [[top, bottom], [left, right]] = ctx.params.cropping;
    return ctx.tf.layers.cropping2D({
      name: ctx.name,
      cropping: [
        [top, bottom],
        [left, right],
      ],
    });
  },
  UpSampling2D: ({ tf, name, params: p }) => {
    if (p.interpolation === 'bilinear') {
      // tfjs resizes without half-pixel centres: its bilinear values differ from Keras's and PyTorch's.
      throw unsupported('compile.bilinear');
    }
    return tf.layers.upSampling2d({ name, size: pair(p.size), interpolation: 'nearest' });
  },
  LayerNormalization: ({ tf, name, params: p }) => {
    if (!p.center || !p.scale) {
      // tfjs 4.22 builds it, then fails in the first training step on the missing weight.
      throw unsupported('compile.layerNorm');
    }
    return tf.layers.layerNormalization({ name, axis: -1, epsilon: p.epsilon });
  },
  Permute: (ctx) => ctx.tf.layers.permute({ name: ctx.name, dims: [...ctx.params.dims] }),
  MaxPool2D: (ctx) => pool(ctx.tf, ctx.name, 'MaxPool2D', ctx.params),
  AvgPool2D: (ctx) => pool(ctx.tf, ctx.name, 'AvgPool2D', ctx.params),
  GlobalAvgPool2D: (ctx) => globalPool(ctx, 'GlobalAvgPool2D'),
  GlobalMaxPool2D: (ctx) => globalPool(ctx, 'GlobalMaxPool2D'),
  BatchNorm: (ctx) => {
    const c = ctx.params;
    const layer = ctx.tf.layers.batchNormalization({
      name: ctx.name,
      axis: -1,
      center: c.center,
      scale: c.scale,
      epsilon: c.epsilon,
      momentum: c.momentum,
    });
    // The stand-ins still serve the stock training branch, which the closed form leaves to odd inputs.
    allowTrainingWithoutScaleOrCenter(ctx.tf, layer, only(ctx).at(-1) ?? 1, c.scale, c.center);
    enableClosedFormTraining(ctx.tf, layer);
    return layer;
  },
  Activation: (ctx) => ctx.tf.layers.activation({ name: ctx.name, activation: tfjsActivation(ctx.params.activation) }),
  ReLU: ({ tf, name, params: p }) => {
    if (p.negativeSlope !== 0 || p.threshold !== 0) {
      throw unsupported('compile.relu');
    }
    return tf.layers.reLU({ name, ...(p.maxValue === null ? {} : { maxValue: p.maxValue }) });
  },
  LeakyReLU: (ctx) => ctx.tf.layers.leakyReLU({ name: ctx.name, alpha: ctx.params.negativeSlope }),
  PReLU: (ctx) =>
    ctx.tf.layers.prelu({
      name: ctx.name,
      ...(ctx.params.sharedAxes ? { sharedAxes: [...ctx.params.sharedAxes] } : {}),
    }),
  ELU: (ctx) => {
    if (ctx.params.alpha !== 1) throw unsupported('compile.elu', { alpha: ctx.params.alpha });
    return ctx.tf.layers.elu({ name: ctx.name });
  },
  Rescaling: ({ tf, name, params: p }) =>
    // tfjs's Rescaling multiplies and adds with tf.mul / tf.add, which broadcast a per-channel list too.
    tf.layers.rescaling({ name, scale: tfjsFactor(p.scale), offset: tfjsFactor(p.offset) }),
  Normalization: ({ tf, name, params: p }) =>
    new (normalizationClass(tf))({ name, mean: p.mean, variance: p.variance }),
  ZeroPadding2D: (ctx) => {
    const [[top, bottom], [left, right]] = ctx.params.padding;
    return ctx.tf.layers.zeroPadding2d({
      name: ctx.name,
      padding: [
        [top, bottom],
        [left, right],
      ],
    });
  },
  Concatenate: (ctx) => {
    // tfjs builds the right shape for a negative axis but joins along the last one when run: pass it positive (batch counted).
    const axis = ctx.params.axis;
    const rank = only(ctx).length;
    return ctx.tf.layers.concatenate({ name: ctx.name, axis: axis < 0 ? rank + 1 + axis : axis });
  },
  Add: (ctx) => ctx.tf.layers.add({ name: ctx.name }),
  Multiply: (ctx) => ctx.tf.layers.multiply({ name: ctx.name }),
  Average: (ctx) => ctx.tf.layers.average({ name: ctx.name }),
  Maximum: (ctx) => ctx.tf.layers.maximum({ name: ctx.name }),
  Minimum: (ctx) => ctx.tf.layers.minimum({ name: ctx.name }),
  Subtract: (ctx) => new (subtractClass(ctx.tf))({ name: ctx.name }),
  // tfjs's Flatten refuses a vector, which it would leave unchanged: reshape to the same size instead.
  Flatten: (ctx) =>
    only(ctx).length === 1
      ? ctx.tf.layers.reshape({ name: ctx.name, targetShape: [...only(ctx)] })
      : ctx.tf.layers.flatten({ name: ctx.name }),
  // A -1 in targetShape leaves tfjs's symbolic shape unknown: give it the size the analysis resolved.
  Reshape: (ctx) => {
    const target = ctx.params.targetShape;
    return ctx.tf.layers.reshape({
      name: ctx.name,
      targetShape: target.includes(-1) ? [...ctx.outputShape] : [...target],
    });
  },
  Dropout: (ctx) => ctx.tf.layers.dropout({ name: ctx.name, rate: ctx.params.rate }),
  Dense: (ctx) => {
    const c = ctx.params;
    return ctx.tf.layers.dense({
      name: ctx.name,
      units: c.units,
      useBias: c.useBias,
      activation: tfjsActivation(c.activation),
    });
  },
};

/** The builder for a node's kind; undefined for Input (a tensor) and for kinds the catalog does not know. */
export function builderFor(kind: string): LayerBuilder | undefined {
  if (!isLayerKind(kind) || kind === 'Input') return undefined;
  // Each builder takes its own kind's params; the analysis validated them for this kind.
  return builders[kind] as LayerBuilder;
}

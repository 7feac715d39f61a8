import type * as tfjs from '@tensorflow/tfjs';
import type { Shape } from '../../../shared/graph/types';
import {
  type ActivationParams,
  type BatchNormParams,
  type Compress1x1Params,
  type ConcatenateParams,
  type Conv2DParams,
  compress1x1AsConv2D,
  type DenseParams,
  type DepthwiseConv2DParams,
  type DropoutParams,
  type GlobalPool2DParams,
  type Pool2DParams,
  type ReshapeParams,
  type SeparableConv2DParams,
  type StridedReductionParams,
  stridedReductionEquivalent,
  type ZeroPadding2DParams,
} from '../../../shared/layers';
import { allowTrainingWithoutScaleOrCenter } from './batchNormFix';
import { enableClosedFormTraining } from './batchNormLayer';

type Tf = typeof tfjs;
type Layer = tfjs.layers.Layer;

export interface BuildContext {
  tf: Tf;
  name: string;
  params: Record<string, unknown>;
  inputShapes: readonly Shape[];
  /** The analysis's output shape for the node (per sample). */
  outputShape: Shape;
}

/** Builders return the layer for a node; Input is handled by the compiler (it is a tensor, not a layer). */
export type LayerBuilder = (ctx: BuildContext) => Layer;

/** Where tfjs cannot express a setting, the compiler refuses with this (a message for the user). */
export class UnsupportedInTfjs extends Error {
  override name = 'UnsupportedInTfjs';
}

const p = <T>(ctx: BuildContext) => ctx.params as T;

function conv2d(tf: Tf, name: string, c: Conv2DParams): Layer {
  if (c.groups !== 1) {
    throw new UnsupportedInTfjs(
      `TensorFlow.js has no grouped convolution (groups ${c.groups}): set groups to 1, or use DepthwiseConv2D`,
    );
  }
  return tf.layers.conv2d({
    name,
    filters: c.filters,
    kernelSize: [...c.kernelSize],
    strides: [...c.strides],
    padding: c.padding,
    dilationRate: [...c.dilation],
    useBias: c.useBias,
    activation: c.activation,
  });
}

function pool(tf: Tf, name: string, kind: 'MaxPool2D' | 'AvgPool2D', c: Pool2DParams): Layer {
  const config = {
    name,
    poolSize: [...c.poolSize] as [number, number],
    strides: [...c.strides] as [number, number],
    padding: c.padding,
  };
  return kind === 'MaxPool2D' ? tf.layers.maxPooling2d(config) : tf.layers.averagePooling2d(config);
}

/** One builder per layer kind; the parameters arrive validated, defaults filled. */
export const builders: Record<string, LayerBuilder> = {
  Conv2D: (ctx) => conv2d(ctx.tf, ctx.name, p<Conv2DParams>(ctx)),
  Compress1x1: (ctx) => conv2d(ctx.tf, ctx.name, compress1x1AsConv2D(ctx.inputShapes[0]!, p<Compress1x1Params>(ctx))),
  StridedReduction: (ctx) => {
    const eq = stridedReductionEquivalent(ctx.inputShapes[0]!, p<StridedReductionParams>(ctx));
    return eq.kind === 'Conv2D' ? conv2d(ctx.tf, ctx.name, eq.params) : pool(ctx.tf, ctx.name, eq.kind, eq.params);
  },
  DepthwiseConv2D: ({ tf, name, ...ctx }) => {
    const c = ctx.params as DepthwiseConv2DParams;
    if (c.dilation.some((d) => d !== 1)) {
      // tfjs 4.22's DepthwiseConv2D silently ignores dilationRate: refuse rather than train another network.
      throw new UnsupportedInTfjs(
        `TensorFlow.js ignores dilation in DepthwiseConv2D (dilation ${c.dilation.join('×')}): set dilation to 1×1`,
      );
    }
    return tf.layers.depthwiseConv2d({
      name,
      kernelSize: [...c.kernelSize],
      strides: [...c.strides],
      padding: c.padding,
      depthMultiplier: c.depthMultiplier,
      dilationRate: [...c.dilation],
      useBias: c.useBias,
      activation: c.activation,
    });
  },
  SeparableConv2D: ({ tf, name, ...ctx }) => {
    const c = ctx.params as SeparableConv2DParams;
    return tf.layers.separableConv2d({
      name,
      filters: c.filters,
      kernelSize: [...c.kernelSize],
      strides: [...c.strides],
      padding: c.padding,
      depthMultiplier: c.depthMultiplier,
      dilationRate: [...c.dilation],
      useBias: c.useBias,
      activation: c.activation,
    });
  },
  MaxPool2D: (ctx) => pool(ctx.tf, ctx.name, 'MaxPool2D', p<Pool2DParams>(ctx)),
  AvgPool2D: (ctx) => pool(ctx.tf, ctx.name, 'AvgPool2D', p<Pool2DParams>(ctx)),
  GlobalAvgPool2D: (ctx) => {
    if (p<GlobalPool2DParams>(ctx).keepDims)
      throw new UnsupportedInTfjs('TensorFlow.js global pooling has no keepDims');
    return ctx.tf.layers.globalAveragePooling2d({ name: ctx.name });
  },
  GlobalMaxPool2D: (ctx) => {
    if (p<GlobalPool2DParams>(ctx).keepDims)
      throw new UnsupportedInTfjs('TensorFlow.js global pooling has no keepDims');
    return ctx.tf.layers.globalMaxPooling2d({ name: ctx.name });
  },
  BatchNorm: (ctx) => {
    const c = p<BatchNormParams>(ctx);
    const layer = ctx.tf.layers.batchNormalization({
      name: ctx.name,
      axis: -1,
      center: c.center,
      scale: c.scale,
      epsilon: c.epsilon,
      momentum: c.momentum,
    });
    // The stand-ins still serve the stock training branch, which the closed form leaves to odd inputs.
    allowTrainingWithoutScaleOrCenter(ctx.tf, layer, ctx.inputShapes[0]!.at(-1)!, c.scale, c.center);
    enableClosedFormTraining(ctx.tf, layer);
    return layer;
  },
  Activation: (ctx) => ctx.tf.layers.activation({ name: ctx.name, activation: p<ActivationParams>(ctx).activation }),
  ZeroPadding2D: (ctx) => {
    const [[top, bottom], [left, right]] = p<ZeroPadding2DParams>(ctx).padding;
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
    const axis = p<ConcatenateParams>(ctx).axis;
    const rank = ctx.inputShapes[0]!.length;
    return ctx.tf.layers.concatenate({ name: ctx.name, axis: axis < 0 ? rank + 1 + axis : axis });
  },
  Add: (ctx) => ctx.tf.layers.add({ name: ctx.name }),
  // tfjs's Flatten refuses a vector, which it would leave unchanged: reshape to the same size instead.
  Flatten: (ctx) =>
    ctx.inputShapes[0]!.length === 1
      ? ctx.tf.layers.reshape({ name: ctx.name, targetShape: [...ctx.inputShapes[0]!] })
      : ctx.tf.layers.flatten({ name: ctx.name }),
  // A -1 in targetShape leaves tfjs's symbolic shape unknown: give it the size the analysis resolved.
  Reshape: (ctx) => {
    const target = p<ReshapeParams>(ctx).targetShape;
    return ctx.tf.layers.reshape({
      name: ctx.name,
      targetShape: target.includes(-1) ? [...ctx.outputShape] : [...target],
    });
  },
  Dropout: (ctx) => ctx.tf.layers.dropout({ name: ctx.name, rate: p<DropoutParams>(ctx).rate }),
  Dense: (ctx) => {
    const c = p<DenseParams>(ctx);
    return ctx.tf.layers.dense({ name: ctx.name, units: c.units, useBias: c.useBias, activation: c.activation });
  },
};

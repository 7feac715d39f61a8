import { isUniform, type Pair, rescalingValues } from '../../layers';
import type { ExportNode } from '../network';
import type { PlainKind } from '../plainLayer';
import { type Arg, bool, call, type Expr, float, int, intTuple, keyword, list, str, tuple } from '../python/expr';

/** A Rescaling factor: one number, or a list with one per channel (Keras broadcasts it on the last axis). */
const factor = (v: number | readonly number[]): Expr =>
  isUniform(v) ? float(rescalingValues(v)[0]!) : list(rescalingValues(v).map(float));

/** The Keras class each plain kind is written as (also what the structural test expects). */
export const kerasClassOf: Record<PlainKind, string> = {
  Input: 'InputLayer',
  Conv2D: 'Conv2D',
  DepthwiseConv2D: 'DepthwiseConv2D',
  SeparableConv2D: 'SeparableConv2D',
  Conv2DTranspose: 'Conv2DTranspose',
  ZeroPadding2D: 'ZeroPadding2D',
  Cropping2D: 'Cropping2D',
  UpSampling2D: 'UpSampling2D',
  MaxPool2D: 'MaxPooling2D',
  AvgPool2D: 'AveragePooling2D',
  GlobalAvgPool2D: 'GlobalAveragePooling2D',
  GlobalMaxPool2D: 'GlobalMaxPooling2D',
  Concatenate: 'Concatenate',
  Add: 'Add',
  Multiply: 'Multiply',
  Subtract: 'Subtract',
  Average: 'Average',
  Maximum: 'Maximum',
  Minimum: 'Minimum',
  BatchNorm: 'BatchNormalization',
  LayerNormalization: 'LayerNormalization',
  Activation: 'Activation',
  ReLU: 'ReLU',
  LeakyReLU: 'LeakyReLU',
  PReLU: 'PReLU',
  ELU: 'ELU',
  Rescaling: 'Rescaling',
  Normalization: 'Normalization',
  Dropout: 'Dropout',
  Flatten: 'Flatten',
  Reshape: 'Reshape',
  Permute: 'Permute',
  Dense: 'Dense',
};

const isOne = ([a, b]: Pair) => a === 1 && b === 1;

/** Window settings, each only where it differs from Keras's default (strides 1, 'valid', dilation 1). */
function windowArgs(p: { strides: Pair; padding: 'same' | 'valid'; dilation: Pair }): Arg[] {
  const args: Arg[] = [];
  if (!isOne(p.strides)) args.push(keyword('strides', intTuple(p.strides)));
  if (p.padding !== 'valid') args.push(keyword('padding', str(p.padding)));
  if (!isOne(p.dilation)) args.push(keyword('dilation_rate', intTuple(p.dilation)));
  return args;
}

function biasAndActivation(p: { useBias: boolean; activation: string }): Arg[] {
  const args: Arg[] = [];
  if (!p.useBias) args.push(keyword('use_bias', bool(false)));
  if (p.activation !== 'linear') args.push(keyword('activation', str(p.activation)));
  return args;
}

/** Constructor arguments of a node's Keras layer, `name=` excluded. */
function layerArgs(node: ExportNode): Arg[] {
  const layer = node.layer;
  switch (layer.kind) {
    case 'Input':
      throw new Error('Input nodes are keras.Input, not layers');
    case 'Conv2D': {
      const p = layer.params;
      const groups = p.groups !== 1 ? [keyword('groups', int(p.groups))] : [];
      return [int(p.filters), intTuple(p.kernelSize), ...windowArgs(p), ...groups, ...biasAndActivation(p)];
    }
    case 'DepthwiseConv2D': {
      const p = layer.params;
      const dm = p.depthMultiplier !== 1 ? [keyword('depth_multiplier', int(p.depthMultiplier))] : [];
      return [intTuple(p.kernelSize), ...windowArgs(p), ...dm, ...biasAndActivation(p)];
    }
    case 'SeparableConv2D': {
      const p = layer.params;
      const dm = p.depthMultiplier !== 1 ? [keyword('depth_multiplier', int(p.depthMultiplier))] : [];
      return [int(p.filters), intTuple(p.kernelSize), ...windowArgs(p), ...dm, ...biasAndActivation(p)];
    }
    case 'Conv2DTranspose': {
      const p = layer.params;
      return [int(p.filters), intTuple(p.kernelSize), ...windowArgs(p), ...biasAndActivation(p)];
    }
    case 'ZeroPadding2D':
      return [tuple(layer.params.padding.map((side) => intTuple(side)))];
    case 'Cropping2D':
      return [tuple(layer.params.cropping.map((side) => intTuple(side)))];
    case 'UpSampling2D': {
      const p = layer.params;
      const interpolation = p.interpolation !== 'nearest' ? [keyword('interpolation', str(p.interpolation))] : [];
      return [keyword('size', intTuple(p.size)), ...interpolation];
    }
    case 'LayerNormalization': {
      const p = layer.params;
      const args: Arg[] = [];
      if (p.epsilon !== 0.001) args.push(keyword('epsilon', float(p.epsilon)));
      if (!p.center) args.push(keyword('center', bool(false)));
      if (!p.scale) args.push(keyword('scale', bool(false)));
      return args;
    }
    case 'Permute':
      return [intTuple(layer.params.dims)];
    case 'MaxPool2D':
    case 'AvgPool2D': {
      const p = layer.params;
      // Keras's strides default to the pool size, so they are always written.
      const args: Arg[] = [intTuple(p.poolSize), keyword('strides', intTuple(p.strides))];
      if (p.padding !== 'valid') args.push(keyword('padding', str(p.padding)));
      return args;
    }
    case 'GlobalAvgPool2D':
    case 'GlobalMaxPool2D':
      return layer.params.keepDims ? [keyword('keepdims', bool(true))] : [];
    case 'Concatenate':
      return layer.params.axis !== -1 ? [keyword('axis', int(layer.params.axis))] : [];
    case 'Add':
    case 'Multiply':
    case 'Subtract':
    case 'Average':
    case 'Maximum':
    case 'Minimum':
    case 'Flatten':
      return [];
    case 'ReLU': {
      const p = layer.params;
      const args: Arg[] = [];
      if (p.maxValue !== null) args.push(keyword('max_value', float(p.maxValue)));
      if (p.negativeSlope !== 0) args.push(keyword('negative_slope', float(p.negativeSlope)));
      if (p.threshold !== 0) args.push(keyword('threshold', float(p.threshold)));
      return args;
    }
    case 'LeakyReLU':
      return [keyword('negative_slope', float(layer.params.negativeSlope))];
    case 'PReLU':
      return layer.params.sharedAxes ? [keyword('shared_axes', list(layer.params.sharedAxes.map(int)))] : [];
    case 'ELU':
      return layer.params.alpha !== 1 ? [keyword('alpha', float(layer.params.alpha))] : [];
    case 'Rescaling': {
      const p = layer.params;
      const offsetShown = !isUniform(p.offset) || rescalingValues(p.offset)[0] !== 0;
      return [factor(p.scale), ...(offsetShown ? [keyword('offset', factor(p.offset))] : [])];
    }
    case 'Normalization': {
      const p = layer.params;
      if (p.mean === null || p.variance === null) return [];
      return [keyword('mean', list(p.mean.map(float))), keyword('variance', list(p.variance.map(float)))];
    }
    case 'BatchNorm': {
      const p = layer.params;
      const args: Arg[] = [];
      if (p.momentum !== 0.99) args.push(keyword('momentum', float(p.momentum)));
      if (p.epsilon !== 0.001) args.push(keyword('epsilon', float(p.epsilon)));
      if (!p.center) args.push(keyword('center', bool(false)));
      if (!p.scale) args.push(keyword('scale', bool(false)));
      return args;
    }
    case 'Activation':
      return [str(layer.params.activation)];
    case 'Dropout':
      return [float(layer.params.rate)];
    case 'Reshape':
      return [intTuple(layer.params.targetShape)];
    case 'Dense':
      return [int(layer.params.units), ...biasAndActivation(layer.params)];
  }
}

/** Layers applied to a list of tensors. */
const MERGES = new Set<PlainKind>(['Concatenate', 'Add', 'Multiply', 'Subtract', 'Average', 'Maximum', 'Minimum']);

/** `layers.Conv2D(..., name="conv2d")(x)`: the layer made and applied in one expression. */
export function kerasLayerCall(node: ExportNode, inputs: Expr[], owner?: ExportNode): Expr {
  // A shared layer's calls (owner: its first call) apply one layer object: shared_layer() in model.py.
  const made = owner ?? node;
  const frozen = made.frozen ? [keyword('trainable', bool(false))] : [];
  const built = call(`layers.${kerasClassOf[made.layer.kind]}`, [
    ...layerArgs(made),
    ...frozen,
    keyword('name', str(made.name)),
  ]);
  const layer = owner ? call('shared_layer', [built]) : built;
  const merge = MERGES.has(node.layer.kind);
  return call(layer, merge ? [{ kind: 'list', items: inputs }] : inputs);
}

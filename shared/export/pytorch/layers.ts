import { type ActivationName, dilatedSize, isUniform, type Pair, preluAlphaShape, rescalingValues } from '../../layers';
import { type ExportNode, isImage, torchShape } from '../network';
import type { PlainLayer } from '../plainLayer';
import { type Arg, atom, bool, call, type Expr, float, int, intTuple, keyword, list, str } from '../python/expr';
import { isSymmetric, isZero, type Pad2D, tfPadding2D, torchPadOrder } from '../tfPadding';
import type { HelperName } from './helpers';

/** How one node is written in PyTorch. */
export interface TorchLayer {
  /** `self.<ident> = <module>` in __init__; null when the node has no module (see finalSoftmax). */
  module: Expr | null;
  /** The node's output, given its input tensors and `self.<ident>`. */
  forward(inputs: Expr[], self: Expr): Expr;
  helpers: HelperName[];
  /** Said in a comment above the module: why the code differs from the obvious. */
  note?: string;
}

const isOne = ([a, b]: Pair) => a === 1 && b === 1;

/** F.relu(x) etc.; softmax over channels, which is dim 1 of an NCHW image and the last dim otherwise. */
function activate(x: Expr, name: ActivationName, image: boolean): Expr {
  switch (name) {
    case 'linear':
      return x;
    case 'relu':
    case 'sigmoid':
    case 'tanh':
      return call(`torch.${name}`, [x]);
    case 'relu6':
      return call('F.relu6', [x]);
    case 'gelu':
      return call('F.gelu', [x]);
    case 'swish':
      return call('F.silu', [x]);
    // Keras 3's hard_sigmoid is relu6(x + 3) / 6, which is PyTorch's (not Keras 2's 0.2·x + 0.5).
    case 'hard_sigmoid':
      return call('F.hardsigmoid', [x]);
    case 'hard_swish':
      return call('F.hardswish', [x]);
    case 'softmax':
      return call('torch.softmax', [x, keyword('dim', int(image ? 1 : -1))]);
  }
}

const activationModules: Record<Exclude<ActivationName, 'softmax'>, string> = {
  linear: 'nn.Identity',
  relu: 'nn.ReLU',
  relu6: 'nn.ReLU6',
  sigmoid: 'nn.Sigmoid',
  tanh: 'nn.Tanh',
  gelu: 'nn.GELU',
  swish: 'nn.SiLU',
  hard_sigmoid: 'nn.Hardsigmoid',
  hard_swish: 'nn.Hardswish',
};

/** A fused activation, left out when it is the final softmax (predict() applies that). */
function fused(node: ExportNode, name: ActivationName): (x: Expr) => Expr {
  if (name === 'softmax' && node.finalSoftmax) return (x) => x;
  return (x) => activate(x, name, isImage(node.outputShape));
}

/** Padding for a conv or pool: symmetric goes into the module, asymmetric into F.pad in forward(). */
function padding(pads: Pad2D): { moduleArgs: Arg[]; pad: (x: Expr, value?: Expr) => Expr; note?: string } {
  if (isZero(pads)) return { moduleArgs: [], pad: (x) => x };
  const [[top, bottom], [left, right]] = pads;
  if (isSymmetric(pads)) return { moduleArgs: [keyword('padding', intTuple([top, left]))], pad: (x) => x };
  return {
    moduleArgs: [],
    pad: (x, value) =>
      call(
        'F.pad',
        value ? [x, intTuple(torchPadOrder(pads)), keyword('value', value)] : [x, intTuple(torchPadOrder(pads))],
      ),
    note: `TensorFlow's 'same' padding, asymmetric here: top ${top}, bottom ${bottom}, left ${left}, right ${right} (F.pad in forward()).`,
  };
}

function windowArgs(strides: Pair, dilation: Pair, pads: Arg[]): Arg[] {
  const args: Arg[] = [];
  if (!isOne(strides)) args.push(keyword('stride', intTuple(strides)));
  args.push(...pads);
  if (!isOne(dilation)) args.push(keyword('dilation', intTuple(dilation)));
  return args;
}

function convLike(node: ExportNode, layer: Extract<PlainLayer, { kind: 'Conv2D' | 'DepthwiseConv2D' }>): TorchLayer {
  const p = layer.params;
  const input = node.inputShapes[0]!;
  const channels = input[2]!;
  const pads = padding(tfPadding2D(input, p.kernelSize, p.strides, p.dilation, p.padding));
  const depthwise = layer.kind === 'DepthwiseConv2D';
  const outChannels = depthwise ? channels * layer.params.depthMultiplier : layer.params.filters;
  const groups = depthwise ? channels : layer.params.groups;
  const args: Arg[] = [
    int(channels),
    int(outChannels),
    intTuple(p.kernelSize),
    ...windowArgs(p.strides, p.dilation, pads.moduleArgs),
  ];
  if (groups !== 1) args.push(keyword('groups', int(groups)));
  if (!p.useBias) args.push(keyword('bias', bool(false)));
  const act = fused(node, p.activation);
  return {
    module: call('nn.Conv2d', args),
    forward: ([x], self) => act(call(self, [pads.pad(x!)])),
    helpers: [],
    ...(pads.note ? { note: pads.note } : {}),
  };
}

/**
 * Keras's transposed conv as nn.ConvTranspose2d. TensorFlow crops ⌊(k − s)/2⌋ from the top
 * and the rest from the bottom of the full output ('same'), or nothing ('valid'), and pads
 * with zeros at the end when the kernel is smaller than the stride; PyTorch crops `padding`
 * from both sides and adds `output_padding` at the end. So padding is the top crop,
 * output_padding the shortfall, and an odd crop's extra last row or column is trimmed
 * (ConvTranspose2dSame).
 */
function transposed(node: ExportNode, layer: Extract<PlainLayer, { kind: 'Conv2DTranspose' }>): TorchLayer {
  const p = layer.params;
  const input = node.inputShapes[0]!;
  const [outH, outW] = node.outputShape as [number, number, number];
  const axis = (i: 0 | 1) => {
    const span = dilatedSize(p.kernelSize[i], p.dilation[i]);
    const crop = p.padding === 'same' ? Math.floor(Math.max(span - p.strides[i], 0) / 2) : 0;
    const extra = Math.max(p.strides[i] - span, 0);
    const natural = (input[i]! - 1) * p.strides[i] - 2 * crop + span + extra;
    return { crop, extra, natural };
  };
  const [h, w] = [axis(0), axis(1)];
  const args: Arg[] = [int(input[2]!), int(p.filters), intTuple(p.kernelSize)];
  if (!isOne(p.strides)) args.push(keyword('stride', intTuple(p.strides)));
  if (h.crop || w.crop) args.push(keyword('padding', intTuple([h.crop, w.crop])));
  if (h.extra || w.extra) args.push(keyword('output_padding', intTuple([h.extra, w.extra])));
  if (!isOne(p.dilation)) args.push(keyword('dilation', intTuple(p.dilation)));
  if (!p.useBias) args.push(keyword('bias', bool(false)));
  const trim = [h.natural - outH, w.natural - outW];
  const uneven = trim.some((t) => t > 0);
  if (uneven) args.push(keyword('trim', intTuple(trim)));
  const act = fused(node, p.activation);
  return {
    module: call(uneven ? 'ConvTranspose2dSame' : 'nn.ConvTranspose2d', args),
    forward: ([x], self) => act(call(self, [x!])),
    helpers: uneven ? ['ConvTranspose2dSame'] : [],
  };
}

function separable(node: ExportNode, layer: Extract<PlainLayer, { kind: 'SeparableConv2D' }>): TorchLayer {
  const p = layer.params;
  const input = node.inputShapes[0]!;
  const pads = padding(tfPadding2D(input, p.kernelSize, p.strides, p.dilation, p.padding));
  const args: Arg[] = [
    int(input[2]!),
    int(p.filters),
    intTuple(p.kernelSize),
    ...windowArgs(p.strides, p.dilation, pads.moduleArgs),
  ];
  if (p.depthMultiplier !== 1) args.push(keyword('depth_multiplier', int(p.depthMultiplier)));
  if (!p.useBias) args.push(keyword('bias', bool(false)));
  const act = fused(node, p.activation);
  return {
    module: call('SeparableConv2d', args),
    forward: ([x], self) => act(call(self, [pads.pad(x!)])),
    helpers: ['SeparableConv2d'],
    ...(pads.note ? { note: pads.note } : {}),
  };
}

function pool(node: ExportNode, layer: Extract<PlainLayer, { kind: 'MaxPool2D' | 'AvgPool2D' }>): TorchLayer {
  const p = layer.params;
  const pads = tfPadding2D(node.inputShapes[0]!, p.poolSize, p.strides, [1, 1], p.padding);
  const window = [intTuple(p.poolSize), keyword('stride', intTuple(p.strides))];
  const plain = (x: Expr[], self: Expr) => call(self, [x[0]!]);
  if (layer.kind === 'MaxPool2D') {
    const pad = padding(pads);
    // Padding with -inf never wins a max, as TensorFlow ignores padding in max pools.
    const negInf = call('float', [str('-inf')]);
    return {
      module: call('nn.MaxPool2d', [...window, ...pad.moduleArgs]),
      forward: ([x], self) => call(self, [pad.pad(x!, negInf)]),
      helpers: [],
      ...(pad.note ? { note: pad.note } : {}),
    };
  }
  if (isZero(pads)) return { module: call('nn.AvgPool2d', window), forward: plain, helpers: [] };
  if (isSymmetric(pads)) {
    const [[top], [left]] = pads;
    // TensorFlow averages only the pixels a window covers, never the padding.
    const args = [...window, keyword('padding', intTuple([top, left])), keyword('count_include_pad', bool(false))];
    return { module: call('nn.AvgPool2d', args), forward: plain, helpers: [] };
  }
  return {
    module: call('AvgPool2dSame', [...window, keyword('padding', intTuple(torchPadOrder(pads)))]),
    forward: plain,
    helpers: ['AvgPool2dSame'],
  };
}

/** Keras counts the batch axis in `axis`; an NCHW image keeps channels at dim 1. */
function torchAxis(axis: number, sampleRank: number): number {
  const index = axis > 0 ? axis - 1 : sampleRank + axis;
  return sampleRank === 3 ? [2, 3, 1][index]! : index + 1;
}

function batchNorm(node: ExportNode, layer: Extract<PlainLayer, { kind: 'BatchNorm' }>): TorchLayer {
  const p = layer.params;
  const input = node.inputShapes[0]!;
  const channels = input.at(-1)!;
  // PyTorch's momentum weighs the new batch; Keras's weighs the old average.
  const stats = [keyword('eps', float(p.epsilon)), keyword('momentum', float(1 - p.momentum))];
  const plain = (x: Expr[], self: Expr) => call(self, [x[0]!]);
  const standard = input.length === 3 ? 'nn.BatchNorm2d' : input.length === 1 ? 'nn.BatchNorm1d' : null;
  if (p.scale && p.center && standard)
    return { module: call(standard, [int(channels), ...stats]), forward: plain, helpers: [] };
  const args: Arg[] = [int(channels), ...stats];
  if (!p.scale) args.push(keyword('scale', bool(false)));
  if (!p.center) args.push(keyword('center', bool(false)));
  if (!standard) args.push(keyword('channels_last', bool(true)));
  return { module: call('BatchNorm', args), forward: plain, helpers: ['BatchNorm'] };
}

function dense(node: ExportNode, layer: Extract<PlainLayer, { kind: 'Dense' }>): TorchLayer {
  const p = layer.params;
  const input = node.inputShapes[0]!;
  const args: Arg[] = [int(input.at(-1)!), int(p.units)];
  if (!p.useBias) args.push(keyword('bias', bool(false)));
  const act = fused(node, p.activation);
  const image = isImage(input);
  return {
    module: call(image ? 'PixelwiseLinear' : 'nn.Linear', args),
    forward: ([x], self) => act(call(self, [x!])),
    helpers: image ? ['PixelwiseLinear'] : [],
  };
}

/** The PyTorch module and forward expression of one node (not Input: that is a forward() argument). */
export function torchLayer(node: ExportNode): TorchLayer {
  const layer = node.layer;
  const single = (module: Expr, helpers: HelperName[] = []): TorchLayer => ({
    module,
    forward: ([x], self) => call(self, [x!]),
    helpers,
  });
  const image = isImage(node.inputShapes[0] ?? []);
  switch (layer.kind) {
    case 'Input':
      throw new Error('Input nodes are forward() arguments, not layers');
    case 'Conv2D':
    case 'DepthwiseConv2D':
      return convLike(node, layer);
    case 'SeparableConv2D':
      return separable(node, layer);
    case 'Conv2DTranspose':
      return transposed(node, layer);
    case 'Cropping2D': {
      const [[top, bottom], [left, right]] = layer.params.cropping;
      return single(call('Cropping2D', [intTuple([top, bottom, left, right])]), ['Cropping2D']);
    }
    case 'UpSampling2D': {
      const p = layer.params;
      return single(
        call('nn.Upsample', [keyword('scale_factor', intTuple(p.size)), keyword('mode', str(p.interpolation))]),
      );
    }
    case 'LayerNormalization': {
      const p = layer.params;
      const args: Arg[] = [int(node.inputShapes[0]!.at(-1)!), keyword('eps', float(p.epsilon))];
      if (!p.scale) args.push(keyword('scale', bool(false)));
      if (!p.center) args.push(keyword('center', bool(false)));
      if (image) args.push(keyword('image', bool(true)));
      return single(call('LayerNorm', args), ['LayerNorm']);
    }
    case 'Permute':
      return single(call('Permute', [intTuple(layer.params.dims), keyword('image_in', bool(image))]), ['Permute']);
    case 'ZeroPadding2D': {
      const [[top, bottom], [left, right]] = layer.params.padding;
      return single(call('nn.ZeroPad2d', [intTuple([left, right, top, bottom])]));
    }
    case 'MaxPool2D':
    case 'AvgPool2D':
      return pool(node, layer);
    case 'GlobalAvgPool2D':
    case 'GlobalMaxPool2D': {
      const pooling = call(layer.kind === 'GlobalAvgPool2D' ? 'nn.AdaptiveAvgPool2d' : 'nn.AdaptiveMaxPool2d', [
        int(1),
      ]);
      return single(layer.params.keepDims ? pooling : call('nn.Sequential', [pooling, call('nn.Flatten')]));
    }
    case 'Concatenate': {
      const dim = torchAxis(layer.params.axis, node.inputShapes[0]!.length);
      return {
        module: call('Concatenate', [keyword('dim', int(dim))]),
        forward: (xs, self) => call(self, xs),
        helpers: ['Concatenate'],
      };
    }
    case 'Add':
    case 'Multiply':
    case 'Subtract':
    case 'Average':
    case 'Maximum':
    case 'Minimum':
      return { module: call(layer.kind), forward: (xs, self) => call(self, xs), helpers: [layer.kind] };
    case 'ReLU': {
      const p = layer.params;
      if (p.negativeSlope === 0 && p.threshold === 0 && (p.maxValue === null || p.maxValue === 6))
        return single(call(p.maxValue === null ? 'nn.ReLU' : 'nn.ReLU6'));
      const args: Arg[] = [];
      if (p.maxValue !== null) args.push(keyword('max_value', float(p.maxValue)));
      if (p.negativeSlope !== 0) args.push(keyword('negative_slope', float(p.negativeSlope)));
      if (p.threshold !== 0) args.push(keyword('threshold', float(p.threshold)));
      return single(call('KerasReLU', args), ['KerasReLU']);
    }
    case 'LeakyReLU':
      return single(call('nn.LeakyReLU', [float(layer.params.negativeSlope)]));
    case 'ELU':
      return single(call('nn.ELU', [float(layer.params.alpha)]));
    case 'PReLU': {
      const alpha = torchShape(preluAlphaShape(node.inputShapes[0]!, layer.params));
      return single(call('KerasPReLU', [intTuple(alpha)]), ['KerasPReLU']);
    }
    case 'Rescaling': {
      const p = layer.params;
      const factor = (v: number | readonly number[]): Expr =>
        isUniform(v) ? float(rescalingValues(v)[0]!) : list(rescalingValues(v).map(float));
      const args: Arg[] = [factor(p.scale), factor(p.offset)];
      // Per-channel factors go on the channel axis: dim 1 of an NCHW image, the last axis otherwise.
      if (!image && !(isUniform(p.scale) && isUniform(p.offset))) args.push(keyword('channels_last', bool(true)));
      return single(call('Rescaling', args), ['Rescaling']);
    }
    case 'Normalization': {
      const p = layer.params;
      const args: Arg[] = [int(node.inputShapes[0]!.at(-1)!)];
      if (p.mean !== null && p.variance !== null)
        args.push(keyword('mean', list(p.mean.map(float))), keyword('variance', list(p.variance.map(float))));
      if (!image) args.push(keyword('channels_last', bool(true)));
      return single(call('Normalization', args), ['Normalization']);
    }
    case 'BatchNorm':
      return batchNorm(node, layer);
    case 'Activation': {
      const name = layer.params.activation;
      if (name === 'softmax') {
        if (node.finalSoftmax) return { module: null, forward: ([x]) => x!, helpers: [] };
        return single(call('nn.Softmax', [keyword('dim', int(image ? 1 : -1))]));
      }
      return single(call(activationModules[name]));
    }
    case 'Dropout':
      return single(call('nn.Dropout', [float(layer.params.rate)]));
    case 'Flatten':
      return image ? single(call('KerasFlatten'), ['KerasFlatten']) : single(call('nn.Flatten'));
    case 'Reshape':
      return single(call('Reshape', [intTuple(node.outputShape)]), ['Reshape']);
    case 'Dense':
      return dense(node, layer);
  }
}

export const selfRef = (ident: string): Expr => atom(`self.${ident}`);

import type { Shape } from '../../graph/types';
import { type ActivationName, dilatedSize, isUniform, preluAlphaShape, rescalingValues } from '../../layers';
import { type ExportNode, isImage } from '../network';
import type { PlainLayer } from '../plainLayer';
import { reshape, type Tensor, transpose } from '../tensorFile';
import { type Pad2D, tfPadding2D } from '../tfPadding';
import { depthwiseToTorch, hwioToOihw } from '../weights';
import type { GraphBuilder } from './builder';

/**
 * One node written as ONNX operators. Tensors whose per-sample shape is an image
 * ([H, W, C]) are held as NCHW, as PyTorch holds them; everything else keeps Netwright's
 * (Keras's) layout. Each function returns the name of the node's output value.
 */
export interface LayerContext {
  b: GraphBuilder;
  node: ExportNode;
  /** Input values, in slot order. */
  inputs: string[];
  /** The node's weights by Keras suffix (kernel, bias, gamma, ...), Keras layouts. */
  weights: ReadonlyMap<string, Tensor>;
}

const TO_NHWC = [0, 2, 3, 1];
const TO_NCHW = [0, 3, 1, 2];

/** The shape a per-channel constant needs to broadcast over a tensor of this per-sample shape. */
const channelDims = (shape: Shape, channels: number) => (isImage(shape) ? [channels, 1, 1] : [channels]);

/** `[[top, bottom], [left, right]]` → ONNX's `[top, left, bottom, right]`. */
const onnxPads = ([[top, bottom], [left, right]]: Pad2D) => [top, left, bottom, right];

const f = (value: number) => ({ float: value });

/** Keras axis (batch counted, negative from the end) → the axis of the tensor as held (NCHW for images). */
export function heldAxis(axis: number, sampleRank: number): number {
  const index = axis > 0 ? axis - 1 : sampleRank + axis;
  return sampleRank === 3 ? [2, 3, 1][index]! : index + 1;
}

/** y = transpose(transpose(x, first), second) as one permutation. */
const compose = (first: readonly number[], second: readonly number[]) => second.map((i) => first[i]!);

export function activation(b: GraphBuilder, x: string, name: ActivationName, image: boolean, base: string): string {
  const step = (s: string) => `${base}/${s}`;
  switch (name) {
    case 'linear':
      return x;
    case 'relu':
      return b.op('Relu', [x], step('relu'));
    case 'relu6':
      return b.op('Clip', [x, b.constant(0), b.constant(6)], step('relu6'));
    case 'sigmoid':
      return b.op('Sigmoid', [x], step('sigmoid'));
    case 'tanh':
      return b.op('Tanh', [x], step('tanh'));
    case 'softmax':
      return b.op('Softmax', [x], step('softmax'), { axis: image ? 1 : -1 });
    case 'gelu': {
      // The exact (erf) form Keras 3 uses: x · (1 + erf(x / √2)) / 2. Opset 13 has no Gelu.
      const erf = b.op('Erf', [b.op('Div', [x, b.constant(Math.SQRT2)], step('gelu_scaled'))], step('gelu_erf'));
      const half = b.op('Mul', [x, b.op('Add', [erf, b.constant(1)], step('gelu_1p'))], step('gelu_mul'));
      return b.op('Mul', [half, b.constant(0.5)], step('gelu'));
    }
    case 'swish':
      return b.op('Mul', [x, b.op('Sigmoid', [x], step('sigmoid'))], step('swish'));
    // Keras 3's hard_sigmoid, relu6(x + 3) / 6, is ONNX's HardSigmoid with alpha 1/6, beta 1/2.
    case 'hard_sigmoid':
      return b.op('HardSigmoid', [x], step('hard_sigmoid'), { alpha: f(1 / 6), beta: f(0.5) });
    case 'hard_swish': {
      const gate = b.op('HardSigmoid', [x], step('hard_sigmoid'), { alpha: f(1 / 6), beta: f(0.5) });
      return b.op('Mul', [x, gate], step('hard_swish'));
    }
  }
}

function weight(ctx: LayerContext, suffix: string): Tensor {
  const t = ctx.weights.get(suffix);
  if (!t) throw new Error(`${ctx.node.name} has no weight ${suffix}`);
  return t;
}

function conv(ctx: LayerContext, layer: Extract<PlainLayer, { kind: 'Conv2D' | 'DepthwiseConv2D' }>): string {
  const { b, node } = ctx;
  const p = layer.params;
  const input = node.inputShapes[0]!;
  const depthwise = layer.kind === 'DepthwiseConv2D';
  const kernel = depthwise ? depthwiseToTorch(weight(ctx, 'depthwise_kernel')) : hwioToOihw(weight(ctx, 'kernel'));
  const inputs = [ctx.inputs[0]!, b.floats(`${node.name}.weight`, kernel.shape, kernel.values)];
  if (p.useBias) inputs.push(b.floats(`${node.name}.bias`, [kernel.shape[0]!], weight(ctx, 'bias').values));
  const y = b.op('Conv', inputs, `${node.name}/conv`, {
    kernel_shape: [...p.kernelSize],
    strides: [...p.strides],
    dilations: [...p.dilation],
    pads: onnxPads(tfPadding2D(input, p.kernelSize, p.strides, p.dilation, p.padding)),
    group: depthwise ? input[2]! : layer.params.groups,
  });
  return activation(b, y, p.activation, true, node.name);
}

function separable(ctx: LayerContext, layer: Extract<PlainLayer, { kind: 'SeparableConv2D' }>): string {
  const { b, node } = ctx;
  const p = layer.params;
  const input = node.inputShapes[0]!;
  const depthwise = depthwiseToTorch(weight(ctx, 'depthwise_kernel'));
  const pointwise = hwioToOihw(weight(ctx, 'pointwise_kernel'));
  const spatial = b.op(
    'Conv',
    [ctx.inputs[0]!, b.floats(`${node.name}.depthwise.weight`, depthwise.shape, depthwise.values)],
    `${node.name}/depthwise`,
    {
      kernel_shape: [...p.kernelSize],
      strides: [...p.strides],
      dilations: [...p.dilation],
      pads: onnxPads(tfPadding2D(input, p.kernelSize, p.strides, p.dilation, p.padding)),
      group: input[2]!,
    },
  );
  const inputs = [spatial, b.floats(`${node.name}.pointwise.weight`, pointwise.shape, pointwise.values)];
  if (p.useBias) inputs.push(b.floats(`${node.name}.pointwise.bias`, [p.filters], weight(ctx, 'bias').values));
  const y = b.op('Conv', inputs, `${node.name}/pointwise`, { kernel_shape: [1, 1] });
  return activation(b, y, p.activation, true, node.name);
}

/**
 * TensorFlow's transposed conv: the full output cropped by ⌊(k − s)/2⌋ at the top and the
 * rest at the bottom ('same'), or not at all ('valid'), with zeros added at the end when the
 * kernel is shorter than the stride. ONNX's pads crop each side separately and
 * output_padding adds at the end, so both map exactly.
 */
function transposed(ctx: LayerContext, layer: Extract<PlainLayer, { kind: 'Conv2DTranspose' }>): string {
  const { b, node } = ctx;
  const p = layer.params;
  const input = node.inputShapes[0]!;
  const axis = (i: 0 | 1) => {
    const span = dilatedSize(p.kernelSize[i], p.dilation[i]);
    const extra = Math.max(p.strides[i] - span, 0);
    const full = (input[i]! - 1) * p.strides[i] + span + extra;
    const crop = full - node.outputShape[i]!;
    const before = p.padding === 'same' ? Math.floor(Math.max(span - p.strides[i], 0) / 2) : 0;
    return { before, after: crop - before, extra };
  };
  const [h, w] = [axis(0), axis(1)];
  const kernel = hwioToOihw(weight(ctx, 'kernel'));
  const inputs = [ctx.inputs[0]!, b.floats(`${node.name}.weight`, kernel.shape, kernel.values)];
  if (p.useBias) inputs.push(b.floats(`${node.name}.bias`, [p.filters], weight(ctx, 'bias').values));
  const attrs: Record<string, number[]> = {
    kernel_shape: [...p.kernelSize],
    strides: [...p.strides],
    dilations: [...p.dilation],
    pads: [h.before, w.before, h.after, w.after],
  };
  if (h.extra || w.extra) attrs.output_padding = [h.extra, w.extra];
  const y = b.op('ConvTranspose', inputs, `${node.name}/conv_transpose`, attrs);
  return activation(b, y, p.activation, true, node.name);
}

function pool(ctx: LayerContext, layer: Extract<PlainLayer, { kind: 'MaxPool2D' | 'AvgPool2D' }>): string {
  const p = layer.params;
  const attrs = {
    kernel_shape: [...p.poolSize],
    strides: [...p.strides],
    pads: onnxPads(tfPadding2D(ctx.node.inputShapes[0]!, p.poolSize, p.strides, [1, 1], p.padding)),
  };
  // ONNX's MaxPool never picks padding, and AveragePool with count_include_pad 0 averages only
  // the covered pixels: both as TensorFlow pools.
  if (layer.kind === 'MaxPool2D') {
    const x = ctx.inputs[0]!;
    // onnxruntime (1.30 at least) merges a zero Pad into the MaxPool after it, as if MaxPool
    // padded with zeros (it ignores padding): wrong where a window holds only negative values,
    // and refused where the merged padding reaches the window's size. It leaves a MaxPool
    // that also gives its (unused, standard) Indices output alone.
    const indices = ctx.b.producer(x) === 'Pad' ? [`${ctx.node.name}/indices`] : [];
    return ctx.b.op('MaxPool', [x], `${ctx.node.name}/pool`, attrs, indices);
  }
  return ctx.b.op('AveragePool', [ctx.inputs[0]!], `${ctx.node.name}/pool`, { ...attrs, count_include_pad: 0 });
}

/** BatchNormalization where the channels are axis 1 (images, vectors); elsewhere scale and shift. */
function batchNorm(ctx: LayerContext, layer: Extract<PlainLayer, { kind: 'BatchNorm' }>): string {
  const { b, node } = ctx;
  const p = layer.params;
  const input = node.inputShapes[0]!;
  const c = input.at(-1)!;
  const gamma = p.scale ? weight(ctx, 'gamma').values : new Float32Array(c).fill(1);
  const beta = p.center ? weight(ctx, 'beta').values : new Float32Array(c);
  const mean = weight(ctx, 'moving_mean').values;
  const variance = weight(ctx, 'moving_variance').values;
  if (isImage(input) || input.length === 1) {
    return b.op(
      'BatchNormalization',
      [
        ctx.inputs[0]!,
        b.floats(`${node.name}.weight`, [c], gamma),
        b.floats(`${node.name}.bias`, [c], beta),
        b.floats(`${node.name}.running_mean`, [c], mean),
        b.floats(`${node.name}.running_var`, [c], variance),
      ],
      `${node.name}/batch_norm`,
      { epsilon: f(p.epsilon) },
    );
  }
  const scale = gamma.map((g, i) => g / Math.sqrt(variance[i]! + p.epsilon));
  const shift = beta.map((v, i) => v - mean[i]! * scale[i]!);
  const scaled = b.op('Mul', [ctx.inputs[0]!, b.floats(`${node.name}.scale`, [c], scale)], `${node.name}/scale`);
  return b.op('Add', [scaled, b.floats(`${node.name}.shift`, [c], shift)], `${node.name}/shift`);
}

/** Over the channels (the last Keras axis): mean and variance of that axis alone. */
function layerNorm(ctx: LayerContext, layer: Extract<PlainLayer, { kind: 'LayerNormalization' }>): string {
  const { b, node } = ctx;
  const p = layer.params;
  const input = node.inputShapes[0]!;
  const c = input.at(-1)!;
  const axes = [isImage(input) ? 1 : -1];
  const step = (s: string) => `${node.name}/${s}`;
  const x = ctx.inputs[0]!;
  const mean = b.op('ReduceMean', [x], step('mean'), { axes, keepdims: 1 });
  const centred = b.op('Sub', [x, mean], step('centred'));
  const square = b.op('Mul', [centred, centred], step('square'));
  const variance = b.op('ReduceMean', [square], step('variance'), { axes, keepdims: 1 });
  const std = b.op('Sqrt', [b.op('Add', [variance, b.constant(p.epsilon)], step('variance_eps'))], step('std'));
  let y = b.op('Div', [centred, std], step('normalized'));
  const dims = channelDims(input, c);
  if (p.scale) y = b.op('Mul', [y, b.floats(`${node.name}.weight`, dims, weight(ctx, 'gamma').values)], step('scaled'));
  if (p.center) y = b.op('Add', [y, b.floats(`${node.name}.bias`, dims, weight(ctx, 'beta').values)], step('shifted'));
  return y;
}

/** Keras's ReLU layer: x from the threshold up (capped at maxValue), negativeSlope · (x − threshold) below. */
function relu(ctx: LayerContext, layer: Extract<PlainLayer, { kind: 'ReLU' }>): string {
  const { b, node } = ctx;
  const p = layer.params;
  const x = ctx.inputs[0]!;
  const step = (s: string) => `${node.name}/${s}`;
  if (p.negativeSlope === 0 && p.threshold === 0) {
    if (p.maxValue === null) return b.op('Relu', [x], step('relu'));
    return b.op('Clip', [x, b.constant(0), b.constant(p.maxValue)], step('clip'));
  }
  if (p.threshold === 0 && p.maxValue === null)
    return b.op('LeakyRelu', [x], step('leaky_relu'), { alpha: f(p.negativeSlope) });
  const threshold = b.constant(p.threshold);
  const below = b.op('Mul', [b.op('Sub', [x, threshold], step('shifted')), b.constant(p.negativeSlope)], step('below'));
  const above = b.op('GreaterOrEqual', [x, threshold], step('above'));
  const y = b.op('Where', [above, x, below], step('relu'));
  return p.maxValue === null ? y : b.op('Min', [y, b.constant(p.maxValue)], step('cap'));
}

function dense(ctx: LayerContext, layer: Extract<PlainLayer, { kind: 'Dense' }>): string {
  const { b, node } = ctx;
  const p = layer.params;
  const input = node.inputShapes[0]!;
  const cin = input.at(-1)!;
  const kernel = weight(ctx, 'kernel');
  const bias = p.useBias ? weight(ctx, 'bias').values : null;
  let y: string;
  if (isImage(input)) {
    // On an image Dense acts on each pixel's channels: a 1×1 convolution in NCHW.
    const w = reshape(transpose(kernel, [1, 0]), [p.units, cin, 1, 1]);
    const inputs = [ctx.inputs[0]!, b.floats(`${node.name}.weight`, w.shape, w.values)];
    if (bias) inputs.push(b.floats(`${node.name}.bias`, [p.units], bias));
    y = b.op('Conv', inputs, `${node.name}/conv`, { kernel_shape: [1, 1] });
  } else if (input.length === 1) {
    // Gemm with PyTorch's nn.Linear layout: weight [out, in], transB.
    const w = transpose(kernel, [1, 0]);
    const inputs = [ctx.inputs[0]!, b.floats(`${node.name}.weight`, w.shape, w.values)];
    if (bias) inputs.push(b.floats(`${node.name}.bias`, [p.units], bias));
    y = b.op('Gemm', inputs, `${node.name}/gemm`, { transB: 1 });
  } else {
    y = b.op(
      'MatMul',
      [ctx.inputs[0]!, b.floats(`${node.name}.weight`, kernel.shape, kernel.values)],
      `${node.name}/matmul`,
    );
    if (bias) y = b.op('Add', [y, b.floats(`${node.name}.bias`, [p.units], bias)], `${node.name}/bias_add`);
  }
  return activation(b, y, p.activation, isImage(node.outputShape), node.name);
}

/** Element-wise merges, folded left to right as Keras does. */
function merge(ctx: LayerContext, op: string): string {
  const [first, ...rest] = ctx.inputs;
  let y = first!;
  rest.forEach((x, i) => {
    y = ctx.b.op(op, [y, x], `${ctx.node.name}/${op.toLowerCase()}${rest.length > 1 ? i : ''}`);
  });
  return y;
}

/** A reshape in Keras's (NHWC) element order: images are permuted to NHWC before and back after. */
function reshapeLayer(ctx: LayerContext, target: Shape): string {
  const { b, node } = ctx;
  const input = node.inputShapes[0]!;
  let x = ctx.inputs[0]!;
  if (isImage(input)) x = b.op('Transpose', [x], `${node.name}/nhwc`, { perm: TO_NHWC });
  // 0 copies the batch size, so any batch runs.
  x = b.op('Reshape', [x, b.ints(`${node.name}/shape`, [0, ...target])], `${node.name}/reshape`);
  return isImage(target) ? b.op('Transpose', [x], `${node.name}/nchw`, { perm: TO_NCHW }) : x;
}

function normalization(ctx: LayerContext, layer: Extract<PlainLayer, { kind: 'Normalization' }>): string {
  const { b, node } = ctx;
  const p = layer.params;
  const input = node.inputShapes[0]!;
  const c = input.at(-1)!;
  const mean = p.mean ?? [...weight(ctx, 'mean').values];
  const variance = p.variance ?? [...weight(ctx, 'variance').values];
  // Keras divides by max(√variance, 1e-7).
  const std = variance.map((v) => Math.max(Math.sqrt(v), 1e-7));
  const dims = (values: number[]) => (values.length === 1 ? [] : channelDims(input, c));
  const centred = b.op(
    'Sub',
    [ctx.inputs[0]!, b.floats(`${node.name}.mean`, dims(mean), mean)],
    `${node.name}/centred`,
  );
  return b.op('Div', [centred, b.floats(`${node.name}.std`, dims(std), std)], `${node.name}/normalized`);
}

/** Writes the node; returns its output value. Input nodes are graph inputs, never passed here. */
export function writeLayer(ctx: LayerContext): string {
  const { b, node } = ctx;
  const layer = node.layer;
  const x = ctx.inputs[0]!;
  const input = node.inputShapes[0] ?? [];
  const image = isImage(input);
  const step = (s: string) => `${node.name}/${s}`;
  switch (layer.kind) {
    case 'Input':
      throw new Error('Input nodes are graph inputs');
    case 'Conv2D':
    case 'DepthwiseConv2D':
      return conv(ctx, layer);
    case 'SeparableConv2D':
      return separable(ctx, layer);
    case 'Conv2DTranspose':
      return transposed(ctx, layer);
    case 'MaxPool2D':
    case 'AvgPool2D':
      return pool(ctx, layer);
    case 'GlobalAvgPool2D':
    case 'GlobalMaxPool2D': {
      const y = b.op(layer.kind === 'GlobalAvgPool2D' ? 'GlobalAveragePool' : 'GlobalMaxPool', [x], step('pool'));
      return layer.params.keepDims ? y : b.op('Flatten', [y], step('flatten'), { axis: 1 });
    }
    case 'ZeroPadding2D': {
      const [[top, bottom], [left, right]] = layer.params.padding;
      return b.op('Pad', [x, b.ints(step('pads'), [0, 0, top, left, 0, 0, bottom, right])], step('pad'));
    }
    case 'Cropping2D': {
      const [[top, bottom], [left, right]] = layer.params.cropping;
      const [h, w] = input as [number, number, number];
      const starts = b.ints(step('starts'), [top, left]);
      const ends = b.ints(step('ends'), [h - bottom, w - right]);
      return b.op('Slice', [x, starts, ends, b.ints(step('axes'), [2, 3])], step('crop'));
    }
    case 'UpSampling2D': {
      const p = layer.params;
      const scales = b.floats(step('scales'), [4], [1, 1, p.size[0], p.size[1]]);
      // Nearest: output pixel i reads input ⌊i / s⌋; bilinear samples pixel centres (half_pixel), as Keras.
      const attrs: Record<string, string> =
        p.interpolation === 'nearest'
          ? { mode: 'nearest', coordinate_transformation_mode: 'asymmetric', nearest_mode: 'floor' }
          : { mode: 'linear', coordinate_transformation_mode: 'half_pixel' };
      return b.op('Resize', [x, '', scales], step('resize'), attrs);
    }
    case 'Concatenate':
      return b.op('Concat', ctx.inputs, step('concat'), { axis: heldAxis(layer.params.axis, input.length) });
    case 'Add':
      return merge(ctx, 'Add');
    case 'Multiply':
      return merge(ctx, 'Mul');
    case 'Subtract':
      return merge(ctx, 'Sub');
    case 'Maximum':
      return merge(ctx, 'Max');
    case 'Minimum':
      return merge(ctx, 'Min');
    case 'Average':
      return b.op('Div', [merge(ctx, 'Add'), b.constant(ctx.inputs.length)], step('average'));
    case 'BatchNorm':
      return batchNorm(ctx, layer);
    case 'LayerNormalization':
      return layerNorm(ctx, layer);
    case 'Activation':
      return activation(b, x, layer.params.activation, image, node.name);
    case 'ReLU':
      return relu(ctx, layer);
    case 'LeakyReLU':
      return b.op('LeakyRelu', [x], step('leaky_relu'), { alpha: f(layer.params.negativeSlope) });
    case 'ELU':
      return b.op('Elu', [x], step('elu'), { alpha: f(layer.params.alpha) });
    case 'PReLU': {
      const alphaShape = preluAlphaShape(input, layer.params);
      const alpha = { shape: alphaShape, values: weight(ctx, 'alpha').values };
      const held = image ? transpose(alpha, [2, 0, 1]) : alpha;
      return b.op('PRelu', [x, b.floats(`${node.name}.weight`, held.shape, held.values)], step('prelu'));
    }
    case 'Rescaling': {
      const p = layer.params;
      // One value per channel sits on the channel axis: [C, 1, 1] for an NCHW image.
      const factor = (v: number | readonly number[], what: string) =>
        isUniform(v)
          ? b.constant(rescalingValues(v)[0]!)
          : b.floats(`${node.name}.${what}`, channelDims(input, input.at(-1)!), rescalingValues(v));
      const scaled = b.op('Mul', [x, factor(p.scale, 'scale')], step('scale'));
      const noOffset = isUniform(p.offset) && rescalingValues(p.offset)[0] === 0;
      return noOffset ? scaled : b.op('Add', [scaled, factor(p.offset, 'offset')], step('offset'));
    }
    case 'Normalization':
      return normalization(ctx, layer);
    case 'Dropout':
      // Inference: dropout passes its input through.
      return x;
    case 'Flatten':
      if (input.length === 1) return x;
      return b.op('Flatten', [image ? b.op('Transpose', [x], step('nhwc'), { perm: TO_NHWC }) : x], step('flatten'), {
        axis: 1,
      });
    case 'Reshape':
      return reshapeLayer(ctx, node.outputShape);
    case 'Permute': {
      const keras = [0, ...layer.params.dims];
      const perm = image ? compose(compose(TO_NHWC, keras), TO_NCHW) : keras;
      return b.op('Transpose', [x], step('permute'), { perm });
    }
    case 'Dense':
      return dense(ctx, layer);
  }
}

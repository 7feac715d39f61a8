import { said, withText } from '../../i18n/diagnosticText';
import { type Context, part, Unconvertible } from './context';
import { convTranspose } from './convTranspose';
import type { OnnxNode } from './model';
import { kerasPadding, type Pads, type WindowAttrs, windowAttrs } from './padding';
import { broadcast, type DataValue, elements, type KnownData, onnxShape, ourShape } from './tensors';

/** Converts one ONNX node whose inputs include network data; returns the value of its first output. */
export type OpConverter = (cx: Context, node: OnnxNode, id: string) => DataValue;

const image = (v: KnownData, op: string): [number, number, number] => {
  if (v.shape.length !== 3) throw new Unconvertible('onnx.rank', { op, rank: v.shape.length + 1 });
  return [v.shape[0]!, v.shape[1]!, v.shape[2]!];
};

/** A ZeroPadding2D before a 'valid' window where the pads are not Keras's 'same'. */
function padded(cx: Context, id: string, x: KnownData, pads: Pads): KnownData {
  const [[t, b], [l, r]] = pads;
  if (t + b + l + r === 0) return x;
  return cx.layer(cx.freshId(`${id}_pad`), 'ZeroPadding2D', { padding: pads }, [x], x.nonNegative);
}

function windowPadding(cx: Context, id: string, x: KnownData, w: WindowAttrs): [KnownData, 'same' | 'valid'] {
  const hw: [number, number] = [x.shape[0]!, x.shape[1]!];
  const keras = kerasPadding(w, hw);
  if (keras) return [x, keras];
  return [padded(cx, id, x, w.pads), 'valid'];
}

const conv: OpConverter = (cx, node, id) => {
  const x = cx.data(node);
  const [h, wIn, channels] = image(x, 'Conv');
  const [filters, perGroup, kh, kw] = cx.dims(node, 1, 4, part('weight')) as [number, number, number, number];
  const group = cx.int(node, 'group', 1);
  if (perGroup * group !== channels)
    throw new Unconvertible('onnx.convChannels', { expected: perGroup * group, group, channels });
  const w = windowAttrs(cx, node, [kh, kw], [h, wIn]);
  const [input, padding] = windowPadding(cx, id, x, w);
  const window = { kernelSize: w.kernel, strides: w.strides, dilation: w.dilation, padding };
  const useBias = node.inputs[2] !== undefined && node.inputs[2] !== '';
  if (group > 1 && group === channels)
    return cx.layer(id, 'DepthwiseConv2D', { ...window, depthMultiplier: filters / channels, useBias }, [input]);
  return cx.layer(id, 'Conv2D', { filters, ...window, groups: group, useBias }, [input]);
};

const batchNorm: OpConverter = (cx, node, id) => {
  const x = cx.data(node);
  const channels = x.shape.length === 3 ? x.shape[2] : x.shape[0];
  const [scale] = cx.dims(node, 1, 1, part('scale'));
  if (scale !== channels)
    throw new Unconvertible('onnx.normChannels', { scale: scale!, channels: channels ?? 'undefined' });
  const epsilon = cx.attr(node, 'epsilon');
  const momentum = cx.attr(node, 'momentum');
  return cx.layer(
    id,
    'BatchNorm',
    {
      epsilon: typeof epsilon === 'number' ? epsilon : 1e-5,
      // ONNX and Keras both weigh the running average by momentum (PyTorch's 0.1 is written 0.9).
      momentum: typeof momentum === 'number' ? momentum : 0.9,
    },
    [x],
  );
};

const activation =
  (name: string, nonNegative: boolean): OpConverter =>
  (cx, node, id) =>
    cx.layer(id, 'Activation', { activation: name }, [cx.data(node)], nonNegative);

const clip: OpConverter = (cx, node, id) => {
  const x = cx.data(node);
  const bound = (index: number, attr: string): number | undefined => {
    if (cx.opset < 11) {
      const v = cx.attr(node, attr);
      return typeof v === 'number' ? v : undefined;
    }
    const values = cx.numbers(node, index, attr);
    return values?.[0];
  };
  const low = bound(1, 'min');
  const high = bound(2, 'max');
  if (low === 0 && high === 6) return cx.layer(id, 'Activation', { activation: 'relu6' }, [x], true);
  if (low === 0 && (high === undefined || high === Number.POSITIVE_INFINITY))
    return cx.layer(id, 'Activation', { activation: 'relu' }, [x], true);
  // The bounds as JavaScript writes them in every language: a decimal comma would blur the list.
  throw new Unconvertible('onnx.clip', { low: String(low ?? '−∞'), high: String(high ?? '∞') }, 'input');
};

const softmax: OpConverter = (cx, node, id) => {
  const x = cx.data(node);
  const rank = x.shape.length + 1;
  const axis = cx.int(node, 'axis', cx.opset >= 13 ? -1 : 1);
  const normalized = axis < 0 ? axis + rank : axis;
  const channelAxis = rank === 4 ? 1 : rank - 1;
  // Before opset 13, Softmax flattens from its axis: over C×H×W, the channels only on 1×1 maps.
  const flattens = cx.opset < 13 && rank === 4 && x.shape[0]! * x.shape[1]! > 1;
  if (normalized !== channelAxis || flattens)
    throw new Unconvertible(flattens ? 'onnx.softmaxAxisFlattened' : 'onnx.softmaxAxis', { axis }, 'input');
  return cx.layer(id, 'Activation', { activation: 'softmax' }, [x], true);
};

function pool(kind: 'MaxPool2D' | 'AvgPool2D'): OpConverter {
  return (cx, node, id) => {
    const x = cx.data(node);
    const [h, wIn] = image(x, node.opType);
    const kernel = cx.ints(node, 'kernel_shape');
    if (kernel?.length !== 2) throw new Unconvertible('onnx.noKernel');
    const w = windowAttrs(cx, node, [kernel[0]!, kernel[1]!], [h, wIn]);
    if (w.dilation.some((d) => d > 1)) throw new Unconvertible('onnx.dilatedPool');
    const ceil = cx.int(node, 'ceil_mode', 0) === 1;
    const includePad = cx.int(node, 'count_include_pad', 0) === 1;
    const pads = ceil ? ceilPads(w, [h, wIn]) : w.pads;
    const grown = pads !== w.pads && pads.some((side, i) => side[1] !== w.pads[i]![1]);
    const params = { poolSize: w.kernel, strides: w.strides };
    const hw: [number, number] = [h, wIn];
    const keras = kerasPadding({ ...w, pads }, hw);
    // 'same' pools in Keras ignore the padding: exact for max pools and for averages that exclude it.
    if (keras === 'valid' || (keras === 'same' && (kind === 'MaxPool2D' || !includePad)))
      return cx.layer(id, kind, { ...params, padding: keras }, [x], x.nonNegative);
    const exact = kind === 'MaxPool2D' ? x.nonNegative : includePad && !grown;
    if (!exact)
      cx.warnings.push({
        nodeId: id,
        severity: 'warning',
        code: 'inexact-import',
        ...withText(said(kind === 'MaxPool2D' ? 'import.maxPoolPadding' : 'import.averagePoolPadding', { id })),
      });
    const input = padded(cx, id, x, pads);
    return cx.layer(id, kind, { ...params, padding: 'valid' }, [input], x.nonNegative);
  };
}

/** ceil_mode's extra rows and columns, as extra padding after: PyTorch's rule, the last window starts inside. */
function ceilPads(w: WindowAttrs, hw: [number, number]): Pads {
  return w.pads.map(([before, after], axis) => {
    const size = hw[axis]! + before + after;
    const k = w.kernel[axis]!;
    const s = w.strides[axis]!;
    let out = Math.ceil((size - k) / s) + 1;
    if ((out - 1) * s >= hw[axis]! + before) out -= 1;
    const extra = Math.max((out - 1) * s + k - size, 0);
    return [before, after + extra];
  }) as Pads;
}

const globalPool =
  (kind: 'GlobalAvgPool2D' | 'GlobalMaxPool2D'): OpConverter =>
  (cx, node, id) => {
    const x = cx.data(node);
    image(x, node.opType);
    // ONNX keeps N×C×1×1; 1×1×C keeps every following op's shape the same.
    return cx.layer(id, kind, { keepDims: true }, [x], x.nonNegative);
  };

const flatten: OpConverter = (cx, node, id) => {
  const x = cx.data(node);
  if (cx.int(node, 'axis', 1) !== 1) throw new Unconvertible('onnx.flattenAxis');
  return cx.layer(id, 'Flatten', {}, [x], x.nonNegative);
};

const reshape: OpConverter = (cx, node, id) => {
  const x = cx.data(node);
  const target = cx.numbers(node, 1, part('targetShape'));
  if (!target) throw new Unconvertible('onnx.noTarget');
  const source = onnxShape(x.shape);
  // The first axis is the batch: 0 (copy), -1 or the batch size all keep it.
  const rest = target.slice(1).map((d, i) => (d === 0 ? source[i]! : d));
  const count = elements(source);
  const known = elements(rest.filter((d) => d !== -1));
  const filled = rest.map((d) => (d === -1 ? count / known : d));
  if (filled.length === 1 && filled[0] === count) return cx.layer(id, 'Flatten', {}, [x], x.nonNegative);
  if (filled.length === 3) return cx.layer(id, 'Reshape', { targetShape: ourShape(filled) }, [x], x.nonNegative);
  throw new Unconvertible('onnx.reshapeTarget', { target: JSON.stringify(target) });
};

/** Gemm (A · Bᵀ + C, as nn.Linear exports) or MatMul by a weight: a Dense layer. */
const dense: OpConverter = (cx, node, id) => {
  const x = cx.data(node);
  if (x.shape.length !== 1) throw new Unconvertible('onnx.denseRank', { rank: x.shape.length + 1 });
  const gemm = node.opType === 'Gemm';
  if (gemm && cx.int(node, 'transA', 0) !== 0) throw new Unconvertible('onnx.transA');
  const [rows, cols] = cx.dims(node, 1, 2, part('weight')) as [number, number];
  const transposed = gemm && cx.int(node, 'transB', 0) === 1;
  const [features, units] = transposed ? [cols, rows] : [rows, cols];
  if (features !== x.shape[0]) throw new Unconvertible('onnx.denseFeatures', { features, have: x.shape[0]! });
  const useBias = gemm && node.inputs[2] !== undefined && node.inputs[2] !== '';
  return cx.layer(id, 'Dense', { units, useBias }, [x]);
};

const add: OpConverter = (cx, node, id) => {
  const values = node.inputs.map((n) => cx.value(n));
  const data = values.filter((v): v is KnownData => v?.kind === 'data' && v.shape !== null);
  if (data.length === 2) {
    const [a, b] = data as [KnownData, KnownData];
    if (a.shape.join() === b.shape.join()) return cx.layer(id, 'Add', {}, [a, b], a.nonNegative && b.nonNegative);
    const out = broadcast(onnxShape(a.shape), onnxShape(b.shape));
    throw new Unconvertible('onnx.addBroadcast', {}, out ? ourShape(out) : undefined);
  }
  // MatMul then Add of a bias vector: nn.Linear's other export.
  const [x] = data;
  const bias = values.find((v) => v?.kind === 'const');
  const layer = x && cx.byId.get(x.node);
  const fed = node.inputs[values.indexOf(x)] ?? '';
  if (x && bias?.kind === 'const' && layer?.kind === 'Dense' && layer.params.useBias === false) {
    if (bias.dims && elements(bias.dims) === x.shape.at(-1) && cx.consumers(fed) === 1) {
      layer.params.useBias = true;
      cx.addedBiases.set(layer.id, node.inputs[values.indexOf(bias)]!);
      return x;
    }
  }
  throw new Unconvertible('onnx.addConstant', {}, 'input');
};

const concat: OpConverter = (cx, node, id) => {
  const inputs = node.inputs.map((_, i) => cx.data(node, i));
  const rank = inputs[0]!.shape.length + 1;
  const raw = cx.int(node, 'axis', 1);
  const axis = raw < 0 ? raw + rank : raw;
  // Keras counts the batch as axis 0; NCHW's channels (1) are NHWC's last (-1), H (2) is 1, W (3) is 2.
  const kerasAxis = rank === 4 ? ([0, -1, 1, 2] as const)[axis] : axis === rank - 1 ? -1 : axis;
  if (!kerasAxis) throw new Unconvertible('onnx.concatAxis', { axis: String(raw) });
  if (inputs.length === 1) return inputs[0]!;
  return cx.layer(
    id,
    'Concatenate',
    { axis: kerasAxis },
    inputs,
    inputs.every((i) => i.nonNegative),
  );
};

const pad: OpConverter = (cx, node, id) => {
  const x = cx.data(node);
  image(x, 'Pad');
  const mode = cx.attr(node, 'mode') ?? 'constant';
  if (mode !== 'constant') throw new Unconvertible('onnx.padMode', { mode: String(mode) });
  const pads = cx.opset >= 11 ? cx.numbers(node, 1, 'pads') : cx.ints(node, 'pads');
  const fill = cx.opset >= 11 ? (cx.numbers(node, 2, part('constantValue'))?.[0] ?? 0) : 0;
  if (pads?.length !== 8) throw new Unconvertible('onnx.noPads');
  const [n0, c0, t, l, n1, c1, b, r] = pads as [number, number, number, number, number, number, number, number];
  if (n0 || c0 || n1 || c1 || fill !== 0 || [t, l, b, r].some((p) => p < 0))
    throw new Unconvertible('onnx.padValues', { pads: JSON.stringify(pads), fill });
  return padded(cx, id, x, [
    [t, b],
    [l, r],
  ]);
};

/** Squeezing the 1×1 map a global pool leaves: a Flatten, as NCHW and NHWC agree on it. */
const squeeze: OpConverter = (cx, node, id) => {
  const x = cx.data(node);
  const axes = cx.opset >= 13 ? cx.numbers(node, 1, 'axes') : cx.ints(node, 'axes');
  const spatial = axes?.map((a) => (a < 0 ? a + 4 : a)).sort();
  if (x.shape.length === 3 && x.shape[0] === 1 && x.shape[1] === 1 && spatial?.join() === '2,3')
    return cx.layer(id, 'Flatten', {}, [x], x.nonNegative);
  throw new Unconvertible('onnx.squeeze');
};

/**
 * Mul and Sub of two tensors: squeeze-and-excitation's x · s (s of 1×1×C) and swish's
 * x · sigmoid(x). The kinds stretch an axis of size 1 between inputs of equal rank; a constant
 * operand (x · 0.5) has no layer.
 */
function merge(kind: 'Multiply' | 'Subtract'): OpConverter {
  return (cx, node, id) => {
    const values = node.inputs.map((n) => cx.value(n));
    const data = values.filter((v): v is KnownData => v?.kind === 'data' && v.shape !== null);
    if (data.length !== 2) {
      throw new Unconvertible(kind === 'Multiply' ? 'onnx.multiplyConstant' : 'onnx.subtractConstant', {}, 'input');
    }
    const [a, b] = data as [KnownData, KnownData];
    if (a.shape.length !== b.shape.length) {
      const out = broadcast(onnxShape(a.shape), onnxShape(b.shape));
      throw new Unconvertible('onnx.broadcastRanks', {}, out ? ourShape(out) : undefined);
    }
    return cx.layer(id, kind, {}, [a, b], kind === 'Multiply' && a.nonNegative && b.nonNegative);
  };
}

const floatAttr = (cx: Context, node: OnnxNode, name: string, fallback: number) => {
  const v = cx.attr(node, name);
  return typeof v === 'number' ? v : fallback;
};

const leakyRelu: OpConverter = (cx, node, id) =>
  cx.layer(id, 'LeakyReLU', { negativeSlope: floatAttr(cx, node, 'alpha', 0.01) }, [cx.data(node)]);

/**
 * PRelu as PyTorch exports nn.PReLU: one slope ([1]) or one per channel ([C, 1, 1] on images,
 * [F] on vectors). Keras shares the slope over the axes it does not vary along.
 */
const prelu: OpConverter = (cx, node, id) => {
  const x = cx.data(node);
  const slope = cx.constant(node, 1)?.dims;
  const count = slope ? elements(slope) : 0;
  const channels = x.shape.at(-1)!;
  const trailingOnes = (slope ?? []).slice(1).every((d) => d === 1);
  if (count === 1) return cx.layer(id, 'PReLU', { sharedAxes: x.shape.map((_, i) => i + 1) }, [x]);
  if (x.shape.length === 3 && count === channels && slope?.length === 3 && trailingOnes)
    return cx.layer(id, 'PReLU', { sharedAxes: [1, 2] }, [x]);
  if (x.shape.length === 1 && count === channels) return cx.layer(id, 'PReLU', { sharedAxes: null }, [x]);
  throw new Unconvertible('onnx.preluSlope', { slope: JSON.stringify(slope) }, 'input');
};

const elu: OpConverter = (cx, node, id) =>
  cx.layer(id, 'ELU', { alpha: floatAttr(cx, node, 'alpha', 1) }, [cx.data(node)]);

/** PyTorch's Hardsigmoid exports as HardSigmoid(alpha 1/6, beta 0.5): Keras 3's hard_sigmoid. */
const hardSigmoid: OpConverter = (cx, node, id) => {
  const alpha = floatAttr(cx, node, 'alpha', 0.2);
  const beta = floatAttr(cx, node, 'beta', 0.5);
  if (Math.abs(alpha - 1 / 6) > 1e-6 || Math.abs(beta - 0.5) > 1e-6) {
    throw new Unconvertible('onnx.hardSigmoid', { alpha, beta }, 'input');
  }
  return cx.layer(id, 'Activation', { activation: 'hard_sigmoid' }, [cx.data(node)], true);
};

/**
 * Resize / Upsample in nearest mode by whole scales of the height and width (the channels
 * kept): UpSampling2D. Other modes or fractional scales have no layer; their placeholder keeps
 * the computed shape.
 */
const resize: OpConverter = (cx, node, id) => {
  const x = cx.data(node);
  const mode = cx.attr(node, 'mode');
  const modeName = typeof mode === 'string' ? mode : 'nearest';
  const scales = cx.numbers(node, node.opType === 'Upsample' ? 1 : 2, 'scales');
  const shape = image(x, node.opType);
  const fallback = () => {
    const out = scales?.length === 4 ? [0, 1].map((a) => Math.floor(shape[a]! * scales[a + 2]!)) : null;
    return out ? [out[0]!, out[1]!, shape[2]] : undefined;
  };
  if (modeName !== 'nearest') throw new Unconvertible('onnx.resizeMode', { mode: modeName }, fallback());
  if (scales?.length !== 4 || scales[0] !== 1 || scales[1] !== 1)
    throw new Unconvertible('onnx.resizeScales', {}, fallback());
  const size = [scales[2]!, scales[3]!];
  if (!size.every((v) => Number.isInteger(v) && v >= 1))
    throw new Unconvertible('onnx.resizeFactor', { size: { decimal: size.join(' × ') } }, fallback());
  return cx.layer(id, 'UpSampling2D', { size, interpolation: 'nearest' }, [x], x.nonNegative);
};

/** Dropout and Identity change nothing at inference: their output is their input. */
const passThrough: OpConverter = (cx, node) => cx.data(node);

export const CONVERTERS: Readonly<Record<string, OpConverter>> = {
  Conv: conv,
  ConvTranspose: convTranspose,
  BatchNormalization: batchNorm,
  Relu: activation('relu', true),
  Sigmoid: activation('sigmoid', true),
  Tanh: activation('tanh', false),
  Softmax: softmax,
  Clip: clip,
  MaxPool: pool('MaxPool2D'),
  AveragePool: pool('AvgPool2D'),
  GlobalAveragePool: globalPool('GlobalAvgPool2D'),
  GlobalMaxPool: globalPool('GlobalMaxPool2D'),
  Flatten: flatten,
  Reshape: reshape,
  Gemm: dense,
  MatMul: dense,
  Add: add,
  Mul: merge('Multiply'),
  Sub: merge('Subtract'),
  LeakyRelu: leakyRelu,
  PRelu: prelu,
  Elu: elu,
  HardSigmoid: hardSigmoid,
  HardSwish: activation('hard_swish', false),
  Resize: resize,
  Upsample: resize,
  Concat: concat,
  Pad: pad,
  Squeeze: squeeze,
  Dropout: passThrough,
  Identity: passThrough,
};

import type { onnx } from 'onnx-proto';
import { analyzeGraph, type NodeAnalysis } from '../../analysis';
import { type DiagnosticText, english } from '../../i18n/diagnosticText';
import { errorMessage } from '../../issues';
import { oneLine } from '../json';
import { reasonText } from '../reasons';
import type { ImportOptions, ImportSuccess } from '../types';
import type { Context, PlannedLayer } from './context';
import { convertWithContext } from './convert';
import { weightInputs } from './fold';
import { type OnnxModel, readOnnxModel } from './model';
import { floatValues, WeightProblem } from './tensorValues';

/** One of a layer's weights in TF.js's layout: [kh, kw, in, out] kernels, channels last. */
export interface NamedWeight {
  /** TF.js's name for it (kernel, bias, depthwise_kernel, gamma, beta, moving_mean, moving_variance, alpha). */
  name: string;
  shape: number[];
  values: Float32Array;
}

/** A layer's weights in the order its TF.js layer holds them. */
export interface LayerWeights {
  layer: string;
  weights: NamedWeight[];
}

export type OnnxWeightsImport =
  | { ok: true; imported: ImportSuccess; layers: LayerWeights[] }
  /** `text`: the error in any language, where it has one (an internal error). */
  | { ok: false; error: string; text?: DiagnosticText };

export const NO_WEIGHTS_MESSAGE =
  'This ONNX file holds no weights: export it with export_params=True (torch.onnx.export’s default).';

/** How a rank-1 layer output's features are ordered: null is ONNX's own order; else ours[i] is ONNX's [order[i]]. */
type Order = Int32Array | null | 'mixed';

/** Layers through which each feature keeps its place: their output is ordered as their input. */
const FEATURE_WISE = new Set([
  'Activation',
  'ReLU',
  'LeakyReLU',
  'ELU',
  'PReLU',
  'Dropout',
  'BatchNorm',
  'Add',
  'Multiply',
  'Subtract',
  'Average',
  'Maximum',
  'Minimum',
]);

/**
 * The order of every rank-1 output. PyTorch flattens N×C×H×W by C, then H, then W; our graph
 * flattens H×W×C by H, then W, then C: a Dense after such a Flatten must read its rows permuted.
 */
function featureOrders(layers: readonly PlannedLayer[], nodes: Record<string, NodeAnalysis>): Map<string, Order> {
  const orders = new Map<string, Order>();
  for (const layer of layers) {
    const ins = layer.inputs.map((i) => orders.get(i) ?? null);
    const shape = nodes[layer.id]?.inputShapes[0];
    let order: Order = null;
    if (layer.kind === 'Flatten' && shape?.length === 3) {
      const [h, w, c] = shape as [number, number, number];
      if (h * w > 1) {
        order = new Int32Array(h * w * c);
        for (let y = 0; y < h; y++)
          for (let x = 0; x < w; x++) for (let k = 0; k < c; k++) order[(y * w + x) * c + k] = (k * h + y) * w + x;
      }
    } else if (layer.kind === 'Flatten' || FEATURE_WISE.has(layer.kind)) {
      order = ins.every((o) => o === ins[0]) ? (ins[0] ?? null) : 'mixed';
    } else if (ins.some((o) => o !== null) && layer.kind !== 'Dense') order = 'mixed';
    orders.set(layer.id, order);
  }
  return orders;
}

const reorder = (values: Float32Array, order: Int32Array | null) =>
  order ? Float32Array.from(order, (i) => values[i]!) : values;

/** Reads each planned layer's weights from the file and lays them out as TF.js holds them. */
class WeightReader {
  private readonly aliases = new Map<string, string>();

  constructor(
    private readonly model: OnnxModel,
    private readonly cx: Context,
    private readonly orders: Map<string, Order>,
  ) {
    for (const node of model.nodes)
      if ((node.opType === 'Identity' || node.opType === 'Cast') && node.inputs[0] && node.outputs[0])
        this.aliases.set(node.outputs[0], node.inputs[0]);
  }

  /** The values of the ONNX tensor `name`, through Identity and Cast (eval exports put them before shared weights). */
  tensor(name: string, layer: string): { dims: number[]; values: Float32Array } {
    let at = name;
    for (let hops = 0; hops < 8 && !this.model.stored.has(at) && this.aliases.has(at); hops++)
      at = this.aliases.get(at)!;
    const proto: onnx.ITensorProto | undefined = this.model.stored.get(at);
    const what = `The weight ${oneLine(name, 60)} of ${layer}`;
    if (!proto) throw new WeightProblem(`${what} is not stored in the file: export it with export_params=True.`);
    return { dims: (proto.dims ?? []).map(Number), values: floatValues(proto, what) };
  }

  /** The rank-1 order of the layer's input: a Dense or a per-feature weight must follow it. */
  private inputOrder(layer: PlannedLayer): Int32Array | null {
    const order = this.orders.get(layer.inputs[0] ?? '') ?? null;
    if (order === 'mixed')
      throw new WeightProblem(
        `${layer.id} reads features joined from tensors flattened in different orders; Netwright cannot reorder its weights.`,
      );
    return order;
  }

  weightsOf(layer: PlannedLayer, inputShape: readonly number[]): NamedWeight[] {
    const node = this.cx.sources.get(layer.id);
    if (!node) return [];
    const p = layer.params as Record<string, unknown>;
    const input = (i: number) => this.tensor(node.inputs[i]!, layer.id);
    const has = (i: number) => (node.inputs[i] ?? '') !== '';
    switch (layer.kind) {
      case 'Conv2D': {
        const w = input(1);
        const [out, perGroup, kh, kw] = w.dims as [number, number, number, number];
        const kernel = new Float32Array(w.values.length);
        for (let o = 0; o < out; o++)
          for (let i = 0; i < perGroup; i++)
            for (let y = 0; y < kh; y++)
              for (let x = 0; x < kw; x++)
                kernel[((y * kw + x) * perGroup + i) * out + o] = w.values[((o * perGroup + i) * kh + y) * kw + x]!;
        return withBias(
          { name: 'kernel', shape: [kh, kw, perGroup, out], values: kernel },
          p,
          has(2) ? input(2) : null,
        );
      }
      case 'DepthwiseConv2D': {
        const w = input(1);
        const [out, , kh, kw] = w.dims as [number, number, number, number];
        const channels = inputShape.at(-1)!;
        const m = out / channels;
        const kernel = new Float32Array(w.values.length);
        for (let c = 0; c < channels; c++)
          for (let j = 0; j < m; j++)
            for (let y = 0; y < kh; y++)
              for (let x = 0; x < kw; x++)
                kernel[((y * kw + x) * channels + c) * m + j] = w.values[((c * m + j) * kh + y) * kw + x]!;
        const k = { name: 'depthwise_kernel', shape: [kh, kw, channels, m], values: kernel };
        return withBias(k, p, has(2) ? input(2) : null);
      }
      case 'Conv2DTranspose': {
        const w = input(1);
        const [ins, out, kh, kw] = w.dims as [number, number, number, number];
        const kernel = new Float32Array(w.values.length);
        for (let i = 0; i < ins; i++)
          for (let o = 0; o < out; o++)
            for (let y = 0; y < kh; y++)
              for (let x = 0; x < kw; x++)
                kernel[((y * kw + x) * out + o) * ins + i] = w.values[((i * out + o) * kh + y) * kw + x]!;
        return withBias({ name: 'kernel', shape: [kh, kw, out, ins], values: kernel }, p, has(2) ? input(2) : null);
      }
      case 'BatchNorm': {
        const order = this.inputOrder(layer);
        const vector = (i: number, name: string) => {
          const t = input(i);
          return { name, shape: [t.values.length], values: reorder(t.values, order) };
        };
        return [
          ...(p.scale === false ? [] : [vector(1, 'gamma')]),
          ...(p.center === false ? [] : [vector(2, 'beta')]),
          vector(3, 'moving_mean'),
          vector(4, 'moving_variance'),
        ];
      }
      case 'Dense':
        return this.dense(layer, node.opType === 'Gemm', node.inputs, node.attrs);
      case 'PReLU': {
        const slope = input(1).values;
        const shape = inputShape.map((d, axis) => ((p.sharedAxes as number[] | null)?.includes(axis + 1) ? 1 : d));
        const values = slope.length === 1 ? slope : reorder(slope, this.inputOrder(layer));
        return [{ name: 'alpha', shape, values }];
      }
      default:
        return [];
    }
  }

  private dense(
    layer: PlannedLayer,
    gemm: boolean,
    inputs: readonly string[],
    attrs: ReadonlyMap<string, unknown>,
  ): NamedWeight[] {
    const w = this.tensor(inputs[1]!, layer.id);
    const transposed = gemm && attrs.get('transB') === 1;
    const alpha = gemm && typeof attrs.get('alpha') === 'number' ? (attrs.get('alpha') as number) : 1;
    const beta = gemm && typeof attrs.get('beta') === 'number' ? (attrs.get('beta') as number) : 1;
    const [rows, cols] = w.dims as [number, number];
    const [features, units] = transposed ? [cols, rows] : [rows, cols];
    const order = this.inputOrder(layer);
    const kernel = new Float32Array(features * units);
    for (let i = 0; i < features; i++) {
      const from = order ? order[i]! : i;
      for (let u = 0; u < units; u++)
        kernel[i * units + u] = alpha * w.values[transposed ? u * features + from : from * units + u]!;
    }
    const biasName = gemm ? (inputs[2] ?? '') : (this.cx.addedBiases.get(layer.id) ?? '');
    const out: NamedWeight[] = [{ name: 'kernel', shape: [features, units], values: kernel }];
    if (layer.params.useBias === true && biasName !== '') {
      const b = this.tensor(biasName, layer.id).values;
      if (b.length !== 1 && b.length !== units)
        throw new WeightProblem(`The bias of ${layer.id} has ${b.length} values for ${units} units.`);
      out.push({
        name: 'bias',
        shape: [units],
        values: Float32Array.from({ length: units }, (_, u) => beta * b[b.length === 1 ? 0 : u]!),
      });
    }
    return out;
  }
}

function withBias(
  kernel: NamedWeight,
  params: Record<string, unknown>,
  bias: { values: Float32Array } | null,
): NamedWeight[] {
  if (params.useBias !== true) return [kernel];
  if (!bias) throw new WeightProblem('A convolution uses a bias the file does not hold.');
  return [kernel, { name: 'bias', shape: [bias.values.length], values: bias.values }];
}

/**
 * An ONNX model with its weights: the graph as importOnnx makes it, plus each layer's weights
 * (initializers) laid out as its TF.js layer holds them: OIHW kernels as HWIO, depthwise
 * [C·m, 1, kh, kw] as [kh, kw, C, m], Gemm's transB undone, and a Dense after a Flatten of an
 * image reading its rows in our H, W, C order rather than PyTorch's C, H, W. Never throws.
 */
export function importOnnxWithWeights(bytes: Uint8Array, options: ImportOptions = {}): OnnxWeightsImport {
  try {
    const read = readOnnxModel(bytes);
    if (!read.ok) return read;
    const model = read.model;
    const { result, cx } = convertWithContext(model, options);
    if (!result.ok) return result;
    const noWeights = weightInputs(
      model.nodes,
      model.inputs.map((i) => i.name),
    );
    if (noWeights.size > 0 || model.storedWeights === 0) return { ok: false, error: NO_WEIGHTS_MESSAGE };
    const analysis = analyzeGraph(result.graph);
    const reader = new WeightReader(model, cx, featureOrders(cx.layers, analysis.nodes));
    const layers: LayerWeights[] = [];
    for (const layer of cx.layers) {
      const weights = reader.weightsOf(layer, analysis.nodes[layer.id]?.inputShapes[0] ?? []);
      if (weights.length > 0) layers.push({ layer: layer.id, weights });
    }
    return { ok: true, imported: result, layers };
  } catch (error) {
    if (error instanceof WeightProblem) return { ok: false, error: error.message };
    const text = reasonText('internal.onnxWeights', { detail: oneLine(errorMessage(error), 120) });
    return { ok: false, error: english(text), text };
  }
}

import type { onnx } from 'onnx-proto';
import * as onnxProto from 'onnx-proto';
import { errorMessage } from '../../issues';
import { oneLine } from '../json';

// Node's ESM loader sees onnx-proto (CommonJS) as a default export only; bundlers give the names too.
const schema = ((onnxProto as { default?: typeof onnxProto }).default ?? onnxProto).onnx;

/** The opsets whose operator semantics this importer was written against. */
export const OPSETS = { min: 11, max: 18 } as const;

/** An attribute as read: numbers, number lists, a string, or a small tensor's values. */
export type AttrValue = number | number[] | string | ConstTensor | undefined;

export interface OnnxNode {
  name: string;
  opType: string;
  domain: string;
  inputs: string[];
  outputs: string[];
  attrs: Map<string, AttrValue>;
}

/** A tensor known before the network runs: a weight, an initializer or a Constant's value. */
export interface ConstTensor {
  /** Unknown (null) only for a weight input whose type states no shape. */
  dims: number[] | null;
  /** Element values where the tensor is small and stored in the file (shapes, pads, clip bounds). */
  values: number[] | null;
  /** A model weight (initializer or a weight given as a graph input), not a computed constant. */
  weight: boolean;
}

export interface OnnxGraphInput {
  name: string;
  /** With the batch axis; null where the file leaves a size open. */
  dims: (number | null)[] | null;
}

export interface OnnxModel {
  opset: number;
  producer: string;
  graphName: string;
  nodes: OnnxNode[];
  initializers: Map<string, ConstTensor>;
  /** Graph inputs that are not initializers (data, or weights when exported without them). */
  inputs: OnnxGraphInput[];
  /** Weight elements whose values the file stores. */
  storedWeights: number;
  /** The stored tensors by name (initializers, Constant nodes' values), decoded only when weights are imported. */
  stored: Map<string, onnx.ITensorProto>;
}

export type ModelRead = { ok: true; model: OnnxModel } | { ok: false; error: string };

const toNum = (v: unknown): number => {
  if (typeof v === 'number') return v;
  if (v && typeof (v as { toNumber?: unknown }).toNumber === 'function')
    return (v as { toNumber(): number }).toNumber();
  return Number(v);
};

/** Values of tensors up to this size are read; weights stay shapes only. */
const SMALL = 64;

enum DataType {
  Float = 1,
  Int32 = 6,
  Int64 = 7,
  Double = 11,
}

function rawValues(raw: Uint8Array, dataType: number, count: number): number[] | null {
  const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
  const width = dataType === DataType.Int64 || dataType === DataType.Double ? 8 : 4;
  if (raw.byteLength < count * width) return null;
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    const at = i * width;
    if (dataType === DataType.Float) out.push(view.getFloat32(at, true));
    else if (dataType === DataType.Int32) out.push(view.getInt32(at, true));
    else if (dataType === DataType.Int64) out.push(Number(view.getBigInt64(at, true)));
    else if (dataType === DataType.Double) out.push(view.getFloat64(at, true));
    else return null;
  }
  return out;
}

export function readTensor(t: onnx.ITensorProto, weight: boolean): ConstTensor {
  const dims = (t.dims ?? []).map(toNum);
  const count = dims.reduce((a, b) => a * b, 1);
  let values: number[] | null = null;
  if (count <= SMALL) {
    const dataType = t.dataType ?? 0;
    if (t.rawData && t.rawData.byteLength > 0) values = rawValues(t.rawData, dataType, count);
    else if (t.floatData?.length) values = [...t.floatData];
    else if (t.int64Data?.length) values = t.int64Data.map(toNum);
    else if (t.int32Data?.length) values = [...t.int32Data];
    else if (t.doubleData?.length) values = [...t.doubleData];
    else if (count === 0) values = [];
    if (values && values.length !== count) values = null;
  }
  return { dims, values, weight };
}

function readAttr(a: onnx.IAttributeProto): AttrValue {
  const T = schema.AttributeProto.AttributeType;
  switch (a.type) {
    case T.INT:
      return toNum(a.i);
    case T.FLOAT:
      return a.f ?? 0;
    case T.INTS:
      return (a.ints ?? []).map(toNum);
    case T.FLOATS:
      return [...(a.floats ?? [])];
    case T.STRING:
      // Attribute strings are ASCII keywords (auto_pad, mode, …).
      return String.fromCharCode(...(a.s ?? new Uint8Array()).subarray(0, 256));
    case T.TENSOR:
      return a.t ? readTensor(a.t, false) : undefined;
    default:
      return undefined;
  }
}

function readDims(type: onnx.ITypeProto | null | undefined): (number | null)[] | null {
  const shape = type?.tensorType?.shape;
  if (!shape) return null;
  return (shape.dim ?? []).map((d) => {
    const v = d.dimValue === undefined || d.dimValue === null ? null : toNum(d.dimValue);
    return v !== null && v > 0 ? v : null;
  });
}

/**
 * Decodes an .onnx file with onnx-proto (ONNX's own schema) and checks it is a model this
 * importer understands: a graph, in opsets 11 to 18. Never throws.
 */
export function readOnnxModel(bytes: Uint8Array): ModelRead {
  let proto: onnx.ModelProto;
  try {
    proto = schema.ModelProto.decode(bytes);
  } catch (error) {
    return {
      ok: false,
      error: `It is not a readable ONNX model: the protobuf is truncated or damaged (${oneLine(errorMessage(error), 80)}); export it again.`,
    };
  }
  const graph = proto.graph;
  if (!graph || toNum(proto.irVersion) <= 0 || (graph.node ?? []).length === 0)
    return {
      ok: false,
      error: 'It is not an ONNX model: it decodes as a protobuf but holds no model graph (ir_version and graph nodes).',
    };
  const defaultSet = (proto.opsetImport ?? []).find((o) => !o.domain || o.domain === 'ai.onnx');
  if (!defaultSet)
    return { ok: false, error: 'The ONNX model declares no opset for the standard operators (ai.onnx).' };
  const opset = toNum(defaultSet.version);
  if (!(opset >= OPSETS.min && opset <= OPSETS.max))
    return {
      ok: false,
      error: `The ONNX model uses opset ${opset}; Netwright reads opsets ${OPSETS.min} to ${OPSETS.max}: export it again with an opset in that range (torch.onnx.export(..., opset_version=${OPSETS.max})).`,
    };
  const initializers = new Map<string, ConstTensor>();
  const stored = new Map<string, onnx.ITensorProto>();
  let storedWeights = 0;
  for (const t of graph.initializer ?? []) {
    const tensor = readTensor(t, true);
    initializers.set(t.name ?? '', tensor);
    stored.set(t.name ?? '', t);
    storedWeights += (tensor.dims ?? []).reduce((a, b) => a * b, 1);
  }
  const inputs = (graph.input ?? [])
    .filter((i) => !initializers.has(i.name ?? ''))
    .map((i) => ({ name: i.name ?? '', dims: readDims(i.type) }));
  for (const n of graph.node ?? []) {
    const value = n.opType === 'Constant' ? n.attribute?.find((a) => a.name === 'value')?.t : undefined;
    if (value && n.output?.[0]) stored.set(n.output[0], value);
  }
  const nodes = (graph.node ?? []).map((n, index) => ({
    name: n.name || `${n.opType ?? 'node'}_${index}`,
    opType: n.opType ?? '',
    domain: n.domain ?? '',
    inputs: [...(n.input ?? [])],
    outputs: [...(n.output ?? [])],
    attrs: new Map((n.attribute ?? []).map((a) => [a.name ?? '', readAttr(a)] as const)),
  }));
  return {
    ok: true,
    model: {
      opset,
      producer: [proto.producerName, proto.producerVersion].filter(Boolean).join(' '),
      graphName: graph.name ?? '',
      nodes,
      initializers,
      inputs,
      storedWeights,
      stored,
    },
  };
}

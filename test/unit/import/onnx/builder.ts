import { onnx } from 'onnx-proto';

/**
 * Small ONNX models written with onnx-proto's own encoder, for the operator tests that need
 * no PyTorch: an input, weights given as graph inputs with their shapes (as export_params=False
 * writes them), nodes, and the opset.
 */
export interface TinyNode {
  op: string;
  inputs: string[];
  outputs?: string[];
  name?: string;
  attrs?: Record<string, number | number[] | string>;
}

export interface TinyModel {
  input?: (number | string)[];
  weights?: Record<string, number[]>;
  /** Small constants stored as int64 initializers (shapes, pads). */
  ints?: Record<string, number[]>;
  floats?: Record<string, number[]>;
  nodes: TinyNode[];
  opset?: number;
}

const T = onnx.AttributeProto.AttributeType;

function attribute(name: string, value: number | number[] | string): onnx.IAttributeProto {
  if (typeof value === 'string')
    return { name, type: T.STRING, s: new Uint8Array([...value].map((c) => c.charCodeAt(0))) };
  if (Array.isArray(value)) return { name, type: T.INTS, ints: value };
  return Number.isInteger(value) ? { name, type: T.INT, i: value } : { name, type: T.FLOAT, f: value };
}

const tensorType = (dims: (number | string)[]): onnx.ITypeProto => ({
  tensorType: {
    elemType: 1,
    shape: { dim: dims.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d })) },
  },
});

export function tinyModel(m: TinyModel): Uint8Array {
  let counter = 0;
  const nodes = m.nodes.map((n) => ({
    name: n.name ?? `${n.op}_${counter++}`,
    opType: n.op,
    input: n.inputs,
    output: n.outputs ?? [`${n.name ?? n.op}_out_${counter}`],
    attribute: Object.entries(n.attrs ?? {}).map(([k, v]) => attribute(k, v)),
  }));
  // Chain each node to the previous one's output where it names 'prev'.
  for (let i = 0; i < nodes.length; i++)
    nodes[i]!.input = nodes[i]!.input.map((name) => (name === 'prev' ? nodes[i - 1]!.output[0]! : name));
  const initializer = [
    ...Object.entries(m.ints ?? {}).map(([name, values]) => ({
      name,
      dims: [values.length],
      dataType: 7,
      int64Data: values,
    })),
    ...Object.entries(m.floats ?? {}).map(([name, values]) => ({
      name,
      dims: [values.length],
      dataType: 1,
      floatData: values,
    })),
  ];
  const model: onnx.IModelProto = {
    irVersion: 8,
    producerName: 'netwright-test',
    opsetImport: [{ domain: '', version: m.opset ?? 13 }],
    graph: {
      name: 'tiny',
      node: nodes,
      initializer,
      input: [
        { name: 'x', type: tensorType(m.input ?? [1, 3, 32, 32]) },
        ...Object.entries(m.weights ?? {}).map(([name, dims]) => ({ name, type: tensorType(dims) })),
      ],
      output: [{ name: nodes.at(-1)!.output[0]!, type: tensorType([]) }],
    },
  };
  return onnx.ModelProto.encode(model).finish();
}

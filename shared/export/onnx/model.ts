import { type ExportNetwork, isImage, torchShape } from '../network';
import { collect, type KerasWeights } from '../weights';
import { GraphBuilder } from './builder';
import { writeLayer } from './layers';
import { type onnx, schema, tensorType } from './proto';

/** The operator set written: old enough for every current runtime, new enough for per-axis Softmax. */
export const ONNX_OPSET = 13;
/** The IR version that goes with opset 13. */
const IR_VERSION = 7;

/** The symbolic batch dimension of every input and output. */
export const BATCH_DIM = 'batch';

export interface OnnxTensorInfo {
  name: string;
  /** With the batch axis first (null: any size); images NCHW. */
  shape: (number | null)[];
}

export interface OnnxExport {
  bytes: Uint8Array;
  inputs: OnnxTensorInfo[];
  outputs: OnnxTensorInfo[];
  opset: number;
}

const heldShape = (shape: readonly number[]) => torchShape(shape);

/** What the file says about itself (doc_string): the layouts, so a PyTorch user feeds it right. */
export function layoutNote(net: ExportNetwork): string {
  const image = net.inputs.some((id) => isImage(net.nodes.get(id)!.outputShape));
  return [
    `${net.name}, exported by Netwright (ONNX opset ${ONNX_OPSET}).`,
    image
      ? 'Image tensors are NCHW (batch, channels, height, width), as PyTorch holds them; Netwright and Keras work in NHWC, and the weights were converted so the outputs are the same.'
      : 'Tensors are (batch, features).',
    'Dropout is left out (inference); batch normalization uses its moving statistics.',
  ].join(' ');
}

/**
 * An exported network as an ONNX model: every layer written with standard operators, the
 * weights (trained, or `initialWeights`) as initializers. Throws WeightsMismatch when the
 * weights do not belong to the network.
 */
export function onnxModel(net: ExportNetwork, weights: KerasWeights, producerVersion = ''): OnnxExport {
  const byNode = collect(net, weights);
  const b = new GraphBuilder();
  const values = new Map<string, string>();
  const inputs: onnx.IValueInfoProto[] = [];
  const info = (id: string, name: string): OnnxTensorInfo => ({
    name,
    shape: [null, ...heldShape(net.nodes.get(id)!.outputShape)],
  });
  const inputInfo: OnnxTensorInfo[] = [];
  /** Nodes whose value is their own (not their input passed through, as Dropout's is). */
  const own = new Set<string>();
  for (const id of net.inputs) {
    const node = net.nodes.get(id)!;
    const name = b.name(node.name);
    values.set(id, name);
    inputs.push({ name, type: tensorType([BATCH_DIM, ...heldShape(node.outputShape)]) });
    inputInfo.push(info(id, name));
  }
  for (const id of net.order) {
    const node = net.nodes.get(id)!;
    if (node.layer.kind === 'Input') continue;
    const since = b.nodes.length;
    const result = writeLayer({
      b,
      node,
      inputs: node.inputs.map((source) => values.get(source)!),
      weights: byNode.get(id) ?? new Map(),
    });
    if (b.nodes.length > since) own.add(id);
    values.set(id, b.nameLast(result, node.name, since));
  }

  const outputs: onnx.IValueInfoProto[] = [];
  const outputInfo: OnnxTensorInfo[] = [];
  for (const id of net.outputs) {
    const node = net.nodes.get(id)!;
    let value = values.get(id)!;
    // An output that is another node's value (Dropout at the end, an Input) gets a name of its own.
    if (!own.has(id) || outputs.some((o) => o.name === value)) {
      value = b.op('Identity', [value], node.name);
    }
    outputs.push({ name: value, type: tensorType([BATCH_DIM, ...heldShape(node.outputShape)]) });
    outputInfo.push(info(id, value));
  }

  const model: onnx.IModelProto = {
    irVersion: IR_VERSION,
    producerName: 'Netwright',
    producerVersion,
    docString: layoutNote(net),
    opsetImport: [{ domain: '', version: ONNX_OPSET }],
    graph: {
      name: net.name,
      node: b.nodes,
      initializer: b.initializers,
      input: inputs,
      output: outputs,
    },
  };
  return { bytes: schema.ModelProto.encode(model).finish(), inputs: inputInfo, outputs: outputInfo, opset: ONNX_OPSET };
}

import { type Analysis, analyzeGraph, type Diagnostic } from '../../analysis';
import type { Graph } from '../../graph/types';
import { type ExportNetwork, prepareNetwork } from '../network';
import { ExportError } from '../plainLayer';
import type { KerasWeights } from '../weights';
import { initialWeights } from './initialWeights';
import { type OnnxExport, onnxModel } from './model';

export { initialWeights } from './initialWeights';
export { BATCH_DIM, layoutNote, ONNX_OPSET, type OnnxExport, type OnnxTensorInfo, onnxModel } from './model';

export interface OnnxRequest {
  graph: Graph;
  name: string;
  /** Trained weights (TF.js names and layouts); without them, `initialWeights` of the network. */
  weights?: KerasWeights;
  analysis?: Analysis;
  /** Written as the model's producer_version. */
  producerVersion?: string;
}

export type OnnxResult =
  | { ok: true; export: OnnxExport & { network: ExportNetwork; hasWeights: boolean } }
  | { ok: false; problem: 'network-errors'; diagnostics: Diagnostic[] }
  | { ok: false; problem: 'unsupported'; message: string };

/**
 * A graph as one ONNX file (bytes), NCHW, opset 13. A graph with errors comes back with its
 * diagnostics; one with Unsupported nodes (or nothing to export) with a message naming them.
 * Throws WeightsMismatch when `weights` do not belong to the graph.
 */
export function generateOnnx(request: OnnxRequest): OnnxResult {
  let prepared: ReturnType<typeof prepareNetwork>;
  try {
    prepared = prepareNetwork(request.graph, request.name, request.analysis ?? analyzeGraph(request.graph));
  } catch (err) {
    if (err instanceof ExportError) return { ok: false, problem: 'unsupported', message: err.message };
    throw err;
  }
  if (!prepared.ok) return { ok: false, problem: 'network-errors', diagnostics: prepared.diagnostics };
  const net = prepared.network;
  const weights = request.weights ?? initialWeights(net);
  const model = onnxModel(net, weights, request.producerVersion);
  return { ok: true, export: { ...model, network: net, hasWeights: request.weights !== undefined } };
}

import type * as tfjs from '@tensorflow/tfjs';
import { type Analysis, analyzeGraph, type NodeAnalysis } from '../../shared/analysis';
import type { Graph, Shape } from '../../shared/graph/types';
import { type DiagnosticText, english } from '../../shared/i18n/diagnosticText';
import { unsupportedLayersProblem } from '../../shared/layers/placeholder';
import { runText } from '../../shared/training/runText';
import { builderFor, UnsupportedInTfjs } from './builders';

type Tf = typeof tfjs;

/** The graph cannot become a model; the message names the node and what to change. */
export class CompileError extends Error {
  override name = 'CompileError';
  constructor(
    message: string,
    readonly nodeId: string | null = null,
    /** The message in any language, where there is one. */
    readonly text?: DiagnosticText,
  ) {
    super(message);
  }
}

/** A CompileError saying `text` about one layer: "conv_1: TensorFlow.js has no …". */
function layerRefused(id: string, name: string, reason: DiagnosticText): CompileError {
  const text = runText('compile.layer', { name, reason });
  return new CompileError(english(text), id, text);
}

export interface CompiledModel {
  model: tfjs.LayersModel;
  analysis: Analysis;
}

const sameShape = (a: readonly (number | null)[], b: Shape) => a.length === b.length && a.every((v, i) => v === b[i]);

/** The TF.js layer for a node, or a CompileError naming it. */
function buildLayer(tf: Tf, id: string, node: NodeAnalysis): tfjs.layers.Layer {
  const build = builderFor(node.kind);
  if (!build) throw layerRefused(id, node.name, runText('compile.noBuilder', { kind: node.kind }));
  try {
    return build({
      tf,
      name: node.name,
      params: node.params!,
      inputShapes: node.inputShapes,
      outputShape: node.outputShape!,
    });
  } catch (err) {
    const reason =
      err instanceof UnsupportedInTfjs ? err.text : runText('compile.refused', { reason: (err as Error).message });
    throw layerRefused(id, node.name, reason);
  }
}

/**
 * Graph -> tf.LayersModel through the functional API, layer names from node names.
 * Afterwards every output shape and the parameter count must equal the analysis:
 * the numbers Netwright shows and the model it trains cannot drift apart. The calls of a
 * shared layer (LayerNode.sharesWeightsWith) apply one TF.js layer, so they train one set of weights.
 */
export function compileGraph(tf: Tf, graph: Graph, analysis: Analysis = analyzeGraph(graph)): CompiledModel {
  const unsupported = unsupportedLayersProblem(graph);
  if (unsupported) throw new CompileError(unsupported, null);
  const firstError = analysis.diagnostics.find((d) => d.severity === 'error');
  if (firstError) {
    const where = firstError.nodeId ? `${analysis.nodes[firstError.nodeId]?.name ?? firstError.nodeId}: ` : '';
    throw new CompileError(`The network has errors; fix them first. ${where}${firstError.message}`, firstError.nodeId);
  }
  const incoming = new Map<string, { source: string; index: number }[]>();
  for (const e of graph.edges) {
    const list = incoming.get(e.target) ?? [];
    list.push({ source: e.source, index: e.targetIndex });
    incoming.set(e.target, list);
  }
  const frozen = new Set(graph.nodes.filter((n) => n.frozen).map((n) => n.id));
  const sharesWith = new Map(graph.nodes.filter((n) => n.sharesWeightsWith).map((n) => [n.id, n.sharesWeightsWith!]));
  const layers = new Map<string, tfjs.layers.Layer>();
  /** The node's layer; a node that shares weights (a layer applied again) gets its owner's, built once. */
  const layerOf = (id: string): tfjs.layers.Layer => {
    const ownerId = sharesWith.get(id) ?? id;
    const built = layers.get(ownerId);
    if (built) return built;
    const layer = buildLayer(tf, ownerId, analysis.nodes[ownerId]!);
    // Frozen layers leave model.trainableWeights, which is all the training loop updates.
    if (frozen.has(ownerId)) layer.trainable = false;
    layers.set(ownerId, layer);
    return layer;
  };
  const tensors = new Map<string, tfjs.SymbolicTensor>();
  const inputs: tfjs.SymbolicTensor[] = [];
  for (const id of analysis.order) {
    const node = analysis.nodes[id]!;
    if (node.kind === 'Input') {
      const tensor = tf.input({ shape: [...node.outputShape!], name: node.name });
      inputs.push(tensor);
      tensors.set(id, tensor);
      continue;
    }
    const sources = (incoming.get(id) ?? []).sort((a, b) => a.index - b.index).map((s) => tensors.get(s.source)!);
    const layer = layerOf(id);
    const output = layer.apply(sources.length === 1 ? sources[0]! : sources) as tfjs.SymbolicTensor;
    const tfShape = output.shape.slice(1);
    if (!sameShape(tfShape, node.outputShape!)) {
      throw new CompileError(
        `${node.name}: TensorFlow.js computes output ${JSON.stringify(tfShape)} but the analysis says ${JSON.stringify(node.outputShape)} (please report this)`,
        id,
      );
    }
    tensors.set(id, output);
  }
  const outputs = analysis.outputs.map((id) => tensors.get(id)!);
  const model = tf.model({ inputs, outputs, name: 'netwright' });
  const counted = model.countParams();
  const trainable = model.trainableWeights.reduce((n, w) => n + tf.util.sizeFromShape(w.shape as number[]), 0);
  const { params, trainableParams } = analysis.totals;
  if (counted !== params || trainable !== trainableParams) {
    model.dispose();
    throw new CompileError(
      `TensorFlow.js counts ${counted} parameters (${trainable} trainable) but the analysis says ${params} (${trainableParams} trainable) (please report this)`,
    );
  }
  return { model, analysis };
}

import { type Analysis, analyzeGraph, type Diagnostic } from '../analysis';
import type { Graph, Group, Shape } from '../graph/types';
import { unsupportedLayersProblem } from '../layers/placeholder';
import { pythonIdentifier } from '../text';
import { ExportError, fusedActivation, type PlainLayer, plainLayer } from './plainLayer';
import { className, IdentifierPool } from './python/identifiers';
import { planScopes, type Scope } from './scopes';

/** One node, ready for a code generator. */
export interface ExportNode {
  id: string;
  /** The Netwright name: the layer name in Keras and TF.js. */
  name: string;
  /** The Python identifier (attribute, variable); equals `name` unless that is not valid Python. */
  ident: string;
  /** The kind in the graph (Compress1x1, ...); `layer.kind` is what gets written. */
  sourceKind: string;
  layer: PlainLayer;
  /** Source node ids in input-slot order. */
  inputs: string[];
  inputShapes: Shape[];
  outputShape: Shape;
  trainable: number;
  nonTrainable: number;
  /** Frozen in Netwright: Keras trainable=False, PyTorch requires_grad_(False). */
  frozen: boolean;
  /** The node whose layer this one applies again (a shared layer): it has no weights of its own. */
  sharesWeightsOf?: string;
  isOutput: boolean;
  /**
   * A model output that ends in softmax. PyTorch trains on logits (CrossEntropyLoss
   * applies log-softmax itself), so its forward() leaves this softmax out and
   * predict() applies it.
   */
  finalSoftmax: boolean;
}

export interface ExportGroup {
  group: Group;
  /** Attribute / function name. */
  ident: string;
  className: string;
}

export interface ExportNetwork {
  name: string;
  nodes: Map<string, ExportNode>;
  /** Analysis order (topological). */
  order: string[];
  inputs: string[];
  outputs: string[];
  groups: Map<string, ExportGroup>;
  root: Scope;
  analysis: Analysis;
}

export type PrepareResult = { ok: true; network: ExportNetwork } | { ok: false; diagnostics: Diagnostic[] };

/**
 * Graph → the structure both generators walk; a graph with errors is refused with its
 * diagnostics. Throws ExportError for what no export can express (no Input, an unknown kind).
 */
export function prepareNetwork(graph: Graph, name: string, analysis: Analysis = analyzeGraph(graph)): PrepareResult {
  const errors = analysis.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) return { ok: false, diagnostics: errors };
  const unsupported = unsupportedLayersProblem(graph);
  if (unsupported) throw new ExportError(unsupported);

  const incoming = new Map<string, { source: string; index: number }[]>();
  for (const e of graph.edges) {
    const list = incoming.get(e.target) ?? [];
    list.push({ source: e.source, index: e.targetIndex });
    incoming.set(e.target, list);
  }
  const outputs = new Set(analysis.outputs);
  const frozen = new Set(graph.nodes.filter((n) => n.frozen).map((n) => n.id));
  const sharesWith = new Map(graph.nodes.filter((n) => n.sharesWeightsWith).map((n) => [n.id, n.sharesWeightsWith!]));
  const pool = new IdentifierPool();
  const nodes = new Map<string, ExportNode>();
  for (const id of analysis.order) {
    const a = analysis.nodes[id]!;
    const layer = plainLayer(a.kind, a.params!, a.inputShapes);
    const isOutput = outputs.has(id);
    const softmax =
      (layer.kind === 'Activation' && layer.params.activation === 'softmax') || fusedActivation(layer) === 'softmax';
    nodes.set(id, {
      id,
      name: a.name,
      ident: pool.take(pythonIdentifier(a.name)),
      sourceKind: a.kind,
      layer,
      inputs: (incoming.get(id) ?? []).sort((x, y) => x.index - y.index).map((s) => s.source),
      inputShapes: a.inputShapes,
      outputShape: a.outputShape!,
      trainable: a.paramCount.trainable,
      nonTrainable: a.paramCount.nonTrainable,
      frozen: frozen.has(id),
      ...(sharesWith.has(id) ? { sharesWeightsOf: sharesWith.get(id)! } : {}),
      isOutput,
      finalSoftmax: isOutput && softmax,
    });
  }

  if (![...nodes.values()].some((n) => n.layer.kind === 'Input')) {
    throw new ExportError('The network has no Input layer, so there is nothing to export');
  }
  const groupNodes = graph.nodes.filter((n) => n.kind !== 'Input');
  const root = planScopes(analysis.order, groupNodes, graph.groups, (id) => nodes.get(id)!.inputs, analysis.outputs);
  const groups = new Map<string, ExportGroup>();
  const classes = new IdentifierPool(['Network', ...HELPER_CLASS_NAMES]);
  const visit = (scope: Scope) => {
    for (const item of scope.items) {
      if (item.type !== 'scope') continue;
      const group = item.scope.group!;
      groups.set(group.id, {
        group,
        ident: pool.takeWithSuffix(pythonIdentifier(group.name), '_block'),
        className: classes.takeWithSuffix(className(group.name), 'Block'),
      });
      visit(item.scope);
    }
  };
  visit(root);

  return {
    ok: true,
    network: {
      name,
      nodes,
      order: analysis.order,
      inputs: analysis.order.filter((id) => nodes.get(id)!.layer.kind === 'Input'),
      outputs: analysis.outputs,
      groups,
      root,
      analysis,
    },
  };
}

/** Helper classes a generated model.py may define; module classes must not take these names. */
export const HELPER_CLASS_NAMES = [
  'Add',
  'Average',
  'AvgPool2dSame',
  'BatchNorm',
  'Concatenate',
  'ConvTranspose2dSame',
  'Cropping2D',
  'KerasFlatten',
  'KerasPReLU',
  'KerasReLU',
  'LayerNorm',
  'Maximum',
  'Minimum',
  'Multiply',
  'Normalization',
  'Permute',
  'PixelwiseLinear',
  'Rescaling',
  'Reshape',
  'SeparableConv2d',
  'Subtract',
];

/** Image tensors ([H, W, C] per sample) are the ones PyTorch holds as NCHW. */
export const isImage = (shape: Shape) => shape.length === 3;

/** A per-sample shape as PyTorch holds it: images [C, H, W], everything else unchanged. */
export const torchShape = (shape: Shape): number[] => (isImage(shape) ? [shape[2]!, shape[0]!, shape[1]!] : [...shape]);

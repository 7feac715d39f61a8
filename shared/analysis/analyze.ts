import type { Graph, LayerNode, Shape } from '../graph/types';
import { errorMessage } from '../issues';
import { type AnyLayerSpec, getLayerSpec, LayerError } from '../layers';
import { GroupTotals, makeTotals } from './groupTotals';
import { type IndexedGraph, indexGraph } from './indexGraph';
import {
  cycleMessage,
  downstreamUnknownMessage,
  duplicateNameMessage,
  emptyOutputMessage,
  internalErrorMessage,
  invalidParamsMessage,
  shapeErrorMessage,
  tooManyInputsMessage,
  unconnectedInputMessage,
  unknownGroupMessage,
  unknownKindMessage,
  unusedOutputMessage,
} from './messages';
import { validatedParams } from './paramsCache';
import { ReceptiveFields } from './receptiveField';
import { topoOrder } from './topoOrder';
import type { Analysis, Diagnostic, DiagnosticCode, NodeAnalysis, Severity } from './types';

/** Per-node state during the pass. */
const OK = 1;
/** The node has its own error: it is reported, and nodes after it are blocked by it. */
const FAILED = 2;
/** An input is unknown because of an error upstream: no shape, no new error. */
const BLOCKED = 3;

/**
 * Shapes, costs, receptive fields and diagnostics for a whole graph, per sample.
 * One pass in topological order; every node is analysed on its own inside a
 * try/catch so a broken layer kind or a damaged file can only ever produce a
 * diagnostic. Never throws.
 */
export function analyzeGraph(graph: Graph): Analysis {
  try {
    return analyzeIndexed(graph, indexGraph(graph));
  } catch (error) {
    return {
      order: [],
      nodes: Object.create(null),
      totals: makeTotals(0, 0, 0, 0),
      groups: Object.create(null),
      diagnostics: [
        {
          nodeId: null,
          severity: 'error',
          code: 'internal-error',
          message: `Netwright could not analyse this network (${errorMessage(error)}) — this is a bug in Netwright; please report it`,
        },
      ],
      outputs: [],
    };
  }
}

function analyzeIndexed(graph: Graph, g: IndexedGraph): Analysis {
  const { nodes, inStart, inSource, outStart } = g;
  const n = nodes.length;
  const diagnostics: Diagnostic[] = g.diagnostics;
  const topo = topoOrder(g);

  const status = new Uint8Array(n);
  /** For a BLOCKED node, the FAILED node it is waiting on (-1: none to name). */
  const blockedBy = new Int32Array(n).fill(-1);
  const blockedCount = new Int32Array(n);
  const depth = new Int32Array(n);
  const specs: (AnyLayerSpec | undefined)[] = new Array(n);
  const shapes: (Shape | null)[] = new Array(n).fill(null);
  const rf = new ReceptiveFields(n);
  const groupTotals = new GroupTotals(graph.groups);
  const results: Record<string, NodeAnalysis> = Object.create(null);
  let trainable = 0;
  let nonTrainable = 0;
  let macsTotal = 0;
  let activations = 0;

  const report = (nodeId: string | null, severity: Severity, code: DiagnosticCode, message: string) => {
    diagnostics.push({ nodeId, severity, code, message });
  };

  // Names are checked in file order so the layer added later is the one flagged.
  const names = new Set<string>();
  for (const node of nodes) {
    if (names.has(node.name)) report(node.id, 'error', 'duplicate-name', duplicateNameMessage(node));
    else names.add(node.name);
  }

  for (let k = 0; k < n; k++) {
    const i = topo.order[k]!;
    const node = nodes[i]!;
    const result: NodeAnalysis = {
      id: node.id,
      name: node.name,
      kind: node.kind,
      inputShapes: [],
      outputShape: null,
      paramCount: { trainable: 0, nonTrainable: 0, total: 0 },
      macs: 0,
      receptiveField: null,
      activationElements: 0,
    };
    results[node.id] = result;
    try {
      status[i] = analyzeNode(i, node, result);
    } catch (error) {
      report(node.id, 'error', 'internal-error', internalErrorMessage(node, 'analysis', error));
      status[i] = FAILED;
    }
    if (status[i] === OK) {
      trainable += result.paramCount.trainable;
      nonTrainable += result.paramCount.nonTrainable;
      macsTotal += result.macs;
      activations += result.activationElements;
    } else {
      // Whatever a failed node got part-way through must not be shown or counted.
      result.inputShapes = [];
      result.outputShape = null;
      result.receptiveField = null;
      result.paramCount = { trainable: 0, nonTrainable: 0, total: 0 };
      result.macs = 0;
      result.activationElements = 0;
      shapes[i] = null;
      rf.forget(i);
    }
    if (node.groupId !== undefined) {
      const pc = result.paramCount;
      const known = groupTotals.add(
        node.groupId,
        pc.trainable,
        pc.nonTrainable,
        result.macs,
        result.activationElements,
      );
      if (!known) report(node.id, 'warning', 'unknown-group', unknownGroupMessage(node, node.groupId));
    }
  }

  // One summary per failed node instead of an error on every node after it.
  for (let i = 0; i < n; i++) {
    if (blockedCount[i]! > 0)
      report(nodes[i]!.id, 'info', 'downstream-unknown', downstreamUnknownMessage(nodes[i]!, blockedCount[i]!));
  }

  const outputs = findOutputs();
  return {
    order: Array.from(topo.order, (i) => nodes[i]!.id),
    nodes: results,
    totals: makeTotals(trainable, nonTrainable, macsTotal, activations),
    groups: groupTotals.result(),
    diagnostics,
    outputs,
  };

  /** Fills `result` for node i and returns its status. Inputs come before it in topological order. */
  function analyzeNode(i: number, node: LayerNode, result: NodeAnalysis): number {
    const first = inStart[i]!;
    const count = inStart[i + 1]! - first;
    for (let e = first; e < first + count; e++) depth[i] = Math.max(depth[i]!, depth[inSource[e]!]! + 1);

    // Problems of the node itself are all reported, whatever happened upstream.
    let ownError = false;
    const spec = getLayerSpec(node.kind);
    specs[i] = spec;
    let params: Record<string, unknown> | undefined;
    let entry: ReturnType<typeof validatedParams> | undefined;
    if (!spec) {
      report(node.id, 'error', 'unknown-kind', unknownKindMessage(node));
      ownError = true;
    } else {
      entry = validatedParams(spec, node.params);
      if (entry.result.ok) {
        params = entry.result.params;
        result.params = params;
      } else {
        report(node.id, 'error', 'invalid-params', invalidParamsMessage(node, entry.result.issues));
        ownError = true;
      }
      if (count < spec.inputs.min) {
        report(node.id, 'error', 'unconnected-input', unconnectedInputMessage(node, spec.inputs.min, count));
        ownError = true;
      } else if (count > spec.inputs.max) {
        report(node.id, 'error', 'too-many-inputs', tooManyInputsMessage(node, spec.inputs.max, count));
        ownError = true;
      }
    }
    if (topo.onCycle[i]) {
      const loop = topo.loops.get(i) ?? { nodes: [i], exact: true, size: 1 };
      const names = loop.nodes.map((j) => nodes[j]!.name);
      report(node.id, 'error', 'cycle', cycleMessage(node, names, loop.exact, loop.size));
      ownError = true;
    }
    if (ownError || !spec || !params || !entry) return FAILED;

    // An unknown input means an error was already reported upstream: stay quiet.
    for (let e = first; e < first + count; e++) {
      const s = inSource[e]!;
      if (status[s] === OK) continue;
      const root = status[s] === FAILED ? s : blockedBy[s]!;
      blockedBy[i] = root;
      if (root >= 0) blockedCount[root]! += 1;
      return BLOCKED;
    }

    const inputs: Shape[] = new Array(count);
    for (let e = 0; e < count; e++) inputs[e] = shapes[inSource[first + e]!]!;
    result.inputShapes = inputs;

    let output: Shape;
    try {
      output = spec.outputShape(inputs, params);
    } catch (error) {
      if (error instanceof LayerError) report(node.id, 'error', 'shape-error', shapeErrorMessage(node, error.message));
      else report(node.id, 'error', 'internal-error', internalErrorMessage(node, 'output shape', error));
      return FAILED;
    }
    const elements = checkedElements(output);
    if (elements === 0) {
      report(node.id, 'error', 'shape-error', emptyOutputMessage(node, inputs, output));
      return FAILED;
    }
    if (Number.isNaN(elements)) {
      report(node.id, 'error', 'internal-error', internalErrorMessage(node, 'output shape', `got ${String(output)}`));
      return FAILED;
    }
    shapes[i] = output;
    result.outputShape = output;
    result.activationElements = elements;

    // Costs and the receptive field are extras: if a kind fails at them the
    // shape is still right, so report it and keep the node usable downstream.
    try {
      const pc = spec.paramCount(inputs, params);
      const macs = spec.macs(inputs, output, params);
      if (!isCount(pc.trainable) || !isCount(pc.nonTrainable) || !isCount(macs)) {
        throw new Error(`got ${pc.trainable} / ${pc.nonTrainable} parameters and ${macs} multiply-adds`);
      }
      result.paramCount = {
        trainable: pc.trainable,
        nonTrainable: pc.nonTrainable,
        total: pc.trainable + pc.nonTrainable,
      };
      result.macs = macs;
    } catch (error) {
      report(node.id, 'error', 'internal-error', internalErrorMessage(node, 'parameters and multiply-adds', error));
    }
    try {
      let known = true;
      if (count === 0) rf.start(i);
      for (let e = 0; e < count && known; e++) known = rf.mergeInput(i, inSource[first + e]!, e === 0);
      if (entry.rfStep === undefined) entry.rfStep = spec.rfStep(params);
      if (known) rf.apply(i, entry.rfStep!);
    } catch (error) {
      rf.forget(i);
      report(node.id, 'error', 'internal-error', internalErrorMessage(node, 'receptive field', error));
    }
    result.receptiveField = rf.get(i);
    return OK;
  }

  /**
   * Sinks are the model's outputs. When there are several, the ones that look
   * like the network's end (a 'head' kind, else the deepest) are the intended
   * outputs, and the others are warned about: usually a forgotten branch.
   */
  function findOutputs(): string[] {
    const sinks: number[] = [];
    for (let i = 0; i < n; i++) if (outStart[i + 1] === outStart[i]) sinks.push(i);
    const outputs = sinks.map((i) => nodes[i]!.id);
    if (sinks.length < 2) return outputs;
    let main = sinks.filter((i) => specs[i]?.category === 'head');
    if (main.length === 0) {
      let deepest = 0;
      for (const i of sinks) deepest = Math.max(deepest, depth[i]!);
      main = sinks.filter((i) => depth[i] === deepest);
    }
    const isMain = new Uint8Array(n);
    for (const i of main) isMain[i] = 1;
    const mainNodes = main.map((i) => nodes[i]!);
    for (const i of sinks) {
      // A node with its own error already has a diagnostic that explains it.
      if (isMain[i] || status[i] === FAILED) continue;
      report(nodes[i]!.id, 'warning', 'unused-output', unusedOutputMessage(nodes[i]!, mainNodes));
    }
    return outputs;
  }
}

/** Element count of a shape: 0 if a dimension is zero or below, NaN if it is not a whole number. */
function checkedElements(shape: Shape): number {
  if (!Array.isArray(shape)) return Number.NaN;
  let product = 1;
  let empty = false;
  for (let d = 0; d < shape.length; d++) {
    const dim = shape[d];
    if (typeof dim !== 'number' || !Number.isInteger(dim)) return Number.NaN;
    if (dim <= 0) empty = true;
    product *= dim;
  }
  return empty ? 0 : product;
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

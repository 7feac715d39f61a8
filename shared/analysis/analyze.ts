import type { Graph, LayerNode } from '../graph/types';
import { GroupTotals, makeTotals } from './groupTotals';
import { type IndexedGraph, indexGraph, indexOfId } from './indexGraph';
import {
  downstreamUnknownMessage,
  duplicateNameMessage,
  networkErrorMessage,
  said,
  unknownGroupMessage,
  unusedOutputMessage,
} from './messages';
import { FAILED, NodePass, OK, type Report } from './nodePass';
import { discountSharedWeights } from './sharedWeights';
import { topoOrder } from './topoOrder';
import type { Analysis, NodeAnalysis } from './types';

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
      partial: true,
      groups: Object.create(null),
      diagnostics: [
        {
          nodeId: null,
          severity: 'error',
          code: 'internal-error',
          ...said(networkErrorMessage(error)),
        },
      ],
      outputs: [],
    };
  }
}

function analyzeIndexed(graph: Graph, g: IndexedGraph): Analysis {
  const { nodes } = g;
  const diagnostics = g.diagnostics;
  const report: Report = (nodeId, severity, code, text) => diagnostics.push({ nodeId, severity, code, ...said(text) });
  const topo = topoOrder(g);
  if (g.namesDifferFromIds) checkNames(g, report);

  const pass = new NodePass(g, topo, report);
  const groupTotals = new GroupTotals(graph.groups);
  const byIndex: NodeAnalysis[] = new Array(nodes.length);
  let trainable = 0;
  let nonTrainable = 0;
  let macs = 0;
  let activations = 0;
  const order: string[] = new Array(nodes.length);
  for (let k = 0; k < nodes.length; k++) {
    const i = topo.order[k]!;
    const node = nodes[i]!;
    order[k] = node.id;
    const result = pass.visit(i);
    byIndex[i] = result;
    trainable += result.paramCount.trainable;
    nonTrainable += result.paramCount.nonTrainable;
    macs += result.macs;
    activations += result.activationElements;
    if (node.groupId !== undefined) countInGroup(groupTotals, node, result, report);
  }
  // Every node's slot turns from its index into its result (indexGraph says why), in one run
  // after the pass: on a large graph the pass pushes the table out of the cache between nodes.
  const results = g.slots as Record<string, NodeAnalysis>;
  for (let i = 0; i < nodes.length; i++) results[nodes[i]!.id] = byIndex[i]!;
  const shared = discountSharedWeights(nodes, results, groupTotals, report);
  trainable -= shared.trainable;
  nonTrainable -= shared.nonTrainable;
  reportBlocked(nodes, pass, report);
  pass.memo.keep();

  return {
    order,
    nodes: results,
    totals: makeTotals(trainable, nonTrainable, macs, activations),
    partial: isPartial(pass),
    groups: groupTotals.result(),
    diagnostics,
    outputs: findOutputs(g, pass, report),
  };
}

/**
 * Flags each node whose name an earlier node already has, so the layer added
 * later is the one flagged. Names usually equal ids, which are unique already
 * (a node's index under its own id is itself), so only names that differ from
 * their node's id need a set of their own; when none does, this is not called.
 */
function checkNames({ nodes, slots }: IndexedGraph, report: Report): void {
  const otherNames = new Set<unknown>();
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    const name = node.name;
    let taken = otherNames.size > 0 && otherNames.has(name);
    if (name !== node.id) {
      const j = indexOfId(slots, name);
      taken ||= j !== undefined && j < i && nodes[j]!.name === name;
      otherNames.add(name);
    }
    if (taken) report(node.id, 'error', 'duplicate-name', duplicateNameMessage(node));
  }
}

/** Whether some layer went uncounted: a placeholder, or a node failed or blocked. */
function isPartial(pass: NodePass): boolean {
  if (pass.placeholders > 0) return true;
  for (let i = 0; i < pass.status.length; i++) if (pass.status[i] !== OK) return true;
  return false;
}

/** Adds a node's costs to its module; a node of a module that does not exist is warned about. */
function countInGroup(groupTotals: GroupTotals, node: LayerNode, result: NodeAnalysis, report: Report): void {
  const pc = result.paramCount;
  const known = groupTotals.add(node.groupId!, pc.trainable, pc.nonTrainable, result.macs, result.activationElements);
  if (!known) report(node.id, 'warning', 'unknown-group', unknownGroupMessage(node, node.groupId!));
}

/** One summary per failed node instead of an error on every node after it. */
function reportBlocked(nodes: readonly LayerNode[], pass: NodePass, report: Report): void {
  for (let i = 0; i < nodes.length; i++) {
    const count = pass.blockedCount[i]!;
    if (count > 0) report(nodes[i]!.id, 'info', 'downstream-unknown', downstreamUnknownMessage(nodes[i]!, count));
  }
}

/**
 * Sinks are the model's outputs. When there are several, the ones that look
 * like the network's end (a 'head' kind, else the deepest) are the intended
 * outputs, and the others are warned about: usually a forgotten branch.
 */
function findOutputs({ nodes, outStart }: IndexedGraph, pass: NodePass, report: Report): string[] {
  const n = nodes.length;
  const sinks: number[] = [];
  for (let i = 0; i < n; i++) if (outStart[i + 1] === outStart[i]) sinks.push(i);
  const outputs = sinks.map((i) => nodes[i]!.id);
  if (sinks.length < 2) return outputs;
  let main = sinks.filter((i) => pass.specs[i]?.category === 'head');
  if (main.length === 0) {
    let deepest = 0;
    for (const i of sinks) deepest = Math.max(deepest, pass.depth[i]!);
    main = sinks.filter((i) => pass.depth[i] === deepest);
  }
  const isMain = new Uint8Array(n);
  for (const i of main) isMain[i] = 1;
  const mainNodes = main.map((i) => nodes[i]!);
  for (const i of sinks) {
    // A node with its own error already has a diagnostic that explains it.
    if (isMain[i] || pass.status[i] === FAILED) continue;
    report(nodes[i]!.id, 'warning', 'unused-output', unusedOutputMessage(nodes[i]!, mainNodes));
  }
  return outputs;
}

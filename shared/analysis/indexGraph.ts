import type { Graph, LayerNode } from '../graph/types';
import { duplicateIdMessage, missingNodeMessage, said } from './messages';
import type { Diagnostic } from './types';

/**
 * The graph as integer-indexed arrays (compressed adjacency), built once per
 * analysis so the passes after it do no string lookups and allocate nothing per
 * node. Edges to or from missing nodes are dropped here and reported.
 */
export interface IndexedGraph {
  /** Nodes with a unique id; a node's index is its position here. */
  nodes: LayerNode[];
  /**
   * Each node's index under its id (read it with indexOfId). A null-prototype record
   * rather than a Map because analyzeIndexed overwrites every entry with the node's result
   * and hands the same record out as Analysis.nodes: a large graph builds one big hash
   * table instead of two, and each is a large allocation V8 takes fresh from the system
   * (for 10,000 nodes, more time than all the arithmetic).
   */
  slots: Record<string, unknown>;
  /** Incoming edges of node i are inSource[inStart[i] .. inStart[i+1]), ordered by targetIndex. */
  inStart: Int32Array;
  inSource: Int32Array;
  /** Outgoing edges of node i are outTarget[outStart[i] .. outStart[i+1]). */
  outStart: Int32Array;
  outTarget: Int32Array;
  /** Whether some node's name differs from its id (when none does, names are as unique as ids). */
  namesDifferFromIds: boolean;
  diagnostics: Diagnostic[];
}

export function indexGraph(graph: Graph): IndexedGraph {
  const diagnostics: Diagnostic[] = [];
  const nodes: LayerNode[] = [];
  const slots: Record<string, unknown> = Object.create(null);
  let namesDifferFromIds = false;
  for (const node of graph.nodes) {
    const first = slots[node.id];
    if (first !== undefined) {
      // Keeping the first keeps every id -> node lookup unambiguous downstream.
      diagnostics.push({
        nodeId: node.id,
        severity: 'error',
        code: 'duplicate-id',
        ...said(duplicateIdMessage(node, nodes[first as number]!)),
      });
      continue;
    }
    slots[node.id] = nodes.length;
    nodes.push(node);
    // Read here, while the node is in the cache: a pass of its own misses it on a large graph.
    if (node.name !== node.id) namesDifferFromIds = true;
  }

  const n = nodes.length;
  const edges = graph.edges;
  const edgeSource = new Int32Array(edges.length);
  const edgeTarget = new Int32Array(edges.length);
  const edgeSlot = new Float64Array(edges.length);
  const inStart = new Int32Array(n + 1);
  const outStart = new Int32Array(n + 1);
  let valid = 0;
  let lastTarget = 0;
  for (let e = 0; e < edges.length; e++) {
    const edge = edges[e]!;
    const t = idNear(nodes, slots, edge.target, lastTarget);
    const s = idNear(nodes, slots, edge.source, t === undefined ? lastTarget - 1 : t - 1);
    if (t !== undefined) lastTarget = t;
    if (s === undefined || t === undefined) {
      const anchor = t !== undefined ? edge.target : s !== undefined ? edge.source : null;
      diagnostics.push({
        nodeId: anchor,
        severity: 'error',
        code: 'missing-node',
        ...said(
          missingNodeMessage(edge, s === undefined ? undefined : nodes[s], t === undefined ? undefined : nodes[t]),
        ),
      });
      edgeSource[e] = -1;
      continue;
    }
    edgeSource[e] = s;
    edgeTarget[e] = t;
    edgeSlot[e] = Number(edge.targetIndex);
    inStart[t + 1]! += 1;
    outStart[s + 1]! += 1;
    valid++;
  }
  for (let i = 0; i < n; i++) {
    inStart[i + 1]! += inStart[i]!;
    outStart[i + 1]! += outStart[i]!;
  }

  const inSource = new Int32Array(valid);
  const inSlot = new Float64Array(valid);
  const outTarget = new Int32Array(valid);
  const inFill = inStart.slice(0, n);
  const outFill = outStart.slice(0, n);
  for (let e = 0; e < edges.length; e++) {
    const s = edgeSource[e]!;
    if (s < 0) continue;
    const t = edgeTarget[e]!;
    const at = inFill[t]!++;
    inSource[at] = s;
    inSlot[at] = edgeSlot[e]!;
    outTarget[outFill[s]!++] = t;
  }
  // Inputs are few per node, so a stable insertion sort per segment beats a
  // general sort; stability keeps file order for equal slots.
  for (let i = 0; i < n; i++) {
    const end = inStart[i + 1]!;
    for (let a = inStart[i]! + 1; a < end; a++) {
      const slot = inSlot[a]!;
      const src = inSource[a]!;
      let b = a - 1;
      while (b >= inStart[i]! && inSlot[b]! > slot) {
        inSlot[b + 1] = inSlot[b]!;
        inSource[b + 1] = inSource[b]!;
        b--;
      }
      inSlot[b + 1] = slot;
      inSource[b + 1] = src;
    }
  }
  return { nodes, slots, inStart, inSource, outStart, outTarget, namesDifferFromIds, diagnostics };
}

/**
 * The index of the node with this id, looking first at `hint` and the node after it. Files
 * list edges much as the layers were added, so an edge's target is usually the last edge's
 * target or the next node, and its source the node before the target: a string comparison
 * with a node close to the last one instead of a lookup in a large table, which on a
 * 10,000-node graph misses the cache on almost every edge.
 */
function idNear(nodes: readonly LayerNode[], slots: Record<string, unknown>, id: string, hint: number) {
  if (hint >= 0 && hint < nodes.length && nodes[hint]!.id === id) return hint;
  if (hint + 1 < nodes.length && hint + 1 >= 0 && nodes[hint + 1]!.id === id) return hint + 1;
  return indexOfId(slots, id);
}

/** The index of the node with this id, while `slots` still holds indices. */
export function indexOfId(slots: Record<string, unknown>, id: string): number | undefined {
  const slot = slots[id];
  return typeof slot === 'number' ? slot : undefined;
}

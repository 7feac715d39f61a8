import type { Graph } from '../graph/types';
import { type IndexedGraph, indexGraph } from './indexGraph';

export interface TopoResult {
  /**
   * Every node index once: first the acyclic part in Kahn's order, then the nodes
   * on cycles, then the nodes that depend on a cycle (in their own Kahn's order),
   * so one pass over `order` always sees a node's inputs before the node unless
   * the input is on a cycle.
   */
  order: Int32Array;
  /** 1 for nodes on a cycle (including a node wired to itself). */
  onCycle: Uint8Array;
  /** For each node on a cycle, how to describe its loop. */
  loops: Map<number, Loop>;
}

export interface Loop {
  /**
   * exact: the shortest loop through the node, node first, not repeated at the end.
   * Otherwise (very large tangles) the first few members of the tangle.
   */
  nodes: readonly number[];
  exact: boolean;
  /** Layers in the loop (exact) or in the whole tangle. */
  size: number;
}

/**
 * Largest tangle whose loops are traced exactly (a search per member, so
 * quadratic); beyond it, each member names a few of the tangle's layers.
 */
const MAX_TRACED_COMPONENT = 64;
const NAMED_MEMBERS = 6;

export function topoOrder(g: IndexedGraph): TopoResult {
  const n = g.nodes.length;
  const { inStart, outStart, outTarget } = g;
  const indegree = new Int32Array(n);
  for (let i = 0; i < n; i++) indegree[i] = inStart[i + 1]! - inStart[i]!;

  const order = new Int32Array(n);
  let done = kahn(g, indegree, order, 0, null);

  const onCycle = new Uint8Array(n);
  const loops = new Map<number, Loop>();
  if (done === n) return { order, onCycle, loops };

  // Kahn leaves both the nodes on cycles and everything downstream of them;
  // strongly connected components tell the two apart.
  const component = stronglyConnected(g, indegree);
  const members = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const c = component[i]!;
    if (c < 0) continue;
    let list = members.get(c);
    if (!list) {
      list = [];
      members.set(c, list);
    }
    list.push(i);
  }
  for (const list of members.values()) {
    const cyclic = list.length > 1 || hasSelfLoop(g, list[0]!);
    if (!cyclic) continue;
    for (const i of list) onCycle[i] = 1;
    if (list.length > MAX_TRACED_COMPONENT) {
      const tangle: Loop = { nodes: list.slice(0, NAMED_MEMBERS), exact: false, size: list.length };
      for (const i of list) loops.set(i, tangle);
      continue;
    }
    for (const i of list) {
      const path = shortestLoop(g, i, component);
      loops.set(i, { nodes: path, exact: true, size: path.length });
    }
  }
  for (let i = 0; i < n; i++) if (onCycle[i]) order[done++] = i;

  // What remains depends on a cycle but is not on one: order it by itself,
  // ignoring edges from cycle nodes, so its analysis can still run input-first.
  for (let i = 0; i < n; i++) {
    if (!onCycle[i]) continue;
    for (let e = outStart[i]!; e < outStart[i + 1]!; e++) {
      const t = outTarget[e]!;
      if (!onCycle[t]) indegree[t]! -= 1;
    }
  }
  done = kahn(g, indegree, order, done, onCycle);
  return { order, onCycle, loops };
}

/** Convenience for callers holding a Graph: ids in topological order and ids on cycles. */
export function topoOrderOfGraph(graph: Graph): { order: string[]; onCycle: string[] } {
  const g = indexGraph(graph);
  const result = topoOrder(g);
  const order = Array.from(result.order, (i) => g.nodes[i]!.id);
  const onCycle = order.filter((_, k) => result.onCycle[result.order[k]!] === 1);
  return { order, onCycle };
}

/**
 * Kahn's algorithm from `start` in `order`. Only nodes with indegree 0 that have
 * not been placed are seeded; `skip` excludes nodes already placed elsewhere.
 * Placed nodes get indegree -1 so later passes can tell them apart.
 */
function kahn(
  g: IndexedGraph,
  indegree: Int32Array,
  order: Int32Array,
  start: number,
  skip: Uint8Array | null,
): number {
  const n = g.nodes.length;
  let tail = start;
  for (let i = 0; i < n; i++) {
    if (indegree[i] === 0 && !skip?.[i]) {
      order[tail++] = i;
      indegree[i] = -1;
    }
  }
  for (let head = start; head < tail; head++) {
    const i = order[head]!;
    for (let e = g.outStart[i]!; e < g.outStart[i + 1]!; e++) {
      const t = g.outTarget[e]!;
      if (skip?.[t]) continue;
      if (--indegree[t]! === 0) {
        order[tail++] = t;
        indegree[t] = -1;
      }
    }
  }
  return tail;
}

/**
 * Tarjan's strongly connected components over the nodes Kahn could not place
 * (indegree > 0), iteratively so deep graphs cannot overflow the stack.
 * Returns the component number per node, -1 for nodes already placed.
 */
function stronglyConnected(g: IndexedGraph, indegree: Int32Array): Int32Array {
  const n = g.nodes.length;
  const component = new Int32Array(n).fill(-1);
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack: number[] = [];
  const callNode: number[] = [];
  const callEdge: number[] = [];
  let counter = 0;
  let components = 0;
  for (let root = 0; root < n; root++) {
    if (indegree[root]! <= 0 || index[root]! >= 0) continue;
    callNode.push(root);
    callEdge.push(g.outStart[root]!);
    index[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = 1;
    while (callNode.length) {
      const v = callNode[callNode.length - 1]!;
      const e = callEdge[callEdge.length - 1]!;
      if (e < g.outStart[v + 1]!) {
        callEdge[callEdge.length - 1] = e + 1;
        const w = g.outTarget[e]!;
        if (indegree[w]! <= 0) continue;
        if (index[w]! < 0) {
          index[w] = low[w] = counter++;
          stack.push(w);
          onStack[w] = 1;
          callNode.push(w);
          callEdge.push(g.outStart[w]!);
        } else if (onStack[w]) {
          low[v] = Math.min(low[v]!, index[w]!);
        }
        continue;
      }
      callNode.pop();
      callEdge.pop();
      if (callNode.length) {
        const parent = callNode[callNode.length - 1]!;
        low[parent] = Math.min(low[parent]!, low[v]!);
      }
      if (low[v] === index[v]) {
        let w: number;
        do {
          w = stack.pop()!;
          onStack[w] = 0;
          component[w] = components;
        } while (w !== v);
        components++;
      }
    }
  }
  return component;
}

function hasSelfLoop(g: IndexedGraph, i: number): boolean {
  for (let e = g.outStart[i]!; e < g.outStart[i + 1]!; e++) if (g.outTarget[e] === i) return true;
  return false;
}

/** Breadth-first search inside the node's component for the shortest way back to it. */
function shortestLoop(g: IndexedGraph, start: number, component: Int32Array): number[] {
  const c = component[start]!;
  const parent = new Map<number, number>();
  const queue = [start];
  for (let head = 0; head < queue.length; head++) {
    const v = queue[head]!;
    for (let e = g.outStart[v]!; e < g.outStart[v + 1]!; e++) {
      const w = g.outTarget[e]!;
      if (component[w] !== c) continue;
      if (w === start) {
        const path = [v];
        for (let p = v; p !== start; ) {
          p = parent.get(p)!;
          path.push(p);
        }
        return path.reverse();
      }
      if (!parent.has(w)) {
        parent.set(w, v);
        queue.push(w);
      }
    }
  }
  return [start];
}

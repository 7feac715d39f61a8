import type { Edge, Graph, LayerNode, Position } from '../graph/types';

/** A node a rewrite adds, and where it goes in the file: next to `anchor`, or at the end. */
export interface AddedNode {
  node: LayerNode;
  anchor: { id: string; before: boolean } | null;
}

/** makeRoom's request: shift every placed node fed by `from` (not through `except`) by `shift`. */
export interface RoomMove {
  from: string;
  shift: Position;
  except: ReadonlySet<string>;
}

/** What one rewrite changes in its input graph (`base`); made by GraphEdit. */
export interface GraphDiff {
  base: Graph;
  added: AddedNode[];
  removedNodes: Set<string>;
  /** Edges of `base`, by identity. */
  removedEdges: Set<Edge>;
  addedEdges: Edge[];
  moves: RoomMove[];
}

/**
 * The graph that `diffs`, each planned on `base`, make together: as if applied one
 * after another in the given order, when no two touch the same nodes. Nodes stay in
 * file order with each added node next to its anchor (those placed after one anchor in
 * reverse order, as inserting each right after it does), the rest at the end; kept edges
 * keep their order and added ones follow. Linear in the graph plus the diffs, and in
 * the graph times the moves over 32 where nodes are placed (see shiftsOf).
 */
export function materialize(base: Graph, diffs: readonly GraphDiff[]): Graph {
  const removedNodes = new Set<string>();
  const removedEdges = new Set<Edge>();
  const addedEdges: Edge[] = [];
  const added: AddedNode[] = [];
  const moves: RoomMove[] = [];
  for (const d of diffs) {
    for (const id of d.removedNodes) removedNodes.add(id);
    for (const e of d.removedEdges) removedEdges.add(e);
    addedEdges.push(...d.addedEdges);
    added.push(...d.added);
    moves.push(...d.moves);
  }
  const nodes = orderNodes(base.nodes, removedNodes, added);
  const edges = [...base.edges.filter((e) => !removedEdges.has(e)), ...addedEdges];
  const shifts = moves.length > 0 ? shiftsOf(nodes, edges, moves) : null;
  return {
    nodes: shifts ? nodes.map((n) => moved(n, shifts.get(n.id))) : nodes,
    edges,
    groups: base.groups.slice(),
  };
}

function moved(n: LayerNode, by: Position | undefined): LayerNode {
  if (!by || !n.position) return n;
  return { ...n, position: { x: n.position.x + by.x, y: n.position.y + by.y } };
}

function orderNodes(base: readonly LayerNode[], removed: ReadonlySet<string>, added: readonly AddedNode[]) {
  const before = new Map<string, LayerNode[]>();
  const after = new Map<string, LayerNode[]>();
  const atEnd: LayerNode[] = [];
  for (const a of added) {
    if (!a.anchor) atEnd.push(a.node);
    else listIn(a.anchor.before ? before : after, a.anchor.id).push(a.node);
  }
  // Each insertion right after an anchor goes in front of the ones made before it.
  for (const list of after.values()) list.reverse();
  const out: LayerNode[] = [];
  const placed = new Set<string>();
  const emit = (node: LayerNode, present: boolean) => {
    for (const n of before.get(node.id) ?? []) emit(n, true);
    if (present) {
      out.push(node);
      placed.add(node.id);
    }
    for (const n of after.get(node.id) ?? []) emit(n, true);
  };
  for (const n of base) emit(n, !removed.has(n.id));
  for (const n of atEnd) emit(n, true);
  // Anchored to a node that is gone altogether: kept, at the end.
  for (const a of added) if (!placed.has(a.node.id)) emit(a.node, true);
  return out;
}

function listIn<V>(map: Map<string, V[]>, key: string): V[] {
  let list = map.get(key);
  if (!list) {
    list = [];
    map.set(key, list);
  }
  return list;
}

/**
 * How far each node moves: the sum of the shifts of the moves that reach it. One pass in
 * network order per 32 moves (a bit per move), so a node fed by many rewrites counts each once.
 */
function shiftsOf(nodes: readonly LayerNode[], edges: readonly Edge[], moves: readonly RoomMove[]) {
  const at = new Map(nodes.map((n, i) => [n.id, i]));
  const consumers: number[][] = nodes.map(() => []);
  const indegree = new Int32Array(nodes.length);
  for (const e of edges) {
    const s = at.get(e.source);
    const t = at.get(e.target);
    if (s === undefined || t === undefined) continue;
    consumers[s]!.push(t);
    indegree[t]! += 1;
  }
  const order = kahn(consumers, indegree);
  const shifts = new Map<string, Position>();
  for (let first = 0; first < moves.length; first += 32) {
    const chunk = moves.slice(first, first + 32);
    const reach = new Uint32Array(nodes.length);
    const blocked = new Uint32Array(nodes.length);
    chunk.forEach((m, bit) => {
      for (const id of m.except) {
        const i = at.get(id);
        if (i !== undefined) blocked[i]! |= 1 << bit;
      }
      const from = at.get(m.from);
      if (from !== undefined) for (const c of consumers[from]!) reach[c]! |= 1 << bit;
    });
    const tables = byteSums(chunk);
    for (const v of order) {
      const mask = (reach[v]! & ~blocked[v]!) >>> 0;
      reach[v] = mask;
      if (mask === 0) continue;
      for (const c of consumers[v]!) reach[c]! |= mask;
      let x = 0;
      let y = 0;
      for (let b = 0; b < 4; b++) {
        const sum = tables[b]![(mask >>> (8 * b)) & 255]!;
        x += sum.x;
        y += sum.y;
      }
      const id = nodes[v]!.id;
      const had = shifts.get(id);
      shifts.set(id, had ? { x: had.x + x, y: had.y + y } : { x, y });
    }
  }
  return shifts;
}

/** Kahn's order; nodes on a cycle (a network with errors, which no rewrite accepts) are left out. */
function kahn(consumers: readonly number[][], indegree: Int32Array): number[] {
  const order: number[] = [];
  for (let i = 0; i < indegree.length; i++) if (indegree[i] === 0) order.push(i);
  for (let k = 0; k < order.length; k++)
    for (const c of consumers[order[k]!]!) {
      indegree[c]! -= 1;
      if (indegree[c] === 0) order.push(c);
    }
  return order;
}

/** For each byte of a 32-move mask, the summed shift of every value it can take: four look-ups per node. */
function byteSums(chunk: readonly RoomMove[]): Position[][] {
  return [0, 1, 2, 3].map((b) => {
    const table: Position[] = [{ x: 0, y: 0 }];
    for (let v = 1; v < 256; v++) {
      const low = v & -v;
      const rest = table[v ^ low]!;
      const m = chunk[8 * b + Math.log2(low)];
      table.push(m ? { x: rest.x + m.shift.x, y: rest.y + m.shift.y } : rest);
    }
    return table;
  });
}

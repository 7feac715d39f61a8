import type { Edge, Graph, LayerNode, Position } from '../graph/types';

export interface NewNode {
  kind: string;
  /** Preferred name; made unique (name_1, name_2, ...) if taken. */
  name: string;
  params: Record<string, unknown>;
  groupId?: string | undefined;
  position?: Position | undefined;
  /** Placed just before (or after) this node in the file, so a rewritten network still reads in order. */
  before?: string | undefined;
  after?: string | undefined;
}

/**
 * A working copy of a graph for one rewrite. The input graph is never touched: its
 * arrays are copied, and a node or edge that changes is replaced by a new object,
 * never modified, so the new graph shares every unchanged node (and its params
 * object, which the analysis caches by identity) with the old one.
 */
export class GraphEdit {
  private nodes: LayerNode[];
  private edges: Edge[];
  private readonly groups: Graph['groups'];

  constructor(graph: Graph) {
    this.nodes = graph.nodes.slice();
    this.edges = graph.edges.slice();
    this.groups = graph.groups.slice();
  }

  // A rewrite adds a handful of nodes to a network of thousands, and "apply everything"
  // makes hundreds of rewrites: a scan per added name costs less than a set per rewrite.
  add(spec: NewNode): string {
    const name = unique(spec.name, (n) => this.nodes.some((node) => node.name === n));
    const id = unique(name, (n) => this.nodes.some((node) => node.id === n));
    const node: LayerNode = { id, name, kind: spec.kind, params: spec.params };
    if (spec.groupId !== undefined) node.groupId = spec.groupId;
    if (spec.position) node.position = spec.position;
    const anchor = this.nodes.findIndex((n) => n.id === (spec.before ?? spec.after));
    const at = anchor < 0 ? this.nodes.length : spec.before !== undefined ? anchor : anchor + 1;
    this.nodes.splice(at, 0, node);
    return id;
  }

  connect(source: string, target: string, targetIndex = 0): void {
    const id = unique(`${source}->${target}:${targetIndex}`, (n) => this.edges.some((e) => e.id === n));
    this.edges.push({ id, source, target, targetIndex });
  }

  /** Every consumer of `from` now reads `to` instead, in the same input slot (Concatenate order is kept). */
  redirectOutputs(from: string, to: string): void {
    const moved = this.edges.filter((e) => e.source === from);
    this.edges = this.edges.filter((e) => e.source !== from);
    for (const e of moved) this.connect(to, e.target, e.targetIndex);
  }

  /** Replaces a one-input node's input. */
  setInput(id: string, source: string): void {
    this.edges = this.edges.filter((e) => e.target !== id);
    this.connect(source, id, 0);
  }

  remove(id: string): void {
    this.nodes = this.nodes.filter((n) => n.id !== id);
    this.edges = this.edges.filter((e) => e.source !== id && e.target !== id);
  }

  /**
   * Moves everything fed, directly or not, by `from` (placed nodes only, `except` kept) `steps`
   * places further along `flow`: a rewrite that lengthens a path makes room for it instead of
   * drawing its new nodes over the ones after it.
   */
  makeRoom(from: string, steps: number, flow: Flow, except: ReadonlySet<string> = new Set()): void {
    if (steps <= 0 || !this.nodes.some((n) => n.position)) return;
    const consumers = new Map<string, string[]>();
    for (const e of this.edges) {
      const list = consumers.get(e.source);
      if (list) list.push(e.target);
      else consumers.set(e.source, [e.target]);
    }
    const moved = new Set<string>();
    const queue = [...(consumers.get(from) ?? [])];
    while (queue.length > 0) {
      const id = queue.pop()!;
      if (moved.has(id) || except.has(id)) continue;
      moved.add(id);
      for (const next of consumers.get(id) ?? []) queue.push(next);
    }
    if (moved.size === 0) return;
    const shift = along(flow, steps);
    this.nodes = this.nodes.map((n) =>
      moved.has(n.id) && n.position ? { ...n, position: { x: n.position.x + shift.x, y: n.position.y + shift.y } } : n,
    );
  }

  build(): Graph {
    return { nodes: this.nodes, edges: this.edges, groups: this.groups };
  }
}

function unique(base: string, taken: (name: string) => boolean): string {
  if (!taken(base)) return base;
  let n = 1;
  while (taken(`${base}_${n}`)) n += 1;
  return `${base}_${n}`;
}

/** Which way the network is drawn: data flowing down the canvas, or to the right. */
export type Flow = 'down' | 'right';

/** The editor's spacing: along a downward flow a place is 90 px, across it 220 px (a node's width). */
const along = (flow: Flow, steps: number): Position =>
  flow === 'right' ? { x: steps * 220, y: 0 } : { x: 0, y: steps * 90 };

/** How `node` is drawn relative to its input: to the right of it (a left-to-right layout) or below. */
export function flowAt(graph: Graph, node: LayerNode): Flow {
  const edge = graph.edges.find((e) => e.target === node.id);
  const input = edge && graph.nodes.find((n) => n.id === edge.source);
  if (!input?.position || !node.position) return 'down';
  const dx = node.position.x - input.position.x;
  const dy = node.position.y - input.position.y;
  return Math.abs(dx) > Math.abs(dy) ? 'right' : 'down';
}

/**
 * A spot near `origin`, `step` places along the flow and `lane` places across it; none if the
 * origin has none.
 */
export function near(origin: LayerNode, step: number, lane = 0, flow: Flow = 'down'): Position | undefined {
  if (!origin.position) return undefined;
  const a = along(flow, step);
  const across = flow === 'right' ? { x: 0, y: lane * 90 } : { x: lane * 220, y: 0 };
  return { x: origin.position.x + a.x + across.x, y: origin.position.y + a.y + across.y };
}

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
 * A working copy of a graph for one rewrite. The input graph is never touched:
 * nodes are shallow copies that keep their params objects, which the analysis
 * caches by identity, so re-analysing the result stays cheap.
 */
export class GraphEdit {
  private nodes: LayerNode[];
  private edges: Edge[];
  private readonly groups: Graph['groups'];
  private readonly names = new Set<string>();
  private readonly ids = new Set<string>();
  private readonly edgeIds = new Set<string>();

  constructor(graph: Graph) {
    this.nodes = graph.nodes.map((n) => ({ ...n }));
    this.edges = graph.edges.map((e) => ({ ...e }));
    this.groups = graph.groups.map((g) => ({ ...g }));
    for (const n of this.nodes) {
      this.names.add(n.name);
      this.ids.add(n.id);
    }
    for (const e of this.edges) this.edgeIds.add(e.id);
  }

  add(spec: NewNode): string {
    const name = this.unique(spec.name, this.names);
    const id = this.unique(name, this.ids);
    this.names.add(name);
    this.ids.add(id);
    const node: LayerNode = { id, name, kind: spec.kind, params: spec.params };
    if (spec.groupId !== undefined) node.groupId = spec.groupId;
    if (spec.position) node.position = spec.position;
    const anchor = this.nodes.findIndex((n) => n.id === (spec.before ?? spec.after));
    const at = anchor < 0 ? this.nodes.length : spec.before !== undefined ? anchor : anchor + 1;
    this.nodes.splice(at, 0, node);
    return id;
  }

  connect(source: string, target: string, targetIndex = 0): void {
    const id = this.unique(`${source}->${target}:${targetIndex}`, this.edgeIds);
    this.edgeIds.add(id);
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

  build(): Graph {
    return { nodes: this.nodes, edges: this.edges, groups: this.groups };
  }

  private unique(base: string, taken: Set<string>): string {
    if (!taken.has(base)) return base;
    let n = 1;
    while (taken.has(`${base}_${n}`)) n += 1;
    return `${base}_${n}`;
  }
}

/** A spot near `origin`, `step` places along the flow and `lane` places across it; none if the origin has none. */
export function near(origin: LayerNode, step: number, lane = 0): Position | undefined {
  if (!origin.position) return undefined;
  return { x: origin.position.x + lane * 220, y: origin.position.y + step * 90 };
}

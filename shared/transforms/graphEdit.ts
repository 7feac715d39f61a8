import type { Edge, Graph, LayerNode, Position } from '../graph/types';
import { GraphIndex } from './convUnit';
import { type GraphDiff, materialize, type RoomMove } from './graphDiff';

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
 * A working copy of a graph for one rewrite. The input graph is never touched: the
 * edit records what changes (a GraphDiff) and costs only as much as the part it
 * touches, so "apply everything" can plan many rewrites on one network and put them
 * in together (graphDiff.ts). build() makes the new graph, which shares every
 * unchanged node (and its params object, which the analysis caches by identity) with
 * the old one.
 */
export class GraphEdit {
  private readonly diff: GraphDiff;
  private readonly index: GraphIndex;
  private readonly addedIds = new Set<string>();
  private readonly addedNames = new Set<string>();
  private built: Graph | null = null;

  constructor(graph: Graph, index: GraphIndex = GraphIndex.of(graph)) {
    this.index = index;
    this.diff = { base: graph, added: [], removedNodes: new Set(), removedEdges: new Set(), addedEdges: [], moves: [] };
  }

  /** What this edit changes, for planning several rewrites at once. */
  get changes(): GraphDiff {
    return this.diff;
  }

  add(spec: NewNode): string {
    const name = unique(spec.name, (n) => this.nameTaken(n));
    const id = unique(name, (n) => this.hasNode(n));
    const node: LayerNode = { id, name, kind: spec.kind, params: spec.params };
    if (spec.groupId !== undefined) node.groupId = spec.groupId;
    if (spec.position) node.position = spec.position;
    const anchorId = spec.before ?? spec.after;
    const anchor =
      anchorId !== undefined && this.hasNode(anchorId) ? { id: anchorId, before: spec.before !== undefined } : null;
    this.diff.added.push({ node, anchor });
    this.addedIds.add(id);
    this.addedNames.add(name);
    this.built = null;
    return id;
  }

  connect(source: string, target: string, targetIndex = 0): void {
    const id = unique(`${source}->${target}:${targetIndex}`, (n) => this.hasEdge(n));
    this.diff.addedEdges.push({ id, source, target, targetIndex });
    this.built = null;
  }

  /** Every consumer of `from` now reads `to` instead, in the same input slot (Concatenate order is kept). */
  redirectOutputs(from: string, to: string): void {
    const moved = this.edgesWhere(this.index.outgoingEdges(from), (e) => e.source === from);
    this.dropEdges(moved);
    for (const e of moved) this.connect(to, e.target, e.targetIndex);
  }

  /** Replaces a one-input node's input. */
  setInput(id: string, source: string): void {
    this.dropEdges(this.edgesWhere(this.index.incomingEdges(id), (e) => e.target === id));
    this.connect(source, id, 0);
  }

  remove(id: string): void {
    this.dropEdges([
      ...this.edgesWhere(this.index.incomingEdges(id), (e) => e.target === id),
      ...this.edgesWhere(this.index.outgoingEdges(id), (e) => e.source === id && e.target !== id),
    ]);
    if (this.addedIds.delete(id)) {
      const at = this.diff.added.findIndex((a) => a.node.id === id);
      this.addedNames.delete(this.diff.added[at]!.node.name);
      this.diff.added.splice(at, 1);
    } else this.diff.removedNodes.add(id);
    this.built = null;
  }

  /**
   * Moves everything fed, directly or not, by `from` (placed nodes only, `except` kept) `steps`
   * places further along `flow`: a rewrite that lengthens a path makes room for it instead of
   * drawing its new nodes over the ones after it. Done when the graph is built; call it last.
   */
  makeRoom(from: string, steps: number, flow: Flow, except: ReadonlySet<string> = new Set()): void {
    if (steps <= 0) return;
    if (!this.index.hasPositions && !this.diff.added.some((a) => a.node.position)) return;
    const move: RoomMove = { from, shift: along(flow, steps), except };
    this.diff.moves.push(move);
    this.built = null;
  }

  build(): Graph {
    this.built ??= materialize(this.diff.base, [this.diff]);
    return this.built;
  }

  private hasNode(id: string): boolean {
    return this.addedIds.has(id) || (this.index.byId.has(id) && !this.diff.removedNodes.has(id));
  }

  private nameTaken(name: string): boolean {
    if (this.addedNames.has(name)) return true;
    return (this.index.idsNamed(name) ?? []).some((id) => !this.diff.removedNodes.has(id));
  }

  private hasEdge(id: string): boolean {
    const base = this.index.edgeWithId(id);
    return (!!base && !this.diff.removedEdges.has(base)) || this.diff.addedEdges.some((e) => e.id === id);
  }

  /** The base graph's edges among `fromBase` still present, then the added edges that match. */
  private edgesWhere(fromBase: readonly Edge[], match: (e: Edge) => boolean): Edge[] {
    return [...fromBase.filter((e) => !this.diff.removedEdges.has(e)), ...this.diff.addedEdges.filter(match)];
  }

  private dropEdges(edges: readonly Edge[]): void {
    const drop = new Set(edges);
    const added = new Set(this.diff.addedEdges);
    for (const e of edges) if (!added.has(e)) this.diff.removedEdges.add(e);
    this.diff.addedEdges = this.diff.addedEdges.filter((e) => !drop.has(e));
    this.built = null;
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
export function flowAt(index: GraphIndex, node: LayerNode): Flow {
  const edge = index.incomingEdges(node.id)[0];
  const input = edge && index.byId.get(edge.source);
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

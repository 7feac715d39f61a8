import { analyzeGraph } from '../../shared/analysis';
import type { GraphChange } from '../../shared/graph/changes';
import { uniqueName } from '../../shared/graph/naming';
import type { Edge, Graph, Group, LayerNode, Position } from '../../shared/graph/types';
import { getLayerSpec } from '../../shared/layers';
import { getTemplate } from '../../shared/templates';
import type { PaletteItem } from '../palette/paletteItems';

export interface Insertion {
  changes: GraphChange[];
  /** The nodes to select afterwards. */
  ids: string[];
}

function baseName(kind: string, params: Record<string, unknown>): string {
  if (kind === 'Activation' && typeof params.activation === 'string') return params.activation;
  return getLayerSpec(kind)?.nodeName ?? kind.toLowerCase();
}

function edgeId(source: string, target: string, index: number): string {
  return `${source}->${target}:${index}`;
}

function nextSlot(graph: Graph, target: string): number {
  return graph.edges.filter((e) => e.target === target).length;
}

/** Adds one palette item at `position`; modules arrive wired to `feedFrom` when given. */
export function insertPaletteItem(graph: Graph, item: PaletteItem, position: Position, feedFrom?: string): Insertion {
  if ('template' in item) return insertModule(graph, item.template, position, feedFrom);
  const taken = new Set(graph.nodes.map((n) => n.name));
  const name = uniqueName(baseName(item.kind, item.params), taken);
  const node: LayerNode = { id: name, name, kind: item.kind, params: structuredClone(item.params), position };
  const edges: Edge[] =
    feedFrom && item.kind !== 'Input'
      ? [{ id: edgeId(feedFrom, name, 0), source: feedFrom, target: name, targetIndex: 0 }]
      : [];
  return { changes: [{ type: 'addNodes', nodes: [node], edges }], ids: [name] };
}

/** A simple layered placement (by depth) for inserted subgraphs; full layout is one key away (L). */
export function layeredPositions(graph: Graph, origin: Position): Map<string, Position> {
  const analysis = analyzeGraph(graph);
  const depth = new Map<string, number>();
  const rows = new Map<number, number>();
  const positions = new Map<string, Position>();
  for (const id of analysis.order) {
    const parents = graph.edges.filter((e) => e.target === id).map((e) => depth.get(e.source) ?? 0);
    const d = parents.length ? Math.max(...parents) + 1 : 0;
    depth.set(id, d);
    const row = rows.get(d) ?? 0;
    rows.set(d, row + 1);
    positions.set(id, { x: origin.x + d * 230, y: origin.y + row * 120 });
  }
  return positions;
}

function insertModule(graph: Graph, templateId: string, position: Position, feedFrom?: string): Insertion {
  const template = getTemplate(templateId);
  if (!template) return { changes: [], ids: [] };
  const built = template.build();
  const inputs = new Set(built.nodes.filter((n) => n.kind === 'Input').map((n) => n.id));
  const body: Graph = {
    nodes: built.nodes.filter((n) => !inputs.has(n.id)),
    edges: built.edges.filter((e) => !inputs.has(e.source)),
    groups: built.groups,
  };
  const taken = new Set(graph.nodes.map((n) => n.name));
  const takenGroups = new Set(graph.groups.map((g) => g.id));
  const rename = new Map<string, string>();
  for (const n of body.nodes) {
    const name = uniqueName(n.name, taken);
    taken.add(name);
    rename.set(n.id, name);
  }
  const groupRename = new Map<string, string>();
  const groups: Group[] = body.groups.map((g) => {
    const id = uniqueName(g.id, takenGroups);
    takenGroups.add(id);
    groupRename.set(g.id, id);
    return { ...g, id, name: id.replace(/^group:/, '') };
  });
  for (const g of groups) if (g.parentId) g.parentId = groupRename.get(g.parentId) ?? g.parentId;
  const positions = layeredPositions(body, position);
  const nodes: LayerNode[] = body.nodes.map((n) => {
    const id = rename.get(n.id)!;
    const node: LayerNode = { ...n, id, name: id, params: structuredClone(n.params), position: positions.get(n.id)! };
    if (n.groupId) node.groupId = groupRename.get(n.groupId) ?? n.groupId;
    return node;
  });
  const edges: Edge[] = body.edges.map((e) => {
    const source = rename.get(e.source)!;
    const target = rename.get(e.target)!;
    return { id: edgeId(source, target, e.targetIndex), source, target, targetIndex: e.targetIndex };
  });
  if (feedFrom) {
    const entries = built.edges.filter((e) => inputs.has(e.source));
    for (const entry of entries) {
      const target = rename.get(entry.target)!;
      edges.push({
        id: edgeId(feedFrom, target, entry.targetIndex),
        source: feedFrom,
        target,
        targetIndex: entry.targetIndex,
      });
    }
  }
  const changes: GraphChange[] = [{ type: 'addNodes', nodes, edges }];
  for (const g of groups) changes.push({ type: 'addGroup', group: g, memberIds: [] });
  return { changes, ids: nodes.map((n) => n.id) };
}

/** Copies of `ids` with the edges among them, renamed and offset; the clipboard's paste. */
export function duplicateNodes(
  graph: Graph,
  source: { nodes: LayerNode[]; edges: Edge[] },
  offset: Position,
): Insertion {
  const taken = new Set(graph.nodes.map((n) => n.name));
  const rename = new Map<string, string>();
  const nodes = source.nodes.map((n) => {
    const name = uniqueName(n.name, taken);
    taken.add(name);
    rename.set(n.id, name);
    const position = n.position ? { x: n.position.x + offset.x, y: n.position.y + offset.y } : undefined;
    const { groupId: _g, ...rest } = n;
    return { ...rest, id: name, name, params: structuredClone(n.params), ...(position ? { position } : {}) };
  });
  const edges = source.edges
    .filter((e) => rename.has(e.source) && rename.has(e.target))
    .map((e) => {
      const s = rename.get(e.source)!;
      const t = rename.get(e.target)!;
      return { id: edgeId(s, t, e.targetIndex), source: s, target: t, targetIndex: e.targetIndex };
    });
  return { changes: [{ type: 'addNodes', nodes, edges }], ids: nodes.map((n) => n.id) };
}

export function connectChange(graph: Graph, source: string, target: string): GraphChange {
  const index = nextSlot(graph, target);
  return { type: 'addEdge', edge: { id: edgeId(source, target, index), source, target, targetIndex: index } };
}

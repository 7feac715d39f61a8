import { relinkSharedWeights } from './sharedWeights';
import type { Edge, Graph, Group, LayerNode, Position } from './types';

/**
 * Every edit to a graph as data, applied by one pure function: the editor, undo,
 * rewrites and tests all go through `applyChanges`, so an edit means the same everywhere.
 */
export type GraphChange =
  | { type: 'addNodes'; nodes: LayerNode[]; edges?: Edge[] }
  | { type: 'removeNodes'; ids: string[] }
  | { type: 'moveNodes'; moves: { id: string; position: Position }[] }
  | { type: 'setParams'; id: string; params: Record<string, unknown> }
  | { type: 'rename'; id: string; name: string }
  | { type: 'setFrozen'; ids: string[]; frozen: boolean }
  /** The nodes stop using another node's weights (sharesWeightsWith) and get their own. */
  | { type: 'unshareWeights'; ids: string[] }
  | { type: 'addEdge'; edge: Edge }
  | { type: 'removeEdges'; ids: string[] }
  /** New input order of a node: edge ids, first slot first. */
  | { type: 'reorderInputs'; target: string; edgeIds: string[] }
  | { type: 'addGroup'; group: Group; memberIds: string[] }
  | { type: 'setGroupCollapsed'; id: string; collapsed: boolean }
  | { type: 'ungroup'; id: string }
  /** A whole new graph from a rewrite (factorization): one undoable step. */
  | { type: 'replaceGraph'; graph: Graph };

/** Slots stay dense (0..n-1) after a removal, so input order survives deletes. */
function renumberInputs(edges: Edge[], targets: Set<string>): Edge[] {
  if (targets.size === 0) return edges;
  const byTarget = new Map<string, Edge[]>();
  for (const e of edges) {
    if (!targets.has(e.target)) continue;
    const list = byTarget.get(e.target) ?? [];
    list.push(e);
    byTarget.set(e.target, list);
  }
  const slot = new Map<Edge, number>();
  for (const list of byTarget.values()) {
    list.sort((a, b) => a.targetIndex - b.targetIndex);
    for (const [i, e] of list.entries()) slot.set(e, i);
  }
  return edges.map((e) => {
    const index = slot.get(e);
    return index === undefined || index === e.targetIndex ? e : { ...e, targetIndex: index };
  });
}

function apply(graph: Graph, change: GraphChange): Graph {
  switch (change.type) {
    case 'addNodes':
      return { ...graph, nodes: [...graph.nodes, ...change.nodes], edges: [...graph.edges, ...(change.edges ?? [])] };
    case 'removeNodes': {
      const ids = new Set(change.ids);
      const touched = new Set(graph.edges.filter((e) => ids.has(e.source) && !ids.has(e.target)).map((e) => e.target));
      const edges = graph.edges.filter((e) => !ids.has(e.source) && !ids.has(e.target));
      const nodes = relinkSharedWeights(
        graph.nodes.filter((n) => !ids.has(n.id)),
        ids,
      );
      return { ...graph, nodes, edges: renumberInputs(edges, touched) };
    }
    case 'moveNodes': {
      const moves = new Map(change.moves.map((m) => [m.id, m.position]));
      return {
        ...graph,
        nodes: graph.nodes.map((n) => {
          const position = moves.get(n.id);
          return position ? { ...n, position: { x: position.x, y: position.y } } : n;
        }),
      };
    }
    case 'setParams':
      return { ...graph, nodes: graph.nodes.map((n) => (n.id === change.id ? { ...n, params: change.params } : n)) };
    case 'rename':
      return { ...graph, nodes: graph.nodes.map((n) => (n.id === change.id ? { ...n, name: change.name } : n)) };
    case 'setFrozen': {
      const ids = new Set(change.ids);
      return { ...graph, nodes: graph.nodes.map((n) => (ids.has(n.id) ? withFrozen(n, change.frozen) : n)) };
    }
    case 'unshareWeights': {
      const ids = new Set(change.ids);
      return { ...graph, nodes: graph.nodes.map((n) => (ids.has(n.id) ? ownWeights(n) : n)) };
    }
    case 'addEdge':
      return { ...graph, edges: [...graph.edges, change.edge] };
    case 'removeEdges': {
      const ids = new Set(change.ids);
      const touched = new Set(graph.edges.filter((e) => ids.has(e.id)).map((e) => e.target));
      return {
        ...graph,
        edges: renumberInputs(
          graph.edges.filter((e) => !ids.has(e.id)),
          touched,
        ),
      };
    }
    case 'reorderInputs': {
      const order = new Map(change.edgeIds.map((id, i) => [id, i]));
      return {
        ...graph,
        edges: graph.edges.map((e) =>
          e.target === change.target && order.has(e.id) ? { ...e, targetIndex: order.get(e.id)! } : e,
        ),
      };
    }
    case 'addGroup': {
      const members = new Set(change.memberIds);
      return {
        ...graph,
        groups: [...graph.groups, change.group],
        nodes: graph.nodes.map((n) => (members.has(n.id) ? { ...n, groupId: change.group.id } : n)),
      };
    }
    case 'setGroupCollapsed':
      return {
        ...graph,
        groups: graph.groups.map((g) => (g.id === change.id ? { ...g, collapsed: change.collapsed } : g)),
      };
    case 'replaceGraph':
      return change.graph;
    case 'ungroup': {
      const group = graph.groups.find((g) => g.id === change.id);
      if (!group) return graph;
      const parent = group.parentId;
      return {
        ...graph,
        groups: graph.groups
          .filter((g) => g.id !== change.id)
          .map((g) => (g.parentId === change.id ? withParent(g, parent) : g)),
        nodes: graph.nodes.map((n) => (n.groupId === change.id ? withGroup(n, parent) : n)),
      };
    }
  }
}

function ownWeights(node: LayerNode): LayerNode {
  if (node.sharesWeightsWith === undefined) return node;
  const { sharesWeightsWith: _shared, ...own } = node;
  return own;
}

function withParent(group: Group, parentId: string | undefined): Group {
  const { parentId: _old, ...rest } = group;
  return parentId ? { ...rest, parentId } : rest;
}

function withGroup(node: LayerNode, groupId: string | undefined): LayerNode {
  const { groupId: _old, ...rest } = node;
  return groupId ? { ...rest, groupId } : rest;
}

export function applyChanges(graph: Graph, changes: readonly GraphChange[]): Graph {
  return changes.reduce(apply, graph);
}

/** Frozen is stored only when true, so trainable layers keep the file as it was. */
function withFrozen(node: LayerNode, frozen: boolean): LayerNode {
  if (frozen) return { ...node, frozen: true };
  const { frozen: _dropped, ...rest } = node;
  return rest;
}

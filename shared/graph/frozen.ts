import type { Graph } from './types';

/** Ids of every layer inside a module, its nested modules' layers included. */
export function moduleLayerIds(graph: Graph, groupId: string): string[] {
  const inside = new Set([groupId]);
  // Parents may be listed after their children: repeat until nothing new joins.
  for (let grew = true; grew; ) {
    grew = false;
    for (const g of graph.groups)
      if (g.parentId && inside.has(g.parentId) && !inside.has(g.id)) {
        inside.add(g.id);
        grew = true;
      }
  }
  return graph.nodes.filter((n) => n.groupId !== undefined && inside.has(n.groupId)).map((n) => n.id);
}

/** 'all', 'none' or 'some' of these layers are frozen. */
export function frozenState(graph: Graph, ids: readonly string[]): 'all' | 'none' | 'some' {
  const wanted = new Set(ids);
  let frozen = 0;
  for (const n of graph.nodes) if (wanted.has(n.id) && n.frozen) frozen++;
  return frozen === 0 ? 'none' : frozen === wanted.size ? 'all' : 'some';
}

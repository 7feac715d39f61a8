import ELK from 'elkjs/lib/elk.bundled.js';
import type { Graph, Position } from '../../shared/graph/types';
import { nodeSize } from '../canvas/flowModel';

const elk = new ELK();

/** Layered layout (Sugiyama, via elkjs) of every node; returns new positions by id. */
export async function layoutGraph(
  graph: Graph,
  direction: 'RIGHT' | 'DOWN',
  /** Wraps a long network into rows to fill an area of this width / height (a slide); none: one long band. */
  aspectRatio?: number,
): Promise<Map<string, Position>> {
  const wrap: Record<string, string> = aspectRatio
    ? { 'elk.layered.wrapping.strategy': 'MULTI_EDGE', 'elk.aspectRatio': String(aspectRatio) }
    : {};
  const result = await elk.layout({
    id: 'root',
    layoutOptions: {
      ...wrap,
      'elk.algorithm': 'layered',
      'elk.direction': direction,
      'elk.layered.spacing.nodeNodeBetweenLayers': '70',
      'elk.spacing.nodeNode': '36',
      'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
      'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
    },
    children: graph.nodes.map((n) => ({ id: n.id, width: nodeSize.width, height: nodeSize.height })),
    edges: graph.edges.map((e) => ({ id: e.id, sources: [e.source], targets: [e.target] })),
  });
  const positions = new Map<string, Position>();
  for (const child of result.children ?? []) positions.set(child.id, { x: child.x ?? 0, y: child.y ?? 0 });
  return positions;
}

export function needsLayout(graph: Graph): boolean {
  return graph.nodes.some((n) => !n.position);
}

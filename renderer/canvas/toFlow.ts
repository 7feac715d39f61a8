import type { Edge as FlowEdge } from '@xyflow/react';
import type { Graph } from '../../shared/graph/types';
import type { LayerFlowNode } from './LayerNodeView';

/** Projects the graph (the source of truth) onto React Flow's node and edge lists. */
export function toFlowNodes(graph: Graph): LayerFlowNode[] {
  return graph.nodes.map((layer, index) => ({
    id: layer.id,
    type: 'layer',
    position: layer.position ?? { x: index * 240, y: 0 },
    data: { layer },
  }));
}

export function toFlowEdges(graph: Graph): FlowEdge[] {
  return graph.edges.map((e) => ({ id: e.id, source: e.source, target: e.target }));
}

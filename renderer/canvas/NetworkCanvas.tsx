import {
  applyNodeChanges,
  Background,
  Controls,
  MiniMap,
  type NodeChange,
  type NodeTypes,
  ReactFlow,
} from '@xyflow/react';
import { useCallback, useMemo, useState } from 'react';
import type { Graph } from '../../shared/graph/types';
import { type LayerFlowNode, LayerNodeView } from './LayerNodeView';
import { toFlowEdges, toFlowNodes } from './toFlow';

const nodeTypes: NodeTypes = { layer: LayerNodeView };

export function NetworkCanvas({ graph }: { graph: Graph }) {
  const [nodes, setNodes] = useState(() => toFlowNodes(graph));
  const edges = useMemo(() => toFlowEdges(graph), [graph]);
  const onNodesChange = useCallback(
    (changes: NodeChange<LayerFlowNode>[]) => setNodes((current) => applyNodeChanges(changes, current)),
    [],
  );
  return (
    <div className="canvas" data-testid="canvas">
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        fitView
        minZoom={0.05}
        proOptions={{ hideAttribution: true }}
      >
        <Background gap={20} />
        <MiniMap pannable zoomable ariaLabel="Minimap" />
        <Controls />
      </ReactFlow>
    </div>
  );
}

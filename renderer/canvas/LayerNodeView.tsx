import { Handle, type Node, type NodeProps, Position } from '@xyflow/react';
import { memo } from 'react';
import type { LayerNode } from '../../shared/graph/types';

export type LayerFlowNode = Node<{ layer: LayerNode; detail?: string; shape?: string }, 'layer'>;

/** A layer on the canvas: kind, name, and the numbers the analysis attaches. */
export const LayerNodeView = memo(function LayerNodeView({ data, selected }: NodeProps<LayerFlowNode>) {
  const { layer } = data;
  return (
    <div className={`layer-node${selected ? ' selected' : ''}`} data-kind={layer.kind}>
      {layer.kind !== 'Input' && <Handle type="target" position={Position.Left} />}
      <div className="layer-kind">{layer.kind}</div>
      <div className="layer-name">{layer.name}</div>
      {data.detail && <div className="layer-detail">{data.detail}</div>}
      {data.shape && <div className="layer-shape">{data.shape}</div>}
      <Handle type="source" position={Position.Right} />
    </div>
  );
});

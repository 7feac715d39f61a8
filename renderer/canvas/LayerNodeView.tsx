import { Handle, type NodeProps, Position } from '@xyflow/react';
import { memo } from 'react';
import type { LayerFlowNode } from './flowModel';

/** Heat by share of the network's cost: cold grey to hot orange, on a square-root scale so small shares show. */
function heat(share: number): string {
  const t = Math.min(1, Math.sqrt(Math.max(0, share)) * 2);
  return `hsl(${Math.round(210 - 180 * t)} ${Math.round(20 + 70 * t)}% 55%)`;
}

/** A layer on the canvas: kind, settings, output shape, parameters, multiply-adds, problems. */
export const LayerNodeView = memo(function LayerNodeView({ data, selected }: NodeProps<LayerFlowNode>) {
  const { layer, info } = data;
  const hasInput = layer.kind !== 'Input';
  return (
    <div
      className={`layer-node${selected ? ' selected' : ''}${info.severity ? ` has-${info.severity}` : ''}`}
      data-kind={layer.kind}
      data-testid={`node-${layer.name}`}
      style={{ borderLeftColor: heat(info.share) }}
    >
      {hasInput && <Handle type="target" position={Position.Left} />}
      <div className="layer-head">
        <span className="layer-kind">{layer.kind}</span>
        {info.severity && (
          <span
            className={`layer-problem ${info.severity}`}
            title={info.problems}
            role="img"
            aria-label={`${info.severity}: ${info.problems}`}
          >
            {info.severity === 'error' ? '✖' : '!'}
          </span>
        )}
      </div>
      <div className="layer-name">{layer.name}</div>
      {info.summary && <div className="layer-detail">{info.summary}</div>}
      <div className="layer-shape" data-testid="node-shape">
        {info.shape}
      </div>
      <div className="layer-cost">
        <span data-testid="node-params">{info.params}</span>
        {info.macs && <span data-testid="node-macs">{info.macs}</span>}
      </div>
      <Handle type="source" position={Position.Right} />
    </div>
  );
});

import { Handle, type NodeProps, Position } from '@xyflow/react';
import { memo } from 'react';
import { formatInt, formatMacs } from '../../shared/analysis';
import { useDocumentStore } from '../store/documentStore';
import type { FrameFlowNode, ModuleFlowNode } from './flowModel';

function useToggle(groupId: string, collapsed: boolean) {
  const apply = useDocumentStore((s) => s.apply);
  return () => apply([{ type: 'setGroupCollapsed', id: groupId, collapsed }]);
}

/** A collapsed module: one box with the module's own totals, standing in for its members. */
export const ModuleNodeView = memo(function ModuleNodeView({ data, selected }: NodeProps<ModuleFlowNode>) {
  const expand = useToggle(data.group.id, false);
  const t = data.totals;
  return (
    <div className={`module-node${selected ? ' selected' : ''}`} data-testid={`module-${data.group.name}`}>
      <Handle type="target" position={Position.Left} />
      <div className="module-head">
        <span className="layer-kind">Module · {data.group.template}</span>
        <button type="button" className="module-toggle" onClick={expand} aria-label={`Expand ${data.group.name}`}>
          ⊞
        </button>
      </div>
      <div className="layer-name">{data.group.name}</div>
      <div className="layer-detail">{data.members} layers</div>
      {t && (
        <div className="layer-cost">
          <span data-testid="module-params">{formatInt(t.params)} params</span>
          <span>{formatMacs(t.macs)}</span>
        </div>
      )}
      <Handle type="source" position={Position.Right} />
    </div>
  );
});

/** An expanded module: a labelled frame behind its members. */
export const FrameNodeView = memo(function FrameNodeView({ data }: NodeProps<FrameFlowNode>) {
  const collapse = useToggle(data.group.id, true);
  const t = data.totals;
  return (
    <div className="module-frame" data-testid={`frame-${data.group.name}`}>
      <div className="module-frame-label">
        <button type="button" className="module-toggle" onClick={collapse} aria-label={`Collapse ${data.group.name}`}>
          ⊟
        </button>
        <span>{data.group.name}</span>
        {t && (
          <span className="module-frame-totals">
            {formatInt(t.params)} params · {formatMacs(t.macs)}
          </span>
        )}
      </div>
    </div>
  );
});

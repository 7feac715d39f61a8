import { Handle, type NodeProps, Position } from '@xyflow/react';
import { memo } from 'react';
import { formatMacs } from '../../shared/analysis';
import { useText } from '../i18n/useText';
import { useDocumentStore } from '../store/documentStore';
import type { FrameFlowNode, ModuleFlowNode } from './flowModel';

function useToggle(groupId: string, collapsed: boolean) {
  const apply = useDocumentStore((s) => s.apply);
  return () => apply([{ type: 'setGroupCollapsed', id: groupId, collapsed }]);
}

/** A collapsed module: one box with the module's own totals, standing in for its members. */
export const ModuleNodeView = memo(function ModuleNodeView({ data, selected }: NodeProps<ModuleFlowNode>) {
  const { t, int, decimal } = useText();
  const expand = useToggle(data.group.id, false);
  const totals = data.totals;
  return (
    <div className={`module-node${selected ? ' selected' : ''}`} data-testid={`module-${data.group.name}`}>
      <Handle type="target" position={Position.Left} />
      <div className="module-head">
        <span className="layer-kind">{t('panels.canvas.module', { template: data.group.template })}</span>
        <button
          type="button"
          className="module-toggle"
          onClick={expand}
          aria-label={t('panels.canvas.expand', { name: data.group.name })}
        >
          ⊞
        </button>
      </div>
      <div className="layer-name">{data.group.name}</div>
      <div className="layer-detail">{t('panels.canvas.layers', { count: data.members })}</div>
      {totals && (
        <div className="layer-cost">
          <span data-testid="module-params">{t('panels.canvas.params', { params: int(totals.params) })}</span>
          <span>{decimal(formatMacs(totals.macs))}</span>
        </div>
      )}
      <Handle type="source" position={Position.Right} />
    </div>
  );
});

/** An expanded module: a labelled frame behind its members. */
export const FrameNodeView = memo(function FrameNodeView({ data }: NodeProps<FrameFlowNode>) {
  const { t, int, decimal } = useText();
  const collapse = useToggle(data.group.id, true);
  const totals = data.totals;
  return (
    <div className="module-frame" data-testid={`frame-${data.group.name}`}>
      <div className="module-frame-label">
        <button
          type="button"
          className="module-toggle"
          onClick={collapse}
          aria-label={t('panels.canvas.collapse', { name: data.group.name })}
        >
          ⊟
        </button>
        <span>{data.group.name}</span>
        {totals && (
          <span className="module-frame-totals">
            {t('panels.canvas.frameTotals', { params: int(totals.params), macs: decimal(formatMacs(totals.macs)) })}
          </span>
        )}
      </div>
    </div>
  );
});

import { Handle, type NodeProps, Position } from '@xyflow/react';
import { memo } from 'react';
import { useText } from '../i18n/useText';
import { useSavingsStore } from '../store/savingsStore';
import type { LayerFlowNode } from './flowModel';

/** Only nodes that use another's weights subscribe to the language, so 1,000 plain nodes stay cheap. */
function SharedWeightsBadge({ owner }: { owner: string }) {
  const { t } = useText();
  return (
    <div
      className="shared-weights-badge"
      data-testid="shared-weights-badge"
      title={t('sharedWeights.badgeTitle', { owner })}
    >
      {t('sharedWeights.badge', { owner })}
    </div>
  );
}

/** A layer on the canvas: kind, settings, output shape, parameters, multiply-adds, problems. */
export const LayerNodeView = memo(function LayerNodeView({ data, selected }: NodeProps<LayerFlowNode>) {
  const { layer, info } = data;
  const hasInput = layer.kind !== 'Input';
  const { t } = useText();
  const badge = useSavingsStore((s) => s.badges[layer.name]);
  return (
    <div
      className={`layer-node${selected ? ' selected' : ''}${info.severity ? ` has-${info.severity}` : ''}`}
      data-kind={layer.kind}
      data-testid={`node-${layer.name}`}
      style={{ borderLeftColor: info.heat }}
    >
      {hasInput && <Handle type="target" position={Position.Left} />}
      <div className="layer-head">
        <span className="layer-kind">{layer.kind}</span>
        {layer.frozen && (
          <span className="layer-frozen" title={t('panels.canvas.frozenTitle')}>
            {t('panels.canvas.frozen')}
          </span>
        )}
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
      {info.sharesWith !== null && <SharedWeightsBadge owner={info.sharesWith} />}
      {badge && (
        <div
          className="savings-badge"
          data-testid="savings-badge"
          title={t('panels.canvas.badgeTitle', { rule: badge.rule, percent: badge.paramsPct })}
        >
          {t('panels.canvas.badge', { percent: badge.macsPct })}
        </div>
      )}
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

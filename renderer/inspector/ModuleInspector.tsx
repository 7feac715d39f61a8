import { formatInt, formatMacs } from '../../shared/analysis';
import { frozenState, moduleLayerIds } from '../../shared/graph/frozen';
import { useDocumentStore } from '../store/documentStore';
import { useAnalysis } from '../store/useAnalysis';

export function ModuleInspector({ groupId }: { groupId: string }) {
  const graph = useDocumentStore((s) => s.graph);
  const apply = useDocumentStore((s) => s.apply);
  const analysis = useAnalysis();
  const group = graph.groups.find((g) => g.id === groupId);
  if (!group) return null;
  const t = analysis.groups[groupId];
  const members = graph.nodes.filter((n) => n.groupId === groupId).length;
  const layerIds = moduleLayerIds(graph, groupId);
  const frozen = frozenState(graph, layerIds);
  return (
    <aside className="inspector" aria-label="Inspector">
      <h2>
        {group.name} <span className="muted">module</span>
      </h2>
      <p className="muted small">
        {members} layers from template “{group.template}”.
      </p>
      {t && (
        <dl>
          <dt>Parameters</dt>
          <dd>
            {formatInt(t.params)} ({formatInt(t.trainableParams)} trainable)
          </dd>
          <dt>MACs</dt>
          <dd>
            {formatInt(t.macs)} ({formatMacs(t.macs)})
          </dd>
        </dl>
      )}
      <div className="button-row">
        <button
          type="button"
          onClick={() => apply([{ type: 'setGroupCollapsed', id: groupId, collapsed: !group.collapsed }])}
        >
          {group.collapsed ? 'Expand' : 'Collapse'}
        </button>
        <button type="button" onClick={() => apply([{ type: 'ungroup', id: groupId }])}>
          Ungroup
        </button>
        <button
          type="button"
          title="Frozen layers keep their weights during training; Keras counts them as non-trainable"
          onClick={() => apply([{ type: 'setFrozen', ids: layerIds, frozen: frozen !== 'all' }])}
        >
          {frozen === 'all' ? 'Unfreeze module' : 'Freeze module'}
        </button>
      </div>
    </aside>
  );
}

import { useId, useMemo, useState } from 'react';
import { checkConnection } from '../../shared/graph/connect';
import type { LayerNode } from '../../shared/graph/types';
import { renderText } from '../../shared/i18n/diagnosticText';
import { connectChange } from '../editor/insert';
import { useText } from '../i18n/useText';
import { useDocumentStore } from '../store/documentStore';
import { useUiStore } from '../store/uiStore';

/**
 * Connects the selected layer's output to another existing layer from the keyboard (dragging
 * between handles is the only other way), with the same checks as a drag.
 */
export function ConnectTo({ node }: { node: LayerNode }) {
  const id = useId();
  const graph = useDocumentStore((s) => s.graph);
  const apply = useDocumentStore((s) => s.apply);
  const notify = useUiStore((s) => s.notify);
  const { t, language } = useText();
  // Linear in the graph; a cycle or a full input is refused with its reason on Connect, as on a drag.
  const targets = useMemo(() => {
    const fed = new Set(graph.edges.filter((e) => e.source === node.id).map((e) => e.target));
    return graph.nodes.filter((n) => n.id !== node.id && n.kind !== 'Input' && !fed.has(n.id));
  }, [graph, node.id]);
  const [target, setTarget] = useState('');
  if (targets.length === 0) return null;
  const chosen = targets.some((t) => t.id === target) ? target : targets[0]!.id;
  const connect = () => {
    const current = useDocumentStore.getState().graph;
    const check = checkConnection(current, node.id, chosen);
    if (!check.ok) return notify(renderText(check.text, language), 'error');
    apply([connectChange(current, node.id, chosen)]);
  };
  return (
    <div className="field connect-to">
      <label htmlFor={id}>{t('inspector.connectTo')}</label>
      <select id={id} value={chosen} onChange={(e) => setTarget(e.target.value)}>
        {targets.map((t) => (
          <option key={t.id} value={t.id}>
            {t.name} ({t.kind})
          </option>
        ))}
      </select>
      <button type="button" onClick={connect}>
        {t('inspector.connect')}
      </button>
    </div>
  );
}

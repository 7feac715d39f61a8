import { useReactFlow } from '@xyflow/react';
import { diagnosticText } from '../../shared/i18n';
import type { FlowNode } from '../canvas/flowModel';
import { useText } from '../i18n/useText';
import { useDocumentStore } from '../store/documentStore';
import { useAnalysis } from '../store/useAnalysis';
import { useDiagnostics } from '../store/useDiagnostics';

/** Every error and warning; clicking one selects and centres its node. */
export function ProblemsPanel() {
  const { t, language } = useText();
  const analysis = useAnalysis();
  const select = useDocumentStore((s) => s.select);
  const flow = useReactFlow<FlowNode>();
  const problems = useDiagnostics().filter((d) => d.severity !== 'info');
  const focus = (nodeId: string | null) => {
    if (!nodeId) return;
    select([nodeId]);
    const node = flow.getNode(nodeId);
    if (node)
      void flow.setCenter(node.position.x + 88, node.position.y + 48, {
        zoom: Math.max(flow.getZoom(), 0.9),
        duration: 250,
      });
  };
  return (
    <section className="problems" aria-label={t('problems.heading')}>
      <h3>
        {t('problems.heading')} <span className="badge">{problems.length}</span>
      </h3>
      {problems.length === 0 ? (
        <p className="muted small">{t('problems.none')}</p>
      ) : (
        <ul>
          {problems.map((d) => (
            <li key={`${d.nodeId}:${d.code}:${d.message}`}>
              <button type="button" className={`problem ${d.severity}`} onClick={() => focus(d.nodeId)}>
                <span aria-hidden="true" className={`problem-icon ${d.severity}`}>
                  {d.severity === 'error' ? '✖' : '!'}
                </span>{' '}
                {d.nodeId && <strong>{analysis.nodes[d.nodeId]?.name ?? d.nodeId}: </strong>}
                {diagnosticText(d, language)}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

import { useMemo } from 'react';
import { formatMacs, formatPathCount, formatShape } from '../../shared/analysis';
import { layerText, receptiveFieldText } from '../../shared/i18n';
import { getLayerSpec } from '../../shared/layers';
import { UNSUPPORTED_KIND } from '../../shared/layers/placeholder';
import { useText } from '../i18n/useText';
import { useDocumentStore } from '../store/documentStore';
import { useAnalysis } from '../store/useAnalysis';
import { usePaths } from '../store/usePaths';
import { ConnectTo } from './ConnectTo';
import { errorsByField } from './fieldErrors';
import { checkFieldValue, fieldApplies, fieldsFor } from './fieldModel';
import { InputOrder } from './InputOrder';
import { ModuleInspector } from './ModuleInspector';
import { ParamField } from './ParamField';
import { PlaceholderShape } from './PlaceholderShape';
import { RenameField } from './RenameField';
import { SharedWeights } from './SharedWeights';
import { UnsupportedDetails } from './UnsupportedDetails';

export function Inspector() {
  const { t, int, decimal, language } = useText();
  const selection = useDocumentStore((s) => s.selection);
  const graph = useDocumentStore((s) => s.graph);
  const apply = useDocumentStore((s) => s.apply);
  const analysis = useAnalysis();
  const paths = usePaths();
  const id = selection.length === 1 ? selection[0]! : null;
  const node = id ? graph.nodes.find((n) => n.id === id) : undefined;
  // A kind outside the registry (an imported unsupported layer) has no settings form to flag.
  const errors = useMemo(
    () => (node && getLayerSpec(node.kind) ? errorsByField(node.kind, node.params, language) : new Map()),
    [node, language],
  );

  if (id?.startsWith('group:')) return <ModuleInspector groupId={id} />;
  if (!node) {
    return (
      <aside className="inspector" aria-label={t('inspector.heading')}>
        <h2>{t('inspector.heading')}</h2>
        <p className="muted">
          {selection.length > 1 ? t('inspector.many', { count: selection.length }) : t('inspector.empty')}
        </p>
      </aside>
    );
  }
  const spec = getLayerSpec(node.kind);
  const a = analysis.nodes[node.id];
  const nodePaths = paths.perNode.get(node.id);
  const values = { ...(a?.params ?? {}), ...node.params };
  const setParam = (key: string, value: unknown) => {
    const params = { ...node.params };
    if (value === undefined) delete params[key];
    else params[key] = value;
    apply([{ type: 'setParams', id: node.id, params }], { coalesceKey: `params:${node.id}:${key}` });
  };

  const kindText = spec ? layerText(node.kind, language) : undefined;

  return (
    <aside className="inspector" aria-label={t('inspector.heading')}>
      <h2>
        {kindText?.label ?? node.kind} <span className="muted">{node.kind}</span>
      </h2>
      {kindText && <p className="muted small">{kindText.description}</p>}
      <RenameField node={node} />
      {a && a.paramCount.total > 0 && (
        <label className="frozen-toggle">
          <input
            type="checkbox"
            checked={node.frozen === true}
            onChange={(e) => apply([{ type: 'setFrozen', ids: [node.id], frozen: e.target.checked }])}
          />{' '}
          {t('inspector.frozen')}
        </label>
      )}
      <SharedWeights node={node} />
      {!spec && node.kind === UNSUPPORTED_KIND && (
        <PlaceholderShape key={node.id} node={node} inputShape={a?.inputShapes[0]} />
      )}
      {!spec && <UnsupportedDetails node={node} />}
      <section aria-label={t('inspector.settings')}>
        {fieldsFor(node.kind)
          .filter((field) => fieldApplies(node.kind, field.key, values))
          .map((field) => (
            <ParamField
              key={`${node.id}:${field.key}`}
              field={field}
              value={values[field.key]}
              error={errors.get(field.key)}
              check={(value) => checkFieldValue(node.kind, node.params, field.key, value, language)}
              onChange={(value) => setParam(field.key, value)}
            />
          ))}
        {errors.get('') && <div className="field-error">{errors.get('')}</div>}
      </section>
      {spec && spec.inputs.max > 1 && <InputOrder nodeId={node.id} />}
      <ConnectTo node={node} />
      <section aria-label={t('inspector.computed')} className="computed">
        <h3>{t('inspector.computed')}</h3>
        <dl>
          <dt>{t('inspector.input')}</dt>
          <dd>{a?.inputShapes.length ? a.inputShapes.map((s) => formatShape(s)).join(', ') : '—'}</dd>
          <dt>{t('inspector.output')}</dt>
          <dd data-testid="inspector-output">{formatShape(a?.outputShape)}</dd>
          <dt>{t('inspector.parameters')}</dt>
          <dd data-testid="inspector-params">
            {a ? int(a.paramCount.total) : '—'}
            {a && a.paramCount.nonTrainable > 0 && (
              <span className="muted">
                {' '}
                {t('inspector.split', {
                  trainable: int(a.paramCount.trainable),
                  nonTrainable: int(a.paramCount.nonTrainable),
                })}
              </span>
            )}
          </dd>
          <dt>{t('inspector.macs')}</dt>
          <dd data-testid="inspector-macs" title={t('inspector.macsTitle')}>
            {a ? `${int(a.macs)} (${decimal(formatMacs(a.macs))})` : '—'}
          </dd>
          <dt>{t('inspector.receptiveField')}</dt>
          <dd>{receptiveFieldText(a?.receptiveField, language)}</dd>
          <dt>{t('inspector.paths')}</dt>
          <dd data-testid="inspector-paths" title={t('inspector.pathsTitle')}>
            {nodePaths === null || nodePaths === undefined
              ? t('inspector.onCycle')
              : formatPathCount(nodePaths, language)}
          </dd>
        </dl>
      </section>
    </aside>
  );
}

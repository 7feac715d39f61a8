import { useMemo } from 'react';
import { formatInt, formatMacs, formatPathCount, formatReceptiveField, formatShape } from '../../shared/analysis';
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
import { UnsupportedDetails } from './UnsupportedDetails';

export function Inspector() {
  const { t } = useText();
  const selection = useDocumentStore((s) => s.selection);
  const graph = useDocumentStore((s) => s.graph);
  const apply = useDocumentStore((s) => s.apply);
  const analysis = useAnalysis();
  const paths = usePaths();
  const id = selection.length === 1 ? selection[0]! : null;
  const node = id ? graph.nodes.find((n) => n.id === id) : undefined;
  // A kind outside the registry (an imported unsupported layer) has no settings form to flag.
  const errors = useMemo(
    () => (node && getLayerSpec(node.kind) ? errorsByField(node.kind, node.params) : new Map()),
    [node],
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

  return (
    <aside className="inspector" aria-label="Inspector">
      <h2>
        {spec?.label ?? node.kind} <span className="muted">{node.kind}</span>
      </h2>
      {spec && <p className="muted small">{spec.description}</p>}
      <RenameField node={node} />
      {a && a.paramCount.total > 0 && (
        <label className="frozen-toggle">
          <input
            type="checkbox"
            checked={node.frozen === true}
            onChange={(e) => apply([{ type: 'setFrozen', ids: [node.id], frozen: e.target.checked }])}
          />{' '}
          Frozen: weights not trained (Keras trainable = False)
        </label>
      )}
      {!spec && node.kind === UNSUPPORTED_KIND && (
        <PlaceholderShape key={node.id} node={node} inputShape={a?.inputShapes[0]} />
      )}
      {!spec && <UnsupportedDetails node={node} />}
      <section aria-label="Settings">
        {fieldsFor(node.kind)
          .filter((field) => fieldApplies(node.kind, field.key, values))
          .map((field) => (
            <ParamField
              key={`${node.id}:${field.key}`}
              field={field}
              value={values[field.key]}
              error={errors.get(field.key)}
              check={(value) => checkFieldValue(node.kind, node.params, field.key, value)}
              onChange={(value) => setParam(field.key, value)}
            />
          ))}
        {errors.get('') && <div className="field-error">{errors.get('')}</div>}
      </section>
      {spec && spec.inputs.max > 1 && <InputOrder nodeId={node.id} />}
      <ConnectTo node={node} />
      <section aria-label="Computed" className="computed">
        <h3>Computed</h3>
        <dl>
          <dt>Input</dt>
          <dd>{a?.inputShapes.length ? a.inputShapes.map((s) => formatShape(s)).join(', ') : '—'}</dd>
          <dt>Output</dt>
          <dd data-testid="inspector-output">{formatShape(a?.outputShape)}</dd>
          <dt>Parameters</dt>
          <dd data-testid="inspector-params">
            {a ? formatInt(a.paramCount.total) : '—'}
            {a && a.paramCount.nonTrainable > 0 && (
              <span className="muted">
                {' '}
                ({formatInt(a.paramCount.trainable)} trainable, {formatInt(a.paramCount.nonTrainable)} non-trainable)
              </span>
            )}
          </dd>
          <dt>MACs</dt>
          <dd data-testid="inspector-macs" title="Multiply-accumulates per sample; FLOPs = 2 × MACs">
            {a ? `${formatInt(a.macs)} (${formatMacs(a.macs)})` : '—'}
          </dd>
          <dt>Receptive field</dt>
          <dd>{formatReceptiveField(a?.receptiveField)}</dd>
          <dt>Paths from input</dt>
          <dd data-testid="inspector-paths" title="Distinct routes from the network's input to this layer">
            {nodePaths === null || nodePaths === undefined ? '— (on a cycle)' : formatPathCount(nodePaths)}
          </dd>
        </dl>
      </section>
    </aside>
  );
}

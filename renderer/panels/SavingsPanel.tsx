import { useMemo, useState } from 'react';
import type { Graph } from '../../shared/graph/types';
import {
  applyAllOfKind,
  applyEverything,
  diagnosticText,
  type RewriteReport,
  RULE_IDS,
  type RuleId,
  reportText,
  ruleLabel,
  type Suggestion,
  suggest,
} from '../../shared/transforms';
import { useText } from '../i18n/useText';
import { useDocumentStore } from '../store/documentStore';
import { useSavingsStore } from '../store/savingsStore';
import { useUiStore } from '../store/uiStore';
import { useAnalysis } from '../store/useAnalysis';
import { CompareWith } from './CompareWith';
import { defaultWidthText, whyNothing, widthRules } from './whyNothing';

function applyVariant(graph: Graph, reports: RewriteReport[]) {
  const doc = useDocumentStore.getState();
  useSavingsStore.getState().recordRewrites(doc.graph, doc.name, reports);
  useUiStore.getState().animateLayout();
  doc.apply([{ type: 'replaceGraph', graph }]);
  const added = reports.flatMap((r) => r.added);
  doc.select(graph.nodes.filter((n) => added.includes(n.name)).map((n) => n.id));
}

function SuggestionRow({ s }: { s: Suggestion }) {
  const { t, int, language } = useText();
  const r = s.report;
  const label = ruleLabel(s.rule, language);
  const local = reportText(r, language);
  return (
    <li className="suggestion">
      <div>
        <strong>{label}</strong> {t('panels.savings.on')} <code>{s.nodeName}</code>
      </div>
      <div className="small">{local.replacement}</div>
      <div className="small saving">
        {t('panels.savings.saves', {
          macs: int(r.macs.saved),
          macsPct: r.macs.savedPct,
          params: int(r.params.saved),
          paramsPct: r.params.savedPct,
        })}
      </div>
      <div className="small muted">
        {local.shapeStatement} {local.rfStatement}
        {r.depthAdded > 0 ? t('panels.savings.nonlinearities', { count: r.depthAdded }) : ''}
      </div>
      {local.note && <div className="small muted">{local.note}</div>}
      <button
        type="button"
        onClick={() => applyVariant(s.graph, [r])}
        aria-label={t('panels.savings.applyTo', { rule: label, node: s.nodeName })}
      >
        {t('panels.savings.apply')}
      </button>
    </li>
  );
}

/**
 * What Inception's factorizations would save: for the selection (live) or the whole
 * network (on request, it tries every rule on every layer), each applied as one undoable step.
 */
export function SavingsPanel() {
  const { t, int, language } = useText();
  const graph = useDocumentStore((s) => s.graph);
  const selection = useDocumentStore((s) => s.selection);
  const analysis = useAnalysis();
  const notify = useUiStore((s) => s.notify);
  const original = useSavingsStore((s) => s.original);
  const setCompareOpen = useSavingsStore((s) => s.setCompareOpen);
  const [wholeNetwork, setWholeNetwork] = useState<Suggestion[] | null>(null);
  const [widthText, setWidthText] = useState('');
  const [why, setWhy] = useState<{ message: string; width?: number } | null>(null);
  const width = /^\d+$/.test(widthText.trim()) && Number(widthText) > 0 ? Number(widthText) : undefined;
  const widthOptions = width
    ? { options: Object.fromEntries(widthRules.map((r) => [r, { intermediateChannels: width }])) }
    : {};
  const layerSelection = useMemo(() => selection.filter((id) => !id.startsWith('group:')), [selection]);

  const forSelection = useMemo(
    () => (layerSelection.length ? suggest(graph, { nodeIds: layerSelection }, analysis) : []),
    [graph, analysis, layerSelection],
  );
  const list = layerSelection.length ? forSelection : (wholeNetwork ?? []);

  const runVariant = (result: ReturnType<typeof applyEverything>, rule?: RuleId) => {
    setWhy(null);
    if (!result.ok) return notify(diagnosticText(result.diagnostic, language), 'error');
    if (result.applied.length === 0) {
      const reason = rule ? whyNothing(graph, rule, analysis, width, language) : null;
      if (reason) setWhy(reason);
      return notify(reason?.message ?? t('panels.savings.nothing'));
    }
    applyVariant(result.graph, result.applied);
    setWholeNetwork(null);
    notify(
      t('panels.savings.applied', {
        count: result.applied.length,
        macs: int(result.macs.saved),
        macsPct: result.macs.savedPct,
        params: int(result.params.saved),
        paramsPct: result.params.savedPct,
      }),
    );
  };

  return (
    <section className="savings" aria-label={t('panels.savings.label')}>
      <h2>{t('panels.savings.heading')}</h2>
      <p className="muted small">
        {layerSelection.length
          ? t(layerSelection.length === 1 ? 'panels.savings.forLayer' : 'panels.savings.forSelection')
          : t('panels.savings.selectHint')}
      </p>
      {!layerSelection.length && (
        <button type="button" onClick={() => setWholeNetwork(suggest(graph, {}, analysis))}>
          {t('panels.savings.scan')}
        </button>
      )}
      {list.length === 0 && (layerSelection.length > 0 || wholeNetwork) && (
        <p className="small">{t('panels.savings.noneHere')}</p>
      )}
      <ul className="suggestions">
        {list.slice(0, 30).map((s) => (
          <SuggestionRow key={`${s.rule}:${s.nodeId}`} s={s} />
        ))}
      </ul>
      <h3>{t('panels.savings.whole')}</h3>
      <div className="button-row wrap">
        <button type="button" onClick={() => runVariant(applyEverything(graph, widthOptions))}>
          {t('panels.savings.everything')}
        </button>
        {RULE_IDS.map((rule: RuleId) => (
          <button
            key={rule}
            type="button"
            title={t('panels.savings.allTitle', { rule: ruleLabel(rule, language) })}
            onClick={() => runVariant(applyAllOfKind(graph, rule, widthOptions), rule)}
          >
            {t('panels.savings.all', { rule })}
          </button>
        ))}
      </div>
      <div className="field">
        <label htmlFor="savings-width">{t('panels.savings.width')}</label>
        <input
          id="savings-width"
          type="text"
          inputMode="numeric"
          placeholder={t('panels.savings.widthPlaceholder')}
          value={widthText}
          aria-describedby="savings-width-help"
          onChange={(e) => setWidthText(e.target.value)}
        />
      </div>
      <p id="savings-width-help" className="muted small">
        {t('panels.savings.widthHelp', {
          stack: defaultWidthText('stack', language),
          asymmetric: defaultWidthText('asymmetric', language),
        })}
      </p>
      {why && (
        <div className="savings-why" role="status">
          <p className="small">{why.message}</p>
          {why.width !== undefined && (
            <button type="button" onClick={() => setWidthText(String(why.width))}>
              {t('panels.savings.useWidth', { width: why.width })}
            </button>
          )}
        </div>
      )}
      {original && (
        <button type="button" className="primary" onClick={() => setCompareOpen(true)}>
          {t('panels.savings.compareOriginal')}
        </button>
      )}
      <CompareWith />
    </section>
  );
}

import { useMemo, useState } from 'react';
import { formatInt } from '../../shared/analysis';
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
  const r = s.report;
  const { language } = useText();
  const label = ruleLabel(s.rule, language);
  const local = reportText(r, language);
  return (
    <li className="suggestion">
      <div>
        <strong>{label}</strong> on <code>{s.nodeName}</code>
      </div>
      <div className="small">{local.replacement}</div>
      <div className="small saving">
        saves {formatInt(r.macs.saved)} MACs ({r.macs.savedPct}%) · {formatInt(r.params.saved)} params (
        {r.params.savedPct}%)
      </div>
      <div className="small muted">
        {local.shapeStatement} {local.rfStatement}
        {r.depthAdded > 0 ? ` Adds ${r.depthAdded} nonlinearit${r.depthAdded === 1 ? 'y' : 'ies'}.` : ''}
      </div>
      {local.note && <div className="small muted">{local.note}</div>}
      <button type="button" onClick={() => applyVariant(s.graph, [r])} aria-label={`Apply ${label} to ${s.nodeName}`}>
        Apply
      </button>
    </li>
  );
}

/**
 * What Inception's factorizations would save: for the selection (live) or the whole
 * network (on request, it tries every rule on every layer), each applied as one undoable step.
 */
export function SavingsPanel() {
  const { language } = useText();
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
      const reason = rule ? whyNothing(graph, rule, analysis, width) : null;
      if (reason) setWhy(reason);
      return notify(reason?.message ?? 'Nothing to factorize: no rewrite applies.');
    }
    applyVariant(result.graph, result.applied);
    setWholeNetwork(null);
    notify(
      `${result.applied.length} rewrites: ${formatInt(result.macs.saved)} MACs (${result.macs.savedPct}%) and ${formatInt(result.params.saved)} params (${result.params.savedPct}%) saved.`,
    );
  };

  return (
    <section className="savings" aria-label="Savings">
      <h2>Factorization savings</h2>
      <p className="muted small">
        {layerSelection.length
          ? `Rewrites that apply to the ${layerSelection.length === 1 ? 'selected layer' : 'selection'}:`
          : 'Select a layer to see what applies to it, or scan the whole network.'}
      </p>
      {!layerSelection.length && (
        <button type="button" onClick={() => setWholeNetwork(suggest(graph, {}, analysis))}>
          Scan whole network
        </button>
      )}
      {list.length === 0 && (layerSelection.length > 0 || wholeNetwork) && (
        <p className="small">No factorization applies here.</p>
      )}
      <ul className="suggestions">
        {list.slice(0, 30).map((s) => (
          <SuggestionRow key={`${s.rule}:${s.nodeId}`} s={s} />
        ))}
      </ul>
      <h3>Apply to the whole network</h3>
      <div className="button-row wrap">
        <button type="button" onClick={() => runVariant(applyEverything(graph, widthOptions))}>
          Apply everything
        </button>
        {RULE_IDS.map((rule: RuleId) => (
          <button
            key={rule}
            type="button"
            title={`Apply every “${ruleLabel(rule, language)}” rewrite the network admits`}
            onClick={() => runVariant(applyAllOfKind(graph, rule, widthOptions), rule)}
          >
            All {rule}
          </button>
        ))}
      </div>
      <div className="field">
        <label htmlFor="savings-width">Intermediate width</label>
        <input
          id="savings-width"
          type="text"
          inputMode="numeric"
          placeholder="default"
          value={widthText}
          aria-describedby="savings-width-help"
          onChange={(e) => setWidthText(e.target.value)}
        />
      </div>
      <p id="savings-width-help" className="muted small">
        Channels between the new convolutions. Default: {defaultWidthText.stack} for stack,{' '}
        {defaultWidthText.asymmetric} for asymmetric.
      </p>
      {why && (
        <div className="savings-why" role="status">
          <p className="small">{why.message}</p>
          {why.width !== undefined && (
            <button type="button" onClick={() => setWidthText(String(why.width))}>
              Use width {why.width}
            </button>
          )}
        </div>
      )}
      {original && (
        <button type="button" className="primary" onClick={() => setCompareOpen(true)}>
          Compare with original
        </button>
      )}
      <CompareWith />
    </section>
  );
}

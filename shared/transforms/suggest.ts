import { type Analysis, analyzeGraph, type Totals } from '../analysis';
import type { Graph } from '../graph/types';
import { costChange } from './rewrite';
import { applyRule, RULE_IDS, rules } from './rules';
import type { CostChange, RewriteReport, RuleId, TransformDiagnostic } from './types';

export interface Suggestion {
  rule: RuleId;
  nodeId: string;
  nodeName: string;
  report: RewriteReport;
  /** The network with this rewrite applied, already proven. */
  graph: Graph;
}

export interface SuggestOptions {
  /** Rules to try; default all. */
  rules?: readonly RuleId[];
  /** Options per rule (as a form or the CLI gives them); default each rule's defaults. */
  options?: Partial<Record<RuleId, unknown>>;
  /** Only these nodes (the editor's selection); default every node. */
  nodeIds?: readonly string[];
}

/**
 * The rewrites that keep the receptive field, the output shape and the width:
 * what "apply everything" applies unless told otherwise. Bottleneck narrows a
 * layer's input, grid reduction changes the receptive field and the filter bank
 * splits a conv's channels: design decisions to take one at a time.
 */
export const FACTORIZATION_RULES: readonly RuleId[] = ['stack', 'asymmetric'];

const savesSomething = (r: RewriteReport) =>
  r.macs.saved >= 0 && r.params.saved >= 0 && (r.macs.saved > 0 || r.params.saved > 0);

/**
 * Every rewrite that applies somewhere in the graph and saves something, ranked:
 * most multiply-adds saved first, then most parameters, then network order, then
 * rule order. Empty when the graph has errors (nothing can be proven on it).
 * Options that do not validate make their rule suggest nothing: check them first
 * with `rules[rule].options.safeParse` to tell the user why.
 */
export function suggest(graph: Graph, o: SuggestOptions = {}, analysis: Analysis = analyzeGraph(graph)): Suggestion[] {
  if (analysis.diagnostics.some((d) => d.severity === 'error')) return [];
  const wanted = o.nodeIds ? new Set(o.nodeIds) : null;
  const position = new Map(analysis.order.map((id, i) => [id, i]));
  const kinds = new Map(graph.nodes.map((n) => [n.id, n.kind]));
  const found: Suggestion[] = [];
  for (const rule of o.rules ?? RULE_IDS) {
    for (const id of analysis.order) {
      if (wanted && !wanted.has(id)) continue;
      if (!rules[rule].candidateKinds.includes(kinds.get(id) ?? '')) continue;
      const result = applyRule(rule, graph, id, o.options?.[rule], analysis);
      if (result.ok && savesSomething(result.report))
        found.push({ rule, nodeId: id, nodeName: result.report.nodeName, report: result.report, graph: result.graph });
    }
  }
  const ruleRank = (r: RuleId) => RULE_IDS.indexOf(r);
  return found.sort(
    (a, b) =>
      b.report.macs.saved - a.report.macs.saved ||
      b.report.params.saved - a.report.params.saved ||
      position.get(a.nodeId)! - position.get(b.nodeId)! ||
      ruleRank(a.rule) - ruleRank(b.rule),
  );
}

export type VariantResult =
  | {
      ok: true;
      graph: Graph;
      /** Every rewrite made, in order. */
      applied: RewriteReport[];
      before: Totals;
      after: Totals;
      params: CostChange;
      macs: CostChange;
    }
  | { ok: false; diagnostic: TransformDiagnostic };

export interface ApplyOptions {
  options?: Partial<Record<RuleId, unknown>>;
}

/** "Apply all of kind K": every rewrite of one rule the network admits, best first. */
export function applyAllOfKind(graph: Graph, rule: RuleId, o: ApplyOptions = {}): VariantResult {
  return applyGreedily(graph, [rule], o, rule);
}

/**
 * "Apply everything": take the best-ranked suggestion, apply it, suggest again on
 * the result, until nothing applies. Deterministic, because the ranking is.
 * Default rules: FACTORIZATION_RULES.
 */
export function applyEverything(graph: Graph, o: ApplyOptions & { rules?: readonly RuleId[] } = {}): VariantResult {
  return applyGreedily(graph, o.rules ?? FACTORIZATION_RULES, o, null);
}

function applyGreedily(graph: Graph, ruleIds: readonly RuleId[], o: ApplyOptions, rule: RuleId | null): VariantResult {
  const start = analyzeGraph(graph);
  if (start.diagnostics.some((d) => d.severity === 'error')) {
    const message = 'The network has errors; fix them before rewriting it';
    return { ok: false, diagnostic: { nodeId: null, severity: 'error', code: 'network-errors', rule, message } };
  }
  // Every rule removes the pattern it matched, so this bound is never reached by a correct rule.
  const limit = 4 * graph.nodes.length + 16;
  const applied: RewriteReport[] = [];
  let current = graph;
  let analysis = start;
  for (let round = 0; round < limit; round++) {
    const [best] = suggest(current, { rules: ruleIds, ...(o.options ? { options: o.options } : {}) }, analysis);
    if (!best) break;
    applied.push(best.report);
    current = best.graph;
    analysis = analyzeGraph(current);
  }
  return {
    ok: true,
    graph: current,
    applied,
    before: start.totals,
    after: analysis.totals,
    params: costChange(start.totals.params, analysis.totals.params),
    macs: costChange(start.totals.macs, analysis.totals.macs),
  };
}

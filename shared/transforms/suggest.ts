import { type Analysis, analyzeGraph } from '../analysis';
import type { Graph } from '../graph/types';
import { applyRule, RULE_IDS, rules } from './rules';
import type { RewriteReport, RuleId } from './types';

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

export const savesSomethingPlanned = (s: { macs: number; params: number }) =>
  s.macs >= 0 && s.params >= 0 && (s.macs > 0 || s.params > 0);
export const savesSomething = (r: RewriteReport) =>
  savesSomethingPlanned({ macs: r.macs.saved, params: r.params.saved });

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

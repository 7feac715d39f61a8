import { type Analysis, formatInt } from '../../shared/analysis';
import type { Graph } from '../../shared/graph/types';
import { applyRule, type RuleId, rules } from '../../shared/transforms';

/** Rules whose chain has an intermediate width the designer may choose. */
export const widthRules: readonly RuleId[] = ['stack', 'asymmetric'];

/** What each rule uses between its convolutions when no width is given (the rules' own defaults). */
export const defaultWidthText: Partial<Record<RuleId, string>> = {
  stack: "the conv's output channels",
  asymmetric: "the smaller of the conv's input and output channels",
};

const saves = (r: { macs: { saved: number }; params: { saved: number } }) => r.macs.saved > 0 && r.params.saved >= 0;

/**
 * Why "All <rule>" changed nothing: the first layer where the rule fits but would cost more,
 * with the widest intermediate width that would still save, found by bisection over the
 * rule itself (so the figure is the rule's own arithmetic). Null when the rule fits nowhere.
 */
export function whyNothing(
  graph: Graph,
  rule: RuleId,
  analysis: Analysis,
  width?: number,
): { message: string; width?: number } | null {
  for (const id of analysis.order) {
    const node = graph.nodes.find((n) => n.id === id);
    if (!node || !rules[rule].candidateKinds.includes(node.kind)) continue;
    const options = width ? { intermediateChannels: width } : {};
    const result = applyRule(rule, graph, id, options, analysis);
    if (!result.ok || saves(result.report)) continue;
    const r = result.report;
    const head =
      `Nothing to factorize: ${r.description} would cost more (${formatInt(r.macs.after)} MACs instead of ` +
      `${formatInt(r.macs.before)}) with ${width ? `an intermediate width of ${width}` : `the default intermediate width, ${defaultWidthText[rule] ?? 'the default'}`}.`;
    if (!widthRules.includes(rule)) return { message: head };
    const fits = (w: number) => {
      const tried = applyRule(rule, graph, id, { intermediateChannels: w }, analysis);
      return tried.ok && saves(tried.report);
    };
    const upper = Math.max(1, ...(analysis.nodes[id]?.outputShape ?? [1]));
    if (!fits(1)) return { message: `${head} No intermediate width saves here.` };
    let lo = 1;
    let hi = upper;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (fits(mid)) lo = mid;
      else hi = mid - 1;
    }
    return { message: `${head} An intermediate width of ${lo} or less saves.`, width: lo };
  }
  return null;
}

import { type Analysis, analyzeGraph } from '../analysis';
import type { Graph } from '../graph/types';
import { GraphIndex } from './convUnit';
import { materialize } from './graphDiff';
import { savingOfPlan } from './plannedSaving';
import { type ProofItem, proveTogether } from './proof';
import type { RewriteRule } from './rewrite';
import { RoundOfRewrites } from './rounds';
import { RULE_IDS, rules } from './rules';
import type { RewriteReport, RuleId } from './types';

export interface Suggestion {
  rule: RuleId;
  nodeId: string;
  nodeName: string;
  report: RewriteReport;
  /** The network with this rewrite applied, already proven; made when first read. */
  readonly graph: Graph;
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
 *
 * Each rewrite is proven as runRewrite proves it, but rewrites far enough apart are
 * proven together in one analysis (see proveInRounds): proving each on its own network
 * made this quadratic in the network's size.
 */
export function suggest(graph: Graph, o: SuggestOptions = {}, analysis: Analysis = analyzeGraph(graph)): Suggestion[] {
  if (analysis.diagnostics.some((d) => d.severity === 'error')) return [];
  const position = new Map(analysis.order.map((id, i) => [id, i]));
  const ruleRank = (r: RuleId) => RULE_IDS.indexOf(r);
  return proveInRounds(graph, analysis, planEverywhere(graph, analysis, o)).sort(
    (a, b) =>
      b.report.macs.saved - a.report.macs.saved ||
      b.report.params.saved - a.report.params.saved ||
      position.get(a.nodeId)! - position.get(b.nodeId)! ||
      ruleRank(a.rule) - ruleRank(b.rule),
  );
}

/** Every rewrite asked for that planning says saves something (planning reads only the node's neighbourhood). */
function planEverywhere(graph: Graph, analysis: Analysis, o: SuggestOptions): ProofItem[] {
  const wanted = o.nodeIds ? new Set(o.nodeIds) : null;
  const index = GraphIndex.of(graph);
  const planned: ProofItem[] = [];
  for (const ruleId of o.rules ?? RULE_IDS) {
    const rule = rules[ruleId] as RewriteRule<unknown>;
    const options = rule.options.safeParse(o.options?.[ruleId] ?? {});
    if (!options.success) continue;
    for (const id of analysis.order) {
      if (wanted && !wanted.has(id)) continue;
      const node = index.byId.get(id)!;
      if (!rule.candidateKinds.includes(node.kind)) continue;
      const result = rule.plan({ graph, analysis, index, node }, options.data);
      if (!result.ok) continue;
      const saving = savingOfPlan(result.plan, analysis, index);
      if (saving && savesSomethingPlanned(saving))
        planned.push({ rule, plan: result.plan, nodeId: id, nodeName: node.name });
    }
  }
  return planned;
}

/**
 * Proves the planned rewrites, those that keep the receptive field in rounds of rewrites
 * far enough apart to leave each other's proofs as they are alone (RoundOfRewrites): one
 * analysis per round, and a handful of rounds whatever the network's size. A round whose
 * joint proof fails is proven one rewrite at a time, so only the failing one is left out.
 */
function proveInRounds(graph: Graph, before: Analysis, planned: readonly ProofItem[]): Suggestion[] {
  const index = GraphIndex.of(graph);
  const found: Suggestion[] = [];
  let pending = planned.filter((item) => item.rule.keepsReceptiveField);
  while (pending.length > 0) {
    const taken = new RoundOfRewrites(index);
    const round: ProofItem[] = [];
    const later: ProofItem[] = [];
    for (const item of pending) {
      const reads = taken.readsOf(item.nodeId);
      (reads && taken.take(reads, item.plan) ? round : later).push(item);
    }
    found.push(...proveRound(graph, before, round));
    pending = later;
  }
  for (const item of planned) if (!item.rule.keepsReceptiveField) found.push(...proveRound(graph, before, [item]));
  return found;
}

function proveRound(graph: Graph, before: Analysis, round: readonly ProofItem[]): Suggestion[] {
  if (round.length > 1) {
    const together = materialize(
      graph,
      round.map((item) => item.plan.edit.changes),
    );
    const proof = proveTogether(before, analyzeGraph(together), round);
    if (proof.ok) return round.flatMap((item, i) => suggestion(item, proof.reports[i]!));
  }
  return round.flatMap((item) => {
    const rewritten = item.plan.edit.build();
    const proof = proveTogether(before, analyzeGraph(rewritten), [item]);
    return proof.ok ? suggestion(item, proof.reports[0]!, rewritten) : [];
  });
}

function suggestion(item: ProofItem, report: RewriteReport, rewritten?: Graph): Suggestion[] {
  if (!savesSomething(report)) return [];
  let graph = rewritten;
  return [
    {
      rule: item.rule.id,
      nodeId: item.nodeId,
      nodeName: item.nodeName,
      report,
      get graph() {
        graph ??= item.plan.edit.build();
        return graph;
      },
    },
  ];
}

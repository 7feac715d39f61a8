import { type Analysis, analyzeGraph, type Totals } from '../analysis';
import type { Graph } from '../graph/types';
import { GraphIndex } from './convUnit';
import { phrase } from './phrase';
import { plannedSaving } from './plannedSaving';
import { analysisOf, costChange, localDiagnostic, type RewriteRule } from './rewrite';
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

const savesSomethingPlanned = (s: { macs: number; params: number }) =>
  s.macs >= 0 && s.params >= 0 && (s.macs > 0 || s.params > 0);
const savesSomething = (r: RewriteReport) => savesSomethingPlanned({ macs: r.macs.saved, params: r.params.saved });

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
    const diagnostic = { nodeId: null, severity: 'error', code: 'network-errors', rule } as const;
    return { ok: false, diagnostic: localDiagnostic(diagnostic, phrase('refusal.networkErrors')) };
  }
  // Every rule removes the pattern it matched, so this bound is never reached by a correct rule.
  const limit = 4 * graph.nodes.length + 16;
  const applied: RewriteReport[] = [];
  const savings = new SavingsCache(ruleIds);
  let current = graph;
  let analysis = start;
  for (let round = 0; round < limit; round++) {
    const best = savings.best(current, analysis, o.options);
    if (!best) break;
    applied.push(best.report);
    current = best.graph;
    analysis = analysisOf(current);
    savings.forgetAround(current, best.report);
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

interface Candidate {
  rule: RuleId;
  id: string;
  saving: NonNullable<Saving>;
  position: number;
  rank: number;
}

/** suggest's order: most multiply-adds saved, then most parameters, then network order, then rule order. */
const ranksBefore = (a: Candidate, b: Candidate) =>
  (b.saving.macs - a.saving.macs || b.saving.params - a.saving.params || a.position - b.position || a.rank - b.rank) <
  0;

/** What a rewrite at one node saves, or null where it does not apply or saves nothing. */
type Saving = { macs: number; params: number } | null;

/**
 * The best suggestion round after round without trying every rule on every node
 * each round (which made "apply everything" cubic in the network's size). It gives
 * the same rewrites in the same order as `suggest(...)[0]` each round: when every
 * rule keeps the receptive field, a proven rewrite leaves every node outside the
 * rewritten part with its shape, receptive field and settings, so what a rewrite
 * elsewhere saves changes only near the rewritten part, and only those savings are
 * computed again. The chosen rewrite itself is always run and proven afresh on the
 * current network. With other rules it tries everything every round, as suggest does.
 */
class SavingsCache {
  /** Per rule: node id -> what rewriting it saves (null: nothing, or it does not apply). */
  private readonly saved = new Map<RuleId, Map<string, Saving>>();
  private readonly reusable: boolean;
  /** The current graph's index, built once per round for every candidate planned on it. */
  private index: GraphIndex | null = null;

  constructor(private readonly ruleIds: readonly RuleId[]) {
    this.reusable = ruleIds.every((r) => rules[r].keepsReceptiveField);
  }

  best(graph: Graph, analysis: Analysis, options: ApplyOptions['options']): Suggestion | undefined {
    if (!this.reusable) return suggest(graph, { rules: this.ruleIds, ...(options ? { options } : {}) }, analysis)[0];
    const kinds = new Map(graph.nodes.map((n) => [n.id, n.kind]));
    for (;;) {
      let best: Candidate | undefined;
      for (const ruleId of this.ruleIds) {
        const rank = RULE_IDS.indexOf(ruleId);
        for (const [position, id] of analysis.order.entries()) {
          if (!rules[ruleId].candidateKinds.includes(kinds.get(id) ?? '')) continue;
          const saving = this.savingOf(ruleId, id, graph, analysis, options);
          if (!saving) continue;
          const candidate = { rule: ruleId, id, saving, position, rank };
          if (!best || ranksBefore(candidate, best)) best = candidate;
        }
      }
      if (!best) return undefined;
      const result = applyRule(best.rule, graph, best.id, options?.[best.rule], analysis);
      if (result.ok && savesSomething(result.report))
        return {
          rule: best.rule,
          nodeId: best.id,
          nodeName: result.report.nodeName,
          report: result.report,
          graph: result.graph,
        };
      // Cannot happen while the savings are right; never loop on a wrong one.
      this.savedFor(best.rule).set(best.id, null);
    }
  }

  /**
   * Forgets the savings of every node within three connections of what the rewrite
   * added. A rule reads the conv, its input, up to two normalisation / activation
   * layers after it and whether the last of those has one consumer; the rewrite
   * changed the connections only of the nodes it added and of their neighbours.
   */
  forgetAround(graph: Graph, report: RewriteReport): void {
    this.index = null;
    if (!this.reusable) return;
    // The next round plans on this graph's index anyway: walk its edges rather than building a copy.
    const index = GraphIndex.of(graph);
    const added = new Set(report.added);
    let frontier = graph.nodes.filter((n) => added.has(n.name)).map((n) => n.id);
    frontier.push(report.nodeId);
    const near = new Set(frontier);
    for (let hop = 0; hop < 3; hop++) {
      const next: string[] = [];
      for (const id of frontier)
        for (const other of [...index.inputsOf(id), ...index.consumersOf(id)])
          if (!near.has(other)) {
            near.add(other);
            next.push(other);
          }
      frontier = next;
    }
    for (const ruleId of this.ruleIds) {
      const saved = this.savedFor(ruleId);
      for (const id of near) saved.delete(id);
    }
  }

  private savedFor(ruleId: RuleId): Map<string, Saving> {
    let saved = this.saved.get(ruleId);
    if (!saved) {
      saved = new Map();
      this.saved.set(ruleId, saved);
    }
    return saved;
  }

  private savingOf(
    ruleId: RuleId,
    id: string,
    graph: Graph,
    analysis: Analysis,
    options: ApplyOptions['options'],
  ): Saving {
    const saved = this.savedFor(ruleId);
    const known = saved.get(id);
    if (known !== undefined) return known;
    this.index ??= GraphIndex.of(graph);
    const planned = plannedSaving(
      rules[ruleId] as RewriteRule<unknown>,
      graph,
      id,
      options?.[ruleId],
      analysis,
      this.index,
    );
    const saving = planned && savesSomethingPlanned(planned) ? planned : null;
    saved.set(id, saving);
    return saving;
  }
}

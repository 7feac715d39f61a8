import { type Analysis, analyzeGraph, type Totals } from '../analysis';
import type { Graph } from '../graph/types';
import { GraphIndex } from './convUnit';
import { materialize } from './graphDiff';
import { phrase } from './phrase';
import { type ProofItem, proveTogether } from './proof';
import { analysisOf, costChange, localDiagnostic, type RewriteRule } from './rewrite';
import { RoundOfRewrites } from './rounds';
import { applyRule, rules } from './rules';
import { type RuleOptions, SavingsCache } from './savings';
import { FACTORIZATION_RULES, savesSomething } from './suggest';
import type { CostChange, RewriteReport, RuleId, TransformDiagnostic } from './types';

export type VariantResult =
  | {
      ok: true;
      graph: Graph;
      /** Every rewrite made, in order: round by round, best first within a round (see applyInRounds). */
      applied: RewriteReport[];
      /** Rewrites planning said would save but the proof refused (a rule's bug): not made, each naming its rule and node. */
      refused: TransformDiagnostic[];
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
  return applyRepeatedly(graph, [rule], o, rule);
}

/**
 * "Apply everything": every rewrite that saves something, best first, until nothing
 * applies. Deterministic, because the ranking is. Default rules: FACTORIZATION_RULES.
 */
export function applyEverything(graph: Graph, o: ApplyOptions & { rules?: readonly RuleId[] } = {}): VariantResult {
  return applyRepeatedly(graph, o.rules ?? FACTORIZATION_RULES, o, null);
}

function applyRepeatedly(graph: Graph, ruleIds: readonly RuleId[], o: ApplyOptions, rule: RuleId | null) {
  const savings = new SavingsCache(ruleIds);
  return savings.reusable ? applyInRounds(graph, savings, o, rule) : applyOneByOne(graph, savings, o, rule);
}

interface Progress {
  graph: Graph;
  analysis: Analysis;
  applied: RewriteReport[];
  refused: TransformDiagnostic[];
}

/**
 * Applies rewrites in rounds, each proven by one analysis of the network: linear in its
 * size where "one at a time" re-analysed it per rewrite. A round takes the ranked
 * suggestions best first, keeping each whose part of the network no rewrite already
 * taken this round reads or changes (the nodes within three connections of the node it
 * rewrites and the nodes it changes); plans them all on the same network, puts them in
 * together and proves them together (proveTogether): each one's output shape, receptive
 * field and costs, and the network's totals against the sum of their savings. Where that
 * proof fails, the round's rewrites are made one at a time instead, each proven on its
 * own, so a refusal names its rewrite. Rounds repeat until no suggestion is left.
 *
 * Only for rules that keep the receptive field: then a rewrite changes no saving outside
 * the part it reads and changes, so the rewrites made are those made one at a time, best
 * first (test/unit/transforms/applyInRounds.test.ts compares both on every template), and
 * `applied` lists them round by round, in ranking order within each round.
 */
export function applyInRounds(graph: Graph, savings: SavingsCache, o: ApplyOptions, rule: RuleId | null) {
  const start = analyzeGraph(graph);
  if (hasErrors(start)) return networkErrors(rule);
  const limit = rewriteLimit(graph);
  const at: Progress = { graph, analysis: start, applied: [], refused: [] };
  while (at.applied.length < limit) {
    const round = pickRound(at, savings, o.options, limit - at.applied.length);
    if (round.length === 0) break;
    const merged = materialize(
      at.graph,
      round.map((item) => item.plan.edit.changes),
    );
    const after = analyzeGraph(merged);
    const proof = proveTogether(at.analysis, after, round);
    if (proof.ok && proof.reports.every(savesSomething)) {
      const index = GraphIndex.of(merged);
      for (const item of round)
        savings.forgetAround(index, [item.nodeId, ...item.plan.edit.changes.added.map((a) => a.node.id)]);
      Object.assign(at, { graph: merged, analysis: after });
      at.applied.push(...proof.reports);
    } else oneAtATime(at, round, savings, o.options);
  }
  return finish(start, at);
}

/** The round's rewrites, planned on the current network: best first, no two near each other. */
function pickRound(at: Progress, savings: SavingsCache, options: RuleOptions, room: number): ProofItem[] {
  const index = GraphIndex.of(at.graph);
  const taken = new RoundOfRewrites(index);
  const round: ProofItem[] = [];
  const parsedOptions = new Map<RuleId, ReturnType<RewriteRule<unknown>['options']['safeParse']>>();
  for (const c of savings.ranked(at.graph, at.analysis, options)) {
    if (round.length >= room) break;
    const reads = taken.readsOf(c.id);
    if (!reads) continue;
    const rule = rules[c.rule] as RewriteRule<unknown>;
    const parsed = parsedOptions.get(c.rule) ?? rule.options.safeParse(options?.[c.rule] ?? {});
    parsedOptions.set(c.rule, parsed);
    const node = index.byId.get(c.id)!;
    const planned = parsed.success
      ? rule.plan({ graph: at.graph, analysis: at.analysis, index, node }, parsed.data)
      : null;
    if (!planned?.ok) {
      savings.forget(c.rule, c.id);
      continue;
    }
    // A rewrite near one taken this round waits for the next.
    if (taken.take(reads, planned.plan)) round.push({ rule, plan: planned.plan, nodeId: c.id, nodeName: node.name });
  }
  return round;
}

/** The round again, one rewrite at a time, each run and proven on its own network. */
function oneAtATime(at: Progress, round: readonly ProofItem[], savings: SavingsCache, options: RuleOptions): void {
  for (const { rule, nodeId } of round) {
    const result = applyRule(rule.id, at.graph, nodeId, options?.[rule.id], at.analysis);
    if (!result.ok || !savesSomething(result.report)) {
      if (!result.ok) at.refused.push(result.diagnostic);
      savings.forget(rule.id, nodeId);
      continue;
    }
    at.applied.push(result.report);
    at.graph = result.graph;
    at.analysis = analysisOf(result.graph);
    savings.forgetAround(GraphIndex.of(result.graph), seedsOf(result.graph, result.report));
  }
}

/**
 * "One at a time": take the best-ranked suggestion, apply it, suggest again on the
 * result, until nothing applies. For rules that may change the receptive field, whose
 * savings can change anywhere after a rewrite; applyInRounds is checked against it.
 */
export function applyOneByOne(graph: Graph, savings: SavingsCache, o: ApplyOptions, rule: RuleId | null) {
  const start = analyzeGraph(graph);
  if (hasErrors(start)) return networkErrors(rule);
  const limit = rewriteLimit(graph);
  const at: Progress = { graph, analysis: start, applied: [], refused: [] };
  while (at.applied.length < limit) {
    const best = savings.best(at.graph, at.analysis, o.options, (d) => at.refused.push(d));
    if (!best) break;
    at.applied.push(best.report);
    at.graph = best.graph;
    at.analysis = analysisOf(best.graph);
    savings.forgetAround(GraphIndex.of(best.graph), seedsOf(best.graph, best.report));
  }
  return finish(start, at);
}

/** What a rewrite added, by id, and the node it was asked for. */
function seedsOf(graph: Graph, report: RewriteReport): string[] {
  const added = new Set(report.added);
  return [report.nodeId, ...graph.nodes.filter((n) => added.has(n.name)).map((n) => n.id)];
}

// Every rule removes the pattern it matched, so this bound is never reached by a correct rule.
const rewriteLimit = (graph: Graph) => 4 * graph.nodes.length + 16;

const hasErrors = (a: Analysis) => a.diagnostics.some((d) => d.severity === 'error');

function networkErrors(rule: RuleId | null): VariantResult {
  const diagnostic = { nodeId: null, severity: 'error', code: 'network-errors', rule } as const;
  return { ok: false, diagnostic: localDiagnostic(diagnostic, phrase('refusal.networkErrors')) };
}

function finish(start: Analysis, at: Progress): VariantResult {
  const after = at.analysis.totals;
  return {
    ok: true,
    graph: at.graph,
    applied: at.applied,
    refused: at.refused,
    before: start.totals,
    after,
    params: costChange(start.totals.params, after.params),
    macs: costChange(start.totals.macs, after.macs),
  };
}

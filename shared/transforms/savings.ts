import type { Analysis } from '../analysis';
import type { Graph } from '../graph/types';
import { GraphIndex } from './convUnit';
import { plannedSaving, type Saving } from './plannedSaving';
import type { RewriteRule } from './rewrite';
import { READS_WITHIN, within } from './rounds';
import { applyRule, RULE_IDS, rules } from './rules';
import { type Suggestion, savesSomething, savesSomethingPlanned, suggest } from './suggest';
import type { RuleId } from './types';

export type RuleOptions = Partial<Record<RuleId, unknown>> | undefined;

/** A rewrite worth trying: where, by which rule, and what planning it says it saves. */
export interface Candidate {
  rule: RuleId;
  id: string;
  saving: Saving;
  /** Place in the network's order. */
  position: number;
  /** Place of the rule in RULE_IDS. */
  rank: number;
}

/** suggest's order: most multiply-adds saved, then most parameters, then network order, then rule order. */
export const byRank = (a: Candidate, b: Candidate) =>
  b.saving.macs - a.saving.macs || b.saving.params - a.saving.params || a.position - b.position || a.rank - b.rank;

/**
 * What each rewrite would save, kept between rounds of "apply everything" instead of
 * trying every rule on every node each round (which made it cubic in the network's
 * size). When every rule keeps the receptive field, a proven rewrite leaves every node
 * outside the rewritten part with its shape, receptive field and settings, so what a
 * rewrite elsewhere saves changes only near the rewritten part, and only those savings
 * are computed again (forgetAround). With other rules nothing is kept: `reusable` is false.
 */
export class SavingsCache {
  /** Per rule: node id -> what rewriting it saves (null: nothing, or it does not apply). */
  private readonly saved = new Map<RuleId, Map<string, Saving | null>>();
  readonly reusable: boolean;

  constructor(readonly ruleIds: readonly RuleId[]) {
    this.reusable = ruleIds.every((r) => rules[r].keepsReceptiveField);
  }

  /** Every rewrite that saves something on `graph`, best first (needs `reusable`). */
  ranked(graph: Graph, analysis: Analysis, options: RuleOptions): Candidate[] {
    const found: Candidate[] = [];
    this.each(graph, analysis, options, (c) => found.push(c));
    return found.sort(byRank);
  }

  /**
   * suggest(...)[0], proven: the best rewrite run on the current network. One that
   * planning said saves but the proof refuses is left out, and `refused` hears why.
   */
  best(
    graph: Graph,
    analysis: Analysis,
    options: RuleOptions,
    refused: (diagnostic: Extract<ReturnType<typeof applyRule>, { ok: false }>['diagnostic']) => void,
  ): Suggestion | undefined {
    if (!this.reusable) return suggest(graph, { rules: this.ruleIds, ...(options ? { options } : {}) }, analysis)[0];
    for (;;) {
      let best: Candidate | undefined;
      this.each(graph, analysis, options, (c) => {
        if (!best || byRank(c, best) < 0) best = c;
      });
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
      if (!result.ok) refused(result.diagnostic);
      // Never loop on a saving the proof does not confirm.
      this.forget(best.rule, best.id);
    }
  }

  /** Never try this rewrite again on this node. */
  forget(rule: RuleId, id: string): void {
    this.savedFor(rule).set(id, null);
  }

  /**
   * Forgets the savings of every node within three connections of `seeds` (what a
   * rewrite added, and the node it was asked for) in the rewritten network. A rule
   * reads the conv, its input, up to two normalisation / activation layers after it and
   * whether the last of those has one consumer; the rewrite changed the connections
   * only of the nodes it added and of their neighbours.
   */
  forgetAround(index: GraphIndex, seeds: readonly string[]): void {
    if (!this.reusable) return;
    const near = within(index, seeds, READS_WITHIN);
    for (const ruleId of this.ruleIds) {
      const saved = this.savedFor(ruleId);
      for (const id of near) saved.delete(id);
    }
  }

  private each(graph: Graph, analysis: Analysis, options: RuleOptions, visit: (c: Candidate) => void): void {
    const index = GraphIndex.of(graph);
    for (const rule of this.ruleIds) {
      const rank = RULE_IDS.indexOf(rule);
      const kinds = rules[rule].candidateKinds;
      for (const [position, id] of analysis.order.entries()) {
        if (!kinds.includes(index.byId.get(id)?.kind ?? '')) continue;
        const saving = this.savingOf(rule, id, index, analysis, options);
        if (saving) visit({ rule, id, saving, position, rank });
      }
    }
  }

  private savedFor(ruleId: RuleId): Map<string, Saving | null> {
    let saved = this.saved.get(ruleId);
    if (!saved) {
      saved = new Map();
      this.saved.set(ruleId, saved);
    }
    return saved;
  }

  private savingOf(rule: RuleId, id: string, index: GraphIndex, analysis: Analysis, options: RuleOptions) {
    const saved = this.savedFor(rule);
    const known = saved.get(id);
    if (known !== undefined) return known;
    const r = rules[rule] as RewriteRule<unknown>;
    const planned = plannedSaving(r, index.graph, id, options?.[rule], analysis, index);
    const saving = planned && savesSomethingPlanned(planned) ? planned : null;
    saved.set(id, saving);
    return saving;
  }
}

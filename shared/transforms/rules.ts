import type { Analysis } from '../analysis';
import type { Graph } from '../graph/types';
import { asymmetricRule } from './asymmetric';
import { bottleneckRule } from './bottleneck';
import { filterBankRule } from './filterBank';
import { gridReductionRule } from './gridReduction';
import { type RewriteRule, runRewrite } from './rewrite';
import { stackRule } from './stack';
import type { RewriteResult, RuleId } from './types';

/** Every rewrite by id; nothing else enumerates them. */
// biome-ignore lint/suspicious/noExplicitAny: each rule has its own options type, validated by its schema.
export const rules: Readonly<Record<RuleId, RewriteRule<any>>> = {
  stack: stackRule,
  asymmetric: asymmetricRule,
  bottleneck: bottleneckRule,
  'grid-reduction': gridReductionRule,
  'filter-bank': filterBankRule,
};

/** Human names for lists and reports. */
export const ruleLabels: Readonly<Record<RuleId, string>> = {
  stack: 'n×n → stacked 3×3 convolutions',
  asymmetric: 'n×n → 1×n then n×1',
  bottleneck: '1×1 bottleneck before a k×k conv',
  'grid-reduction': 'parallel stride-2 conv and pool',
  'filter-bank': 'expanded filter bank (1×n ‖ n×1)',
};

/** Applies a rule by id; options arrive raw (from a form or the CLI) and are validated by the rule. */
export function applyRule(
  rule: RuleId,
  graph: Graph,
  nodeId: string,
  options: unknown = {},
  analysis?: Analysis,
): RewriteResult {
  return runRewrite(rules[rule], graph, nodeId, options, analysis);
}

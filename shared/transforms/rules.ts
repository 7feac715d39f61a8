import type { Analysis } from '../analysis';
import type { Graph } from '../graph/types';
import { catalogues, type Language } from '../i18n';
import { asymmetricRule } from './asymmetric';
import { bottleneckRule } from './bottleneck';
import { filterBankRule } from './filterBank';
import { gridReductionRule } from './gridReduction';
import { type RewriteRule, runRewrite } from './rewrite';
import { stackRule } from './stack';
import type { RewriteResult, RuleId } from './types';

/**
 * Every rewrite by id, in the order suggestions rank ties; nothing else enumerates
 * them. Each rule owns its options schema, so a new rule is its file, one line here and
 * its name in shared/i18n/rewritesEn.ts and rewritesDe.ts (the type check asks for them).
 */
const registry = {
  stack: stackRule,
  asymmetric: asymmetricRule,
  bottleneck: bottleneckRule,
  'grid-reduction': gridReductionRule,
  'filter-bank': filterBankRule,
  // biome-ignore lint/suspicious/noExplicitAny: each rule has its own options type, validated by its schema.
} as const satisfies Record<string, RewriteRule<any>>;

// biome-ignore lint/suspicious/noExplicitAny: as above.
export const rules: Readonly<Record<keyof typeof registry, RewriteRule<any>>> = registry;

/** The rewrites, by the names the CLI and the UI use. */
export const RULE_IDS = Object.keys(rules) as RuleId[];

export const isRuleId = (value: string): value is RuleId => Object.hasOwn(rules, value);

/** A rule's name for lists and reports, in a language. */
export const ruleLabel = (rule: RuleId, language: Language = 'en'): string => catalogues[language].rewrites.rules[rule];

/** The rules' names in English. */
export const ruleLabels: Readonly<Record<RuleId, string>> = catalogues.en.rewrites.rules;

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

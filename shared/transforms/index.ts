/**
 * Inception's factorizations as rewrites of a Graph, each proven by re-analysis,
 * plus suggestions, the paper's design-principle warnings and network comparison.
 * See docs/factorizations.md.
 */

export { type ApplyOptions, applyAllOfKind, applyEverything, type VariantResult } from './applyAll';
export { asymmetric, asymmetricRule } from './asymmetric';
export { bottleneck, bottleneckRule } from './bottleneck';
export {
  type CompareInput,
  type Comparison,
  compareGraphs,
  type Difference,
  type ModuleRow,
  type NetworkSide,
  OUTSIDE_MODULES,
  summarizeTotals,
  type TotalsSummary,
} from './compare';
export { type ChartOptions, toSvgChart } from './compareChart';
export {
  COUNTING_NOTE,
  comparisonHeadline,
  countingNote,
  signedInt,
  signedPct,
  toCsv,
  toJson,
  toMarkdown,
} from './compareExport';
export { filterBank, filterBankRule } from './filterBank';
export { gridReduction, gridReductionRule } from './gridReduction';
export {
  type AsymmetricOptionsInput,
  type BottleneckOptionsInput,
  type FilterBankOptionsInput,
  type OptionField,
  optionFields,
  type StackOptionsInput,
} from './options';
export {
  checkPrinciples,
  type PrincipleCode,
  type PrincipleOptions,
  type PrincipleWarning,
} from './principles';
export { costChange, diagnosticText, type RewriteRule, reportText } from './rewrite';
export { applyRule, isRuleId, RULE_IDS, ruleLabel, ruleLabels, rules } from './rules';
export { stack, stackRule } from './stack';
export { FACTORIZATION_RULES, type Suggestion, type SuggestOptions, suggest } from './suggest';
export type {
  CostChange,
  RewriteReport,
  RewriteResult,
  RuleId,
  TransformDiagnostic,
  TransformDiagnosticCode,
} from './types';

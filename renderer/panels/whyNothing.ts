import type { Analysis } from '../../shared/analysis';
import type { Graph } from '../../shared/graph/types';
import { type Language, translator } from '../../shared/i18n';
import { applyRule, type RuleId, rules } from '../../shared/transforms';

/** Rules whose chain has an intermediate width the designer may choose. */
export const widthRules: readonly RuleId[] = ['stack', 'asymmetric'];

/** What each rule uses between its convolutions when no width is given (the rules' own defaults). */
export function defaultWidthText(rule: RuleId, language: Language): string {
  const { t } = translator('ui', language);
  if (rule === 'stack') return t('panels.savings.defaultWidth.stack');
  if (rule === 'asymmetric') return t('panels.savings.defaultWidth.asymmetric');
  return t('panels.savings.defaultWidth.other');
}

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
  language: Language = 'en',
): { message: string; width?: number } | null {
  const { t, int } = translator('ui', language);
  for (const id of analysis.order) {
    const node = graph.nodes.find((n) => n.id === id);
    if (!node || !rules[rule].candidateKinds.includes(node.kind)) continue;
    const options = width ? { intermediateChannels: width } : {};
    const result = applyRule(rule, graph, id, options, analysis);
    if (!result.ok || saves(result.report)) continue;
    const r = result.report;
    const head = t('panels.savings.whyHead', {
      description: r.description,
      after: int(r.macs.after),
      before: int(r.macs.before),
      width: width
        ? t('panels.savings.withWidth', { width })
        : t('panels.savings.withDefault', { text: defaultWidthText(rule, language) }),
    });
    if (!widthRules.includes(rule)) return { message: head };
    const fits = (w: number) => {
      const tried = applyRule(rule, graph, id, { intermediateChannels: w }, analysis);
      return tried.ok && saves(tried.report);
    };
    const upper = Math.max(1, ...(analysis.nodes[id]?.outputShape ?? [1]));
    if (!fits(1)) return { message: `${head} ${t('panels.savings.noWidth')}` };
    let lo = 1;
    let hi = upper;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (fits(mid)) lo = mid;
      else hi = mid - 1;
    }
    return { message: `${head} ${t('panels.savings.widthSaves', { width: lo })}`, width: lo };
  }
  return null;
}

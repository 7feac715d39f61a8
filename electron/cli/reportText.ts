import type { Analysis } from '../../shared/analysis';
import { type CostChange, type RewriteReport, reportText, signedPct } from '../../shared/transforms';
import type { CliText } from './text';

// In a module of its own so that `analyze` does not load the rewrites to print problems.
export { problemLines } from './problemLines';

/** "−372,879,360 (−71.4%)": a saving shown as the change it makes. */
export function savingText(c: CostChange, { int, decimal }: CliText): string {
  const delta = -c.saved;
  const amount = delta === 0 ? '0' : `${delta > 0 ? '+' : '−'}${int(Math.abs(delta))}`;
  return `${amount} (${decimal(signedPct(-c.savedPct))})`;
}

/** A rewrite's report as a few indented lines: what changed, what it saves, what it keeps. */
export function reportLines(r: RewriteReport, text: CliText): string[] {
  const { t, int } = text;
  const local = reportText(r, text.language);
  const lines = [
    `${r.rule}: ${local.description}`,
    t('more.report.params', {
      before: int(r.params.before),
      after: int(r.params.after),
      saving: savingText(r.params, text),
    }),
    t('more.report.macs', { before: int(r.macs.before), after: int(r.macs.after), saving: savingText(r.macs, text) }),
    `  ${local.rfStatement}`,
    `  ${local.shapeStatement}`,
    t('more.report.depth', { count: r.depthAdded }),
  ];
  if (local.note) lines.push(t('more.report.note', { note: local.note }));
  return lines;
}

export function diagnosticsJson(analysis: Analysis) {
  return analysis.diagnostics.map((d) => ({ nodeId: d.nodeId, severity: d.severity, message: d.message }));
}

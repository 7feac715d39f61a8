import type { Analysis } from '../../shared/analysis';
import { diagnosticText } from '../../shared/i18n';
import { type CostChange, type RewriteReport, reportText, signedPct } from '../../shared/transforms';
import type { CliText } from './text';

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

/** The network's problems, as `analyze` prints them. */
export function problemLines(analysis: Analysis, { t, language }: CliText, label = ''): string[] {
  const lines = [label ? t('problems.headingIn', { label }) : t('problems.heading')];
  for (const d of analysis.diagnostics) {
    const where = d.nodeId ? `${analysis.nodes[d.nodeId]?.name ?? d.nodeId}: ` : '';
    lines.push(`  ${t(`severity.${d.severity}`)}: ${where}${diagnosticText(d, language)}`);
  }
  return lines;
}

export function diagnosticsJson(analysis: Analysis) {
  return analysis.diagnostics.map((d) => ({ nodeId: d.nodeId, severity: d.severity, message: d.message }));
}

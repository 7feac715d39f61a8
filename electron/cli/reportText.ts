import { type Analysis, formatInt } from '../../shared/analysis';
import { diagnosticText } from '../../shared/i18n';
import { type CostChange, type RewriteReport, signedPct } from '../../shared/transforms';
import type { CliText } from './text';

/** "−372,879,360 (−71.4%)": a saving shown as the change it makes. */
export function savingText(c: CostChange): string {
  const delta = -c.saved;
  const amount = delta === 0 ? '0' : `${delta > 0 ? '+' : '−'}${formatInt(Math.abs(delta))}`;
  return `${amount} (${signedPct(-c.savedPct)})`;
}

/** A rewrite's report as a few indented lines: what changed, what it saves, what it keeps. */
export function reportLines(r: RewriteReport): string[] {
  const lines = [
    `${r.rule}: ${r.description}`,
    `  parameters ${formatInt(r.params.before)} → ${formatInt(r.params.after)}: ${savingText(r.params)}`,
    `  multiply-adds ${formatInt(r.macs.before)} → ${formatInt(r.macs.after)}: ${savingText(r.macs)}`,
    `  ${r.receptiveField.statement}`,
    `  ${r.outputShape.statement}`,
    `  Depth added: ${r.depthAdded} nonlinearit${r.depthAdded === 1 ? 'y' : 'ies'}.`,
  ];
  if (r.note) lines.push(`  Note: ${r.note}.`);
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

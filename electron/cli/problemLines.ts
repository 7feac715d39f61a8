import type { Analysis } from '../../shared/analysis';
import { diagnosticText } from '../../shared/i18n';
import type { CliText } from './text';

/** The network's problems, as `analyze` prints them. */
export function problemLines(analysis: Analysis, { t, language }: CliText, label = ''): string[] {
  const lines = [label ? t('problems.headingIn', { label }) : t('problems.heading')];
  for (const d of analysis.diagnostics) {
    const where = d.nodeId ? `${analysis.nodes[d.nodeId]?.name ?? d.nodeId}: ` : '';
    lines.push(`  ${t(`severity.${d.severity}`)}: ${where}${diagnosticText(d, language)}`);
  }
  return lines;
}

import type { Analysis, Diagnostic, Severity } from '../../../shared/analysis';

/** Diagnostics of one severity, or all, as "code@node" strings for compact assertions. */
export function codes(analysis: Analysis, severity?: Severity): string[] {
  return analysis.diagnostics
    .filter((d) => severity === undefined || d.severity === severity)
    .map((d) => `${d.code}@${d.nodeId ?? '-'}`);
}

export function only(analysis: Analysis, code: string): Diagnostic {
  const found = analysis.diagnostics.filter((d) => d.code === code);
  if (found.length !== 1) throw new Error(`expected one ${code}, got ${JSON.stringify(analysis.diagnostics, null, 2)}`);
  return found[0]!;
}

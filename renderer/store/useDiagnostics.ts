import { useMemo } from 'react';
import type { Diagnostic } from '../../shared/analysis';
import { checkPrinciples } from '../../shared/transforms';
import { useDocumentStore } from './documentStore';
import { useAnalysis } from './useAnalysis';

export type EditorDiagnostic = Pick<Diagnostic, 'nodeId' | 'severity' | 'message'> & { code: string };

/** The analysis's errors and warnings, plus the Inception v3 design-principle warnings. */
export function useDiagnostics(): EditorDiagnostic[] {
  const graph = useDocumentStore((s) => s.graph);
  const analysis = useAnalysis();
  return useMemo(() => {
    const own: EditorDiagnostic[] = analysis.diagnostics;
    if (own.some((d) => d.severity === 'error')) return own;
    return [...own, ...checkPrinciples(graph, {}, analysis)];
  }, [graph, analysis]);
}

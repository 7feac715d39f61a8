import { useMemo } from 'react';
import type { Diagnostic } from '../../shared/analysis';
import { checkPrinciples } from '../../shared/transforms';
import { useDocumentStore } from './documentStore';
import { useAnalysis } from './useAnalysis';

export type EditorDiagnostic = Pick<Diagnostic, 'nodeId' | 'severity' | 'message'> & {
  code: string;
  text?: Diagnostic['text'];
};

/**
 * The importer's notes on the file (while the layers they name are still there; an
 * Unsupported layer is the analysis's error already), the analysis's errors and warnings,
 * and the Inception v3 design-principle warnings.
 */
export function useDiagnostics(): EditorDiagnostic[] {
  const graph = useDocumentStore((s) => s.graph);
  const importNotes = useDocumentStore((s) => s.importNotes);
  const analysis = useAnalysis();
  return useMemo(() => {
    const notes = importNotes.filter(
      (n) => n.code !== 'unsupported-layer' && (n.nodeId === null || analysis.nodes[n.nodeId] !== undefined),
    );
    const own: EditorDiagnostic[] = [...notes, ...analysis.diagnostics];
    if (analysis.diagnostics.some((d) => d.severity === 'error')) return own;
    return [...own, ...checkPrinciples(graph, {}, analysis)];
  }, [graph, importNotes, analysis]);
}

import { useMemo } from 'react';
import type { Diagnostic } from '../../shared/analysis';
import { diagnosticText } from '../../shared/i18n';
import { checkPrinciples } from '../../shared/transforms';
import { useText } from '../i18n/useText';
import { useDocumentStore } from './documentStore';
import { useAnalysis } from './useAnalysis';

export type EditorDiagnostic = Pick<Diagnostic, 'nodeId' | 'severity' | 'message'> & {
  code: string;
  text?: Diagnostic['text'];
};

/**
 * The importer's notes on the file (while the layers they name are still there; an
 * Unsupported layer is the analysis's error already), the analysis's errors and warnings,
 * and the Inception v3 design-principle warnings. Messages are in the interface's language
 * where the problem has a text (the canvas shows them as they are).
 */
export function useDiagnostics(): EditorDiagnostic[] {
  const graph = useDocumentStore((s) => s.graph);
  const importNotes = useDocumentStore((s) => s.importNotes);
  const analysis = useAnalysis();
  const { language } = useText();
  return useMemo(() => {
    const notes = importNotes
      .filter((n) => n.code !== 'unsupported-layer' && (n.nodeId === null || analysis.nodes[n.nodeId] !== undefined))
      .map((n) => (language === 'en' ? n : { ...n, message: diagnosticText(n, language) }));
    // English messages are the texts already.
    const said =
      language === 'en'
        ? analysis.diagnostics
        : analysis.diagnostics.map((d) => ({ ...d, message: diagnosticText(d, language) }));
    const own: EditorDiagnostic[] = [...notes, ...said];
    if (analysis.diagnostics.some((d) => d.severity === 'error')) return own;
    return [...own, ...checkPrinciples(graph, { language }, analysis)];
  }, [graph, importNotes, analysis, language]);
}

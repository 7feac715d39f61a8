/** The analysis engine: shapes, costs, receptive fields and diagnostics of a Graph. */
export { analyzeGraph } from './analyze';
export {
  formatBytes,
  formatFlopsFromMacs,
  formatInt,
  formatMacs,
  formatParams,
  formatPercent,
  formatReceptiveField,
  formatShape,
  formatSI,
} from './format';
export { placeholderReason } from './messages';
export { commonestLength, countPaths, formatPathCount, type PathCounts, pathCountInFull } from './paths';
export { topoOrderOfGraph } from './topoOrder';
export type {
  Analysis,
  Diagnostic,
  DiagnosticCode,
  NodeAnalysis,
  NodeParamCount,
  ReceptiveField,
  Severity,
  Totals,
} from './types';

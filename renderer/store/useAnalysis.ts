import { useMemo } from 'react';
import { type Analysis, analyzeGraph } from '../../shared/analysis';
import type { Graph } from '../../shared/graph/types';
import { useDocumentStore } from './documentStore';
import { lastResult } from './lastResult';

/**
 * Positions do not change the numbers, so moving nodes must not re-run the analysis
 * or re-render every node: the analysis is keyed on the graph with positions stripped.
 */
function structuralKey(graph: Graph): readonly unknown[] {
  return [
    graph.edges,
    graph.groups,
    ...graph.nodes.map((n) => n.params),
    ...graph.nodes.map((n) => `${n.frozen ? 'frozen ' : ''}${n.kind} ${n.name} ${n.sharesWeightsWith ?? ''}`),
  ];
}

export const analysisOf: (graph: Graph) => Analysis = lastResult(structuralKey, (graph) => analyzeGraph(graph));

export function useAnalysis(): Analysis {
  const graph = useDocumentStore((s) => s.graph);
  return useMemo(() => analysisOf(graph), [graph]);
}

import { useMemo } from 'react';
import { type Analysis, analyzeGraph } from '../../shared/analysis';
import type { Graph } from '../../shared/graph/types';
import { useDocumentStore } from './documentStore';

/**
 * Positions do not change the numbers, so moving nodes must not re-run the analysis
 * or re-render every node: the analysis is keyed on the graph with positions stripped.
 */
function structuralKey(graph: Graph): readonly unknown[] {
  return [
    graph.edges,
    graph.groups,
    ...graph.nodes.map((n) => n.params),
    ...graph.nodes.map((n) => `${n.frozen ? 'frozen ' : ''}${n.kind} ${n.name}`),
  ];
}

let lastKey: readonly unknown[] | null = null;
let lastAnalysis: Analysis | null = null;

export function analysisOf(graph: Graph): Analysis {
  const key = structuralKey(graph);
  if (lastKey && lastAnalysis && key.length === lastKey.length && key.every((k, i) => k === lastKey![i])) {
    return lastAnalysis;
  }
  lastKey = key;
  lastAnalysis = analyzeGraph(graph);
  return lastAnalysis;
}

export function useAnalysis(): Analysis {
  const graph = useDocumentStore((s) => s.graph);
  return useMemo(() => analysisOf(graph), [graph]);
}

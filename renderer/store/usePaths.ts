import { useMemo } from 'react';
import { countPaths, type PathCounts } from '../../shared/analysis';
import type { Graph } from '../../shared/graph/types';
import { useDocumentStore } from './documentStore';
import { lastResult } from './lastResult';

/** Paths depend on the connections alone: renames, settings and moves keep the last count. */
function connectionKey(graph: Graph): readonly unknown[] {
  return [graph.edges, ...graph.nodes.map((n) => n.id)];
}

// Counts only: the length table is for the CLI and reports, not every edit.
export const pathsOf: (graph: Graph) => PathCounts = lastResult(connectionKey, (graph) =>
  countPaths(graph, { lengths: false }),
);

export function usePaths(): PathCounts {
  const graph = useDocumentStore((s) => s.graph);
  return useMemo(() => pathsOf(graph), [graph]);
}

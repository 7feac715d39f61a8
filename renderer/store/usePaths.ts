import { useMemo } from 'react';
import { countPaths, type PathCounts } from '../../shared/analysis';
import type { Graph } from '../../shared/graph/types';
import { useDocumentStore } from './documentStore';

/** Paths depend on the connections alone: renames, settings and moves keep the last count. */
function connectionKey(graph: Graph): readonly unknown[] {
  return [graph.edges, ...graph.nodes.map((n) => n.id)];
}

let lastKey: readonly unknown[] | null = null;
let lastPaths: PathCounts | null = null;

export function pathsOf(graph: Graph): PathCounts {
  const key = connectionKey(graph);
  if (lastKey && lastPaths && key.length === lastKey.length && key.every((k, i) => k === lastKey![i])) return lastPaths;
  lastKey = key;
  // Counts only: the length table is for the CLI and reports, not every edit.
  lastPaths = countPaths(graph, { lengths: false });
  return lastPaths;
}

export function usePaths(): PathCounts {
  const graph = useDocumentStore((s) => s.graph);
  return useMemo(() => pathsOf(graph), [graph]);
}

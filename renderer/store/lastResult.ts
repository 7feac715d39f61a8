import type { Graph } from '../../shared/graph/types';

/**
 * `compute(graph)`, recomputed only when `keyOf(graph)` changes element by element: the
 * editor replaces the graph on every edit (a drag included), while most results depend on
 * a few of its parts. Keeps the last result only.
 */
export function lastResult<T>(keyOf: (graph: Graph) => readonly unknown[], compute: (graph: Graph) => T) {
  let lastKey: readonly unknown[] | null = null;
  let last: T | undefined;
  return (graph: Graph): T => {
    const key = keyOf(graph);
    const same = lastKey !== null && key.length === lastKey.length && key.every((k, i) => k === lastKey![i]);
    if (!same || last === undefined) {
      lastKey = key;
      last = compute(graph);
    }
    return last;
  };
}

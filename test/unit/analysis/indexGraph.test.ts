import { describe, expect, it } from 'vitest';
import { indexGraph } from '../../../shared/analysis/indexGraph';
import type { Graph } from '../../../shared/graph/types';
import { syntheticGraph } from './synthetic';

/** Each node's inputs by id, in slot order: what the indexed graph says, whatever the indices. */
function inputsById(graph: Graph): Record<string, string[]> {
  const g = indexGraph(graph);
  const out: Record<string, string[]> = {};
  g.nodes.forEach((node, i) => {
    out[node.id] = Array.from(g.inSource.subarray(g.inStart[i], g.inStart[i + 1]), (s) => g.nodes[s]!.id);
  });
  return out;
}

/** A fixed shuffle, so a failure is reproducible. */
function shuffled<T>(items: readonly T[]): T[] {
  const out = [...items];
  let state = 7;
  for (let i = out.length - 1; i > 0; i--) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe('indexGraph', () => {
  // Edges are looked for near the last one's nodes first: the order of a file must not change the answer.
  it('finds the same inputs whatever order the edges are listed in', () => {
    const graph = syntheticGraph(600);
    const expected = inputsById(graph);
    expect(inputsById({ ...graph, edges: shuffled(graph.edges) })).toEqual(expected);
    expect(inputsById({ ...graph, edges: [...graph.edges].reverse() })).toEqual(expected);
  });

  it('resolves an id used twice to its first node, and reports edges to missing nodes', () => {
    const graph = syntheticGraph(20);
    const first = graph.nodes[0]!;
    // A last node with the first one's id: edges naming that id mean the first node.
    const nodes = [...graph.nodes, { ...graph.nodes[5]!, id: first.id }];
    const edges = [...graph.edges, { id: 'x', source: 'nowhere', target: graph.nodes[3]!.id, targetIndex: 1 }];
    const g = indexGraph({ ...graph, nodes, edges });
    expect(g.nodes).toEqual(graph.nodes);
    expect(g.diagnostics.map((d) => d.code)).toEqual(['duplicate-id', 'missing-node']);
    const consumersOfFirst = graph.edges.filter((e) => e.source === first.id).length;
    expect(g.outStart[1]! - g.outStart[0]!).toBe(consumersOfFirst);
  });
});

import { describe, expect, it } from 'vitest';
import type { Graph } from '../../../shared/graph/types';
import { applyRule } from '../../../shared/transforms';
import { analysisOf, convGraph, expectOk } from './helpers';

/** Lays the graph out in network order, one node per place along `flow` (the editor's spacing). */
function placed(graph: Graph, flow: 'right' | 'down'): Graph {
  const order = analysisOf(graph).order;
  return {
    ...graph,
    nodes: graph.nodes.map((n) => {
      const i = order.indexOf(n.id);
      return { ...n, position: flow === 'right' ? { x: i * 220, y: 0 } : { x: 0, y: i * 90 } };
    }),
  };
}

/** Pairs of nodes drawn on top of each other (closer than a node's size). */
function overlaps(graph: Graph): string[] {
  const found: string[] = [];
  for (const [i, a] of graph.nodes.entries())
    for (const b of graph.nodes.slice(i + 1))
      if (Math.abs(a.position!.x - b.position!.x) < 200 && Math.abs(a.position!.y - b.position!.y) < 80)
        found.push(`${a.name} / ${b.name}`);
  return found;
}

describe('a rewrite makes room for what it inserts', () => {
  it.each([
    ['left to right', 'right'],
    ['top to bottom', 'down'],
  ] as const)('%s: the new nodes follow the flow, and what comes after moves along', (_name, flow) => {
    for (const [rule, style] of [
      ['asymmetric', 'bn'],
      ['stack', 'act'],
      ['stack', 'fused'],
    ] as const) {
      const graph = placed(convGraph({ kernel: [5, 5], style, stem: true }), flow);
      const result = expectOk(applyRule(rule, graph, 'target', {}));
      expect(overlaps(result.graph), `${rule} on a ${style} unit`).toEqual([]);
      // Along the flow, every node comes after the nodes it reads.
      const at = new Map(result.graph.nodes.map((n) => [n.id, flow === 'right' ? n.position!.x : n.position!.y]));
      for (const e of result.graph.edges) expect(at.get(e.target)!, e.id).toBeGreaterThan(at.get(e.source)!);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { analyzeGraph, topoOrderOfGraph } from '../../../shared/analysis';
import type { Graph } from '../../../shared/graph/types';

function graphOf(ids: string[], links: [string, string][]): Graph {
  return {
    nodes: ids.map((id) => ({ id, name: id, kind: 'Activation', params: {} })),
    edges: links.map(([source, target], i) => ({ id: `e${i}`, source, target, targetIndex: 0 })),
    groups: [],
  };
}

describe('topoOrder', () => {
  it('puts every node after its inputs, breaking ties by file order', () => {
    const g = graphOf(
      ['d', 'a', 'c', 'b'],
      [
        ['a', 'b'],
        ['b', 'd'],
        ['c', 'd'],
      ],
    );
    expect(topoOrderOfGraph(g)).toEqual({ order: ['a', 'c', 'b', 'd'], onCycle: [] });
  });

  it('separates nodes on a cycle from nodes merely after one', () => {
    const g = graphOf(
      ['after', 'x', 'y', 'z', 'start'],
      [
        ['start', 'x'],
        ['x', 'y'],
        ['y', 'z'],
        ['z', 'x'],
        ['z', 'after'],
      ],
    );
    const { order, onCycle } = topoOrderOfGraph(g);
    expect(order).toEqual(['start', 'x', 'y', 'z', 'after']);
    expect(onCycle).toEqual(['x', 'y', 'z']);
  });

  it('finds several independent cycles and self-loops', () => {
    const g = graphOf(
      ['a', 'b', 'c', 'd', 'e'],
      [
        ['a', 'b'],
        ['b', 'a'],
        ['c', 'c'],
        ['d', 'e'],
      ],
    );
    expect(topoOrderOfGraph(g)).toEqual({ order: ['d', 'e', 'a', 'b', 'c'], onCycle: ['a', 'b', 'c'] });
  });

  it('handles a long chain without recursion limits', () => {
    const ids = Array.from({ length: 50_000 }, (_, i) => `n${i}`);
    const links = ids.slice(1).map((id, i): [string, string] => [ids[i]!, id]);
    links.push([ids.at(-1)!, ids[0]!]);
    expect(topoOrderOfGraph(graphOf(ids, links)).onCycle).toHaveLength(50_000);
  });

  it('describes a huge loop briefly on each of its layers', () => {
    const ids = Array.from({ length: 2_000 }, (_, i) => `n${i}`);
    const graph = graphOf(ids, [...ids.slice(1).map((id, i): [string, string] => [ids[i]!, id]), ['n1999', 'n0']]);
    const cycles = analyzeGraph(graph).diagnostics.filter((d) => d.code === 'cycle');
    expect(cycles).toHaveLength(2_000);
    expect(cycles[0]!.message).toBe(
      "Activation 'n0' is part of a tangle of loops through 2000 layers, including 'n0', 'n1', 'n2', 'n3', 'n4', 'n5' — data must flow one way, from inputs to outputs, so remove one of these connections",
    );
  });

  it('shortens a long exact loop in the message', () => {
    const ids = Array.from({ length: 20 }, (_, i) => `n${i}`);
    const graph = graphOf(ids, [...ids.slice(1).map((id, i): [string, string] => [ids[i]!, id]), ['n19', 'n0']]);
    const first = analyzeGraph(graph).diagnostics[0]!;
    expect(first.message).toContain(
      "is part of a loop: 'n0' → 'n1' → 'n2' → 'n3' → 'n4' → 'n5' → 'n6' → 'n7' → … → 'n19' → 'n0' (20 layers)",
    );
  });
});

import { describe, expect, it } from 'vitest';
import { pathsOf } from '../../../renderer/store/usePaths';
import { getTemplate } from '../../../shared/templates';

describe('paths in the editor', () => {
  it('counts ResNet-50 as 2^16 and keeps the count while only names or settings change', () => {
    const graph = getTemplate('resnet50')!.build();
    const first = pathsOf(graph);
    expect(first.total).toBe(2n ** 16n);
    expect(first.lengths).toBeNull(); // the editor skips the length table
    const renamed = { ...graph, nodes: graph.nodes.map((n, i) => (i === 3 ? { ...n, name: 'renamed' } : n)) };
    expect(pathsOf(renamed)).toBe(first);
  });

  it('counts again when a connection changes', () => {
    const graph = getTemplate('resnet50')!.build();
    const before = pathsOf(graph).total;
    const cut = graph.edges.findIndex((e) => graph.nodes.some((n) => n.id === e.target && n.kind === 'Add'));
    const fewer = { ...graph, edges: graph.edges.filter((_, i) => i !== cut) };
    // The first block's cut branch no longer doubles the count, and its end becomes a second
    // output, reached by the one path through the stem.
    expect(pathsOf(fewer).total).toBe(before / 2n + 1n);
  });
});

import { describe, expect, it } from 'vitest';
import type { Graph } from '../../../shared/graph/types';
import { compareGraphs, OUTSIDE_MODULES } from '../../../shared/transforms';
import { readGrowth } from '../analysis/growth';
import { nestedModules } from '../analysis/synthetic';

const compareWithItself = (graph: Graph) => compareGraphs({ name: 'a', graph }, { name: 'b', graph });

describe('compare with deeply nested modules', () => {
  it('puts everything inside 30,000 nested modules in the outermost one’s row', () => {
    const graph = nestedModules(30_000);
    // A second top-level module: with one alone the comparison goes layer by layer.
    graph.groups.push({ id: 'other', name: 'other', template: 'custom', collapsed: false });
    graph.nodes.push({
      id: 'head',
      name: 'head',
      kind: 'Activation',
      params: { activation: 'relu' },
      groupId: 'other',
    });
    graph.edges.push({ id: 'e2', source: 'relu', target: 'head', targetIndex: 0 });
    const rows = compareWithItself(graph).modules;
    expect(rows.map((r) => r.module)).toEqual(['m0', 'other']);
  });

  it('takes time linear in the nesting depth', () => {
    // Linear is about 30; walking each module's chain to the top made it about 900.
    expect(readGrowth(nestedModules, compareWithItself, 1_000, 30_000)).toBeLessThan(45);
  });

  it('gives each module on a parent loop its own row, and a module leading into the loop the member it reaches', () => {
    const graph = nestedModules(4);
    // m1 → m0, m2 → m1, m3 → m2 and now m0 → m2: a loop m0, m2, m1 with m3 leading into it at m2.
    graph.groups[0]!.parentId = 'm2';
    graph.nodes[0]!.groupId = 'm1';
    const rows = compareWithItself(graph).modules.map((r) => r.module);
    expect(rows.sort()).toEqual(['m1', 'm2']);
    expect(rows).not.toContain(OUTSIDE_MODULES);
  });
});

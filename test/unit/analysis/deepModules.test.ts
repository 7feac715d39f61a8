import { describe, expect, it } from 'vitest';
import { analyzeGraph } from '../../../shared/analysis';
import { readGrowth } from './growth';
import { codes } from './helpers';
import { nestedModules, syntheticGraph } from './synthetic';

describe('deeply nested modules', () => {
  it('analyses 30,000 nested modules, each counting everything inside it', () => {
    const a = analyzeGraph(nestedModules(30_000));
    expect(codes(a)).toEqual([]);
    expect(a.groups.m0!.activationElements).toBe(2 * 192);
    expect(a.groups.m1!.activationElements).toBe(192);
    expect(a.groups.m29999!.activationElements).toBe(192);
  });

  it('takes time linear in the nesting depth', () => {
    // Linear is about 30; adding each node to its whole chain of modules made it about 900.
    expect(readGrowth(nestedModules, analyzeGraph, 1_000, 30_000)).toBeLessThan(45);
  });

  it('gives every module on a parent loop the loop’s total, and the modules hanging into it theirs', () => {
    const graph = nestedModules(4);
    // m0 → m1 → m2 → m3 and now m1's parent is m3: a loop m1, m2, m3 with m0 outside it.
    graph.groups[1]!.parentId = 'm3';
    graph.groups[0]!.parentId = 'm2';
    graph.nodes[0]!.groupId = 'm0';
    const a = analyzeGraph(graph);
    expect(a.groups.m0!.activationElements).toBe(192);
    for (const id of ['m1', 'm2', 'm3']) expect(a.groups[id]!.activationElements).toBe(2 * 192);
  });

  it('reads each node of a network a fixed number of times, however large it is', () => {
    // Linear is 10; the bound leaves room for a constant, not for a growing factor.
    expect(readGrowth(syntheticGraph, analyzeGraph, 1_000, 10_000)).toBeLessThan(11);
  });
});

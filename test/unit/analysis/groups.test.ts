import { describe, expect, it } from 'vitest';
import { analyzeGraph } from '../../../shared/analysis';
import { GraphBuilder } from '../../../shared/graph/builder';
import { codes, only } from './helpers';

describe('module (group) totals', () => {
  it('sums members, counting nested modules in every enclosing one', () => {
    const b = new GraphBuilder();
    const x = b.input([8, 8, 3]);
    b.group('block', 'custom', () => {
      const c1 = b.add('Conv2D', { filters: 4, kernelSize: [3, 3] }, [x], 'c1');
      b.group('inner', 'custom', () => {
        const bn = b.add('BatchNorm', {}, [c1], 'bn');
        b.add('Conv2D', { filters: 2, kernelSize: [1, 1], useBias: false }, [bn], 'c2');
      });
    });
    b.group('empty', 'custom', () => undefined);
    const a = analyzeGraph(b.build());
    expect(codes(a)).toEqual([]);

    const c1 = 3 * 3 * 3 * 4 + 4;
    const c2 = 4 * 2;
    expect(a.groups['group:inner']).toEqual({
      params: 16 + c2,
      trainableParams: 8 + c2,
      nonTrainableParams: 8,
      macs: c2 * 64,
      flops: 2 * c2 * 64,
      activationElements: 8 * 8 * 4 + 8 * 8 * 2,
      activationBytes: 4 * (8 * 8 * 4 + 8 * 8 * 2),
    });
    expect(a.groups['group:block']).toMatchObject({
      params: c1 + 16 + c2,
      nonTrainableParams: 8,
      macs: (c1 - 4) * 64 + c2 * 64,
      activationElements: 2 * 8 * 8 * 4 + 8 * 8 * 2,
    });
    expect(a.groups['group:empty']).toMatchObject({ params: 0, macs: 0, activationElements: 0 });
    // The whole network is the input plus the outer module.
    expect(a.totals.params).toBe(a.groups['group:block']!.params);
  });

  it('survives a parent loop in a damaged file and warns about an unknown module', () => {
    const b = new GraphBuilder();
    const x = b.input([8, 8, 3]);
    b.group('a', 'custom', () => b.group('b', 'custom', () => b.add('Activation', {}, [x], 'relu')));
    const graph = b.build();
    graph.groups[0]!.parentId = 'group:b';
    graph.nodes[0]!.groupId = 'group:nowhere';
    const a = analyzeGraph(graph);
    expect(a.groups['group:a']!.activationElements).toBe(192);
    expect(a.groups['group:b']!.activationElements).toBe(192);
    expect(only(a, 'unknown-group')).toMatchObject({ nodeId: 'input', severity: 'warning' });
  });
});

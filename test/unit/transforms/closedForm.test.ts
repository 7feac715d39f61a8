import { describe, expect, it } from 'vitest';
import { GraphBuilder } from '../../../shared/graph/builder';
import {
  applyRule,
  asymmetric,
  bottleneck,
  filterBank,
  gridReduction,
  RULE_IDS,
  stack,
} from '../../../shared/transforms';
import { analysisOf, convGraph, expectOk } from './helpers';

/** saved / before as an exact fraction num/den: saved·den === before·num, no rounding involved. */
function expectFraction(c: { before: number; saved: number }, num: number, den: number) {
  expect(c.saved * den).toBe(c.before * num);
}

describe('stack: n×n → (n−1)/2 stacked 3×3 convolutions (paper §3.1)', () => {
  it('5×5 → two 3×3 saves exactly 28% (same channels in and out)', () => {
    const { report, graph } = expectOk(stack(convGraph({ size: 35, channels: 64, filters: 64 }), 'target'));
    expectFraction(report.macs, 7, 25);
    expectFraction(report.params, 7, 25);
    expect(report.macs.savedPct).toBe(28);
    expect(report.params).toEqual({ before: 102_400, after: 73_728, saved: 28_672, savedPct: 28 });
    expect(report.receptiveField.equal).toBe(true);
    expect(report.receptiveField.after).toEqual(report.receptiveField.before);
    expect(report.receptiveField.statement).toMatch(
      /^Receptive field unchanged \(in network-input pixels\): 5×5 before and after/,
    );
    expect(report.outputShape).toMatchObject({ before: [35, 35, 64], after: [35, 35, 64], equal: true });
    expect(report.depthAdded).toBe(1);
    expect(report.removed).toEqual(['target']);
    expect(report.added).toEqual(['target_3x3a', 'target_3x3b']);
    expect(analysisOf(graph).nodes.target_3x3b!.outputShape).toEqual([35, 35, 64]);
  });

  it('7×7 → three 3×3 saves 22/49 (45%)', () => {
    const { report } = expectOk(stack(convGraph({ size: 17, channels: 32, filters: 32, kernel: [7, 7] }), 'target'));
    expectFraction(report.macs, 22, 49);
    expect(report.macs.savedPct).toBe(44.9);
    expect(report.added).toEqual(['target_3x3a', 'target_3x3b', 'target_3x3c']);
    expect(report.depthAdded).toBe(2);
    expect(report.receptiveField.before.size).toEqual([7, 7]);
    expect(report.receptiveField.equal).toBe(true);
  });

  it('keeps shape and receptive field with stride 2 and valid padding, and with dilation', () => {
    for (const c of [
      { strides: [2, 2] as [number, number], padding: 'valid' as const },
      { strides: [2, 1] as [number, number], padding: 'same' as const },
      { dilation: [2, 2] as [number, number], padding: 'valid' as const, size: 20 },
    ]) {
      const { report } = expectOk(stack(convGraph({ size: 15, ...c }), 'target'));
      expect(report.outputShape.equal).toBe(true);
      expect(report.receptiveField.equal).toBe(true);
    }
  });

  it('with a linear activation between adds no depth, and conv2d_bn units get a batch norm between', () => {
    expect(expectOk(stack(convGraph(), 'target', { activation: 'linear' })).report.depthAdded).toBe(0);
    const { report } = expectOk(stack(convGraph({ style: 'bn' }), 'target'));
    expect(report.added).toEqual(['target_3x3a', 'target_3x3a_bn', 'target_3x3a_relu', 'target_3x3b']);
  });
});

describe('asymmetric: n×n → 1×n then n×1 (paper §3.2)', () => {
  for (const n of [3, 5, 7, 9]) {
    it(`${n}×${n} saves exactly 1 − 2/${n}`, () => {
      const { report } = expectOk(
        asymmetric(convGraph({ size: 17, channels: 16, filters: 16, kernel: [n, n] }), 'target'),
      );
      expectFraction(report.macs, n - 2, n);
      expectFraction(report.params, n - 2, n);
      expect(report.receptiveField.equal).toBe(true);
      expect(report.outputShape.after).toEqual([17, 17, 16]);
      expect(report.added).toEqual([`target_1x${n}`, `target_${n}x1`]);
    });
  }

  it('3×3 saves 33.3% and 7×7 saves 71.4%', () => {
    const saved = (n: number) =>
      expectOk(asymmetric(convGraph({ size: 17, channels: 16, filters: 16, kernel: [n, n] }), 'target')).report.macs
        .savedPct;
    expect(saved(3)).toBe(33.33);
    expect(saved(7)).toBe(71.43);
  });

  it('can put n×1 first, and splits strides by axis', () => {
    const graph = convGraph({ size: 16, kernel: [3, 3], strides: [2, 2], padding: 'valid' });
    const { report } = expectOk(asymmetric(graph, 'target', { order: 'nx1' }));
    expect(report.added).toEqual(['target_3x1', 'target_1x3']);
    expect(report.outputShape.after).toEqual([7, 7, 8]);
    expect(report.receptiveField.after).toEqual({ size: [3, 3], jump: [2, 2], global: false });
  });

  it('notes where the paper found it works best', () => {
    expect(expectOk(asymmetric(convGraph({ size: 35 }), 'target')).report.note).toMatch(/medium grids/);
    expect(expectOk(asymmetric(convGraph({ size: 17 }), 'target')).report.note).toBeUndefined();
  });
});

describe('bottleneck: a 1×1 compression before a k×k conv', () => {
  it('3×3 256 → 256 with 64 compressed channels saves 1 − (256·64 + 9·64·256)/(9·256·256) = 72.2%', () => {
    const graph = convGraph({ size: 17, channels: 256, filters: 256, kernel: [3, 3], stem: true });
    const { report } = expectOk(bottleneck(graph, 'target', { ratio: 0.25 }));
    expect(report.macs.before).toBe(9 * 256 * 256 * 17 * 17);
    expect(report.macs.after).toBe((256 * 64 + 9 * 64 * 256) * 17 * 17);
    expect(report.macs.savedPct).toBe(72.22);
    expect(report.receptiveField.equal).toBe(true);
    expect(report.depthAdded).toBe(1);
    expect(report.added).toEqual(['target_reduce']);
    expect(expectOk(bottleneck(graph, 'target', { channels: 64 })).report.macs).toEqual(report.macs);
  });
});

describe('grid reduction: parallel stride-2 conv and pool (paper §5)', () => {
  it("reproduces the paper's 35×35×320 → 17×17×640 example from conv-then-pool", () => {
    const graph = convGraph({
      size: 35,
      channels: 320,
      filters: 640,
      kernel: [3, 3],
      pool: { poolSize: [3, 3], strides: [2, 2] },
    });
    const { report, graph: after } = expectOk(gridReduction(graph, 'target'));
    expect(report.outputShape).toMatchObject({ before: [17, 17, 640], after: [17, 17, 640], equal: true });
    expect(report.macs.before).toBe(9 * 320 * 640 * 35 * 35);
    expect(report.macs.after).toBe(9 * 320 * 320 * 17 * 17);
    expect(report.params).toMatchObject({ before: 9 * 320 * 640, after: 9 * 320 * 320, savedPct: 50 });
    expect(report.receptiveField.equal).toBe(false);
    expect(report.receptiveField.statement).toMatch(
      /^Receptive field changes \(in network-input pixels\) from 5×5, jump 2 to 3×3, jump 2/,
    );
    const a = analysisOf(after);
    expect(a.nodes.target_stride2!.outputShape).toEqual([17, 17, 320]);
    expect(a.nodes.pool!.outputShape).toEqual([17, 17, 320]);
    expect(a.nodes.pool_concat!.outputShape).toEqual([17, 17, 640]);
    // Conv branch first, pool branch second, as in Keras's mixed3.
    const inputs = after.edges.filter((e) => e.target === 'pool_concat').sort((x, y) => x.targetIndex - y.targetIndex);
    expect(inputs.map((e) => e.source)).toEqual(['target_stride2', 'pool']);
  });

  it('rewrites pool-then-expanding-conv, asked for by the conv or by the pool', () => {
    const b = convGraph({ size: 35, channels: 320, filters: 640, kernel: [3, 3] });
    // Insert a pool between the input and the target conv.
    b.nodes.splice(1, 0, {
      id: 'early_pool',
      name: 'early_pool',
      kind: 'MaxPool2D',
      params: { poolSize: [3, 3], strides: [2, 2] },
    });
    const edge = b.edges.find((e) => e.target === 'target')!;
    b.edges.push({ id: 'p', source: edge.source, target: 'early_pool', targetIndex: 0 });
    edge.source = 'early_pool';
    for (const id of ['target', 'early_pool']) {
      const { report } = expectOk(gridReduction(b, id));
      expect(report.outputShape.after).toEqual([17, 17, 640]);
      expect(report.macs.before).toBe(9 * 320 * 640 * 17 * 17);
      expect(report.macs.after).toBe(9 * 320 * 320 * 17 * 17);
      expect(report.note).toMatch(/passes the 320 input channels through/);
    }
  });
});

describe('expanded filter bank: 1×n ‖ n×1 at the coarsest grid (Inception-C)', () => {
  it('3×3 → parallel 1×3 and 3×1 saves 2/3, keeping shape and the merged receptive field', () => {
    const { report, graph } = expectOk(
      filterBank(convGraph({ size: 8, channels: 64, filters: 64, kernel: [3, 3], style: 'bn' }), 'target'),
    );
    expectFraction(report.macs, 2, 3);
    expect(report.outputShape.after).toEqual([8, 8, 64]);
    expect(report.receptiveField.equal).toBe(true);
    expect(report.depthAdded).toBe(0);
    expect(report.removed).toEqual(['target', 'target_bn', 'target_relu']);
    expect([...report.added].sort()).toEqual([
      'target_1x3',
      'target_1x3_bn',
      'target_1x3_relu',
      'target_3x1',
      'target_3x1_bn',
      'target_3x1_relu',
      'target_bank',
    ]);
    const a = analysisOf(graph);
    expect(a.nodes.target_1x3!.outputShape).toEqual([8, 8, 32]);
    expect(a.nodes.target_3x1!.outputShape).toEqual([8, 8, 32]);
  });

  it('splits the channels as asked', () => {
    const { graph } = expectOk(
      filterBank(convGraph({ size: 8, filters: 10, kernel: [3, 3] }), 'target', { branch1xnChannels: 7 }),
    );
    const a = analysisOf(graph);
    expect(a.nodes.target_1x3!.outputShape).toEqual([8, 8, 7]);
    expect(a.nodes.target_3x1!.outputShape).toEqual([8, 8, 3]);
  });
});

describe('what every rewrite keeps around the rewritten part', () => {
  /** input → 3×3 → [a: 1×1 ‖ target: 5×5 with BN + ReLU] → concat (target second) in module 'm' → 1×1; target at (100, 200). */
  function moduleGraph() {
    const b = new GraphBuilder();
    const x = b.add('Conv2D', { filters: 4, kernelSize: [3, 3] }, [b.input([8, 8, 4])], 'stem');
    const out = b.group('m', 'custom', () => {
      const a = b.add('Conv2D', { filters: 4, kernelSize: [1, 1] }, [x], 'a');
      let t = b.add('Conv2D', { filters: 4, kernelSize: [5, 5], useBias: false }, [x], 'target');
      t = b.add('Activation', {}, [b.add('BatchNorm', {}, [t], 'target_bn')], 'target_relu');
      return b.add('Concatenate', {}, [a, t], 'concat');
    });
    b.add('Conv2D', { filters: 2, kernelSize: [1, 1] }, [out], 'head');
    const graph = b.build();
    graph.nodes.find((n) => n.id === 'target')!.position = { x: 100, y: 200 };
    return graph;
  }

  for (const rule of RULE_IDS.filter((r) => r !== 'grid-reduction')) {
    it(`${rule}: the concatenation order, the module and positions near the original`, () => {
      const before = moduleGraph();
      const { graph, report } = expectOk(applyRule(rule, before, 'target'));
      const slot = (g: typeof graph) =>
        g.edges
          .filter((e) => e.target === 'concat')
          .sort((x, y) => x.targetIndex - y.targetIndex)
          .map((e) => e.source);
      expect(slot(graph)[0]).toBe('a');
      expect(analysisOf(graph).nodes.concat!.outputShape).toEqual(analysisOf(before).nodes.concat!.outputShape);
      for (const name of report.added) {
        const node = graph.nodes.find((n) => n.name === name)!;
        expect(node.groupId, name).toBe('group:m');
        expect(Math.abs(node.position!.x - 100) + Math.abs(node.position!.y - 200), name).toBeLessThan(600);
      }
      expect(new Set(graph.nodes.map((n) => n.name)).size).toBe(graph.nodes.length);
      expect(new Set(graph.edges.map((e) => e.id)).size).toBe(graph.edges.length);
    });
  }
});

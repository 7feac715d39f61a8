import { describe, expect, it } from 'vitest';
import { analyzeGraph } from '../../../shared/analysis';
import { GraphBuilder } from '../../../shared/graph/builder';
import type { Graph } from '../../../shared/graph/types';
import { codes } from './helpers';

/** Input 32×32×3 → conv 3×3 16 → BN → ReLU → max pool /2 → flatten → dense 10. */
function smallCnn(): Graph {
  const b = new GraphBuilder();
  const x = b.input([32, 32, 3]);
  const conv = b.add('Conv2D', { filters: 16, kernelSize: [3, 3] }, [x], 'conv');
  const bn = b.add('BatchNorm', {}, [conv], 'bn');
  const relu = b.add('Activation', { activation: 'relu' }, [bn], 'relu');
  const pool = b.add('MaxPool2D', { poolSize: [2, 2], strides: [2, 2] }, [relu], 'pool');
  const flat = b.add('Flatten', {}, [pool], 'flat');
  b.add('Dense', { units: 10, activation: 'softmax' }, [flat], 'logits');
  return b.build();
}

describe('shape propagation and costs', () => {
  it('propagates per-sample shapes through a small CNN', () => {
    const a = analyzeGraph(smallCnn());
    expect(codes(a)).toEqual([]);
    const shape = (id: string) => a.nodes[id]!.outputShape;
    expect(shape('input')).toEqual([32, 32, 3]);
    expect(shape('conv')).toEqual([32, 32, 16]);
    expect(shape('relu')).toEqual([32, 32, 16]);
    expect(shape('pool')).toEqual([16, 16, 16]);
    expect(shape('flat')).toEqual([4096]);
    expect(shape('logits')).toEqual([10]);
    expect(a.nodes.logits!.inputShapes).toEqual([[4096]]);
    expect(a.order).toEqual(['input', 'conv', 'bn', 'relu', 'pool', 'flat', 'logits']);
    expect(a.outputs).toEqual(['logits']);
  });

  it('counts parameters, multiply-adds and activations by the docs/conventions.md convention', () => {
    const a = analyzeGraph(smallCnn());
    expect(a.nodes.conv!.paramCount).toEqual({ trainable: 3 * 3 * 3 * 16 + 16, nonTrainable: 0, total: 448 });
    expect(a.nodes.bn!.paramCount).toEqual({ trainable: 32, nonTrainable: 32, total: 64 });
    expect(a.nodes.logits!.paramCount.total).toBe(4096 * 10 + 10);
    expect(a.nodes.conv!.macs).toBe(3 * 3 * 3 * 16 * 32 * 32);
    expect(a.nodes.logits!.macs).toBe(4096 * 10);
    expect(a.nodes.pool!.macs).toBe(0);
    expect(a.nodes.conv!.activationElements).toBe(32 * 32 * 16);
    expect(a.nodes.conv!.params).toMatchObject({ strides: [1, 1], padding: 'same', useBias: true });

    const macs = 442_368 + 40_960;
    const activations = 32 * 32 * 3 + 3 * 32 * 32 * 16 + 16 * 16 * 16 + 4096 + 10;
    expect(a.totals).toEqual({
      params: 448 + 64 + 40_970,
      trainableParams: 448 + 32 + 40_970,
      nonTrainableParams: 32,
      macs,
      flops: 2 * macs,
      activationElements: activations,
      activationBytes: 4 * activations,
    });
  });

  it('orders merge inputs by edge.targetIndex, not by edge order', () => {
    const b = new GraphBuilder();
    const x = b.input([8, 8, 3]);
    const wide = b.add('Conv2D', { filters: 5, kernelSize: [1, 1] }, [x], 'wide');
    const narrow = b.add('Conv2D', { filters: 2, kernelSize: [1, 1] }, [x], 'narrow');
    b.add('Concatenate', {}, [wide, narrow], 'cat');
    const graph = b.build();
    graph.edges.reverse();
    const a = analyzeGraph(graph);
    expect(a.nodes.cat!.inputShapes).toEqual([
      [8, 8, 5],
      [8, 8, 2],
    ]);
    expect(a.nodes.cat!.outputShape).toEqual([8, 8, 7]);
  });

  it('adds matching residual branches', () => {
    const b = new GraphBuilder();
    const x = b.input([8, 8, 4]);
    const conv = b.add('Conv2D', { filters: 4, kernelSize: [3, 3] }, [x], 'conv');
    b.add('Add', {}, [conv, x], 'sum');
    const a = analyzeGraph(b.build());
    expect(codes(a)).toEqual([]);
    expect(a.nodes.sum!.outputShape).toEqual([8, 8, 4]);
  });
});

describe('receptive field', () => {
  const rfOf = (graph: Graph, id: string) => analyzeGraph(graph).nodes[id]!.receptiveField;

  it('starts at one pixel on the input', () => {
    const b = new GraphBuilder();
    b.input([8, 8, 1]);
    expect(rfOf(b.build(), 'input')).toEqual({ size: [1, 1], jump: [1, 1], global: false });
  });

  it('gives two stacked 3×3 convs a 5×5 field', () => {
    const b = new GraphBuilder();
    const x = b.input([16, 16, 3]);
    const c1 = b.add('Conv2D', { filters: 4, kernelSize: [3, 3] }, [x], 'c1');
    const bn = b.add('BatchNorm', {}, [c1], 'bn');
    b.add('Conv2D', { filters: 4, kernelSize: [3, 3] }, [bn], 'c2');
    const g = b.build();
    expect(rfOf(g, 'c1')).toEqual({ size: [3, 3], jump: [1, 1], global: false });
    expect(rfOf(g, 'bn')).toEqual({ size: [3, 3], jump: [1, 1], global: false });
    expect(rfOf(g, 'c2')).toEqual({ size: [5, 5], jump: [1, 1], global: false });
  });

  it('multiplies the jump by the stride, widening later layers faster', () => {
    const b = new GraphBuilder();
    const x = b.input([16, 16, 3]);
    const c1 = b.add('Conv2D', { filters: 4, kernelSize: [3, 3], strides: [2, 2] }, [x], 'c1');
    b.add('Conv2D', { filters: 4, kernelSize: [3, 3] }, [c1], 'c2');
    const g = b.build();
    expect(rfOf(g, 'c1')).toEqual({ size: [3, 3], jump: [2, 2], global: false });
    expect(rfOf(g, 'c2')).toEqual({ size: [7, 7], jump: [2, 2], global: false });
  });

  it('treats asymmetric kernels per axis and dilation as the effective kernel d(k−1)+1', () => {
    const b = new GraphBuilder();
    const x = b.input([16, 16, 3]);
    const row = b.add('Conv2D', { filters: 4, kernelSize: [1, 7] }, [x], 'row');
    b.add('Conv2D', { filters: 4, kernelSize: [3, 3], dilation: [2, 2] }, [row], 'dilated');
    const g = b.build();
    expect(rfOf(g, 'row')).toEqual({ size: [1, 7], jump: [1, 1], global: false });
    expect(rfOf(g, 'dilated')).toEqual({ size: [5, 11], jump: [1, 1], global: false });
  });

  it('takes the largest field over a merge’s inputs', () => {
    const b = new GraphBuilder();
    const x = b.input([16, 16, 3]);
    const one = b.add('Conv2D', { filters: 4, kernelSize: [1, 1] }, [x], 'one');
    const five = b.add('Conv2D', { filters: 4, kernelSize: [5, 5] }, [x], 'five');
    b.add('Concatenate', {}, [one, five], 'cat');
    expect(rfOf(b.build(), 'cat')).toEqual({ size: [5, 5], jump: [1, 1], global: false });
  });

  it('becomes global after global pooling and stays global', () => {
    const b = new GraphBuilder();
    const x = b.input([16, 16, 3]);
    const c = b.add('Conv2D', { filters: 4, kernelSize: [3, 3] }, [x], 'c');
    const gap = b.add('GlobalAvgPool2D', {}, [c], 'gap');
    b.add('Dense', { units: 2 }, [gap], 'fc');
    const a = analyzeGraph(b.build());
    expect(a.nodes.gap!.receptiveField?.global).toBe(true);
    expect(a.nodes.fc!.receptiveField?.global).toBe(true);
  });
});

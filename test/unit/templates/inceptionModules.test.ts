import { describe, expect, it } from 'vitest';
import { GraphBuilder } from '../../../shared/graph/builder';
import {
  buildGridReductionATemplate,
  buildGridReductionBTemplate,
  buildInceptionATemplate,
  buildInceptionBTemplate,
  buildInceptionCTemplate,
  INCEPTION_B,
  inceptionModuleB,
} from '../../../shared/templates/inceptionModules';
import { analyse, errors, memberSums, shapeOf } from './helpers';

/**
 * Each standalone module: input and output shapes as inside InceptionV3, and
 * parameter counts by hand (conv2d_bn = kh·kw·Cin·F weights + F beta + 2F moving stats).
 */
const convBnParams = (kh: number, kw: number, cin: number, f: number) => kh * kw * cin * f + 3 * f;

describe('Inception-v3 module templates', () => {
  it('module A (mixed0): 35×35×192 → 35×35×256', () => {
    const graph = buildInceptionATemplate();
    const a = analyse(graph);
    expect(errors(a)).toEqual([]);
    expect(shapeOf(graph, a, 'mixed0')).toEqual([35, 35, 256]);
    const expected =
      convBnParams(1, 1, 192, 64) +
      convBnParams(1, 1, 192, 48) +
      convBnParams(5, 5, 48, 64) +
      convBnParams(1, 1, 192, 64) +
      convBnParams(3, 3, 64, 96) +
      convBnParams(3, 3, 96, 96) +
      convBnParams(1, 1, 192, 32);
    expect(a.totals.params).toBe(expected);
    // Concatenation order is Keras's: 1×1, 5×5, double 3×3, pool.
    const concat = graph.edges.filter((e) => e.target === 'mixed0').sort((x, y) => x.targetIndex - y.targetIndex);
    expect(concat.map((e) => a.nodes[e.source]!.outputShape![2])).toEqual([64, 64, 96, 32]);
  });

  it('module B (mixed4): 17×17×768 → 17×17×768 with 1×7 / 7×1 factorization', () => {
    const graph = buildInceptionBTemplate();
    const a = analyse(graph);
    expect(errors(a)).toEqual([]);
    expect(shapeOf(graph, a, 'mixed4')).toEqual([17, 17, 768]);
    const kernels = graph.nodes
      .filter((n) => n.kind === 'Conv2D')
      .map((n) => (n.params.kernelSize as number[]).join('×'));
    expect(kernels.filter((k) => k === '1×7')).toHaveLength(3);
    expect(kernels.filter((k) => k === '7×1')).toHaveLength(3);
    expect(kernels.some((k) => k === '7×7')).toBe(false);
  });

  it('module B takes its intermediate channels and n as options', () => {
    const b = new GraphBuilder();
    const out = inceptionModuleB(b, b.input([17, 17, 768]), { name: 'mixed5', channels7x7: 160, n: 5 });
    const graph = b.build();
    const a = analyse(graph);
    expect(errors(a)).toEqual([]);
    expect(a.nodes[out.id]!.outputShape).toEqual([17, 17, 768]);
    expect(graph.groups).toEqual([{ id: 'group:mixed5', name: 'mixed5', template: INCEPTION_B, collapsed: false }]);
    const kernels = graph.nodes
      .filter((n) => n.kind === 'Conv2D')
      .map((n) => (n.params.kernelSize as number[]).join('×'));
    expect(kernels.filter((k) => k === '1×5')).toHaveLength(3);
    const widths = graph.nodes.filter((n) => n.kind === 'Conv2D').map((n) => n.params.filters);
    expect(widths.filter((w) => w === 160)).toHaveLength(6);
  });

  it('module C (mixed9): 8×8×1280 → 8×8×2048', () => {
    const graph = buildInceptionCTemplate();
    const a = analyse(graph);
    expect(errors(a)).toEqual([]);
    expect(shapeOf(graph, a, 'mixed9_0')).toEqual([8, 8, 768]);
    expect(shapeOf(graph, a, 'mixed9')).toEqual([8, 8, 2048]);
  });

  it('grid reduction A (mixed3): 35×35×288 → 17×17×768', () => {
    const graph = buildGridReductionATemplate();
    const a = analyse(graph);
    expect(errors(a)).toEqual([]);
    expect(shapeOf(graph, a, 'mixed3')).toEqual([17, 17, 768]);
    expect(a.totals.params).toBe(
      convBnParams(3, 3, 288, 384) +
        convBnParams(1, 1, 288, 64) +
        convBnParams(3, 3, 64, 96) +
        convBnParams(3, 3, 96, 96),
    );
  });

  it('grid reduction B (mixed8): 17×17×768 → 8×8×1280', () => {
    const graph = buildGridReductionBTemplate();
    const a = analyse(graph);
    expect(errors(a)).toEqual([]);
    expect(shapeOf(graph, a, 'mixed8')).toEqual([8, 8, 1280]);
  });

  it.each([
    buildInceptionATemplate,
    buildInceptionBTemplate,
    buildInceptionCTemplate,
    buildGridReductionATemplate,
    buildGridReductionBTemplate,
  ])('%o: one group holding every layer but the Input, totals = whole graph', (build) => {
    const graph = build();
    const a = analyse(graph);
    expect(graph.groups).toHaveLength(1);
    const id = graph.groups[0]!.id;
    expect(graph.nodes.filter((n) => n.groupId !== id).map((n) => n.kind)).toEqual(['Input']);
    expect(memberSums(graph, a, id)).toEqual({
      params: a.totals.params,
      nonTrainableParams: a.totals.nonTrainableParams,
      macs: a.totals.macs,
    });
    expect(a.groups[id]!.params).toBe(a.totals.params);
    expect(a.groups[id]!.macs).toBe(a.totals.macs);
  });
});

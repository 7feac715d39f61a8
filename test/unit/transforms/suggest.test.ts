import { describe, expect, it } from 'vitest';
import type { Conv2DParams } from '../../../shared/layers';
import { getTemplate } from '../../../shared/templates';
import { buildInceptionV3 } from '../../../shared/templates/inceptionV3';
import { buildInceptionV3Unfactorized } from '../../../shared/templates/inceptionV3Unfactorized';
import { applyAllOfKind, applyEverything, applyRule, suggest, type VariantResult } from '../../../shared/transforms';
import { analysisOf, convGraph, expectOk } from './helpers';

const MODULES = [
  'mixed0',
  'mixed1',
  'mixed2',
  'mixed3',
  'mixed4',
  'mixed5',
  'mixed6',
  'mixed7',
  'mixed8',
  'mixed9',
  'mixed10',
];

function expectVariant(result: VariantResult): Extract<VariantResult, { ok: true }> {
  if (!result.ok) throw new Error(result.diagnostic.message);
  return result;
}

describe('suggest', () => {
  it('lists every applicable rewrite with its saving, most multiply-adds saved first', () => {
    const graph = convGraph({ size: 12, channels: 16, filters: 16, stem: true, style: 'bn' });
    const suggestions = suggest(graph);
    expect(suggestions.map((s) => `${s.rule}:${s.nodeName}`)).toEqual([
      'filter-bank:target',
      'asymmetric:target',
      'bottleneck:target',
      'stack:target',
      'filter-bank:stem',
      'asymmetric:stem',
    ]);
    const saved = suggestions.map((s) => s.report.macs.saved);
    expect(saved).toEqual([...saved].sort((a, b) => b - a));
    for (const s of suggestions) {
      expect(s.report.outputShape.equal).toBe(true);
      expect(s.report.macs.saved).toBeGreaterThan(0);
      expect(analysisOf(s.graph).totals.macs).toBe(
        s.report.macs.after - s.report.macs.before + analysisOf(graph).totals.macs,
      );
    }
  });

  it('limits itself to the selection and to the rules asked for', () => {
    const graph = convGraph({ stem: true });
    expect(suggest(graph, { nodeIds: ['stem'] }).every((s) => s.nodeId === 'stem')).toBe(true);
    expect(suggest(graph, { rules: ['stack'] }).map((s) => s.rule)).toEqual(['stack']);
  });

  it('suggests nothing for a network with errors, and applying everything says why', () => {
    const graph = convGraph();
    graph.nodes.find((n) => n.id === 'target')!.params.kernelSize = [40, 40];
    graph.nodes.find((n) => n.id === 'target')!.params.padding = 'valid';
    expect(suggest(graph)).toEqual([]);
    const result = applyEverything(graph);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.diagnostic.code).toBe('network-errors');
  });
});

describe('apply all of a kind / apply everything', () => {
  it('applies a rule everywhere until nothing is left, then again changes nothing', () => {
    const ancestor = buildInceptionV3Unfactorized();
    const first = expectVariant(applyAllOfKind(ancestor, 'stack'));
    // Six 5×5s in mixed0–2; the 7×7 of mixed8 and some 7×7s in mixed4–7 (where stacking saves).
    expect(first.applied.length).toBeGreaterThanOrEqual(6);
    expect(first.applied.every((r) => r.rule === 'stack' && r.receptiveField.equal)).toBe(true);
    const again = expectVariant(applyAllOfKind(first.graph, 'stack'));
    expect(again.applied).toEqual([]);
    expect(again.graph).toBe(first.graph);
  });

  it('is deterministic', () => {
    const a = expectVariant(applyEverything(buildInceptionV3Unfactorized()));
    const b = expectVariant(applyEverything(buildInceptionV3Unfactorized()));
    expect(a.graph).toEqual(b.graph);
    expect(a.applied).toEqual(b.applied);
  });

  it("on Inception v3's unfactorized ancestor keeps Inception v3's output shape and receptive fields and states the saving", () => {
    const ancestor = buildInceptionV3Unfactorized();
    const original = analysisOf(buildInceptionV3());
    const result = expectVariant(applyEverything(ancestor));
    const after = analysisOf(result.graph);
    expect(after.nodes.predictions!.outputShape).toEqual(original.nodes.predictions!.outputShape);
    for (const module of MODULES) {
      expect(after.nodes[module]!.outputShape, module).toEqual(original.nodes[module]!.outputShape);
      expect(after.nodes[module]!.receptiveField, module).toEqual(original.nodes[module]!.receptiveField);
    }
    // The last spatial layer sees 1311×1311 input pixels, 32 apart, in both.
    expect(after.nodes.mixed10!.receptiveField).toEqual({ size: [1311, 1311], jump: [32, 32], global: false });
    // No square kernel of 5 or more is left.
    for (const n of result.graph.nodes.filter((n) => n.kind === 'Conv2D')) {
      const [kh, kw] = (after.nodes[n.id]!.params as Conv2DParams).kernelSize;
      expect(kh === kw && kh >= 5, n.name).toBe(false);
    }
    // The report's numbers: the ancestor's totals, the result's, and the rewrites add up to the difference.
    expect(result.before.params).toBe(37_696_232);
    expect(result.after).toEqual(after.totals);
    expect(result.params.saved).toBe(result.before.params - result.after.params);
    expect(result.applied.reduce((sum, r) => sum + r.params.saved, 0)).toBe(result.params.saved);
    expect(result.applied.reduce((sum, r) => sum + r.macs.saved, 0)).toBe(result.macs.saved);
    expect(result.params.saved).toBe(16_213_596);
    expect(result.macs.savedPct).toBe(54.81);
    expect(result.applied.every((r) => r.receptiveField.equal && r.outputShape.equal)).toBe(true);
  });

  it("the paper's own choices on the ancestor (two 3×3s in module A, 1×7 / 7×1 elsewhere) give Keras's InceptionV3 exactly", () => {
    let graph = buildInceptionV3Unfactorized();
    const start = analysisOf(graph);
    for (const node of graph.nodes.filter((n) => n.kind === 'Conv2D')) {
      const p = start.nodes[node.id]!.params as Conv2DParams;
      const rule = p.kernelSize[0] === 7 ? 'asymmetric' : p.kernelSize[0] === 5 && p.filters === 96 ? 'stack' : null;
      if (rule) graph = expectOk(applyRule(rule, graph, node.id)).graph;
    }
    const totals = analysisOf(graph).totals;
    expect(totals.params).toBe(23_851_784);
    expect(totals.nonTrainableParams).toBe(34_432);
    expect(totals.macs).toBe(5_713_216_096);
  });
});

describe('the unfactorized Inception v3 template', () => {
  it('is registered, error-free, and matches Inception v3 module by module in shape and receptive field', () => {
    const template = getTemplate('inception-v3-unfactorized')!;
    expect(template.category).toBe('network');
    const ancestor = analysisOf(template.build());
    const original = analysisOf(buildInceptionV3());
    expect(ancestor.totals.params).toBe(37_696_232);
    expect(ancestor.totals.macs).toBe(9_759_473_248);
    for (const module of MODULES) {
      expect(ancestor.nodes[module]!.outputShape, module).toEqual(original.nodes[module]!.outputShape);
      expect(ancestor.nodes[module]!.receptiveField, module).toEqual(original.nodes[module]!.receptiveField);
    }
    expect(ancestor.diagnostics).toEqual([]);
  });
});

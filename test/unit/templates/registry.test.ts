import { describe, expect, it } from 'vitest';
import { getTemplate, templates } from '../../../shared/templates';
import { buildSmallInception } from '../../../shared/templates/smallInception';
import { analyse, errors, shapeOf } from './helpers';

describe('template registry', () => {
  it('has unique ids, and getTemplate finds each', () => {
    const ids = templates.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const t of templates) expect(getTemplate(t.id)).toBe(t);
    expect(getTemplate('no-such-template')).toBeUndefined();
  });

  it('offers the networks and the Inception modules', () => {
    const byCategory = (c: string) => templates.filter((t) => t.category === c).map((t) => t.id);
    expect(byCategory('network')).toEqual(
      expect.arrayContaining([
        'small-inception',
        'inception-v3',
        'vgg16',
        'vgg19',
        'alexnet',
        'zfnet',
        'googlenet',
        'bn-inception',
        'mobilenet-v1',
        'resnet50',
      ]),
    );
    expect(byCategory('module')).toEqual(
      expect.arrayContaining([
        'inception-a',
        'inception-b',
        'inception-c',
        'inception-reduction-a',
        'inception-reduction-b',
      ]),
    );
  });

  it.each(templates.map((t) => [t.id, t] as const))('%s analyses with no diagnostics', (_id, t) => {
    const a = analyse(t.build());
    expect(errors(a)).toEqual([]);
    expect(a.diagnostics).toEqual([]);
    expect(a.outputs).toHaveLength(1);
  });

  it('build() returns a fresh, deterministic graph each time', () => {
    const t = getTemplate('inception-a')!;
    const first = t.build();
    first.nodes[0]!.name = 'changed';
    expect(t.build()).toEqual(getTemplate('inception-a')!.build());
    expect(t.build().nodes[0]!.name).toBe('input');
  });

  it.each(templates.map((t) => [t.id, t] as const))('%s: no two nodes share a params object or array', (_id, t) => {
    const seen = new Set<unknown>();
    const visit = (v: unknown) => {
      if (typeof v !== 'object' || v === null) return;
      expect(seen.has(v)).toBe(false);
      seen.add(v);
      for (const child of Object.values(v)) visit(child);
    };
    for (const n of t.build().nodes) visit(n.params);
  });
});

describe('small Inception for 32×32×3', () => {
  it.each([10, 3, 100])('K = %i classes: output [K], no errors', (k) => {
    const graph = buildSmallInception({ classes: k });
    const a = analyse(graph);
    expect(errors(a)).toEqual([]);
    expect(a.outputs.map((id) => a.nodes[id]!.outputShape)).toEqual([[k]]);
  });

  it('is small: 100 k–300 k params, one grid reduction, two Inception-A modules', () => {
    const graph = buildSmallInception();
    const a = analyse(graph);
    expect(a.totals.params).toBe(118_746);
    expect(a.totals.params).toBeGreaterThanOrEqual(100_000);
    expect(a.totals.params).toBeLessThanOrEqual(300_000);
    expect(a.totals.macs).toBe(42_026_400);
    expect(graph.groups.map((g) => [g.name, g.template])).toEqual([
      ['inception_1', 'inception-a'],
      ['reduction', 'small-grid-reduction'],
      ['inception_2', 'inception-a'],
    ]);
    expect(shapeOf(graph, a, 'inception_1')).toEqual([32, 32, 72]);
    expect(shapeOf(graph, a, 'reduction')).toEqual([16, 16, 120]);
    expect(shapeOf(graph, a, 'inception_2')).toEqual([16, 16, 144]);
    expect(shapeOf(graph, a, 'avg_pool')).toEqual([144]);
  });

  it('keeps gamma in every batch norm: tfjs-layers cannot train one without it (tensorflow/tfjs#2868)', () => {
    const norms = buildSmallInception().nodes.filter((n) => n.kind === 'BatchNorm');
    expect(norms.length).toBeGreaterThan(0);
    expect(norms.every((n) => n.params.scale === true)).toBe(true);
  });
});

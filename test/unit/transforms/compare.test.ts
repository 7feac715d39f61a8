import { describe, expect, it } from 'vitest';
import { buildInceptionV3 } from '../../../shared/templates/inceptionV3';
import { buildInceptionV3Unfactorized } from '../../../shared/templates/inceptionV3Unfactorized';
import {
  applyRule,
  compareGraphs,
  comparisonHeadline,
  OUTSIDE_MODULES,
  signedPct,
  stack,
  toCsv,
  toJson,
  toMarkdown,
  toSvgChart,
} from '../../../shared/transforms';
import { convGraph, expectOk } from './helpers';

const comparison = () =>
  compareGraphs(
    { name: 'Inception v3 <unfactorized>', graph: buildInceptionV3Unfactorized() },
    { name: 'Inception v3', graph: buildInceptionV3() },
  );

describe('compare', () => {
  it('gives totals, a row per module and the difference B − A', () => {
    const c = comparison();
    expect(c.a.totals.params).toBe(37_696_232);
    expect(c.b.totals).toEqual({
      params: 23_851_784,
      trainableParams: 23_817_352,
      nonTrainableParams: 34_432,
      macs: 5_713_216_096,
      flops: 11_426_432_192,
    });
    expect(c.difference).toMatchObject({
      params: -13_844_448,
      macs: -4_046_257_152,
      paramsPct: -36.73,
      macsPct: -41.46,
    });
    expect(c.a.outputShapes).toEqual([[1000]]);
    expect(c.modules.map((m) => m.module)).toEqual([
      ...Array.from({ length: 11 }, (_, i) => `mixed${i}`),
      OUTSIDE_MODULES,
    ]);
    for (const side of ['a', 'b'] as const) {
      expect(c.modules.reduce((s, m) => s + m[side]!.params, 0)).toBe(c[side].totals.params);
      expect(c.modules.reduce((s, m) => s + m[side]!.macs, 0)).toBe(c[side].totals.macs);
    }
    const mixed4 = c.modules.find((m) => m.module === 'mixed4')!;
    expect(mixed4.difference.params).toBe(mixed4.b!.params - mixed4.a!.params);
    expect(c.modules.find((m) => m.module === 'mixed9')!.difference).toEqual({
      params: 0,
      macs: 0,
      paramsPct: 0,
      macsPct: 0,
    });
  });

  it('shows modules only one network has', () => {
    const c = compareGraphs({ name: 'A', graph: convGraph() }, { name: 'B', graph: buildInceptionV3() });
    const mixed0 = c.modules.find((m) => m.module === 'mixed0')!;
    expect(mixed0.a).toBeNull();
    expect(mixed0.difference.paramsPct).toBeNull();
    expect(toMarkdown(c)).toMatch(/\| mixed0 \| — \| 256,368 \| \+256,368 \(n\/a\)/);
  });

  it('exports Markdown ready for a slide', () => {
    const md = toMarkdown(comparison());
    // The name's angle brackets are escaped: raw, a Markdown renderer would swallow them as an HTML tag.
    expect(md).toMatch(/^## Inception v3 \\<unfactorized\\> vs Inception v3/);
    expect(md).toContain('| Parameters | 37,696,232 | 23,851,784 | −13,844,448 (−36.7%) |');
    expect(md).toContain('| Multiply-adds (MACs) | 9,759,473,248 | 5,713,216,096 | −4,046,257,152 (−41.5%) |');
    expect(md).toContain('| Output shape | 1000 | 1000 | same |');
    expect(md).toContain('| mixed4 | 3,706,240 | 1,298,944 | −2,407,296 (−65%) |');
    expect(md).toMatch(/FLOPs = 2 × MACs/);
  });

  it('exports CSV with one row per module and a total', () => {
    const lines = toCsv(comparison()).trim().split('\n');
    expect(lines[0]).toBe(
      'module,params_a,params_b,params_change,params_change_pct,macs_a,macs_b,macs_change,macs_change_pct',
    );
    expect(lines).toContain('mixed4,3706240,1298944,-2407296,-64.95,1070104576,374063104,-696041472,-65.04');
    expect(lines.at(-1)).toBe('total,37696232,23851784,-13844448,-36.73,9759473248,5713216096,-4046257152,-41.46');
    expect(lines).toHaveLength(1 + 12 + 1);
  });

  it('quotes CSV fields that need it', () => {
    const graph = convGraph();
    graph.groups.push({ id: 'g', name: 'a, "b"', template: 'custom', collapsed: false });
    graph.nodes.find((n) => n.id === 'target')!.groupId = 'g';
    expect(toCsv(compareGraphs({ name: 'x', graph }, { name: 'y', graph }))).toContain('"a, ""b""",');
  });

  it('exports JSON that reads back as the comparison', () => {
    const c = comparison();
    expect(JSON.parse(toJson(c))).toEqual(c);
  });

  it('draws an SVG chart: two panels of paired bars per module, legend, axis labels, escaped names', () => {
    const c = comparison();
    const svg = toSvgChart(c);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.trim().endsWith('</svg>')).toBe(true);
    expect(svg).toContain('A: Inception v3 &lt;unfactorized&gt;');
    expect(svg).toContain('B: Inception v3');
    for (const label of [
      'Parameters per module',
      'Multiply-adds per module',
      '>parameters<',
      '>multiply-adds (MACs)<',
      '>module<',
    ])
      expect(svg).toContain(label);
    // 12 modules × 2 networks × 2 panels bars, plus the background and the 2 legend swatches.
    expect(svg.match(/<rect /g)).toHaveLength(12 * 2 * 2 + 3);
    expect(svg).not.toMatch(/NaN|undefined|Infinity/);
    // Well-formed: every opened element is closed in order.
    const stack: string[] = [];
    for (const [, close, name, selfClosing] of svg.matchAll(/<(\/?)([a-zA-Z]+)[^>]*?(\/?)>/g)) {
      if (selfClosing) continue;
      if (close) expect(stack.pop()).toBe(name);
      else stack.push(name!);
    }
    expect(stack).toEqual([]);
  });

  it('compares an original with its rewritten variant, saving exactly what the rewrite reported', () => {
    const original = convGraph({ size: 35, channels: 64, filters: 64 });
    const { graph, report } = expectOk(stack(original, 'target'));
    const c = compareGraphs({ name: 'original', graph: original }, { name: 'stacked', graph });
    expect(-c.difference.macs).toBe(report.macs.saved);
    expect(-c.difference.params).toBe(report.params.saved);
  });
});

describe('a comparison without modules', () => {
  it('compares layer by layer, the rewrite’s new layers where the old one was, with a headline', () => {
    const graph = convGraph({ kernel: [5, 5], stem: true });
    const rewritten = expectOk(applyRule('stack', graph, 'target', {})).graph;
    const c = compareGraphs({ name: 'original', graph }, { name: 'factorized', graph: rewritten });
    expect(c.rowsBy).toBe('layer');
    expect(c.modules.map((m) => m.module)).toEqual(['stem', 'target', 'target_3x3a', 'target_3x3b', 'head']);
    expect(c.modules.find((m) => m.module === 'target')).toMatchObject({ b: null });
    expect(comparisonHeadline(c)).toBe(
      `${signedPct(c.difference.paramsPct)} parameters, ${signedPct(c.difference.macsPct)} multiply-adds`,
    );
    expect(comparisonHeadline(c)).toMatch(/^−\d+(\.\d+)?% parameters, −\d+(\.\d+)?% multiply-adds$/);
    const svg = toSvgChart(c);
    expect(svg).toContain('Parameters per layer');
    expect(svg).toContain(`>${comparisonHeadline(c)}</text>`);
    expect(toMarkdown(c)).toContain('### Per layer');
  });
});

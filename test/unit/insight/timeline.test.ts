import { describe, expect, it } from 'vitest';
import { analyzeGraph } from '../../../shared/analysis';
import {
  buildTimeline,
  HUMAN_TOP5,
  IMAGENET_TIMELINE,
  ownPoint,
  timelineJson,
  timelineSlides,
  timelineSvg,
  weightDepth,
} from '../../../shared/insight';
import { getTemplate } from '../../../shared/templates';
import { smallNet } from '../cli/cliHelpers';

const depthOf = (id: string) => {
  const graph = getTemplate(id)!.build();
  return weightDepth(graph, analyzeGraph(graph));
};

describe('ImageNet timeline data', () => {
  it('holds the figures the lecture quotes, in year order', () => {
    const byId = Object.fromEntries(IMAGENET_TIMELINE.map((e) => [e.id, e]));
    expect(byId['nec-uiuc']!.top5.value).toBe(28.2);
    expect(byId.xrce!.top5.value).toBe(25.8);
    expect(byId.alexnet!.top5.value).toBe(16.4);
    expect(byId.zfnet!.top5.value).toBe(11.7);
    expect(byId.vgg!.top5.value).toBe(7.3);
    expect(byId.googlenet!.top5.value).toBe(6.67);
    expect(byId['bn-inception']!.top5.value).toBe(4.82);
    expect(byId['inception-v3']!.top5.value).toBe(3.58);
    expect(byId.resnet!.top5.value).toBe(3.57);
    expect(HUMAN_TOP5.value).toBe(5.1);
    const years = IMAGENET_TIMELINE.map((e) => e.year);
    expect(years).toEqual([...years].sort((a, b) => a - b));
  });

  it('says for every entry whether the figure is an ensemble, and cites a source', () => {
    for (const e of IMAGENET_TIMELINE) {
      expect(['ensemble', 'single-model', 'challenge-entry']).toContain(e.top5.evaluation);
      expect(e.top5.note.length).toBeGreaterThan(5);
      expect(e.source.citation).toMatch(/"/);
      expect(e.source.year).toBeGreaterThanOrEqual(e.year);
      if (e.singleModel) expect(e.singleModel.note.length).toBeGreaterThan(5);
      if (e.template) expect(getTemplate(e.template), e.template).toBeDefined();
    }
  });
});

describe('weightDepth', () => {
  it('counts weight layers on the longest path as the papers do', () => {
    expect(depthOf('alexnet')).toBe(8);
    expect(depthOf('vgg16')).toBe(16);
    expect(depthOf('vgg19')).toBe(19);
    expect(depthOf('googlenet')).toBe(22);
  });

  it('skips batch norm and layers without weights', () => {
    // conv5, bn5 (not counted), conv3, pool, dense
    const graph = smallNet();
    expect(weightDepth(graph, analyzeGraph(graph))).toBe(3);
  });
});

describe('buildTimeline', () => {
  it('counts networks with a template live and marks the rest as reference figures', () => {
    const t = buildTimeline();
    const v3 = t.points.find((p) => p.entry.id === 'inception-v3')!;
    expect(v3.params).toEqual({ value: 23_851_784, from: 'computed' });
    expect(v3.macs).toEqual({ value: 5_713_216_096, from: 'computed' });
    const resnet = t.points.find((p) => p.entry.id === 'resnet')!;
    expect(resnet.depth).toEqual({ value: 152, from: 'published' });
    const nec = t.points.find((p) => p.entry.id === 'nec-uiuc')!;
    expect(nec.depth).toBeNull();
  });

  it("places the user's network by depth and cost only", () => {
    const graph = smallNet();
    const own = ownPoint('mine', graph)!;
    expect(own).toEqual({
      name: 'mine',
      depth: 3,
      params: analyzeGraph(graph).totals.params,
      macs: analyzeGraph(graph).totals.macs,
    });
    const json = timelineJson(buildTimeline(own));
    expect(json.own).toEqual(own);
    expect(json.own).not.toHaveProperty('top5');
  });

  it('leaves out a network with errors rather than placing it by wrong counts', () => {
    const graph = smallNet();
    graph.edges.splice(0, 1);
    expect(ownPoint('broken', graph)).toBeNull();
  });
});

describe('timeline SVG and slides', () => {
  it('draws every entry, the human line, and the own network in the cost view', () => {
    const t = buildTimeline({ name: 'my <net>', depth: 12, params: 1e6, macs: 3e8 });
    const year = timelineSvg(t, 'year');
    for (const e of IMAGENET_TIMELINE) expect(year).toContain(`data-point="${e.id}"`);
    expect(year).toContain('data-point="human"');
    expect(year).not.toContain('data-point="own"');
    const cost = timelineSvg(t, 'cost');
    expect(cost).toContain('data-point="own"');
    expect(cost).toContain('my &lt;net&gt;');
    // Only networks have a depth: the 2010 and 2011 entries are not in the cost view.
    expect(cost).not.toContain('data-point="nec-uiuc"');
  });

  it('makes slides whose chart and table hold the same figures as the data', () => {
    const t = buildTimeline();
    const slides = timelineSlides(t);
    expect(slides).toHaveLength(3);
    expect(slides[0]!.chart!.series[0]!.values).toEqual(IMAGENET_TIMELINE.map((e) => e.top5.value));
    expect(slides[0]!.pictureSvg).toContain('<svg');
    expect(slides[2]!.table!.rows).toHaveLength(IMAGENET_TIMELINE.length);
    expect(slides[0]!.notes).toContain('Russakovsky');
  });
});

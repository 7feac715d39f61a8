import { type Analysis, analyzeGraph } from '../analysis';
import type { Graph } from '../graph/types';
import { getTemplate } from '../templates';
import { HUMAN_TOP5, IMAGENET_TIMELINE, type TimelineEntry } from './imagenetTimeline';

/** Where a figure comes from: counted on Netwright's template, or the paper's. */
export type Provenance = 'computed' | 'published';

export interface Figure {
  value: number;
  from: Provenance;
}

export interface TimelinePoint {
  entry: TimelineEntry;
  depth: Figure | null;
  params: Figure | null;
  macs: Figure | null;
}

/** The user's network: placed by depth and cost only, it has no ImageNet error. */
export interface OwnPoint {
  name: string;
  depth: number;
  params: number;
  macs: number;
}

export interface Timeline {
  points: TimelinePoint[];
  human: typeof HUMAN_TOP5;
  own: OwnPoint | null;
}

/**
 * Depth as papers count it: the most layers with weights on any one path from the input
 * (AlexNet 8, VGG-16 16, GoogLeNet 22). Batch norm and layers without weights do not count;
 * parallel branches count once, which is why this is a longest path and not a layer count.
 */
export function weightDepth(graph: Graph, analysis: Analysis): number {
  const inputsOf = new Map<string, string[]>();
  for (const edge of graph.edges) {
    const list = inputsOf.get(edge.target);
    if (list) list.push(edge.source);
    else inputsOf.set(edge.target, [edge.source]);
  }
  const depth = new Map<string, number>();
  let deepest = 0;
  for (const id of analysis.order) {
    const node = analysis.nodes[id];
    if (!node) continue;
    const before = Math.max(0, ...(inputsOf.get(id) ?? []).map((s) => depth.get(s) ?? 0));
    const own = node.paramCount.total > 0 && node.kind !== 'BatchNorm' ? 1 : 0;
    depth.set(id, before + own);
    deepest = Math.max(deepest, before + own);
  }
  return deepest;
}

const published = (value: number | null): Figure | null => (value === null ? null : { value, from: 'published' });

/** Template analyses are the same on every call: count each once. */
const counted = new Map<string, { depth: number; params: number; macs: number } | null>();

function countTemplate(id: string) {
  if (!counted.has(id)) {
    const template = getTemplate(id);
    let figures: { depth: number; params: number; macs: number } | null = null;
    if (template) {
      const graph = template.build();
      const analysis = analyzeGraph(graph);
      if (!analysis.diagnostics.some((d) => d.severity === 'error'))
        figures = { depth: weightDepth(graph, analysis), params: analysis.totals.params, macs: analysis.totals.macs };
    }
    counted.set(id, figures);
  }
  return counted.get(id) ?? null;
}

export function timelinePoint(entry: TimelineEntry): TimelinePoint {
  const live = entry.template ? countTemplate(entry.template) : null;
  if (live) {
    return {
      entry,
      depth: { value: live.depth, from: 'computed' },
      params: { value: live.params, from: 'computed' },
      macs: { value: live.macs, from: 'computed' },
    };
  }
  return {
    entry,
    depth: published(entry.published.depth),
    params: published(entry.published.params),
    macs: published(entry.published.macs),
  };
}

/** The user's network for the depth / cost view; null where it has errors (its counts would mislead). */
export function ownPoint(name: string, graph: Graph, analysis: Analysis = analyzeGraph(graph)): OwnPoint | null {
  if (analysis.diagnostics.some((d) => d.severity === 'error') || analysis.order.length === 0) return null;
  return { name, depth: weightDepth(graph, analysis), params: analysis.totals.params, macs: analysis.totals.macs };
}

export function buildTimeline(own: OwnPoint | null = null): Timeline {
  return { points: IMAGENET_TIMELINE.map(timelinePoint), human: HUMAN_TOP5, own };
}

/** One JSON-ready row per network, for `netwright timeline --json` and tests. */
export function timelineJson(timeline: Timeline) {
  return {
    human: { top5: timeline.human.value, note: timeline.human.note, source: timeline.human.source },
    networks: timeline.points.map((p) => ({
      id: p.entry.id,
      name: p.entry.name,
      year: p.entry.year,
      top5: p.entry.top5.value,
      evaluation: p.entry.top5.evaluation,
      top5Note: p.entry.top5.note,
      singleModelTop5: p.entry.singleModel?.value ?? null,
      singleModelNote: p.entry.singleModel?.note ?? null,
      depth: p.depth?.value ?? null,
      params: p.params?.value ?? null,
      macs: p.macs?.value ?? null,
      countedFrom: p.depth?.from === 'computed' ? `template ${p.entry.template}` : 'reference figures',
      published: p.entry.published,
      source: p.entry.source,
      ...(p.entry.templateNote ? { templateNote: p.entry.templateNote } : {}),
      ...(p.entry.note ? { note: p.entry.note } : {}),
    })),
    own: timeline.own,
  };
}

import type { Edge as FlowEdge, Node } from '@xyflow/react';
import { type Analysis, formatMacs, formatShape, type Totals } from '../../shared/analysis';
import type { Graph, Group, LayerNode } from '../../shared/graph/types';
import { type Language, type Translator, translator } from '../../shared/i18n';
import { getLayerSpec, validateParams } from '../../shared/layers';

export interface LayerNodeInfo {
  summary: string;
  shape: string;
  params: string;
  macs: string;
  /**
   * Heat colour by share of the network's multiply-adds (or parameters, where it has
   * none). Quantised, so an edit elsewhere does not repaint every node.
   */
  heat: string;
  severity: 'error' | 'warning' | null;
  problems: string;
  /** The name of the layer whose weights this one uses (a Keras layer applied again), or null. */
  sharesWith: string | null;
}

export type LayerFlowNode = Node<{ layer: LayerNode; info: LayerNodeInfo }, 'layer'>;
export type ModuleFlowNode = Node<{ group: Group; totals: Totals | undefined; members: number }, 'module'>;
export type FrameFlowNode = Node<{ group: Group; totals: Totals | undefined }, 'frame'>;
export type FlowNode = LayerFlowNode | ModuleFlowNode | FrameFlowNode;

type NodeCache = Map<string, { source: object; key: string; node: FlowNode }>;

/** A node's name for screen readers, with separators: its visual lines alone ran together ("Inputinput32×32×3"). */
export function spokenName(layer: LayerNode, info: LayerNodeInfo, language: Language = 'en'): string {
  const { t } = translator('ui', language);
  return [
    t('panels.canvas.spokenLayer', { kind: layer.kind, name: layer.name }),
    info.summary,
    t('panels.canvas.spokenOutput', { shape: info.shape }),
    info.params,
    info.macs,
    info.problems,
  ]
    .filter(Boolean)
    .join(', ');
}

export const nodeSize = { width: 176, height: 96 };
const framePad = 24;

function summaryOf(layer: LayerNode, analysis: Analysis): string {
  if (layer.kind === 'Input') return '';
  const spec = getLayerSpec(layer.kind);
  const params = analysis.nodes[layer.id]?.params ?? (spec ? validateParams(layer.kind, layer.params) : null);
  if (!spec || !params || ('ok' in params && !params.ok)) return '';
  try {
    return spec.summary('ok' in params ? (params as { params: Record<string, unknown> }).params : params);
  } catch {
    return '';
  }
}

function infoOf(
  layer: LayerNode,
  analysis: Analysis,
  problems: Map<string, { severity: string; message: string }[]>,
  ui: Translator<'ui'>,
  names: ReadonlyMap<string, string>,
): LayerNodeInfo {
  const a = analysis.nodes[layer.id];
  const list = problems.get(layer.id) ?? [];
  const total = analysis.totals.macs || 0;
  const share = a
    ? total > 0
      ? a.macs / total
      : analysis.totals.params > 0
        ? a.paramCount.total / analysis.totals.params
        : 0
    : 0;
  const t = Math.round(Math.min(1, Math.sqrt(Math.max(0, share)) * 2) * 12) / 12;
  return {
    summary: summaryOf(layer, analysis),
    shape: a?.outputShape ? formatShape(a.outputShape) : '?',
    params: a ? ui.t('panels.canvas.params', { params: ui.int(a.paramCount.total) }) : '',
    macs: a && a.macs > 0 ? ui.decimal(formatMacs(a.macs)) : '',
    heat: `hsl(${Math.round(210 - 180 * t)} ${Math.round(20 + 70 * t)}% 55%)`,
    severity: list.some((p) => p.severity === 'error')
      ? 'error'
      : list.some((p) => p.severity === 'warning')
        ? 'warning'
        : null,
    problems: list.map((p) => p.message).join('\n'),
    sharesWith:
      layer.sharesWeightsWith === undefined ? null : (names.get(layer.sharesWeightsWith) ?? layer.sharesWeightsWith),
  };
}

const infoKey = (i: LayerNodeInfo) =>
  `${i.summary}|${i.shape}|${i.params}|${i.macs}|${i.heat}|${i.severity}|${i.problems}|${i.sharesWith}`;

/** The outermost collapsed module holding a node, if any: that module stands in for it on the canvas. */
export function collapsedOwner(layer: LayerNode, groups: Map<string, Group>): Group | null {
  let owner: Group | null = null;
  let id = layer.groupId;
  while (id) {
    const g = groups.get(id);
    if (!g) break;
    if (g.collapsed) owner = g;
    id = g.parentId;
  }
  return owner;
}

function bounds(members: LayerNode[]) {
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (const m of members) {
    const p = m.position ?? { x: 0, y: 0 };
    minX = Math.min(minX, p.x);
    minY = Math.min(minY, p.y);
    maxX = Math.max(maxX, p.x + nodeSize.width);
    maxY = Math.max(maxY, p.y + nodeSize.height);
  }
  return { minX, minY, maxX, maxY };
}

/**
 * Projects the graph and its analysis onto React Flow. Node objects are reused while
 * nothing they show changed, so React Flow re-renders only what did.
 */
export class FlowModel {
  /** Per node id: what it was made from (the layer or group object), what it shows, and the node. */
  private cache: NodeCache = new Map();
  private edgeCache = new Map<string, { key: string; edge: FlowEdge }>();
  /**
   * Sizes React Flow measured. Handing them back with every new node object spares it
   * re-measuring (and re-rendering) nodes that did not change size.
   */
  readonly measured = new Map<string, { width: number; height: number }>();

  /**
   * The cached node for `id` while its source object and `key` are unchanged and it carries the
   * size React Flow last measured; otherwise a new one from `make`, with that size. A node
   * without it makes React Flow forget its handle positions, hide its edges until it has
   * measured the node again and then mount them anew: an inspector edit on a 1,000-node graph
   * spent most of its time re-mounting edges. Cached nodes made before React Flow measured
   * them are therefore renewed too.
   */
  private reuse<T extends FlowNode>(next: NodeCache, id: string, source: object, key: string, make: () => T): T {
    const cached = this.cache.get(id);
    const measured = this.measured.get(id);
    const node =
      cached && cached.source === source && cached.key === key && cached.node.measured === measured
        ? (cached.node as T)
        : measured
          ? { ...make(), measured }
          : make();
    next.set(id, { source, key, node });
    return node;
  }

  nodes(
    graph: Graph,
    analysis: Analysis,
    selection: ReadonlySet<string>,
    diagnostics: readonly { nodeId: string | null; severity: string; message: string }[] = analysis.diagnostics,
    language: Language = 'en',
  ): FlowNode[] {
    const ui = translator('ui', language);
    const problems = new Map<string, { severity: string; message: string }[]>();
    for (const d of diagnostics) {
      if (!d.nodeId || d.severity === 'info') continue;
      const list = problems.get(d.nodeId) ?? [];
      list.push(d);
      problems.set(d.nodeId, list);
    }
    const groups = new Map(graph.groups.map((g) => [g.id, g]));
    const out: FlowNode[] = [];
    const next: NodeCache = new Map();
    const membersByGroup = new Map<string, LayerNode[]>();
    for (const layer of graph.nodes) {
      let gid = layer.groupId;
      while (gid) {
        const list = membersByGroup.get(gid) ?? [];
        list.push(layer);
        membersByGroup.set(gid, list);
        gid = groups.get(gid)?.parentId;
      }
    }
    for (const group of graph.groups) {
      const members = membersByGroup.get(group.id) ?? [];
      if (members.length === 0) continue;
      const hiddenByAncestor = members.every((m) => {
        const owner = collapsedOwner(m, groups);
        return owner !== null && owner.id !== group.id;
      });
      if (hiddenByAncestor) continue;
      const b = bounds(members);
      const totals = analysis.groups[group.id];
      const selected = selection.has(group.id);
      const key = JSON.stringify([group.collapsed, b, totals, members.length, selected]);
      const node = this.reuse(next, group.id, group, key, (): ModuleFlowNode | FrameFlowNode =>
        group.collapsed
          ? {
              id: group.id,
              type: 'module',
              position: { x: b.minX, y: b.minY },
              data: { group, totals, members: members.length },
              selected,
            }
          : {
              id: group.id,
              type: 'frame',
              position: { x: b.minX - framePad, y: b.minY - framePad - 18 },
              style: { width: b.maxX - b.minX + 2 * framePad, height: b.maxY - b.minY + 2 * framePad + 18 },
              data: { group, totals },
              draggable: false,
              selectable: false,
              zIndex: -1,
            },
      );
      out.push(node);
    }
    // Owners' names, for the nodes that use another's weights (the map stays empty without any).
    const names = new Map(
      graph.nodes.some((n) => n.sharesWeightsWith !== undefined) ? graph.nodes.map((n) => [n.id, n.name]) : [],
    );
    for (const layer of graph.nodes) {
      if (collapsedOwner(layer, groups)) continue;
      const info = infoOf(layer, analysis, problems, ui, names);
      const selected = selection.has(layer.id);
      const key = `${infoKey(info)}|${selected}|${language}`;
      out.push(
        this.reuse(next, layer.id, layer, key, () => ({
          id: layer.id,
          type: 'layer' as const,
          position: layer.position ?? { x: 0, y: 0 },
          data: { layer, info },
          selected,
          ariaLabel: spokenName(layer, info, language),
        })),
      );
    }
    this.cache = next;
    return out;
  }

  edges(graph: Graph, language: Language = 'en'): FlowEdge[] {
    const { t } = translator('ui', language);
    const groups = new Map(graph.groups.map((g) => [g.id, g]));
    const owner = new Map<string, string>();
    for (const layer of graph.nodes) {
      const g = collapsedOwner(layer, groups);
      if (g) owner.set(layer.id, g.id);
    }
    const multi = new Set(
      graph.nodes.filter((n) => getLayerSpec(n.kind)?.inputs.max === Number.POSITIVE_INFINITY).map((n) => n.id),
    );
    const seen = new Set<string>();
    const edges: FlowEdge[] = [];
    const next = new Map<string, { key: string; edge: FlowEdge }>();
    for (const e of graph.edges) {
      const source = owner.get(e.source) ?? e.source;
      const target = owner.get(e.target) ?? e.target;
      if (source === target) continue;
      const id = source === e.source && target === e.target ? e.id : `${source}=>${target}`;
      if (seen.has(id)) continue;
      seen.add(id);
      const label = multi.has(e.target) && target === e.target ? `${e.targetIndex + 1}` : undefined;
      const key = `${source}|${target}|${label}|${language}`;
      const cached = this.edgeCache.get(id);
      const edge =
        cached?.key === key
          ? cached.edge
          : {
              id,
              source,
              target,
              label,
              ariaLabel: t('panels.canvas.spokenEdge', { source: e.source, target: e.target }),
            };
      next.set(id, { key, edge });
      edges.push(edge);
    }
    this.edgeCache = next;
    return edges;
  }
}

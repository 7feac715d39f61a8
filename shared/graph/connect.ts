import { getLayerSpec } from '../layers/registry';
import type { Graph } from './types';

export type ConnectCheck = { ok: true; targetIndex: number } | { ok: false; reason: string };

function reaches(graph: Graph, from: string, to: string): boolean {
  const next = new Map<string, string[]>();
  for (const e of graph.edges) {
    const list = next.get(e.source) ?? [];
    list.push(e.target);
    next.set(e.source, list);
  }
  const seen = new Set<string>();
  const stack = [from];
  while (stack.length) {
    const id = stack.pop()!;
    if (id === to) return true;
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...(next.get(id) ?? []));
  }
  return false;
}

/** Whether an edge source -> target may be drawn; the reason is shown to the user when not. */
export function checkConnection(graph: Graph, source: string, target: string): ConnectCheck {
  const targetNode = graph.nodes.find((n) => n.id === target);
  const sourceNode = graph.nodes.find((n) => n.id === source);
  if (!targetNode || !sourceNode) return { ok: false, reason: 'That node no longer exists.' };
  if (source === target) return { ok: false, reason: `'${targetNode.name}' cannot feed itself.` };
  const spec = getLayerSpec(targetNode.kind);
  const maxInputs = spec?.inputs.max ?? 1;
  if (maxInputs === 0) return { ok: false, reason: `'${targetNode.name}' is an Input: it takes no connections.` };
  const existing = graph.edges.filter((e) => e.target === target);
  if (existing.some((e) => e.source === source)) {
    return { ok: false, reason: `'${sourceNode.name}' is already connected to '${targetNode.name}'.` };
  }
  if (existing.length >= maxInputs) {
    return {
      ok: false,
      reason: `${targetNode.kind} '${targetNode.name}' takes one input and already has one: add a Concatenate or Add to merge branches.`,
    };
  }
  if (reaches(graph, target, source)) {
    return {
      ok: false,
      reason: `That would make a loop ('${targetNode.name}' already feeds '${sourceNode.name}'): data must flow one way.`,
    };
  }
  return { ok: true, targetIndex: existing.length };
}

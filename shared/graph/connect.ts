import { type DiagnosticText, english, said } from '../i18n/diagnosticText';
import { getLayerSpec } from '../layers/registry';
import type { Graph } from './types';

/** A refusal's English `reason`, and its `text` for any language (diagnosticText). */
export type ConnectCheck = { ok: true; targetIndex: number } | { ok: false; reason: string; text: DiagnosticText };

const refused = (text: DiagnosticText): ConnectCheck => ({ ok: false, reason: english(text), text });

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
  if (!targetNode || !sourceNode) return refused(said('connect.gone'));
  if (source === target) return refused(said('connect.self', { target: targetNode.name }));
  const spec = getLayerSpec(targetNode.kind);
  const maxInputs = spec?.inputs.max ?? 1;
  if (maxInputs === 0) return refused(said('connect.input', { target: targetNode.name }));
  const existing = graph.edges.filter((e) => e.target === target);
  if (existing.some((e) => e.source === source)) {
    return refused(said('connect.already', { source: sourceNode.name, target: targetNode.name }));
  }
  if (existing.length >= maxInputs) {
    return refused(said('connect.full', { kind: targetNode.kind, target: targetNode.name }));
  }
  if (reaches(graph, target, source)) {
    return refused(said('connect.loop', { target: targetNode.name, source: sourceNode.name }));
  }
  return { ok: true, targetIndex: existing.length };
}

import type { Edge as FlowEdge } from '@xyflow/react';
import { vi } from 'vitest';
import { type Action, type ActionContext, isEnabled } from '../../../renderer/actions/actions';
import type { FlowNode } from '../../../renderer/canvas/flowModel';
import { useDocumentStore } from '../../../renderer/store/documentStore';
import { useUiStore } from '../../../renderer/store/uiStore';
import type { Graph, LayerNode } from '../../../shared/graph/types';

const layer = (id: string, kind: string, x: number, groupId?: string): LayerNode => ({
  id,
  name: id,
  kind,
  params: {},
  position: { x, y: 0 },
  ...(groupId ? { groupId } : {}),
});

/** input → conv → bn → relu, with bn and relu in the expanded module `group:block`. */
export function sampleGraph(): Graph {
  return {
    nodes: [
      layer('input', 'Input', 0),
      layer('conv', 'Conv2D', 200),
      layer('bn', 'BatchNorm', 400, 'group:block'),
      layer('relu', 'Activation', 600, 'group:block'),
    ],
    edges: [
      { id: 'input->conv:0', source: 'input', target: 'conv', targetIndex: 0 },
      { id: 'conv->bn:0', source: 'conv', target: 'bn', targetIndex: 0 },
      { id: 'bn->relu:0', source: 'bn', target: 'relu', targetIndex: 0 },
    ],
    groups: [{ id: 'group:block', name: 'block', template: 'custom', collapsed: false }],
  };
}

/**
 * What React Flow gives the actions, without a browser: the document's nodes and
 * edges, the canvas's own edge selection, and a record of the viewport calls.
 */
function fakeFlow(selectedEdges: Set<string>) {
  const doc = () => useDocumentStore.getState();
  const nodes = (): FlowNode[] =>
    doc().graph.nodes.map(
      (n) =>
        ({
          id: n.id,
          type: 'layer',
          position: n.position ?? { x: 0, y: 0 },
          data: {},
          measured: { width: 180, height: 100 },
        }) as unknown as FlowNode,
    );
  return {
    getNodes: nodes,
    getNode: (id: string) => nodes().find((n) => n.id === id),
    getEdges: (): FlowEdge[] =>
      doc().graph.edges.map((e) => ({
        id: e.id,
        source: e.source,
        target: e.target,
        selected: selectedEdges.has(e.id),
      })),
    getNodesBounds: (picked: FlowNode[]) => {
      const xs = picked.map((n) => n.position.x);
      const ys = picked.map((n) => n.position.y);
      const x = Math.min(...xs);
      const y = Math.min(...ys);
      return { x, y, width: Math.max(...xs) + 180 - x, height: Math.max(...ys) + 100 - y };
    },
    fitView: vi.fn(async () => true),
    zoomTo: vi.fn(async () => true),
    setCenter: vi.fn(async () => true),
  };
}

/**
 * A headless editor (after tldraw's TestEditor): the real document and UI stores and
 * the real actions, with React Flow replaced by `fakeFlow`.
 */
export class TestEditor {
  readonly selectedEdges = new Set<string>();
  readonly flow = fakeFlow(this.selectedEdges);
  readonly ctx = { flow: this.flow } as unknown as ActionContext;

  constructor(graph: Graph = sampleGraph()) {
    useUiStore.setState({
      clipboard: null,
      shortcutsOpen: false,
      startOpen: false,
      layoutDirection: 'RIGHT',
      toasts: [],
    });
    this.doc.load(graph, 'net');
  }

  get doc() {
    return useDocumentStore.getState();
  }

  get ui() {
    return useUiStore.getState();
  }

  get graph(): Graph {
    return this.doc.graph;
  }

  node(id: string): LayerNode | undefined {
    return this.graph.nodes.find((n) => n.id === id);
  }

  select(...ids: string[]): this {
    this.doc.select(ids);
    return this;
  }

  enabled(action: Action): boolean {
    return isEnabled(action, this.ctx);
  }

  /** Runs the action as the keyboard and the menu do (nothing when disabled) and waits for it. */
  async run(action: Action): Promise<boolean> {
    if (!isEnabled(action, this.ctx)) return false;
    await action.perform(this.ctx);
    // Async actions (open, save, export) finish their follow-ups on later ticks.
    await new Promise((r) => setTimeout(r, 0));
    return true;
  }
}

/** A key press as the browser reports it, from a shortcut as the app shows it ('Ctrl+Shift+Z', 'Esc', '?'). */
export function keyEvent(shortcut: string, modifier: 'ctrlKey' | 'metaKey' = 'ctrlKey'): KeyboardEvent {
  const parts = shortcut.split('+');
  const last = parts.at(-1)!;
  const key = last === 'Esc' ? 'Escape' : last.length === 1 ? last.toLowerCase() : last;
  return {
    key,
    ctrlKey: modifier === 'ctrlKey' && parts.includes('Ctrl'),
    metaKey: modifier === 'metaKey' && parts.includes('Ctrl'),
    shiftKey: parts.includes('Shift'),
    altKey: false,
  } as KeyboardEvent;
}

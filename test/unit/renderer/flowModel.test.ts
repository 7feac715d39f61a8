import { describe, expect, it } from 'vitest';
import { FlowModel, type FlowNode } from '../../../renderer/canvas/flowModel';
import { analyzeGraph } from '../../../shared/analysis';
import { applyChanges } from '../../../shared/graph/changes';
import type { Graph } from '../../../shared/graph/types';
import { syntheticGraph } from '../analysis/synthetic';

const none = new Set<string>();

/** What React Flow does after rendering: it measures every node and reports the sizes. */
function measureAll(model: FlowModel, nodes: FlowNode[]) {
  for (const n of nodes) model.measured.set(n.id, { width: 176, height: 96 + (n.id.length % 3) });
}

function withCollapsedAndExpandedModules(): Graph {
  let graph = syntheticGraph(120);
  const [first, second] = graph.groups;
  graph = applyChanges(graph, [
    { type: 'setGroupCollapsed', id: first!.id, collapsed: true },
    { type: 'setGroupCollapsed', id: second!.id, collapsed: false },
  ]);
  return graph;
}

describe('FlowModel hands React Flow the sizes it measured', () => {
  it('gives every node of the next projection its measured size, layers, modules and frames alike', () => {
    const model = new FlowModel();
    const graph = withCollapsedAndExpandedModules();
    const first = model.nodes(graph, analyzeGraph(graph), none);
    expect(new Set(first.map((n) => n.type))).toEqual(new Set(['layer', 'module', 'frame']));
    measureAll(model, first);

    // An edit: one layer's filters change, which changes the numbers downstream too.
    const conv = graph.nodes.find((n) => n.kind === 'Conv2D' && !n.groupId)!;
    const edited = applyChanges(graph, [{ type: 'setParams', id: conv.id, params: { ...conv.params, filters: 40 } }]);
    const next = model.nodes(edited, analyzeGraph(edited), none);
    // A node without its size makes React Flow forget its handles and re-mount its edges.
    for (const n of next) expect(n.measured, `${n.type} ${n.id}`).toBe(model.measured.get(n.id));
  });

  it('reuses a node object, once measured, while nothing it shows changes', () => {
    const model = new FlowModel();
    const graph = withCollapsedAndExpandedModules();
    const analysis = analyzeGraph(graph);
    measureAll(model, model.nodes(graph, analysis, none));
    const measuredOnce = model.nodes(graph, analysis, none);
    const again = model.nodes(graph, analysis, none);
    expect(again).toHaveLength(measuredOnce.length);
    for (const [i, n] of again.entries()) expect(n).toBe(measuredOnce[i]);
  });

  it('makes a new object for a node whose numbers changed, and keeps the others', () => {
    const model = new FlowModel();
    const graph = syntheticGraph(60);
    measureAll(model, model.nodes(graph, analyzeGraph(graph), none));
    const before = model.nodes(graph, analyzeGraph(graph), none);
    const last = graph.nodes.at(-1)!;
    const renamed = applyChanges(graph, [{ type: 'rename', id: last.id, name: 'renamed_head' }]);
    const after = model.nodes(renamed, analyzeGraph(renamed), none);
    const changed = after.filter((n, i) => n !== before[i]).map((n) => n.id);
    expect(changed).toEqual([last.id]);
  });
});

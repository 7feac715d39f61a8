import { describe, expect, it, vi } from 'vitest';
import { applyChanges } from '../../../shared/graph/changes';
import { syntheticGraph } from '../analysis/synthetic';

const calls = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../../shared/analysis', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../shared/analysis')>();
  return {
    ...real,
    analyzeGraph: (...args: Parameters<typeof real.analyzeGraph>) => {
      calls.count += 1;
      return real.analyzeGraph(...args);
    },
  };
});

const { analysisOf } = await import('../../../renderer/store/useAnalysis');

describe('the editor re-analyses only when the numbers can change', () => {
  it('does not re-run the analysis when nodes move (dragging stays cheap at 1,000 nodes)', () => {
    let graph = syntheticGraph(1000);
    const first = analysisOf(graph);
    const before = calls.count;
    for (let i = 0; i < 20; i++) {
      graph = applyChanges(graph, [
        { type: 'moveNodes', moves: [{ id: graph.nodes[5]!.id, position: { x: i, y: i } }] },
      ]);
      expect(analysisOf(graph)).toBe(first);
    }
    expect(calls.count).toBe(before);
  });

  it('re-runs once for a parameter edit, a rename, a new edge or a frozen layer', () => {
    let graph = syntheticGraph(100);
    analysisOf(graph);
    const conv = graph.nodes.find((n) => n.kind === 'Conv2D')!;
    // Each edit applies to the graph the one before it left, so only that edit differs.
    const edits: ((g: typeof graph) => typeof graph)[] = [
      (g) => applyChanges(g, [{ type: 'setParams', id: conv.id, params: { ...conv.params, filters: 7 } }]),
      (g) => applyChanges(g, [{ type: 'rename', id: conv.id, name: 'renamed' }]),
      (g) => applyChanges(g, [{ type: 'removeEdges', ids: [g.edges[3]!.id] }]),
      (g) => applyChanges(g, [{ type: 'setFrozen', ids: [conv.id], frozen: true }]),
    ];
    for (const edit of edits) {
      const edited = edit(graph);
      const before = calls.count;
      const a = analysisOf(edited);
      analysisOf(edited);
      expect(calls.count).toBe(before + 1);
      graph = edited;
      expect(a).toBeDefined();
    }
  });
});

describe('unlinking shared weights re-runs the analysis', () => {
  it('the counts grow by the layer’s weights once the second call has its own (siamese Dense: 77 → 145)', async () => {
    const { importKerasJson } = await import('../../../shared/import');
    const { siameseDense } = await import('../import/sharedFixtures');
    const r = importKerasJson(siameseDense());
    if (!r.ok) throw new Error(r.error);
    const second = r.graph.nodes.find((n) => n.sharesWeightsWith !== undefined)!;
    expect(analysisOf(r.graph).totals.params).toBe(77);
    const unlinked = applyChanges(r.graph, [{ type: 'unshareWeights', ids: [second.id] }]);
    expect(unlinked.nodes.find((n) => n.id === second.id)!.sharesWeightsWith).toBeUndefined();
    // embed's 16·4 + 4 = 68 weights, now counted twice.
    expect(analysisOf(unlinked).totals.params).toBe(77 + 68);
  });
});

import { describe, expect, it } from 'vitest';
import { analyzeGraph } from '../../../shared/analysis';
import { GraphBuilder } from '../../../shared/graph/builder';

describe('validated-params cache', () => {
  it('reuses validated params while the params object is unchanged, and revalidates a new one', () => {
    const b = new GraphBuilder();
    b.add('Conv2D', { filters: 4, kernelSize: [3, 3] }, [b.input([8, 8, 3])], 'conv');
    const graph = b.build();
    const first = analyzeGraph(graph).nodes.conv!.params;
    expect(analyzeGraph(graph).nodes.conv!.params).toBe(first);

    const conv = graph.nodes[1]!;
    conv.params = { ...conv.params, filters: 8 };
    const edited = analyzeGraph(graph).nodes.conv!;
    expect(edited.params).not.toBe(first);
    expect(edited.outputShape).toEqual([8, 8, 8]);
  });

  it('revalidates when the same params object appears under another kind', () => {
    const params = { units: 3 };
    const graph = new GraphBuilder().build();
    graph.nodes.push(
      { id: 'in', name: 'in', kind: 'Input', params: { shape: [4] } },
      { id: 'fc', name: 'fc', kind: 'Dense', params },
    );
    graph.edges.push({ id: 'e', source: 'in', target: 'fc', targetIndex: 0 });
    expect(analyzeGraph(graph).nodes.fc!.outputShape).toEqual([3]);
    graph.nodes[1]!.kind = 'Conv2D';
    const a = analyzeGraph(graph);
    expect(a.diagnostics.map((d) => d.code)).toContain('invalid-params');
  });
});

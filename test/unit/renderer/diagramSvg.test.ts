import { describe, expect, it } from 'vitest';
import { FlowModel } from '../../../renderer/canvas/flowModel';
import { diagramSvg } from '../../../renderer/export/diagramSvg';
import { analyzeGraph } from '../../../shared/analysis';
import { buildInceptionV3 } from '../../../shared/templates/inceptionV3';

describe('the diagram export', () => {
  it('draws every layer and one path per edge of Inception-v3, with names escaped', () => {
    const graph = buildInceptionV3();
    const model = new FlowModel();
    const nodes = model.nodes(graph, analyzeGraph(graph), new Set());
    const edges = model.edges(graph);
    const svg = diagramSvg(nodes, edges);
    expect(svg.match(/<path class="edge"/g)).toHaveLength(edges.length);
    expect(svg.match(/<g class="node"/g)).toHaveLength(nodes.filter((n) => n.type !== 'frame').length);
    const hostile = { ...graph, nodes: graph.nodes.map((n, i) => (i === 0 ? { ...n, name: '<b>&"x"' } : n)) };
    const escaped = diagramSvg(new FlowModel().nodes(hostile, analyzeGraph(hostile), new Set()), edges);
    expect(escaped).toContain('&lt;b&gt;&amp;&quot;x&quot;');
    expect(escaped).not.toContain('<b>');
  });
});

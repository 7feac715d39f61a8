import { describe, expect, it } from 'vitest';
import { analyzeGraph } from '../../../shared/analysis';
import { GraphBuilder } from '../../../shared/graph/builder';
import type { Graph } from '../../../shared/graph/types';
import { codes, only } from './helpers';

const edge = (source: string, target: string, targetIndex = 0) => ({
  id: `${source}->${target}:${targetIndex}`,
  source,
  target,
  targetIndex,
});

describe('diagnostics', () => {
  it('reports every node on a cycle, naming the loop, and stays quiet after it', () => {
    const b = new GraphBuilder();
    const x = b.input([8, 8, 3]);
    const add = b.add('Add', {}, [x], 'add');
    const c1 = b.add('Conv2D', { filters: 3, kernelSize: [3, 3] }, [add], 'c1');
    const c2 = b.add('Conv2D', { filters: 3, kernelSize: [3, 3] }, [c1], 'c2');
    b.add('Activation', {}, [c2], 'after');
    const graph = b.build();
    graph.edges.push(edge('c2', 'add', 1));
    const a = analyzeGraph(graph);

    expect(codes(a, 'error').sort()).toEqual(['cycle@add', 'cycle@c1', 'cycle@c2']);
    const onC1 = a.diagnostics.find((d) => d.nodeId === 'c1')!;
    expect(onC1.message).toContain("Conv2D 'c1' is part of a loop: 'c1' → 'c2' → 'add' → 'c1'");
    expect(a.nodes.after!.outputShape).toBeNull();
    expect(codes(a, 'info')).toHaveLength(1);
    expect(a.order).toEqual(['input', 'add', 'c1', 'c2', 'after']);
    expect(a.nodes.input!.outputShape).toEqual([8, 8, 3]);
  });

  it('reports a layer wired to itself', () => {
    const b = new GraphBuilder();
    const x = b.input([8, 8, 3]);
    b.add('Add', {}, [x], 'add');
    const graph = b.build();
    graph.edges.push(edge('add', 'add', 1));
    const d = only(analyzeGraph(graph), 'cycle');
    expect(d).toMatchObject({ nodeId: 'add', severity: 'error' });
    expect(d.message).toBe("Add 'add' is connected to itself — remove that connection");
  });

  it('reports a layer with no input, and a merge with too few', () => {
    const b = new GraphBuilder();
    const x = b.input([8, 8, 3]);
    b.add('Conv2D', { filters: 3, kernelSize: [3, 3] }, [], 'loose');
    b.add('Concatenate', {}, [x], 'lonely');
    const a = analyzeGraph(b.build());
    expect(codes(a, 'error')).toEqual(['unconnected-input@loose', 'unconnected-input@lonely']);
    expect(a.diagnostics[0]!.message).toBe("Conv2D 'loose' has no input — connect a layer into it");
    expect(a.diagnostics[1]!.message).toBe("Concatenate 'lonely' needs at least 2 inputs but has 1 — connect 1 more");
  });

  it('reports too many inputs, suggesting a merge', () => {
    const b = new GraphBuilder();
    const x = b.input([8, 8, 3]);
    const c1 = b.add('Conv2D', { filters: 3, kernelSize: [1, 1] }, [x], 'c1');
    b.add('Conv2D', { filters: 3, kernelSize: [3, 3] }, [x, c1], 'conv3');
    const a = analyzeGraph(b.build());
    expect(codes(a)).toEqual(['too-many-inputs@conv3']);
    expect(only(a, 'too-many-inputs').message).toBe(
      "Conv2D 'conv3' takes one input but has 2 — add a Concatenate or Add to merge them",
    );
    expect(a.nodes.conv3!.outputShape).toBeNull();
  });

  it('reports an Input that has an incoming connection', () => {
    const b = new GraphBuilder();
    const x = b.input([8, 8, 3]);
    b.input([8, 8, 3], 'second');
    const graph = b.build();
    graph.edges.push(edge(x.id, 'second'));
    expect(only(analyzeGraph(graph), 'too-many-inputs').message).toBe(
      "Input 'second' takes no inputs but has 1 — an Input starts the network, so remove the incoming connection",
    );
  });

  it('reports an unknown kind', () => {
    const b = new GraphBuilder();
    const x = b.input([8, 8, 3]);
    b.add('Conv3D', { filters: 3 }, [x], 'vol');
    const a = analyzeGraph(b.build());
    expect(only(a, 'unknown-kind')).toMatchObject({ nodeId: 'vol', severity: 'error' });
    expect(only(a, 'unknown-kind').message).toContain('"Conv3D"');
    expect(a.nodes.vol).toMatchObject({ kind: 'Conv3D', outputShape: null });
    expect(a.nodes.vol!.params).toBeUndefined();
  });

  it('reports invalid parameters with the value, and leaves params unset', () => {
    const b = new GraphBuilder();
    const x = b.input([8, 8, 3]);
    b.add('Conv2D', { filters: 0, kernelSize: [3, 3] }, [x], 'bad');
    const a = analyzeGraph(b.build());
    const d = only(a, 'invalid-params');
    expect(d.nodeId).toBe('bad');
    expect(d.message).toMatch(/^Conv2D 'bad' has invalid settings: filters: .*got 0/);
    expect(a.nodes.bad!.params).toBeUndefined();
  });

  it('reports a Concatenate whose inputs differ spatially, naming the shapes', () => {
    const b = new GraphBuilder();
    const x = b.input([8, 8, 3]);
    const half = b.add('Conv2D', { filters: 3, kernelSize: [3, 3], strides: [2, 2] }, [x], 'half');
    b.add('Concatenate', {}, [x, half], 'cat');
    const d = only(analyzeGraph(b.build()), 'shape-error');
    expect(d.nodeId).toBe('cat');
    expect(d.message).toContain("Concatenate 'cat'");
    expect(d.message).toContain('[8, 8, 3]');
    expect(d.message).toContain('[4, 4, 3]');
  });

  it('reports an Add whose inputs differ', () => {
    const b = new GraphBuilder();
    const x = b.input([8, 8, 3]);
    const wider = b.add('Conv2D', { filters: 6, kernelSize: [1, 1] }, [x], 'wider');
    b.add('Add', {}, [x, wider], 'sum');
    const d = only(analyzeGraph(b.build()), 'shape-error');
    expect(d.nodeId).toBe('sum');
    expect(d.message).toContain("Add 'sum'");
  });

  it('reports a window that no longer fits (a dimension reaching zero)', () => {
    const b = new GraphBuilder();
    const x = b.input([4, 4, 3]);
    b.add('Conv2D', { filters: 3, kernelSize: [5, 5], padding: 'valid' }, [x], 'big');
    const d = only(analyzeGraph(b.build()), 'shape-error');
    expect(d.message).toMatch(/^Conv2D 'big': A 5×5 kernel does not fit a 4×4 input/);
  });

  it('does not cascade: layers after an error get no shape and one info in all', () => {
    const b = new GraphBuilder();
    const x = b.input([4, 4, 3]);
    const big = b.add('Conv2D', { filters: 3, kernelSize: [5, 5], padding: 'valid' }, [x], 'big');
    const bn = b.add('BatchNorm', {}, [big], 'bn');
    const relu = b.add('Activation', {}, [bn], 'relu');
    const side = b.add('Conv2D', { filters: 3, kernelSize: [1, 1] }, [x], 'side');
    b.add('Concatenate', {}, [relu, side], 'cat');
    const a = analyzeGraph(b.build());
    expect(codes(a)).toEqual(['shape-error@big', 'downstream-unknown@big']);
    expect(a.diagnostics[1]!.severity).toBe('info');
    expect(a.diagnostics[1]!.message).toContain('3 layers after it');
    for (const id of ['big', 'bn', 'relu', 'cat']) {
      expect(a.nodes[id]).toMatchObject({ outputShape: null, receptiveField: null, macs: 0, activationElements: 0 });
    }
    // Everything that can be computed still is.
    expect(a.nodes.side!.outputShape).toEqual([4, 4, 3]);
    expect(a.totals.params).toBe(3 * 3 + 3);
  });

  it('still reports a blocked layer’s own problems', () => {
    const b = new GraphBuilder();
    const x = b.input([4, 4, 3]);
    const big = b.add('Conv2D', { filters: 3, kernelSize: [5, 5], padding: 'valid' }, [x], 'big');
    b.add('Dense', { units: -1 }, [big], 'fc');
    const a = analyzeGraph(b.build());
    expect(codes(a)).toEqual(['shape-error@big', 'invalid-params@fc']);
  });

  it('reports duplicate names on the later layer', () => {
    const b = new GraphBuilder();
    const x = b.input([8, 8, 3]);
    b.add('Conv2D', { filters: 3, kernelSize: [1, 1] }, [x], 'conv');
    b.add('Conv2D', { filters: 3, kernelSize: [1, 1] }, [x], 'conv_b');
    const graph = b.build();
    graph.nodes[2]!.name = 'conv';
    const d = only(analyzeGraph(graph), 'duplicate-name');
    expect(d).toMatchObject({ nodeId: 'conv_b', severity: 'error' });
    expect(d.message).toContain("Conv2D 'conv' has the same name as another layer");
  });

  it('reports a duplicate id and analyses the first node under it', () => {
    const b = new GraphBuilder();
    b.input([8, 8, 3]);
    const graph = b.build();
    graph.nodes.push({ id: 'input', name: 'other', kind: 'Input', params: { shape: [2, 2, 1] } });
    const a = analyzeGraph(graph);
    expect(only(a, 'duplicate-id').nodeId).toBe('input');
    expect(a.order).toEqual(['input']);
    expect(a.nodes.input!.outputShape).toEqual([8, 8, 3]);
  });

  it('reports connections to or from missing layers and ignores them', () => {
    const b = new GraphBuilder();
    const x = b.input([8, 8, 3]);
    b.add('Activation', {}, [x], 'relu');
    const graph = b.build();
    graph.edges.push(edge('ghost', 'relu', 1), edge('relu', 'ghost'), edge('ghost', 'phantom'));
    const a = analyzeGraph(graph);
    expect(codes(a)).toEqual(['missing-node@relu', 'missing-node@relu', 'missing-node@-']);
    expect(a.diagnostics[0]!.message).toContain(
      "into Activation 'relu' comes from a layer that does not exist ('ghost')",
    );
    expect(a.nodes.relu!.outputShape).toEqual([8, 8, 3]);
    expect(a.outputs).toEqual(['relu']);
  });

  it('warns about a branch whose output nothing uses, naming the real output', () => {
    const b = new GraphBuilder();
    const x = b.input([8, 8, 3]);
    const conv = b.add('Conv2D', { filters: 3, kernelSize: [1, 1] }, [x], 'conv');
    b.add('Conv2D', { filters: 3, kernelSize: [3, 3] }, [conv], 'forgotten');
    const gap = b.add('GlobalAvgPool2D', {}, [x], 'gap');
    b.add('Dense', { units: 2 }, [gap], 'predictions');
    const a = analyzeGraph(b.build());
    expect(a.outputs).toEqual(['forgotten', 'predictions']);
    const d = only(a, 'unused-output');
    expect(d).toMatchObject({ nodeId: 'forgotten', severity: 'warning' });
    expect(d.message).toContain("besides 'predictions'");
  });

  it('without a head layer, treats the deepest sink as the intended output', () => {
    const b = new GraphBuilder();
    const x = b.input([8, 8, 3]);
    b.add('Conv2D', { filters: 3, kernelSize: [1, 1] }, [x], 'stub');
    const c1 = b.add('Conv2D', { filters: 3, kernelSize: [1, 1] }, [x], 'c1');
    b.add('Conv2D', { filters: 3, kernelSize: [1, 1] }, [c1], 'c2');
    expect(codes(analyzeGraph(b.build()))).toEqual(['unused-output@stub']);
  });

  it('does not warn about a graph with one output', () => {
    const b = new GraphBuilder();
    b.add('Conv2D', { filters: 3, kernelSize: [1, 1] }, [b.input([8, 8, 3])], 'c');
    expect(codes(analyzeGraph(b.build()))).toEqual([]);
  });

  it('returns an empty analysis for an empty graph', () => {
    const a = analyzeGraph({ nodes: [], edges: [], groups: [] } satisfies Graph);
    expect(a).toMatchObject({ order: [], diagnostics: [], outputs: [] });
    expect(a.totals.params).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { analyzeGraph } from '../../../shared/analysis';
import { codes } from './helpers';
import { syntheticGraph } from './synthetic';

describe('syntheticGraph', () => {
  it('has exactly the requested number of nodes', () => {
    for (const n of [0, 1, 2, 3, 7, 8, 9, 23, 31, 100, 1000]) expect(syntheticGraph(n).nodes).toHaveLength(n);
  });

  it('is deterministic per seed', () => {
    expect(syntheticGraph(300, 7)).toEqual(syntheticGraph(300, 7));
    expect(syntheticGraph(300, 7)).not.toEqual(syntheticGraph(300, 8));
  });

  it.each([1_000, 10_000])('analyses %i nodes without a single diagnostic', (n) => {
    const graph = syntheticGraph(n);
    const a = analyzeGraph(graph);
    expect(codes(a)).toEqual([]);
    expect(a.outputs).toEqual(['predictions']);
    expect(a.nodes.predictions!.outputShape).toEqual([1000]);
    const kinds = new Set(graph.nodes.map((node) => node.kind));
    for (const kind of ['Conv2D', 'BatchNorm', 'Activation', 'Concatenate', 'Add', 'MaxPool2D', 'AvgPool2D']) {
      expect(kinds).toContain(kind);
    }
    // Reductions happen but the image never collapses.
    const spatial = Object.values(a.nodes)
      .map((node) => node.outputShape!)
      .filter((shape) => shape.length === 3)
      .map((shape) => shape[0]!);
    expect(Math.min(...spatial)).toBeGreaterThanOrEqual(1);
    expect(Math.min(...spatial)).toBeLessThan(224 / 16);
    expect(graph.groups.length).toBeGreaterThan(0);
  });

  it('re-analyses 1,000 unchanged nodes quickly (loose bound; the benchmark measures the real figure)', () => {
    const graph = syntheticGraph(1_000);
    analyzeGraph(graph);
    const times: number[] = [];
    for (let run = 0; run < 21; run++) {
      const start = performance.now();
      analyzeGraph(graph);
      times.push(performance.now() - start);
    }
    times.sort((x, y) => x - y);
    expect(times[10]!).toBeLessThan(25);
  });
});

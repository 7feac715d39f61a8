import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { analyzeGraph } from '../../../shared/analysis';
import { generateExport } from '../../../shared/export';
import { GraphBuilder } from '../../../shared/graph/builder';
import type { Graph } from '../../../shared/graph/types';
import { CompileError, compileGraph } from '../../../trainer/compile/compile';

/** conv (8×8×3 → 8×8×4) → an unsupported layer → conv (→ 16 channels) → dense head. */
function withUnsupported(outputShape?: unknown): Graph {
  const b = new GraphBuilder();
  let x = b.input([8, 8, 3]);
  x = b.add('Conv2D', { filters: 4, kernelSize: [3, 3], padding: 'same' }, [x], 'c1');
  const params = { kerasClass: 'Lambda', reason: 'is a layer class Netwright does not support' };
  x = b.add('Unsupported', outputShape === undefined ? params : { ...params, outputShape }, [x], 'scale');
  x = b.add('Conv2D', { filters: 16, kernelSize: [3, 3], padding: 'same' }, [x], 'c2');
  x = b.add('GlobalAvgPool2D', {}, [x]);
  b.add('Dense', { units: 10 }, [x], 'head');
  return b.build();
}

// c1: 3·3·3·4 + 4 = 112; c2 on 4 channels: 3·3·4·16 + 16 = 592; head: 16·10 + 10 = 170.
const exact = 112 + 592 + 170;

describe('an unsupported layer with a known shape', () => {
  it('lets the analysis count everything after it, the totals marked partial', () => {
    const analysis = analyzeGraph(withUnsupported('input'));
    expect(analysis.totals.params).toBe(exact);
    expect(analysis.partial).toBe(true);
    expect(analysis.nodes.c2!.outputShape).toEqual([8, 8, 16]);
    expect(analysis.nodes.scale!.receptiveField).toBeNull(); // what it sees is unknown
    expect(analysis.nodes.c2!.receptiveField).toBeNull();
    const [warning] = analysis.diagnostics.filter((d) => d.nodeId === 'scale');
    expect(warning).toMatchObject({ severity: 'warning', code: 'unsupported-layer' });
    expect(warning!.message).toMatch(/Lambda 'scale' is not supported: its output is assumed .* lower bound/);
    expect(analysis.diagnostics.some((d) => d.severity === 'error')).toBe(false);
  });

  it('takes a stated shape, and without one stops at the layer as before', () => {
    const stated = analyzeGraph(withUnsupported([8, 8, 2]));
    expect(stated.nodes.c2!.paramCount.total).toBe(3 * 3 * 2 * 16 + 16);
    const unknown = analyzeGraph(withUnsupported());
    expect(unknown.totals.params).toBe(112);
    expect(unknown.partial).toBe(true);
    expect(unknown.diagnostics.find((d) => d.nodeId === 'scale')).toMatchObject({ code: 'unknown-kind' });
    const wrong = analyzeGraph(withUnsupported([8, -1]));
    expect(wrong.diagnostics.find((d) => d.nodeId === 'scale')).toMatchObject({ code: 'invalid-params' });
  });

  it('a network without one is not partial', () => {
    const b = new GraphBuilder();
    b.add('Dense', { units: 3 }, [b.input([4])]);
    expect(analyzeGraph(b.build()).partial).toBe(false);
  });

  it('is refused by compile and export, naming the layer and its Keras class', () => {
    const graph = withUnsupported('input');
    expect(() => compileGraph(tf, graph)).toThrow(CompileError);
    expect(() => compileGraph(tf, graph)).toThrow(/unsupported layer: 'scale' \(Lambda\)\. Replace it/);
    expect(generateExport({ graph, name: 'x', target: 'pytorch' })).toEqual({
      ok: false,
      problem: 'unsupported',
      message: expect.stringMatching(/'scale' \(Lambda\)\. Replace it/),
    });
  });
});

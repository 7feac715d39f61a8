import { describe, expect, it } from 'vitest';
import { analyzeGraph } from '../../../shared/analysis';
import { GraphBuilder } from '../../../shared/graph/builder';

describe('node results', () => {
  it('are plain objects with their fields in one order, params last and only when they validate', () => {
    const b = new GraphBuilder();
    const x = b.input([8, 8, 3]);
    b.add('Conv2D', { filters: 4, kernelSize: [3, 3] }, [x], 'conv');
    b.add('Conv2D', { filters: -1, kernelSize: [3, 3] }, [x], 'bad');
    const a = analyzeGraph(b.build());
    const fields = [
      'id',
      'name',
      'kind',
      'inputShapes',
      'outputShape',
      'paramCount',
      'macs',
      'receptiveField',
      'activationElements',
    ];
    expect(Object.getPrototypeOf(a.nodes.conv)).toBe(Object.prototype);
    expect(Object.keys(a.nodes.conv!)).toEqual([...fields, 'params']);
    expect(Object.keys(a.nodes.bad!)).toEqual(fields);
    expect(JSON.parse(JSON.stringify(a.nodes.conv))).toEqual({ ...a.nodes.conv });
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeGraph } from '../../../shared/analysis';
import type { Edge, Graph, Group, LayerNode } from '../../../shared/graph/types';
import { layerSpecs } from '../../../shared/layers';

/**
 * Random graphs of two sorts: mostly-sensible networks (each kind with its own
 * keys, values usually valid, wired forward with the right number of inputs,
 * plus stray edges that make cycles or point nowhere) so shapes propagate deep
 * and every error path is hit mid-graph; and pure garbage.
 */

const small = (min: number, max: number) => fc.integer({ min, max });
/** Usually valid, sometimes not: the analysis must cope with both. */
const mostly = <T>(good: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 9, arbitrary: good as fc.Arbitrary<unknown> }, { weight: 1, arbitrary: fc.anything() });
const pair = (max: number) => fc.oneof(small(1, max), fc.tuple(small(1, max), small(1, max)));

const values: Record<string, fc.Arbitrary<unknown>> = {
  shape: fc.tuple(small(1, 24), small(1, 24), small(1, 8)),
  filters: small(1, 12),
  units: small(1, 12),
  kernelSize: pair(5),
  poolSize: pair(3),
  strides: pair(2),
  dilation: pair(2),
  padding: fc.constantFrom('same', 'valid'),
  groups: small(1, 3),
  depthMultiplier: small(1, 2),
  axis: fc.constantFrom(-1, 1, 2, 3, -2),
  activation: fc.constantFrom('relu', 'softmax', 'linear'),
  targetShape: fc.oneof(fc.constant([-1]), fc.tuple(small(1, 8), fc.constant(-1))),
  rate: fc.double({ min: 0, max: 0.9, noNaN: true }),
  ratio: fc.double({ min: 0.1, max: 1, noNaN: true }),
  mode: fc.constantFrom('ratio', 'count'),
  method: fc.constantFrom('conv', 'maxpool', 'avgpool'),
  keepDims: fc.boolean(),
};

/** Required keys first, then optional ones. Kinds not listed get no keys. */
const keysOf: Record<string, [string[], string[]]> = {
  Input: [['shape'], []],
  Conv2D: [
    ['filters', 'kernelSize'],
    ['strides', 'padding', 'dilation', 'groups', 'activation'],
  ],
  DepthwiseConv2D: [['kernelSize'], ['strides', 'padding', 'depthMultiplier', 'dilation']],
  SeparableConv2D: [
    ['filters', 'kernelSize'],
    ['strides', 'padding', 'depthMultiplier'],
  ],
  Compress1x1: [[], ['mode', 'ratio', 'filters']],
  StridedReduction: [[], ['method', 'kernelSize', 'strides', 'padding', 'filters']],
  MaxPool2D: [[], ['poolSize', 'strides', 'padding']],
  AvgPool2D: [[], ['poolSize', 'strides', 'padding']],
  GlobalAvgPool2D: [[], ['keepDims']],
  GlobalMaxPool2D: [[], ['keepDims']],
  Concatenate: [[], ['axis']],
  Activation: [[], ['activation']],
  Dropout: [[], ['rate']],
  Reshape: [['targetShape'], []],
  Dense: [['units'], ['activation']],
};

const kinds = [...layerSpecs.map((s) => s.kind), 'Conv3D'];

function paramsFor(kind: string): fc.Arbitrary<Record<string, unknown>> {
  const [required, optional] = keysOf[kind] ?? [[], []];
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const key of [...required, ...optional]) model[key] = mostly(values[key]!);
  return fc.record(model, { requiredKeys: required });
}

/** Kinds that keep an image an image are drawn more often, so chains grow long before a head ends them. */
const common = ['Conv2D', 'BatchNorm', 'Activation', 'MaxPool2D', 'Concatenate', 'Add'];
const kind = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom(...common) },
  { weight: 1, arbitrary: fc.constantFrom(...kinds) },
);
const layer = kind.chain((kind) => fc.record({ kind: fc.constant(kind), params: paramsFor(kind) }));

const sensibleGraph: fc.Arbitrary<Graph> = fc
  .record({
    input: paramsFor('Input'),
    layers: fc.array(
      fc.record({
        layer,
        // Picks inputs among earlier nodes: fractions of the way back.
        from: fc.array(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), { minLength: 3, maxLength: 3 }),
        arity: fc.oneof({ weight: 8, arbitrary: fc.constant(-1) }, { weight: 1, arbitrary: small(0, 3) }),
        group: fc.option(fc.constantFrom('g0', 'g1', 'gone'), { nil: undefined, freq: 3 }),
        // Now and then a name already taken.
        name: fc.oneof(
          { weight: 9, arbitrary: fc.constant(undefined) },
          { weight: 1, arbitrary: fc.constantFrom('x', 'y') },
        ),
      }),
      { maxLength: 30 },
    ),
    stray: fc.array(fc.tuple(small(-1, 32), small(-1, 32), small(-1, 3)), { maxLength: 3 }),
    nested: fc.boolean(),
  })
  .map(({ input, layers, stray, nested }) => {
    const nodes: LayerNode[] = [{ id: 'n0', name: 'n0', kind: 'Input', params: input }];
    const edges: Edge[] = [];
    layers.forEach(({ layer, from, arity, group, name }, k) => {
      const id = `n${k + 1}`;
      const node: LayerNode = { id, name: name ?? id, kind: layer.kind, params: layer.params };
      if (group) node.groupId = group;
      nodes.push(node);
      const spec = layerSpecs.find((s) => s.kind === layer.kind);
      const wanted =
        arity >= 0
          ? arity
          : spec
            ? Math.min(spec.inputs.min === 2 ? 2 + (from[2]! > 0.7 ? 1 : 0) : spec.inputs.min, 3)
            : 1;
      for (let slot = 0; slot < wanted; slot++) {
        const source = Math.floor(from[slot]! * (k + 1));
        edges.push({ id: `${id}:${slot}`, source: `n${source}`, target: id, targetIndex: slot });
      }
    });
    stray.forEach(([s, t, slot], i) => {
      edges.push({ id: `stray${i}`, source: `n${s}`, target: `n${t}`, targetIndex: slot });
    });
    const groups: Group[] = [
      { id: 'g0', name: 'g0', template: 'custom', collapsed: false },
      { id: 'g1', name: 'g1', template: 'custom', collapsed: false, ...(nested ? { parentId: 'g0' } : {}) },
    ];
    return { nodes, edges, groups };
  });

const garbageGraph: fc.Arbitrary<Graph> = fc
  .record({
    nodes: fc.array(
      fc.record({
        id: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'),
        name: fc.string({ maxLength: 3 }),
        kind: fc.oneof(fc.constantFrom(...kinds), fc.string()),
        params: fc.anything(),
        groupId: fc.option(fc.string({ maxLength: 2 }), { nil: undefined }),
      }),
      { maxLength: 12 },
    ),
    edges: fc.array(
      fc.record({
        id: fc.string(),
        source: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'zz'),
        target: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'zz'),
        targetIndex: fc.oneof(fc.integer(), fc.constant(Number.NaN), fc.double()),
      }),
      { maxLength: 20 },
    ),
    groups: fc.array(
      fc.record({
        id: fc.string({ maxLength: 2 }),
        name: fc.string(),
        template: fc.string(),
        collapsed: fc.boolean(),
        parentId: fc.option(fc.string({ maxLength: 2 }), { nil: undefined }),
      }),
      { maxLength: 4 },
    ),
  })
  .map((g) => g as unknown as Graph);

const anyGraph = fc.oneof({ weight: 4, arbitrary: sensibleGraph }, { weight: 1, arbitrary: garbageGraph });

describe('analyzeGraph on arbitrary graphs', () => {
  it('never throws, and returns a consistent analysis', () => {
    fc.assert(
      fc.property(anyGraph, (graph) => {
        const a = analyzeGraph(graph);
        const ids = new Set(graph.nodes.map((n) => n.id));
        expect(new Set(a.order)).toEqual(ids);
        expect(a.order).toHaveLength(ids.size);
        expect(Object.keys(a.nodes).sort()).toEqual([...ids].sort());
        for (const value of Object.values(a.totals)) expect(Number.isFinite(value)).toBe(true);
        for (const d of a.diagnostics) {
          expect(['error', 'warning', 'info']).toContain(d.severity);
          expect(d.message.length).toBeGreaterThan(0);
          // Real kinds never fail in ways the analysis has to call a bug.
          expect(d.code, d.message).not.toBe('internal-error');
        }
        for (const node of Object.values(a.nodes)) {
          if (node.outputShape === null) continue;
          for (const dim of node.outputShape) expect(Number.isInteger(dim) && dim > 0).toBe(true);
          expect(node.activationElements).toBe(node.outputShape.reduce((p, d) => p * d, 1));
        }
      }),
      { numRuns: 600 },
    );
  });

  it('does not cascade: no shape error and no shape after an unknown input', () => {
    fc.assert(
      fc.property(sensibleGraph, (graph) => {
        const a = analyzeGraph(graph);
        const errorsOn = new Map<string, number>();
        for (const d of a.diagnostics) if (d.nodeId) errorsOn.set(d.nodeId, (errorsOn.get(d.nodeId) ?? 0) + 1);
        for (const e of graph.edges) {
          const from = a.nodes[e.source];
          const to = a.nodes[e.target];
          if (!from || !to || from.outputShape !== null) continue;
          expect(to.outputShape).toBeNull();
          const shapeErrors = a.diagnostics.filter((d) => d.nodeId === e.target && d.code === 'shape-error');
          expect(shapeErrors).toEqual([]);
        }
        expect(a.diagnostics.filter((d) => d.severity === 'info').length).toBeLessThanOrEqual(
          a.diagnostics.filter((d) => d.severity === 'error').length,
        );
      }),
      { numRuns: 400 },
    );
  });
});

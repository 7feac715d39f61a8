import * as tf from '@tensorflow/tfjs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeGraph } from '../../../shared/analysis';
import type { Graph } from '../../../shared/graph/types';
import { applyRule, RULE_IDS, type RuleId } from '../../../shared/transforms';
import { compileGraph } from '../../../trainer/compile/compile';
import { type ConvCase, convGraph } from './helpers';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** Compiles the graph with TensorFlow.js, runs one sample through it, and returns what tfjs counted. */
function compileAndRun(graph: Graph) {
  const analysis = analyzeGraph(graph);
  const { model } = compileGraph(tf, graph, analysis);
  try {
    const input = analysis.nodes.input!.outputShape!;
    const output = tf.tidy(() => (model.predict(tf.randomNormal([1, ...input])) as tf.Tensor).shape);
    return { params: model.countParams(), analysed: analysis.totals.params, output: output.slice(1) };
  } finally {
    model.dispose();
  }
}

const shared = {
  size: fc.integer({ min: 6, max: 11 }),
  channels: fc.integer({ min: 1, max: 6 }),
  filters: fc.integer({ min: 1, max: 8 }),
  padding: fc.constantFrom<'same' | 'valid'>('same', 'valid'),
  useBias: fc.boolean(),
  style: fc.constantFrom<'fused' | 'bn' | 'act'>('fused', 'bn', 'act'),
  stepping: fc.constantFrom<'plain' | 'strided' | 'dilated'>('plain', 'strided', 'dilated'),
  channelsOption: fc.option(fc.integer({ min: 1, max: 8 }), { nil: undefined }),
};

const stepping = (s: 'plain' | 'strided' | 'dilated'): Partial<ConvCase> =>
  s === 'strided' ? { strides: [2, 2] } : s === 'dilated' ? { dilation: [2, 2] } : {};

/** For each rule: graphs it should mostly apply to, with random options. */
const casesFor: Record<RuleId, fc.Arbitrary<{ graph: Graph; options: Record<string, unknown> }>> = {
  stack: fc
    .record({ ...shared, n: fc.constantFrom(5, 7), activation: fc.constantFrom('relu', 'linear', 'tanh') })
    .map((c) => ({
      graph: convGraph({ ...c, kernel: [c.n, c.n], size: c.size + c.n, ...stepping(c.stepping) }),
      options: { intermediateChannels: c.channelsOption, activation: c.activation },
    })),
  asymmetric: fc.record({ ...shared, n: fc.constantFrom(3, 5, 7), order: fc.constantFrom('1xn', 'nx1') }).map((c) => ({
    graph: convGraph({ ...c, kernel: [c.n, c.n], size: c.size + c.n, ...stepping(c.stepping) }),
    options: { intermediateChannels: c.channelsOption, order: c.order },
  })),
  bottleneck: fc
    .record({
      ...shared,
      channels: fc.integer({ min: 2, max: 8 }),
      ratio: fc.double({ min: 0.1, max: 0.9, noNaN: true }),
      byRatio: fc.boolean(),
    })
    .map((c) => ({
      graph: convGraph({ ...c, kernel: [3, 3], stem: true, ...stepping(c.stepping) }),
      options: c.byRatio ? { ratio: c.ratio } : { channels: Math.max(1, c.channels - 1) },
    })),
  'grid-reduction': fc
    .record({
      ...shared,
      n: fc.constantFrom(1, 3),
      window: fc.constantFrom(2, 3),
      poolPadding: fc.constantFrom<'same' | 'valid'>('same', 'valid'),
    })
    .map((c) => ({
      graph: convGraph({
        ...c,
        padding: 'same',
        kernel: [c.n, c.n],
        filters: c.channels + c.filters,
        pool: { poolSize: [c.window, c.window], strides: [2, 2], padding: c.poolPadding },
      }),
      options: {},
    })),
  'filter-bank': fc
    .record({ ...shared, filters: fc.integer({ min: 2, max: 8 }), n: fc.constantFrom(3, 5) })
    .map((c) => ({
      graph: convGraph({ ...c, padding: 'same', kernel: [c.n, c.n] }),
      options: {
        branch1xnChannels: c.channelsOption === undefined ? undefined : Math.min(c.channelsOption, c.filters - 1),
      },
    })),
};

describe('every rewritten graph compiles with TensorFlow.js, which counts the same parameters', () => {
  for (const rule of RULE_IDS) {
    it(rule, async () => {
      let applied = 0;
      let runs = 0;
      await fc.assert(
        fc.asyncProperty(casesFor[rule], async ({ graph, options }) => {
          fc.pre(!analyzeGraph(graph).diagnostics.some((d) => d.severity === 'error'));
          runs += 1;
          const result = applyRule(rule, graph, 'target', options);
          if (!result.ok) {
            // A rule may decline; it may never build something it cannot prove.
            expect(result.diagnostic.code).toBe('not-applicable');
            return;
          }
          applied += 1;
          const before = compileAndRun(graph);
          const after = compileAndRun(result.graph);
          expect(after.params).toBe(after.analysed);
          expect(before.params - after.params).toBe(result.report.params.saved);
          expect(after.output).toEqual(before.output);
        }),
        { numRuns: 25 },
      );
      expect(applied).toBeGreaterThanOrEqual(Math.ceil(runs / 2));
    }, 60_000);
  }
});

import { afterEach, describe, expect, it, vi } from 'vitest';

vi.mock('../../../shared/analysis', async (load) => {
  const real = await load<typeof import('../../../shared/analysis')>();
  return { ...real, analyzeGraph: vi.fn(real.analyzeGraph) };
});

import { analyzeGraph } from '../../../shared/analysis';
import type { Graph } from '../../../shared/graph/types';
import { templates } from '../../../shared/templates';
import { applyRule, RULE_IDS, rules, suggest } from '../../../shared/transforms';
import { savesSomething } from '../../../shared/transforms/suggest';
import { convChain } from '../analysis/synthetic';
import { breakStackOn } from './helpers';

/** What suggest gave before rounds: every rule on every candidate node, each run and proven on its own. */
function oneByOne(graph: Graph) {
  const analysis = analyzeGraph(graph);
  const found = [];
  for (const rule of RULE_IDS)
    for (const id of analysis.order) {
      if (!rules[rule].candidateKinds.includes(graph.nodes.find((n) => n.id === id)!.kind)) continue;
      const result = applyRule(rule, graph, id, {}, analysis);
      if (result.ok && savesSomething(result.report)) found.push(result);
    }
  return new Map(found.map((r) => [`${r.report.rule}:${r.report.nodeId}`, r]));
}

describe('suggest proves its rewrites in rounds', () => {
  const cases: [string, Graph][] = [
    ...templates.map((t) => [t.id, t.build()] as [string, Graph]),
    ['a 30-layer chain', convChain(30)],
  ];

  it.each(cases)(
    'on %s: the same rewrites, reports and networks as proving each on its own',
    (_name, graph) => {
      const expected = oneByOne(graph);
      const found = suggest(graph);
      expect(found.map((s) => `${s.rule}:${s.nodeId}`).sort()).toEqual([...expected.keys()].sort());
      for (const s of found) {
        const alone = expected.get(`${s.rule}:${s.nodeId}`)!;
        expect(s.report, `${s.rule} on ${s.nodeName}`).toEqual(alone.report);
        expect(s.graph, `${s.rule} on ${s.nodeName}`).toEqual(alone.graph);
      }
    },
    60_000,
  );

  it('analyses the whole network a handful of times, not once per rewrite', () => {
    const wholeAnalyses = (n: number) => {
      const graph = convChain(n);
      const before = analyzeGraph(graph);
      vi.mocked(analyzeGraph).mockClear();
      const found = suggest(graph, {}, before);
      // Planning analyses only each rewrite's own few nodes; a proof analyses the whole network.
      const calls = vi.mocked(analyzeGraph).mock.calls.filter(([g]) => g.nodes.length >= n).length;
      return { calls, found: found.length };
    };
    const small = wholeAnalyses(200);
    const large = wholeAnalyses(800);
    expect(large.found).toBeGreaterThan(3 * small.found);
    // Proven one at a time, it was one analysis per suggestion: 733 and 2,933.
    expect(small.calls).toBeLessThan(60);
    expect(large.calls).toBeLessThanOrEqual(small.calls + 5);
  });
});

describe('a suggestion the proof refuses in a round', () => {
  afterEach(() => vi.restoreAllMocks());

  it('is left out, and the others are still suggested', () => {
    breakStackOn('conv2d_4');
    const stacked = suggest(convChain(12), { rules: ['stack'] }).map((s) => s.nodeName);
    expect(stacked).not.toContain('conv2d_4');
    expect(stacked.sort()).toEqual(
      ['conv2d_1', 'conv2d_10', 'conv2d_2', 'conv2d_5', 'conv2d_7', 'conv2d_8', 'conv2d_11'].sort(),
    );
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import { analyzeGraph } from '../../../shared/analysis';
import type { Graph } from '../../../shared/graph/types';
import { templates } from '../../../shared/templates';
import { FACTORIZATION_RULES, type RuleId, rules, type VariantResult } from '../../../shared/transforms';
import { applyAllOfKind, applyInRounds, applyOneByOne } from '../../../shared/transforms/applyAll';
import { SavingsCache } from '../../../shared/transforms/savings';
import { convChain } from '../analysis/synthetic';
import { breakStackOn } from './helpers';

function expectVariant(result: VariantResult): Extract<VariantResult, { ok: true }> {
  if (!result.ok) throw new Error(result.diagnostic.message);
  return result;
}

/** Laid out in network order, as the editor would, so rewrites also move what follows them. */
function placed(graph: Graph): Graph {
  const at = new Map(analyzeGraph(graph).order.map((id, i) => [id, i]));
  return { ...graph, nodes: graph.nodes.map((n) => ({ ...n, position: { x: 0, y: at.get(n.id)! * 90 } })) };
}

/** The graph with its edges as a set: putting rewrites in together may list the new edges in another order. */
const content = (g: Graph) => ({ ...g, edges: [...g.edges].sort((a, b) => a.id.localeCompare(b.id)) });
const made = (r: Extract<VariantResult, { ok: true }>) => r.applied.map((a) => `${a.rule}:${a.nodeName}`).sort();

const RECEPTIVE_FIELD_RULES = Object.values(rules)
  .filter((r) => r.keepsReceptiveField)
  .map((r) => r.id as RuleId);

describe('apply everything in rounds', () => {
  const cases: [string, Graph][] = [
    ...templates.map((t) => [t.id, t.build()] as [string, Graph]),
    ['a 30-layer chain', convChain(30)],
    ['a 31-layer chain, laid out', placed(convChain(31))],
    ['Inception v3 ancestor, laid out', placed(templates.find((t) => t.id === 'inception-v3-unfactorized')!.build())],
  ];

  it.each(cases)(
    'on %s makes exactly the rewrites one at a time makes, to the same network',
    (_name, graph) => {
      for (const ruleIds of [FACTORIZATION_RULES, ...RECEPTIVE_FIELD_RULES.map((r) => [r])]) {
        const one = expectVariant(applyOneByOne(graph, new SavingsCache(ruleIds), {}, null));
        const rounds = expectVariant(applyInRounds(graph, new SavingsCache(ruleIds), {}, null));
        const what = ruleIds.join(' + ');
        expect(made(rounds), what).toEqual(made(one));
        expect(rounds.after, what).toEqual(one.after);
        expect(content(rounds.graph), what).toEqual(content(one.graph));
        // Each report as one at a time proved it, in whatever order the rounds made them.
        const byRewrite = (r: (typeof one.applied)[number]) => `${r.rule}:${r.nodeId}`;
        expect(new Map(rounds.applied.map((r) => [byRewrite(r), r])), what).toEqual(
          new Map(one.applied.map((r) => [byRewrite(r), r])),
        );
      }
    },
    60_000,
  );

  it('makes the best rewrite first and the rest round by round, each round best first', () => {
    const result = expectVariant(applyAllOfKind(convChain(12), 'asymmetric'));
    // 7×7s save most, then 5×5s, then 3×3s; a conv within three connections of one taken waits a
    // round. Round 1: the 7×7s conv2d_2 and conv2d_8 (every other conv is near one of them).
    // Round 2: the 7×7s left, then the 5×5 conv2d_1, which is far enough from both.
    expect(result.applied.map((r) => r.nodeName)).toEqual([
      'conv2d_2',
      'conv2d_8',
      'conv2d_5',
      'conv2d_11',
      'conv2d_1',
      'conv2d_4',
      'conv2d_10',
      'conv2d',
      'conv2d_7',
      'conv2d_3',
      'conv2d_6',
      'conv2d_9',
    ]);
  });

  it('takes about four times as long for four times the layers (one at a time took thirteen)', () => {
    const once = (n: number) => {
      const graph = convChain(n);
      const t0 = performance.now();
      expectVariant(applyInRounds(graph, new SavingsCache(FACTORIZATION_RULES), {}, null));
      return performance.now() - t0;
    };
    once(100);
    // Fastest of five, the sizes taking turns, so a busy machine slows both alike.
    let small = Number.POSITIVE_INFINITY;
    let large = Number.POSITIVE_INFINITY;
    for (let run = 0; run < 5; run++) {
      small = Math.min(small, once(200));
      large = Math.min(large, once(800));
    }
    // Linear is 4×; one rewrite at a time, quadratic, was 13× from 250 to 1,000 layers.
    expect(large / small, `800 layers took ${(large / small).toFixed(2)}× as long as 200`).toBeLessThan(8);
  }, 60_000);
});

describe('a rewrite the proof refuses in a round', () => {
  afterEach(() => vi.restoreAllMocks());

  it('is named, left out, and the others are still made', () => {
    breakStackOn('conv2d_4');
    const graph = convChain(12);
    const result = expectVariant(applyAllOfKind(graph, 'stack'));
    expect(result.refused.map((d) => [d.code, d.rule, d.nodeId])).toEqual([['proof-failed', 'stack', 'conv2d_4']]);
    expect(result.refused[0]!.message).toBe(
      "stack on 'conv2d_4' was not made: it would change the output shape from 16×16×32 to 16×16×33",
    );
    // The other 5×5s and the 7×7s are stacked; conv2d_4 is left as it was.
    expect(result.applied.map((r) => r.nodeName).sort()).toEqual(
      ['conv2d_1', 'conv2d_10', 'conv2d_2', 'conv2d_5', 'conv2d_7', 'conv2d_8', 'conv2d_11'].sort(),
    );
    expect(result.graph.nodes.find((n) => n.id === 'conv2d_4')).toEqual(graph.nodes.find((n) => n.id === 'conv2d_4'));
    expect(analyzeGraph(result.graph).totals).toEqual(result.after);
    expect(result.macs.saved).toBe(result.applied.reduce((sum, r) => sum + r.macs.saved, 0));
  });
});

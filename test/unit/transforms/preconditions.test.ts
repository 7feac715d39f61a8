import { describe, expect, it } from 'vitest';
import { GraphBuilder } from '../../../shared/graph/builder';
import type { Graph } from '../../../shared/graph/types';
import { applyRule, RULE_IDS, type RuleId } from '../../../shared/transforms';
import { clone, convGraph, expectRefused } from './helpers';

interface Case {
  what: string;
  rule: RuleId;
  graph: Graph;
  node?: string;
  options?: unknown;
  code: string;
  message: RegExp;
}

const brokenGraph = () => {
  const g = convGraph();
  g.nodes.find((n) => n.id === 'target')!.params.filters = 0;
  return g;
};

/** Input → 1×1 'reduce' → batch norm → ReLU → 3×3 'target', as in an Inception branch. */
function behindReduction(): Graph {
  const b = new GraphBuilder();
  let x = b.add('Conv2D', { filters: 4, kernelSize: [1, 1] }, [b.input([8, 8, 16])], 'reduce');
  x = b.add('Activation', {}, [b.add('BatchNorm', {}, [x], 'bn')], 'relu');
  b.add('Conv2D', { filters: 16, kernelSize: [3, 3] }, [x], 'target');
  return b.build();
}

const cases: Case[] = [
  // Requests every rule refuses the same way.
  ...RULE_IDS.flatMap((rule): Case[] => [
    {
      what: 'an unknown node',
      rule,
      graph: convGraph(),
      node: 'nope',
      code: 'unknown-node',
      message: /no node "nope"/,
    },
    {
      what: 'an unknown option',
      rule,
      graph: convGraph(),
      options: { frob: 1 },
      code: 'invalid-option',
      message: /frob/,
    },
    { what: 'a network with errors', rule, graph: brokenGraph(), code: 'network-errors', message: /has errors/ },
    {
      what: 'a layer that is no conv',
      rule,
      graph: convGraph(),
      node: 'input',
      code: 'not-applicable',
      message: /it is a(n)? Input|neither/,
    },
  ]),
  {
    what: 'zero channels',
    rule: 'stack',
    graph: convGraph(),
    options: { intermediateChannels: 0 },
    code: 'invalid-option',
    message: /intermediateChannels: expected a positive whole number of channels, got 0/,
  },
  {
    what: 'an unknown activation',
    rule: 'stack',
    graph: convGraph(),
    options: { activation: 'wiggle' },
    code: 'invalid-option',
    message: /wiggle/,
  },
  {
    what: 'another rule’s option',
    rule: 'stack',
    graph: convGraph(),
    options: { ratio: 0.5 },
    code: 'invalid-option',
    message: /ratio/,
  },
  {
    what: 'a 3×3',
    rule: 'stack',
    graph: convGraph({ kernel: [3, 3] }),
    code: 'not-applicable',
    message: /3×3 is already the smallest/,
  },
  {
    what: 'an even kernel',
    rule: 'stack',
    graph: convGraph({ kernel: [4, 4] }),
    code: 'not-applicable',
    message: /only reach odd sizes/,
  },
  {
    what: 'a non-square kernel',
    rule: 'stack',
    graph: convGraph({ kernel: [5, 3] }),
    code: 'not-applicable',
    message: /5×3; stack needs a square/,
  },
  {
    what: 'a bad order',
    rule: 'asymmetric',
    graph: convGraph(),
    options: { order: 'diagonal' },
    code: 'invalid-option',
    message: /diagonal/,
  },
  { what: 'a 1×1', rule: 'asymmetric', graph: convGraph({ kernel: [1, 1] }), code: 'not-applicable', message: /n ≥ 3/ },
  {
    what: 'a non-square kernel',
    rule: 'asymmetric',
    graph: convGraph({ kernel: [1, 7] }),
    code: 'not-applicable',
    message: /square/,
  },
  {
    what: 'a ratio of 1.5',
    rule: 'bottleneck',
    graph: convGraph({ stem: true }),
    options: { ratio: 1.5 },
    code: 'invalid-option',
    message: /ratio: expected a ratio above 0 and below 1, got 1.5/,
  },
  {
    what: 'both ratio and channels',
    rule: 'bottleneck',
    graph: convGraph({ stem: true }),
    options: { ratio: 0.5, channels: 2 },
    code: 'invalid-option',
    message: /not both/,
  },
  {
    what: 'no reduction',
    rule: 'bottleneck',
    graph: convGraph({ stem: true }),
    options: { channels: 8 },
    code: 'not-applicable',
    message: /would not reduce/,
  },
  {
    what: 'the network input',
    rule: 'bottleneck',
    graph: convGraph(),
    code: 'not-applicable',
    message: /reads the network input/,
  },
  {
    what: 'a 1×1 kernel',
    rule: 'bottleneck',
    graph: convGraph({ stem: true, kernel: [1, 1] }),
    code: 'not-applicable',
    message: /k ≥ 3/,
  },
  {
    what: 'an existing 1×1 reduction',
    rule: 'bottleneck',
    graph: behindReduction(),
    code: 'not-applicable',
    message: /already reads a 1×1 reduction \('reduce'\)/,
  },
  {
    what: 'no pool next to it',
    rule: 'grid-reduction',
    graph: convGraph({ filters: 16 }),
    code: 'not-applicable',
    message: /neither followed by a pooling layer nor fed by one/,
  },
  {
    what: 'a strided conv',
    rule: 'grid-reduction',
    graph: convGraph({ filters: 16, strides: [2, 2], pool: { poolSize: [2, 2], strides: [2, 2] } }),
    code: 'not-applicable',
    message: /already has stride 2×2/,
  },
  {
    what: 'a stride-1 pool',
    rule: 'grid-reduction',
    graph: convGraph({ filters: 16, pool: { poolSize: [2, 2], strides: [1, 1] } }),
    code: 'not-applicable',
    message: /does not reduce the grid/,
  },
  {
    what: 'a conv that does not expand',
    rule: 'grid-reduction',
    graph: convGraph({ pool: { poolSize: [2, 2], strides: [2, 2] } }),
    code: 'not-applicable',
    message: /does not expand channels \(8 → 8\)/,
  },
  {
    what: "a 'valid' conv that shrinks the grid",
    rule: 'grid-reduction',
    graph: convGraph({ filters: 16, padding: 'valid', pool: { poolSize: [2, 2], strides: [2, 2] } }),
    code: 'not-applicable',
    message: /would give 6×6, not the 4×4 grid/,
  },
  {
    what: 'an option',
    rule: 'grid-reduction',
    graph: convGraph(),
    options: { channels: 3 },
    code: 'invalid-option',
    message: /channels/,
  },
  {
    what: "padding 'valid'",
    rule: 'filter-bank',
    graph: convGraph({ kernel: [3, 3], padding: 'valid' }),
    code: 'not-applicable',
    message: /padding 'valid'/,
  },
  {
    what: 'a grid that is not the coarsest',
    rule: 'filter-bank',
    graph: convGraph({ kernel: [3, 3], pool: { poolSize: [2, 2], strides: [2, 2] } }),
    code: 'not-applicable',
    message: /coarsest grid \(6×6 here\)/,
  },
  {
    what: 'one filter',
    rule: 'filter-bank',
    graph: convGraph({ kernel: [3, 3], filters: 1 }),
    code: 'not-applicable',
    message: /one filter/,
  },
  {
    what: 'a branch taking every filter',
    rule: 'filter-bank',
    graph: convGraph({ kernel: [3, 3] }),
    options: { branch1xnChannels: 8 },
    code: 'not-applicable',
    message: /must leave the 3×1 branch some/,
  },
  {
    what: 'negative channels',
    rule: 'filter-bank',
    graph: convGraph({ kernel: [3, 3] }),
    options: { branch1xnChannels: -1 },
    code: 'invalid-option',
    message: /got -1/,
  },
];

describe('a rewrite whose preconditions fail returns a diagnostic, never a graph', () => {
  for (const c of cases) {
    it(`${c.rule}: ${c.what}`, () => {
      const before = clone(c.graph);
      const d = expectRefused(applyRule(c.rule, c.graph, c.node ?? 'target', c.options ?? {}));
      expect(d).toMatchObject({ severity: 'error', code: c.code, rule: c.rule });
      expect(d.message).toMatch(c.message);
      if (c.code === 'not-applicable') expect(d.message).toMatch(new RegExp(`^${c.rule} does not apply to '`));
      // Rewrites are pure: the input graph is untouched.
      expect(c.graph).toEqual(before);
    });
  }

  it('an applied rewrite leaves its input untouched too', () => {
    const graph = convGraph({ style: 'bn' });
    const before = clone(graph);
    for (const rule of RULE_IDS) applyRule(rule, graph, 'target');
    expect(graph).toEqual(before);
  });
});

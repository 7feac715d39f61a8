import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countPaths, formatPathCount } from '../../../shared/analysis/paths';
import type { Graph } from '../../../shared/graph/types';
import { getTemplate } from '../../../shared/templates';

const node = (id: string) => ({ id, name: id, kind: 'Activation', params: {} });
const edge = (source: string, target: string, targetIndex = 0) => ({
  id: `${source}->${target}:${targetIndex}`,
  source,
  target,
  targetIndex,
});

function chain(length: number): Graph {
  const ids = Array.from({ length }, (_, i) => `n${i}`);
  return { nodes: ids.map(node), edges: ids.slice(1).map((id, i) => edge(ids[i] as string, id)), groups: [] };
}

/** n residual blocks: x → (branch: a → b) + x, as ResNet's identity blocks. */
function residual(blocks: number): Graph {
  const g: Graph = { nodes: [node('in')], edges: [], groups: [] };
  let last = 'in';
  for (let i = 0; i < blocks; i++) {
    g.nodes.push(node(`a${i}`), node(`b${i}`), node(`add${i}`));
    g.edges.push(edge(last, `a${i}`), edge(`a${i}`, `b${i}`), edge(`b${i}`, `add${i}`, 0), edge(last, `add${i}`, 1));
    last = `add${i}`;
  }
  return g;
}

/** Every source-to-sink path by depth-first enumeration: the definition, for small graphs. */
function bruteForce(g: Graph): { total: bigint; lengths: Map<number, bigint> } {
  const out = new Map<string, string[]>();
  for (const e of g.edges) out.set(e.source, [...(out.get(e.source) ?? []), e.target]);
  const targets = new Set(g.edges.map((e) => e.target));
  const lengths = new Map<number, bigint>();
  let total = 0n;
  const walk = (id: string, depth: number) => {
    const next = out.get(id) ?? [];
    if (next.length === 0) {
      total += 1n;
      lengths.set(depth, (lengths.get(depth) ?? 0n) + 1n);
    }
    for (const n of next) walk(n, depth + 1);
  };
  for (const n of g.nodes) if (!targets.has(n.id)) walk(n.id, 0);
  return { total, lengths };
}

describe('paths through the network', () => {
  it('a chain has one path, as long as the chain', () => {
    const paths = countPaths(chain(12));
    expect(paths.total).toBe(1n);
    expect([...paths.perNode.values()]).toEqual(Array(12).fill(1n));
    expect(paths.lengths).toEqual(new Map([[11, 1n]]));
  });

  it('n residual blocks give 2^n paths, with binomially many of each length', () => {
    for (const n of [1, 5, 70]) {
      const paths = countPaths(residual(n));
      expect(paths.total).toBe(2n ** BigInt(n));
      // k of the n blocks take the branch (3 connections), the others the shortcut (1).
      const binomial = (k: number) => {
        let c = 1n;
        for (let i = 0; i < k; i++) c = (c * BigInt(n - i)) / BigInt(i + 1);
        return c;
      };
      for (const k of [0, Math.floor(n / 2), n]) expect(paths.lengths?.get(n + 2 * k)).toBe(binomial(k));
    }
    expect(formatPathCount(countPaths(residual(70)).total)).toBe('2^70');
  });

  it('the ResNet-50 template has 2^16 paths (16 residual blocks, projection shortcuts included)', () => {
    const template = getTemplate('resnet50');
    if (!template) throw new Error('no resnet50 template');
    expect(countPaths(template.build()).total).toBe(2n ** 16n);
  });

  it('an Inception module multiplies the paths by its branch count', () => {
    const template = getTemplate('inception-a');
    if (!template) throw new Error('no inception-a template');
    const graph = template.build();
    const concat = graph.nodes.find((n) => n.kind === 'Concatenate');
    if (!concat) throw new Error('no concat');
    const branches = graph.edges.filter((e) => e.target === concat.id).length;
    expect(countPaths(graph).perNode.get(concat.id)).toBe(BigInt(branches));
  });

  it('leaves nodes on or after a cycle uncounted', () => {
    const g = chain(4);
    g.edges.push(edge('n2', 'n1', 1));
    const paths = countPaths(g);
    expect(paths.perNode.get('n0')).toBe(1n);
    expect(paths.perNode.get('n1')).toBeNull();
    expect(paths.perNode.get('n3')).toBeNull();
  });

  it('equals brute-force enumeration on random small DAGs (parallel edges included)', () => {
    const dag = fc.integer({ min: 1, max: 9 }).chain((n) =>
      fc.tuple(
        fc.constant(n),
        fc
          .array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 20 })
          .map((pairs) => pairs.filter(([a, b]) => a < b)),
      ),
    );
    fc.assert(
      fc.property(dag, ([n, pairs]) => {
        const g: Graph = {
          nodes: Array.from({ length: n }, (_, i) => node(`n${i}`)),
          edges: pairs.map(([a, b], i) => edge(`n${a}`, `n${b}`, i)),
          groups: [],
        };
        const expected = bruteForce(g);
        const paths = countPaths(g);
        expect(paths.total).toBe(expected.total);
        expect(paths.lengths).toEqual(new Map([...expected.lengths].sort((a, b) => a[0] - b[0])));
      }),
      { numRuns: 300, seed: 17 },
    );
  });

  it('formats large counts as powers of two', () => {
    expect(formatPathCount(4096n)).toBe('4,096');
    expect(formatPathCount(2n ** 64n)).toBe('2^64');
    expect(formatPathCount(3n * 2n ** 64n)).toBe('≈ 2^65.6');
  });
});

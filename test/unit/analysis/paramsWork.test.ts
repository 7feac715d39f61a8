import { beforeEach, describe, expect, it, vi } from 'vitest';
import { analyzeGraph } from '../../../shared/analysis';
import { paramsKey } from '../../../shared/analysis/paramsKey';
import type { Graph } from '../../../shared/graph/types';
import { syntheticGraph } from './synthetic';

/**
 * How much work the validated-params cache leaves, counted rather than timed: zod runs
 * (validateWithSpec) and content hashes (paramsHash) per analysis.
 */
const counts = vi.hoisted(() => ({ validations: 0, hashes: 0 }));

vi.mock('../../../shared/layers/registry', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../shared/layers/registry')>();
  return {
    ...real,
    validateWithSpec: (...args: Parameters<typeof real.validateWithSpec>) => {
      counts.validations += 1;
      return real.validateWithSpec(...args);
    },
  };
});

vi.mock('../../../shared/analysis/paramsHash', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../shared/analysis/paramsHash')>();
  return {
    ...real,
    paramsHash: (raw: Record<string, unknown>) => {
      counts.hashes += 1;
      return real.paramsHash(raw);
    },
  };
});

function counted(graph: Graph) {
  counts.validations = 0;
  counts.hashes = 0;
  analyzeGraph(graph);
  return { ...counts };
}

/** A different seed each time, so no setting of it has been validated by an earlier test. */
let seed = 100;

describe('validated-params work per analysis', () => {
  beforeEach(() => {
    seed += 1;
  });

  it('validates each distinct setting of a fresh 10,000-node graph once, and hashes each node once', () => {
    const graph = syntheticGraph(10_000, seed);
    const distinct = new Set(graph.nodes.map((n) => `${n.kind} ${paramsKey(n.params)}`)).size;
    const first = counted(graph);
    expect(first.hashes).toBe(10_000);
    expect(first.validations).toBeLessThanOrEqual(distinct);
    expect(distinct).toBeLessThan(200);
    // A fresh copy: same settings, new objects. Every node is hashed, nothing validated again.
    expect(counted(structuredClone(graph))).toEqual({ validations: 0, hashes: 10_000 });
  });

  it('re-analyses an unchanged graph by identity alone, and an edited one hashes only the edited node', () => {
    const graph = syntheticGraph(1_000, seed);
    counted(graph);
    expect(counted(graph)).toEqual({ validations: 0, hashes: 0 });
    const conv = graph.nodes.findIndex((n) => n.kind === 'Conv2D');
    graph.nodes[conv] = { ...graph.nodes[conv]!, params: { ...graph.nodes[conv]!.params, filters: 7 } };
    expect(counted(graph)).toEqual({ validations: 1, hashes: 1 });
  });

  it('finds nodes moved by an inserted layer, and keeps a large graph across small analyses between', () => {
    const graph = syntheticGraph(1_000, seed);
    counted(graph);
    counted(syntheticGraph(5, seed)); // a few layers on their own, as factorize analyses a rewrite's region
    const relu = { id: 'extra', name: 'extra', kind: 'Activation', params: { activation: 'relu' } };
    graph.nodes.splice(1, 0, relu);
    expect(counted(graph)).toEqual({ validations: 0, hashes: 1 });
  });
});

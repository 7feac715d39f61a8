import { describe, expect, it } from 'vitest';
import { GraphBuilder } from '../../../shared/graph/builder';
import type { Graph } from '../../../shared/graph/types';
import { applyEverything } from '../../../shared/transforms';

/** Input and `length` convs in a chain, kernels 3×3, 5×5, 7×7 in turn. */
function convChain(length: number): Graph {
  const b = new GraphBuilder();
  let x = b.input([16, 16, 32]);
  const kernels = [3, 5, 7];
  for (let i = 0; i < length; i++) {
    const k = kernels[i % 3]!;
    x = b.add('Conv2D', { filters: 32, kernelSize: [k, k], padding: 'same', activation: 'relu' }, [x]);
  }
  return b.build();
}

describe('apply everything on a long chain', () => {
  it('rewrites every conv of a 500-layer chain (it took minutes when every round tried every node)', () => {
    const result = applyEverything(convChain(500));
    if (!result.ok) throw new Error(result.diagnostic.message);
    expect(result.applied).toHaveLength(500);
    // Best first: the 7×7s (1×7 + 7×1 saves most), in network order.
    expect(result.applied.slice(0, 2).map((r) => `${r.nodeName}:${r.rule}`)).toEqual([
      'conv2d_2:asymmetric',
      'conv2d_5:asymmetric',
    ]);
    expect(result.graph.nodes).toHaveLength(1001);
    expect(result.macs.saved).toBeGreaterThan(0);
  }, 60_000);
});

import { describe, expect, it } from 'vitest';
import { applyEverything } from '../../../shared/transforms';
import { convChain } from '../analysis/synthetic';

describe('apply everything on a long chain', () => {
  it('rewrites every conv of a 500-layer chain (it took minutes when every round tried every node)', () => {
    const result = applyEverything(convChain(500));
    if (!result.ok) throw new Error(result.diagnostic.message);
    expect(result.applied).toHaveLength(500);
    // Best first: the 7×7s (1×7 + 7×1 saves most), in network order. conv2d_5 is within three
    // connections of conv2d_2's rewrite, so it waits for the next round.
    expect(result.applied.slice(0, 2).map((r) => `${r.nodeName}:${r.rule}`)).toEqual([
      'conv2d_2:asymmetric',
      'conv2d_8:asymmetric',
    ]);
    expect(result.graph.nodes).toHaveLength(1001);
    expect(result.macs.saved).toBeGreaterThan(0);
  }, 60_000);
});

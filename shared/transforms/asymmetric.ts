import type { Graph } from '../graph/types';
import type { Pair } from '../layers';
import { replaceWithChain } from './chain';
import { kernelText } from './convUnit';
import { type AsymmetricOptions, type AsymmetricOptionsInput, asymmetricOptions } from './options';
import { phrase } from './phrase';
import { type RewriteRule, runRewrite } from './rewrite';
import type { RewriteResult } from './types';
import { targetConv } from './unitBuilder';

/** The paper found the asymmetric factorization works well on medium grids (m×m, 12 ≤ m ≤ 20). */
const MEDIUM_GRID = [12, 20] as const;

/**
 * n×n conv (n ≥ 3) → 1×n then n×1, or n×1 then 1×n (Inception v3 §3.2, Figure 3):
 * same channels in and out, 2n weights per channel pair instead of n², saving
 * 1 − 2/n (33.3% for 3×3, 71.4% for 7×7). Intermediate channels default to the
 * smaller of input and output channels. Strides and dilation are split by axis
 * (1×n takes the width's, n×1 the height's), so both axes still step as before.
 */
export const asymmetricRule: RewriteRule<AsymmetricOptions> = {
  id: 'asymmetric',
  candidateKinds: ['Conv2D'],
  keepsReceptiveField: true,
  options: asymmetricOptions,
  plan(ctx, o) {
    const target = targetConv(ctx);
    if (!target.ok) return target;
    const { unit } = target;
    const p = unit.params;
    const [n, kw] = p.kernelSize;
    if (n !== kw) return { ok: false, reason: phrase('refusal.asymmetricSquare', { kernel: kernelText([n, kw]) }) };
    if (n < 3) return { ok: false, reason: phrase('refusal.asymmetricSmall', { kernel: `${n}×${n}` }) };
    const [sh, sw] = p.strides;
    const [dh, dw] = p.dilation;
    const wide = { kernel: [1, n] as Pair, strides: [1, sw] as Pair, dilation: [1, dw] as Pair, suffix: `1x${n}` };
    const tall = { kernel: [n, 1] as Pair, strides: [sh, 1] as Pair, dilation: [dh, 1] as Pair, suffix: `${n}x1` };
    const steps = o.order === '1xn' ? [wide, tall] : [tall, wide];
    // The narrower side by default: with equal channels it is the paper's setting, and
    // for an expanding n×n it is what Keras's Inception-B modules use (c7 between).
    const inner = o.intermediateChannels ?? Math.min(unit.inputShape[2], p.filters);
    const chain = replaceWithChain(ctx, unit, steps, { ...o, intermediateChannels: inner });
    const [h, w] = unit.inputShape;
    const medium = h >= MEDIUM_GRID[0] && h <= MEDIUM_GRID[1] && w >= MEDIUM_GRID[0] && w <= MEDIUM_GRID[1];
    const [first, second] = o.order === '1xn' ? [`1×${n}`, `${n}×1`] : [`${n}×1`, `1×${n}`];
    return {
      ok: true,
      plan: {
        ...chain,
        original: `${ctx.node.name} (${n}×${n}, ${unit.inputShape[2]} → ${p.filters})`,
        replacement: phrase('report.asymmetric', { first, second }),
        rfReason: phrase('report.asymmetricReason', { n }),
        ...(medium
          ? {}
          : {
              note: phrase('report.asymmetricNote', {
                from: `${MEDIUM_GRID[0]}×${MEDIUM_GRID[0]}`,
                to: `${MEDIUM_GRID[1]}×${MEDIUM_GRID[1]}`,
                grid: `${h}×${w}`,
              }),
            }),
      },
    };
  },
};

export function asymmetric(graph: Graph, nodeId: string, options: AsymmetricOptionsInput = {}): RewriteResult {
  return runRewrite(asymmetricRule, graph, nodeId, options);
}

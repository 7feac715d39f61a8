import type { Graph } from '../graph/types';
import { kernelText, unitActivation } from './convUnit';
import { GraphEdit, near } from './graphEdit';
import { type FilterBankOptions, type FilterBankOptionsInput, filterBankOptions } from './options';
import { phrase } from './phrase';
import { type RewriteRule, type RuleContext, runRewrite } from './rewrite';
import type { RewriteResult } from './types';
import { addConvLike, targetConv } from './unitBuilder';

/** The smallest spatial grid any layer produces: where Inception-C's filter bank lives. */
function coarsestGrid(ctx: RuleContext): readonly [number, number] | null {
  let best: readonly [number, number] | null = null;
  for (const id of ctx.analysis.order) {
    const shape = ctx.analysis.nodes[id]!.outputShape;
    // A 1×1 map (global pooling with keepDims) is no grid a conv works on.
    if (shape?.length !== 3 || shape[0]! * shape[1]! === 1) continue;
    if (!best || shape[0]! * shape[1]! < best[0] * best[1]) best = [shape[0]!, shape[1]!];
  }
  return best;
}

/**
 * Expanded filter bank (Inception v3 §6, Figure 7; Keras mixed9–10): at the
 * coarsest grid an n×n conv becomes parallel 1×n and n×1 convs whose outputs are
 * concatenated. The channels are split between the two so the output shape is
 * kept: n·C·F weights instead of n²·C·F (66.7% fewer for 3×3). Together the branches
 * span the n×n window, though each output channel sees one of the two strips.
 */
export const filterBankRule: RewriteRule<FilterBankOptions> = {
  id: 'filter-bank',
  candidateKinds: ['Conv2D'],
  keepsReceptiveField: true,
  options: filterBankOptions,
  plan(ctx, o) {
    const target = targetConv(ctx);
    if (!target.ok) return target;
    const { unit } = target;
    const p = unit.params;
    const [n, kw] = p.kernelSize;
    if (n !== kw || n < 3)
      return {
        ok: false,
        reason: phrase('refusal.filterBankKernel', { kernel: kernelText([n, kw]) }),
      };
    if (p.padding !== 'same')
      return {
        ok: false,
        reason: phrase('refusal.filterBankValid'),
      };
    const [h, w, inChannels] = unit.inputShape;
    const coarsest = coarsestGrid(ctx);
    if (coarsest && (h !== coarsest[0] || w !== coarsest[1]))
      return {
        ok: false,
        reason: phrase('refusal.filterBankGrid', { grid: `${h}×${w}`, coarsest: kernelText(coarsest) }),
      };
    if (p.filters < 2) return { ok: false, reason: phrase('refusal.filterBankOne') };
    const wide = o.branch1xnChannels ?? Math.ceil(p.filters / 2);
    if (wide >= p.filters)
      return {
        ok: false,
        reason: phrase('refusal.filterBankSplit', { wide, n, filters: p.filters }),
      };

    const edit = new GraphEdit(ctx.graph, ctx.index);
    const { conv } = unit;
    const activation = unitActivation(unit);
    const [sh, sw] = p.strides;
    const [dh, dw] = p.dilation;
    const branches = [
      { suffix: `1x${n}`, filters: wide, kernelSize: [1, n], dilation: [1, dw], lane: -1 },
      { suffix: `${n}x1`, filters: p.filters - wide, kernelSize: [n, 1], dilation: [dh, 1], lane: 1 },
    ] as const;
    const outputs = branches.map((b) =>
      addConvLike(edit, unit, unit.inputId, {
        name: `${conv.name}_${b.suffix}`,
        changes: { filters: b.filters, kernelSize: b.kernelSize, dilation: b.dilation, strides: [sh, sw] },
        activation,
        groupId: conv.groupId,
        position: near(conv, 0, b.lane),
        before: conv.id,
      }),
    );
    const concat = edit.add({
      kind: 'Concatenate',
      name: `${conv.name}_bank`,
      params: { axis: -1 },
      groupId: conv.groupId,
      position: near(conv, 1 + unit.post.length),
      before: conv.id,
    });
    edit.redirectOutputs(unit.outputId, concat);
    outputs.forEach((out, i) => {
      edit.connect(out.outputId, concat, i);
    });
    for (const node of [conv, ...unit.post]) edit.remove(node.id);
    return {
      ok: true,
      plan: {
        edit,
        outputBefore: unit.outputId,
        outputAfter: concat,
        depthAdded: 0,
        original: `${conv.name} (${n}×${n}, ${inChannels} → ${p.filters})`,
        replacement: phrase('report.filterBank', { n, wide, tall: p.filters - wide }),
        rfReason: phrase('report.filterBankReason', { n }),
        note: phrase('report.filterBankNote', { filters: p.filters }),
      },
    };
  },
};

export function filterBank(graph: Graph, nodeId: string, options: FilterBankOptionsInput = {}): RewriteResult {
  return runRewrite(filterBankRule, graph, nodeId, options);
}

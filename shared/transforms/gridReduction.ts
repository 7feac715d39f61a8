import { formatShape } from '../analysis';
import type { Graph, LayerNode } from '../graph/types';
import { type Padding, type Pair, type Pool2DParams, windowOutput } from '../layers';
import { type ConvUnit, convParams, convUnit, kernelText } from './convUnit';
import { GraphEdit, near } from './graphEdit';
import { gridReductionOptions } from './options';
import { phrase, type Text } from './phrase';
import { type PlanResult, type RewriteRule, type RuleContext, runRewrite } from './rewrite';
import type { RewriteResult } from './types';
import { targetConv } from './unitBuilder';

const isPool = (n: LayerNode | undefined): n is LayerNode => n?.kind === 'MaxPool2D' || n?.kind === 'AvgPool2D';

/** Which of the two costly orders the network uses (the paper's Figure 9). */
type Order = 'conv-then-pool' | 'pool-then-conv';

interface Pattern {
  order: Order;
  unit: ConvUnit;
  pool: LayerNode;
}

/** The conv and pool next to each other, from either end; the pool may be asked for directly. */
function findPattern(ctx: RuleContext): Pattern | Text {
  const { node, index, analysis } = ctx;
  let conv: LayerNode | undefined;
  if (isPool(node)) {
    // The pool's input may be the end of a conv2d_bn unit: walk back through it.
    let back = index.byId.get(index.inputsOf(node.id)[0] ?? '');
    while (back && (back.kind === 'BatchNorm' || back.kind === 'Activation'))
      back = index.byId.get(index.inputsOf(back.id)[0] ?? '');
    if (back?.kind === 'Conv2D' && convUnit(index, analysis, back).outputId === index.inputsOf(node.id)[0]) conv = back;
    else if (index.soleConsumer(node.id)?.kind === 'Conv2D') conv = index.soleConsumer(node.id);
    if (!conv) return phrase('refusal.gridNoConv');
  } else conv = node;
  const target = targetConv({ ...ctx, node: conv });
  if (!target.ok) return target.reason;
  const unit = target.unit;
  const after = index.soleConsumer(unit.outputId);
  const before = index.byId.get(unit.inputId);
  if (isPool(after) && (!isPool(node) || node.id === after.id)) return { order: 'conv-then-pool', unit, pool: after };
  if (isPool(before) && index.consumersOf(before.id).length === 1 && (!isPool(node) || node.id === before.id))
    return { order: 'pool-then-conv', unit, pool: before };
  return phrase('refusal.gridNoPool', { name: conv.name });
}

/**
 * Efficient grid reduction (Inception v3 §5, Figure 10): instead of a stride-1 conv
 * that expands channels followed by a pool (expensive), or a pool followed by that
 * conv (a representational bottleneck), run a stride-2 conv and the stride-2 pool in
 * parallel on the same input and concatenate them. The pool branch carries the input's
 * C channels, the conv branch the remaining F − C, so the output shape is kept.
 * The receptive field shrinks: the branches' windows no longer add up.
 */
export const gridReductionRule: RewriteRule<Record<string, never>> = {
  id: 'grid-reduction',
  candidateKinds: ['Conv2D'],
  keepsReceptiveField: false,
  options: gridReductionOptions,
  plan(ctx): PlanResult {
    const found = findPattern(ctx);
    if (typeof found === 'string' || !('order' in found)) return { ok: false, reason: found };
    const { order, unit, pool } = found;
    const p = unit.params;
    const poolParams = ctx.analysis.nodes[pool.id]!.params as Pool2DParams;
    if (p.strides[0] !== 1 || p.strides[1] !== 1)
      return {
        ok: false,
        reason: phrase('refusal.gridStrided', { name: unit.conv.name, stride: kernelText(p.strides) }),
      };
    if (poolParams.strides[0] === 1 && poolParams.strides[1] === 1)
      return { ok: false, reason: phrase('refusal.gridPoolStride', { name: pool.name }) };
    const inChannels = unit.inputShape[2];
    if (p.filters <= inChannels)
      return {
        ok: false,
        reason: phrase('refusal.gridNoExpansion', { name: unit.conv.name, channels: inChannels, filters: p.filters }),
      };
    const inputId = order === 'conv-then-pool' ? unit.inputId : ctx.index.inputsOf(pool.id)[0]!;
    const outputBefore = order === 'conv-then-pool' ? pool.id : unit.outputId;
    const target = ctx.analysis.nodes[outputBefore]!.outputShape!;
    const gridIn = ctx.analysis.nodes[inputId]!.outputShape!;
    const grid: Pair = [gridIn[0]!, gridIn[1]!];
    const goal: Pair = [target[0]!, target[1]!];
    const poolGrid = tryWindow(grid, poolParams.poolSize, poolParams.strides, poolParams.padding);
    if (!poolGrid || poolGrid[0] !== goal[0] || poolGrid[1] !== goal[1])
      return {
        ok: false,
        reason: phrase('refusal.gridPoolGrid', {
          input: formatShape(gridIn),
          grid: poolGrid ? kernelText(poolGrid) : phrase('refusal.nothing'),
          goal: kernelText(goal),
        }),
      };
    const branch = convBranch(grid, goal, p.kernelSize, poolParams);
    if (!branch)
      return {
        ok: false,
        reason: phrase('refusal.gridNoConvGrid', { stride: poolParams.strides[0]!, goal: kernelText(goal) }),
      };

    const edit = new GraphEdit(ctx.graph, ctx.index);
    const { conv } = unit;
    const s = poolParams.strides;
    const strided = edit.add({
      kind: 'Conv2D',
      name: `${conv.name}_stride${s[0] === s[1] ? s[0] : `${s[0]}x${s[1]}`}`,
      params: convParams(p, { ...branch, strides: s, filters: p.filters - inChannels }),
      groupId: conv.groupId,
      position: near(conv, 0, -1),
      before: conv.id,
    });
    edit.connect(inputId, strided);
    const first = unit.post[0];
    if (first) edit.setInput(first.id, strided);
    const branchOut = first ? unit.outputId : strided;
    const concat = edit.add({
      kind: 'Concatenate',
      name: `${pool.name}_concat`,
      params: { axis: -1 },
      groupId: (order === 'conv-then-pool' ? pool : conv).groupId,
      position: near(order === 'conv-then-pool' ? pool : conv, 1),
      after: order === 'conv-then-pool' ? pool.id : unit.outputId,
    });
    edit.redirectOutputs(outputBefore, concat);
    if (order === 'conv-then-pool') edit.setInput(pool.id, inputId);
    edit.connect(branchOut, concat, 0);
    edit.connect(pool.id, concat, 1);
    edit.remove(conv.id);

    const poolWord = phrase(pool.kind === 'MaxPool2D' ? 'report.maxPool' : 'report.averagePool');
    const convText = `${conv.name} (${kernelText(p.kernelSize)}, ${inChannels} → ${p.filters})`;
    return {
      ok: true,
      plan: {
        edit,
        outputBefore,
        outputAfter: concat,
        interior: [pool.id, ...unit.post.map((n) => n.id)],
        depthAdded: 0,
        original: phrase(order === 'conv-then-pool' ? 'report.gridThen' : 'report.gridAfter', {
          conv: convText,
          pool: pool.name,
        }),
        replacement: phrase('report.gridReduction', {
          kernel: kernelText(branch.kernelSize),
          stride: s[0]!,
          convChannels: p.filters - inChannels,
          pool: poolWord,
          poolChannels: inChannels,
        }),
        rfReason: phrase('report.gridReductionReason'),
        ...(order === 'pool-then-conv' ? { note: phrase('report.gridReductionNote', { channels: inChannels }) } : {}),
      },
    };
  },
};

function tryWindow(grid: Pair, kernel: Pair, strides: Pair, padding: Padding): Pair | null {
  try {
    return windowOutput(grid, { kernel, strides, padding, noun: 'window' });
  } catch {
    return null;
  }
}

/** The strided conv branch: the conv's own kernel if some padding lands on the goal grid, else the pool's window. */
function convBranch(grid: Pair, goal: Pair, kernel: Pair, pool: Pool2DParams) {
  const other: Padding = pool.padding === 'same' ? 'valid' : 'same';
  const candidates: { kernelSize: Pair; padding: Padding }[] = [
    { kernelSize: kernel, padding: pool.padding },
    { kernelSize: kernel, padding: other },
    { kernelSize: pool.poolSize, padding: pool.padding },
  ];
  return candidates.find((c) => {
    const out = tryWindow(grid, c.kernelSize, pool.strides, c.padding);
    return out?.[0] === goal[0] && out[1] === goal[1];
  });
}

export function gridReduction(graph: Graph, nodeId: string, options: Record<string, never> = {}): RewriteResult {
  return runRewrite(gridReductionRule, graph, nodeId, options);
}

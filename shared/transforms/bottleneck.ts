import type { Analysis } from '../analysis';
import type { Graph, LayerNode } from '../graph/types';
import type { Conv2DParams } from '../layers';
import type { GraphIndex } from './convUnit';
import { kernelText, unitActivation } from './convUnit';
import { GraphEdit, near } from './graphEdit';
import { type BottleneckOptions, type BottleneckOptionsInput, bottleneckOptions } from './options';
import { phrase } from './phrase';
import { type RewriteRule, runRewrite } from './rewrite';
import type { RewriteResult } from './types';
import { addConvLike, targetConv } from './unitBuilder';

const DEFAULT_RATIO = 0.5;

/** The layer that really produced a node's input, looking through batch norm and activations. */
function producer(index: GraphIndex, id: string): LayerNode | undefined {
  let node = index.byId.get(id);
  while (node && (node.kind === 'BatchNorm' || node.kind === 'Activation')) {
    const inputs = index.inputsOf(node.id);
    node = inputs.length === 1 ? index.byId.get(inputs[0]!) : undefined;
  }
  return node;
}

function isOneByOne(node: LayerNode, analysis: Analysis): boolean {
  if (node.kind === 'Compress1x1') return true;
  const kernel = (analysis.nodes[node.id]?.params as Conv2DParams | undefined)?.kernelSize;
  return node.kind === 'Conv2D' && kernel?.[0] === 1 && kernel[1] === 1;
}

/**
 * Inserts a 1×1 compression before a k×k conv (k ≥ 3): Inception's principle that
 * spatial aggregation can be done over a lower-dimensional embedding (§2, principle 3).
 * A k×k conv from C to F costs k²·C·F per position; with a 1×1 to c channels first,
 * C·c + k²·c·F. The receptive field and output shape stay the same.
 */
export const bottleneckRule: RewriteRule<BottleneckOptions> = {
  id: 'bottleneck',
  candidateKinds: ['Conv2D'],
  keepsReceptiveField: true,
  options: bottleneckOptions,
  plan(ctx, o) {
    const target = targetConv(ctx);
    if (!target.ok) return target;
    const { unit } = target;
    const [kh, kw] = unit.params.kernelSize;
    if (kh !== kw || kh < 3)
      return {
        ok: false,
        reason: phrase('refusal.bottleneckKernel', { kernel: kernelText([kh, kw]) }),
      };
    const source = producer(ctx.index, unit.inputId);
    if (source?.kind === 'Input')
      return {
        ok: false,
        reason: phrase('refusal.bottleneckInput'),
      };
    if (source && isOneByOne(source, ctx.analysis))
      return { ok: false, reason: phrase('refusal.bottleneckTwice', { name: source.name }) };
    const inChannels = unit.inputShape[2];
    const compressed = o.channels ?? Math.max(1, Math.round((o.ratio ?? DEFAULT_RATIO) * inChannels));
    if (compressed >= inChannels)
      return {
        ok: false,
        reason: phrase('refusal.bottleneckWidth', { channels: inChannels, compressed }),
      };

    const edit = new GraphEdit(ctx.graph, ctx.index);
    const { conv } = unit;
    const after = unitActivation(unit);
    const activation = after === 'linear' ? 'relu' : after;
    const byRatio = o.channels === undefined;
    const added = addConvLike(edit, unit, unit.inputId, {
      name: `${conv.name}_reduce`,
      changes: {},
      // Compress1x1 is the catalog's 1×1 reduction; ratio mode keeps following the input's width.
      layer: (fused) => ({
        kind: 'Compress1x1',
        params: {
          mode: byRatio ? 'ratio' : 'count',
          ratio: o.ratio ?? DEFAULT_RATIO,
          filters: compressed,
          useBias: unit.params.useBias,
          activation: fused,
        },
      }),
      activation,
      groupId: conv.groupId,
      position: near(conv, -1),
      before: conv.id,
    });
    edit.setInput(conv.id, added.outputId);
    const p = unit.params;
    return {
      ok: true,
      plan: {
        edit,
        outputBefore: conv.id,
        outputAfter: conv.id,
        interior: [conv.id],
        depthAdded: 1,
        original: `${conv.name} (${kh}×${kh}, ${inChannels} → ${p.filters})`,
        replacement: phrase('report.bottleneck', { channels: compressed, k: kh }),
        rfReason: phrase('report.bottleneckReason'),
      },
    };
  },
};

export function bottleneck(graph: Graph, nodeId: string, options: BottleneckOptionsInput = {}): RewriteResult {
  return runRewrite(bottleneckRule, graph, nodeId, options);
}

import type { ActivationName, Pair } from '../layers';
import { type ConvUnit, convParams } from './convUnit';
import { flowAt, GraphEdit, near } from './graphEdit';
import type { RuleContext } from './rewrite';
import { addConvLike } from './unitBuilder';

/** One conv of the replacement chain. */
export interface ChainStep {
  kernel: Pair;
  strides: Pair;
  dilation: Pair;
  /** Name suffix: conv2d_5 → conv2d_5_3x3a, conv2d_7_1x7. */
  suffix: string;
}

export interface ChainOptions {
  /** Channels between the convs; default the conv's output channels (the paper's same-width setting). */
  intermediateChannels?: number | undefined;
  /** Nonlinearity between the convs. */
  activation: ActivationName;
}

/**
 * Replaces a conv by a chain of convs (stack and asymmetric share this). The last
 * conv takes over the original's filters, activation and consumers; the ones before
 * it get the intermediate channels and the chosen nonlinearity, normalised as the
 * original unit is. Stride goes on the last conv so every window still starts on the
 * original grid: the receptive field and output shape are exactly the original's.
 */
export function replaceWithChain(ctx: RuleContext, unit: ConvUnit, steps: ChainStep[], o: ChainOptions) {
  const edit = new GraphEdit(ctx.graph, ctx.index);
  const { conv, params: p } = unit;
  const inner = o.intermediateChannels ?? p.filters;
  const flow = flowAt(ctx.index, conv);
  const added = new Set<string>();
  // One place along the flow per added node, from the conv's own place on.
  let slot = 0;
  const nextPlace = () => near(conv, slot++, 0, flow);
  let previous = unit.inputId;
  steps.forEach((step, i) => {
    const name = `${conv.name}_${step.suffix}`;
    const changes = { kernelSize: step.kernel, strides: step.strides, dilation: step.dilation };
    const place = { groupId: conv.groupId, before: conv.id };
    if (i < steps.length - 1) {
      const addedUnit = addConvLike(edit, unit, previous, {
        name,
        changes: { ...changes, filters: inner },
        activation: o.activation,
        place: nextPlace,
        ...place,
      });
      previous = addedUnit.outputId;
      for (const id of addedUnit.ids) added.add(id);
      return;
    }
    const last = edit.add({ kind: 'Conv2D', name, params: convParams(p, changes), position: nextPlace(), ...place });
    edit.connect(previous, last);
    edit.redirectOutputs(conv.id, last);
    added.add(last);
    previous = last;
  });
  edit.remove(conv.id);
  // The chain is longer than the conv it replaces: what comes after moves along to make room.
  edit.makeRoom(previous, added.size - 1, flow, added);
  return {
    edit,
    outputBefore: conv.id,
    outputAfter: previous,
    depthAdded: o.activation === 'linear' ? 0 : steps.length - 1,
  };
}

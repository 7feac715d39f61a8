import type { Group } from '../graph/types';
import type { Totals } from './types';

/** Fields accumulated per module, in this order, in one flat Float64Array. */
const FIELDS = 5;
const TRAINABLE = 0;
const NON_TRAINABLE = 1;
const MACS = 2;
const ACTIVATIONS = 3;

/**
 * Sums node costs into every module that contains the node, nested modules
 * included. Each group's chain of enclosing groups is resolved once up front,
 * so adding a node costs one short loop and no lookups by name.
 */
export class GroupTotals {
  private readonly indexOf = new Map<string, number>();
  private readonly chains: number[][] = [];
  private readonly sums: Float64Array;
  private readonly ids: string[] = [];

  constructor(groups: readonly Group[]) {
    for (const group of groups) {
      if (this.indexOf.has(group.id)) continue;
      this.indexOf.set(group.id, this.ids.length);
      this.ids.push(group.id);
    }
    const byId = new Map<string, Group>();
    for (const group of groups) if (!byId.has(group.id)) byId.set(group.id, group);
    for (const id of this.ids) {
      const chain: number[] = [];
      // A damaged file could make parents loop; stop at the first repeat.
      const seen = new Set<string>();
      for (
        let g = byId.get(id);
        g && !seen.has(g.id);
        g = g.parentId === undefined ? undefined : byId.get(g.parentId)
      ) {
        seen.add(g.id);
        chain.push(this.indexOf.get(g.id)!);
      }
      this.chains.push(chain);
    }
    this.sums = new Float64Array(this.ids.length * FIELDS);
  }

  /** False when the group does not exist, so the caller can report it. */
  add(groupId: string, trainable: number, nonTrainable: number, macs: number, activations: number): boolean {
    const g = this.indexOf.get(groupId);
    if (g === undefined) return false;
    const chain = this.chains[g]!;
    const sums = this.sums;
    for (let k = 0; k < chain.length; k++) {
      const base = chain[k]! * FIELDS;
      sums[base + TRAINABLE]! += trainable;
      sums[base + NON_TRAINABLE]! += nonTrainable;
      sums[base + MACS]! += macs;
      sums[base + ACTIVATIONS]! += activations;
    }
    return true;
  }

  result(): Record<string, Totals> {
    const out: Record<string, Totals> = Object.create(null);
    for (let g = 0; g < this.ids.length; g++) {
      const base = g * FIELDS;
      out[this.ids[g]!] = makeTotals(
        this.sums[base + TRAINABLE]!,
        this.sums[base + NON_TRAINABLE]!,
        this.sums[base + MACS]!,
        this.sums[base + ACTIVATIONS]!,
      );
    }
    return out;
  }
}

export function makeTotals(trainable: number, nonTrainable: number, macs: number, activations: number): Totals {
  return {
    params: trainable + nonTrainable,
    trainableParams: trainable,
    nonTrainableParams: nonTrainable,
    macs,
    flops: 2 * macs,
    activationElements: activations,
    activationBytes: 4 * activations,
  };
}

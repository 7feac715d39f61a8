import type { Group } from '../graph/types';
import type { Totals } from './types';

/** Fields accumulated per module, in this order, in one flat Float64Array. */
const FIELDS = 4;
const TRAINABLE = 0;
const NON_TRAINABLE = 1;
const MACS = 2;
const ACTIVATIONS = 3;

/**
 * Sums node costs into every module that contains the node, nested modules
 * included. A node's cost goes into its own module only; the sums are then
 * carried up to the enclosing modules once, children before parents, so the
 * work is linear in nodes plus modules however deep the nesting (adding each
 * node to its whole chain of ancestors would be quadratic in the depth).
 */
export class GroupTotals {
  private readonly indexOf = new Map<string, number>();
  private readonly ids: string[] = [];
  /** Index of each module's enclosing module, -1 for a top-level one (or one whose parent is missing). */
  private readonly parent: Int32Array;
  private readonly sums: Float64Array;

  constructor(groups: readonly Group[]) {
    const firstOfId: Group[] = [];
    for (const group of groups) {
      if (this.indexOf.has(group.id)) continue;
      this.indexOf.set(group.id, this.ids.length);
      this.ids.push(group.id);
      firstOfId.push(group);
    }
    this.parent = new Int32Array(this.ids.length);
    for (let g = 0; g < firstOfId.length; g++) {
      const parentId = firstOfId[g]!.parentId;
      this.parent[g] = parentId === undefined ? -1 : (this.indexOf.get(parentId) ?? -1);
    }
    this.sums = new Float64Array(this.ids.length * FIELDS);
  }

  /** The module the last add looked up: a module's nodes mostly come one after another. */
  private lastId: string | undefined;
  private lastIndex = -1;

  /** False when the group does not exist, so the caller can report it. */
  add(groupId: string, trainable: number, nonTrainable: number, macs: number, activations: number): boolean {
    if (groupId !== this.lastId) {
      const found = this.indexOf.get(groupId);
      if (found === undefined) return false;
      this.lastId = groupId;
      this.lastIndex = found;
    }
    const g = this.lastIndex;
    const base = g * FIELDS;
    this.sums[base + TRAINABLE]! += trainable;
    this.sums[base + NON_TRAINABLE]! += nonTrainable;
    this.sums[base + MACS]! += macs;
    this.sums[base + ACTIVATIONS]! += activations;
    return true;
  }

  result(): Record<string, Totals> {
    const sums = rollUp(this.parent, this.sums);
    const out: Record<string, Totals> = Object.create(null);
    for (let g = 0; g < this.ids.length; g++) {
      const base = g * FIELDS;
      out[this.ids[g]!] = makeTotals(
        sums[base + TRAINABLE]!,
        sums[base + NON_TRAINABLE]!,
        sums[base + MACS]!,
        sums[base + ACTIVATIONS]!,
      );
    }
    return out;
  }
}

/**
 * Each module's own sums plus those of every module inside it. Modules are taken
 * leaves first (Kahn's order on the child → parent links). A damaged file can make
 * parents loop; what is left after Kahn is exactly the modules on such loops (a
 * loop has no way out), and every member of a loop encloses all the others, so
 * each gets the loop's total.
 */
function rollUp(parent: Int32Array, own: Float64Array): Float64Array {
  const m = parent.length;
  const sums = own.slice();
  const children = new Int32Array(m);
  for (let g = 0; g < m; g++) if (parent[g]! >= 0) children[parent[g]!]! += 1;
  const queue = new Int32Array(m);
  let tail = 0;
  for (let g = 0; g < m; g++) if (children[g] === 0) queue[tail++] = g;
  for (let head = 0; head < tail; head++) {
    const g = queue[head]!;
    const p = parent[g]!;
    if (p < 0) continue;
    addInto(sums, p, sums, g);
    if (--children[p]! === 0) queue[tail++] = p;
  }
  if (tail === m) return sums;

  const done = new Uint8Array(m);
  for (let k = 0; k < tail; k++) done[queue[k]!] = 1;
  const total = new Float64Array(FIELDS);
  for (let start = 0; start < m; start++) {
    if (done[start]) continue;
    total.fill(0);
    let g = start;
    do {
      addInto(total, 0, sums, g);
      g = parent[g]!;
    } while (g !== start);
    do {
      sums.set(total, g * FIELDS);
      done[g] = 1;
      g = parent[g]!;
    } while (g !== start);
  }
  return sums;
}

function addInto(target: Float64Array, t: number, source: Float64Array, s: number): void {
  for (let f = 0; f < FIELDS; f++) target[t * FIELDS + f]! += source[s * FIELDS + f]!;
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

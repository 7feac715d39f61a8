/** Header cells (Int32): barrier arrivals, barrier generation, closed flag, agreed control code. */
const ARRIVED = 0;
const GENERATION = 1;
const CLOSED = 2;
const AGREED = 3;
const HEADER_CELLS = 4;
/** How often a waiting worker looks whether the group was closed (ms). */
const POLL_MS = 200;

/** What every worker of a group is handed: the same buffers, its own rank. */
export interface AllReduceGroup {
  workers: number;
  /** Floats reduced per round; longer vectors go through in rounds of this many. */
  chunk: number;
  header: SharedArrayBuffer;
  /** workers slots of `chunk` floats, then the `chunk` sums. */
  data: SharedArrayBuffer;
}

/** A worker left the group (it failed, or the run ended): the others stop instead of waiting forever. */
export class GroupClosed extends Error {
  override name = 'GroupClosed';
  constructor() {
    super('Another training worker stopped.');
  }
}

/** Releases every worker of `group` waiting now or later with GroupClosed (from any thread). */
export function closeGroup(group: AllReduceGroup): void {
  const header = new Int32Array(group.header);
  Atomics.store(header, CLOSED, 1);
  Atomics.notify(header, GENERATION);
}

/** 1M floats: one round for most networks, 4 MiB per worker. */
export function createAllReduceGroup(workers: number, chunk = 1 << 20): AllReduceGroup {
  if (!Number.isInteger(workers) || workers < 1) throw new Error(`workers must be a whole number ≥ 1, got ${workers}`);
  return {
    workers,
    chunk,
    header: new SharedArrayBuffer(HEADER_CELLS * 4),
    data: new SharedArrayBuffer((workers + 1) * chunk * 4),
  };
}

/**
 * Sum-all-reduce over a SharedArrayBuffer for the workers of one group. Each round: every
 * worker writes its vector into its own slot; barrier; worker r sums its share of the
 * elements over the slots in rank order; barrier; every worker reads the sums. One worker
 * computes each sum and all read that one value, so every worker gets bit-identical results.
 * Blocks its thread (Atomics.wait): call it from workers, never from a browser's main thread.
 */
export class AllReduce {
  private readonly header: Int32Array;
  private readonly slots: Float32Array[];
  private readonly sums: Float32Array;

  constructor(
    private readonly group: AllReduceGroup,
    readonly rank: number,
  ) {
    this.header = new Int32Array(group.header);
    this.slots = Array.from(
      { length: group.workers },
      (_, i) => new Float32Array(group.data, i * group.chunk * 4, group.chunk),
    );
    this.sums = new Float32Array(group.data, group.workers * group.chunk * 4, group.chunk);
  }

  get workers(): number {
    return this.group.workers;
  }

  /** Returns when every worker of the group has called it; throws GroupClosed when the group was closed. */
  barrier(): void {
    const h = this.header;
    if (Atomics.load(h, CLOSED)) throw new GroupClosed();
    const generation = Atomics.load(h, GENERATION);
    if (Atomics.add(h, ARRIVED, 1) === this.group.workers - 1) {
      // Reset before releasing: a released worker's next arrival must count toward the next barrier.
      Atomics.store(h, ARRIVED, 0);
      Atomics.add(h, GENERATION, 1);
      Atomics.notify(h, GENERATION);
      return;
    }
    while (Atomics.load(h, GENERATION) === generation) {
      if (Atomics.load(h, CLOSED)) throw new GroupClosed();
      Atomics.wait(h, GENERATION, generation, POLL_MS);
    }
  }

  /** Replaces `values` (the same length in every worker) by their sums over the group. */
  allReduce(values: Float32Array): Float32Array {
    const { chunk, workers } = this.group;
    if (workers === 1) return values;
    for (let offset = 0; offset < values.length; offset += chunk) {
      const n = Math.min(chunk, values.length - offset);
      this.slots[this.rank]!.set(values.subarray(offset, offset + n));
      this.barrier();
      const share = Math.ceil(n / workers);
      const from = Math.min(n, this.rank * share);
      const to = Math.min(n, from + share);
      // Slot by slot over the share, in rank order: the same sums as element by element, ~3× faster.
      this.sums.set(this.slots[0]!.subarray(from, to), from);
      for (let s = 1; s < workers; s++) addInto(this.sums, this.slots[s]!, from, to);
      this.barrier();
      values.set(this.sums.subarray(0, n), offset);
    }
    return values;
  }

  /** Every worker gets rank 0's value of `code` (a control decision all must act on alike). */
  agree(code: number): number {
    if (this.group.workers === 1) return code;
    if (this.rank === 0) Atomics.store(this.header, AGREED, code);
    this.barrier();
    const agreed = Atomics.load(this.header, AGREED);
    // Rank 0 may not write the next decision before everyone has read this one.
    this.barrier();
    return agreed;
  }

  /** Releases every worker waiting now or later with GroupClosed. */
  close(): void {
    closeGroup(this.group);
  }
}

function addInto(sums: Float32Array, slot: Float32Array, from: number, to: number): void {
  for (let i = from; i < to; i++) sums[i]! += slot[i]!;
}

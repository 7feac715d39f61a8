import type * as tfjs from '@tensorflow/tfjs';
import type { ResolvedTrainingOptions } from '../shared/training';
import type { AllReduce } from './allReduce';
import type { ControlState } from './control';
import { createFlatOptimizer, type FlatOptimizer } from './flatOptimizer';

type Tf = typeof tfjs;

const controlCodes: ControlState[] = ['run', 'pause', 'cancel'];

/** Rank 0's reading of the control, seen by every worker: all must pause, resume or stop at the same batch. */
export function agreedState(reduce: AllReduce, state: ControlState): ControlState {
  return controlCodes[reduce.agree(controlCodes.indexOf(state))] ?? 'run';
}

/** This worker's contiguous share [from, to) of the batch [start, end), in rank order. */
export function shareOf(start: number, end: number, rank: number, workers: number): { from: number; to: number } {
  const size = end - start;
  const base = Math.floor(size / workers);
  const extra = size % workers;
  const from = start + rank * base + Math.min(rank, extra);
  return { from, to: from + base + (rank < extra ? 1 : 0) };
}

const totalSize = (variables: tfjs.Variable[]) => variables.reduce((sum, v) => sum + v.size, 0);

type HeapView = (t: tfjs.TensorInfo) => Float32Array;

/**
 * Reads a float32 tensor's values. On wasm, a view of the backend's heap: no copy, no garbage
 * per tensor (two vectors of every weight a step); valid only until the next allocation there,
 * so use it at once. Elsewhere a copy (dataSync).
 */
function reader(tf: Tf): (t: tfjs.Tensor) => Float32Array {
  const heap = (tf.backend() as { typedArrayFromHeap?: HeapView }).typedArrayFromHeap;
  const backend = tf.backend();
  return heap ? (t) => heap.call(backend, t) : (t) => t.dataSync() as Float32Array;
}

/** Rank 0's values of `variables` to every worker: the others add zeros, so the copy is exact. */
export async function broadcastVariables(tf: Tf, reduce: AllReduce, variables: tfjs.Variable[]): Promise<void> {
  const flat = new Float32Array(totalSize(variables));
  if (reduce.rank === 0) {
    let offset = 0;
    for (const v of variables) {
      flat.set(await v.data(), offset);
      offset += v.size;
    }
  }
  reduce.allReduce(flat);
  let offset = 0;
  for (const v of variables) {
    tf.tidy(() => v.assign(tf.tensor(flat.subarray(offset, offset + v.size), v.shape, v.dtype)));
    offset += v.size;
  }
}

/**
 * Data-parallel optimizer steps for one worker. This worker's cost and accuracy (means over
 * its share) are scaled by share/batch, so their sums over the workers are the whole batch's
 * means and the summed gradients the gradient of the whole batch's cost. The sums are read
 * back alike by every worker and applied by the same flat optimizer (flatOptimizer.ts,
 * bit-identical to tfjs's) to the weights each worker reads from its variables: the
 * weights stay bit-identical. The vectors live as long as the run: no allocation per step.
 */
export class DataParallelSteps {
  private readonly size: number;
  /** Every gradient, then the scaled loss and accuracy: what the workers sum. */
  private readonly sums: Float32Array;
  private readonly weights: Float32Array;
  private readonly optimizer: FlatOptimizer;
  private readonly read: (t: tfjs.Tensor) => Float32Array;

  constructor(
    private readonly tf: Tf,
    private readonly reduce: AllReduce,
    private readonly variables: tfjs.Variable[],
    options: ResolvedTrainingOptions,
  ) {
    this.size = totalSize(variables);
    this.sums = new Float32Array(this.size + 2);
    this.weights = new Float32Array(this.size);
    this.optimizer = createFlatOptimizer(options, this.size);
    this.read = reader(tf);
  }

  /** One step at `learningRate`; `objective` is null for a worker whose share is empty. */
  step(
    scale: number,
    learningRate: number,
    objective: (() => { cost: tfjs.Scalar; accuracy: tfjs.Scalar }) | null,
  ): { loss: number; accuracy: number } {
    const { tf, variables, sums, size } = this;
    sums.fill(0);
    if (objective) {
      let accuracy: tfjs.Scalar | undefined;
      const { value, grads } = tf.variableGrads(() => {
        const r = objective();
        accuracy = tf.keep(tf.mul(r.accuracy, scale) as tfjs.Scalar);
        return tf.mul(r.cost, scale) as tfjs.Scalar;
      }, variables);
      let offset = 0;
      for (const v of variables) {
        const g = grads[v.name];
        if (g) sums.set(this.read(g), offset);
        offset += v.size;
      }
      sums[size] = value.dataSync()[0]!;
      sums[size + 1] = accuracy!.dataSync()[0]!;
      tf.dispose([value, accuracy!, ...Object.values(grads)]);
    }
    this.reduce.allReduce(sums);
    let offset = 0;
    for (const v of variables) {
      this.weights.set(this.read(v), offset);
      offset += v.size;
    }
    this.optimizer.apply(this.weights, sums.subarray(0, size), learningRate);
    offset = 0;
    for (const v of variables) {
      const values = this.weights.subarray(offset, offset + v.size);
      tf.tidy(() => v.assign(tf.tensor(values, v.shape, 'float32')));
      offset += v.size;
    }
    return { loss: sums[size]!, accuracy: sums[size + 1]! };
  }
}

/** FNV-1a over the bits of every value, cut to 24 bits so a float32 carries it exactly. */
async function weightsHash(variables: tfjs.Variable[]): Promise<number> {
  let h = 0x811c9dc5;
  for (const v of variables) {
    const bits = new Uint32Array((await v.data()).slice().buffer);
    for (let i = 0; i < bits.length; i++) h = Math.imul(h ^ bits[i]!, 0x01000193);
  }
  return (h >>> 0) & 0xffffff;
}

/**
 * Checks the promise the step makes: every worker holds bit-identical weights. Each worker
 * sends its hash in its own cell; a mismatch stops the run rather than train on silently.
 */
export async function checkIdenticalWeights(reduce: AllReduce, variables: tfjs.Variable[]): Promise<void> {
  const hashes = new Float32Array(reduce.workers);
  hashes[reduce.rank] = await weightsHash(variables);
  reduce.allReduce(hashes);
  if (hashes.some((h) => h !== hashes[0])) {
    throw new Error(
      `the ${reduce.workers} training workers no longer hold identical weights (hashes ${[...hashes].join(', ')}); train with one worker (--workers 1) and report this`,
    );
  }
}

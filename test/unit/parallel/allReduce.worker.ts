import { parentPort, workerData } from 'node:worker_threads';
import { AllReduce, type AllReduceGroup } from '../../../trainer/allReduce';

/** Each round: its own vector in, the sums out, posted back for the test to check. */
const { group, rank, vectors } = workerData as { group: AllReduceGroup; rank: number; vectors: Float32Array[] };
const reduce = new AllReduce(group, rank);
const results = vectors.map((v) => reduce.allReduce(Float32Array.from(v)));
parentPort!.postMessage(results);

import { parentPort, workerData } from 'node:worker_threads';
import * as tf from '@tensorflow/tfjs';
import { loadDataset } from '../../../electron/services/datasets';
import { analyzeGraph } from '../../../shared/analysis';
import type { Graph } from '../../../shared/graph/types';
import { prepareForTraining, type ResolvedTrainingOptions } from '../../../shared/training';
import { AllReduce, type AllReduceGroup } from '../../../trainer/allReduce';
import { compileGraph } from '../../../trainer/compile/compile';
import { splitIndices } from '../../../trainer/job';
import { withSeededMathRandom } from '../../../trainer/seededRandom';
import { trainLoop } from '../../../trainer/trainLoop';

/**
 * Trains `graph` through the real loop as worker `rank` of `group` (no group: the
 * single-worker path) and posts its trainable weights. Ranks start from different
 * random weights, so equal results also prove rank 0's weights were broadcast.
 */
const { group, rank, graph, options, perturbRank } = workerData as {
  group: AllReduceGroup | null;
  rank: number;
  graph: Graph;
  options: ResolvedTrainingOptions;
  /** This rank nudges one weight after its first batch, as a bug breaking the lockstep would. */
  perturbRank?: number;
};
await tf.setBackend('cpu');
const net = prepareForTraining(graph, analyzeGraph(graph));
if (!net.ok) throw new Error(net.error);
const data = loadDataset(options.dataset, net.input, net.classes, options.seed);
const model = await withSeededMathRandom(1 + rank * 1000, async () => compileGraph(tf, net.trainingGraph).model);
const nudged = model.trainableWeights[0]!.read() as tf.Variable;
try {
  const result = await trainLoop(tf, model, data, splitIndices(data.count, options.validationSplit), options, {
    control: { state: () => 'run' },
    onStatus: () => {},
    onBatch: (p) => {
      if (rank === perturbRank && p.batch === 1) tf.tidy(() => nudged.assign(tf.add(nudged, 1e-6)));
    },
    onEpoch: () => {},
    parallel: group ? new AllReduce(group, rank) : undefined,
  });
  const weights = model.trainableWeights.map((w) => w.read().dataSync() as Float32Array);
  parentPort!.postMessage({ status: result.status, weights });
} catch (err) {
  parentPort!.postMessage({ status: 'threw', message: (err as Error).message, weights: [] });
}

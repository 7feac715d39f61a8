import type * as tfjs from '@tensorflow/tfjs';
import { analyzeGraph } from '../shared/analysis';
import type { Graph } from '../shared/graph/types';
import type { DiagnosticText } from '../shared/i18n/diagnosticText';
import type {
  BatchProgress,
  DatasetInfo,
  EpochMetrics,
  FailureKind,
  ImageInput,
  MemoryEstimate,
  ResolvedTrainingOptions,
  TrainableNetwork,
} from '../shared/training';
import {
  estimateTrainingMemory,
  type MemoryBudget,
  memoryRefusalMessage,
  prepareForTraining,
  runMessage,
} from '../shared/training';
import type { AllReduce } from './allReduce';
import { CompileError, compileGraph } from './compile/compile';
import type { TrainingControl } from './control';
import { type Dataset, DatasetProblem } from './dataset';
import { withSeededMathRandom } from './seededRandom';
import { type SerializedModel, serializeModel } from './serialize';
import { trainLoop } from './trainLoop';

type Tf = typeof tfjs;

/**
 * Loads the run's data at the network's input size; throws DatasetProblem for the user's
 * data. The Node worker reads files; a browser worker is handed the data the services loaded.
 */
export type LoadData = (
  spec: ResolvedTrainingOptions['dataset'],
  input: ImageInput,
  classes: number,
  seed: number,
) => Dataset;

export interface TrainJob {
  graph: Graph;
  options: ResolvedTrainingOptions;
  /** What the backend can hold; the run is refused beyond it. */
  memoryBudget: MemoryBudget;
}

export interface JobHooks {
  control: TrainingControl;
  onStatus(status: 'running' | 'paused'): void;
  /** The data is loaded; `memory` is the estimate with its real size. */
  onDataset(info: DatasetInfo, memory: MemoryEstimate): void;
  onBatch(progress: Omit<BatchProgress, 'runId'>): void;
  onEpoch(metrics: EpochMetrics): void;
  /** Data-parallel training (see LoopHooks); only rank 0 keeps the trained model. */
  parallel?: AllReduce;
}

export interface JobOutcome {
  status: 'completed' | 'cancelled' | 'diverged' | 'failed';
  message: string | null;
  /** The message in any language; absent where only English is known. */
  text?: DiagnosticText;
  failure: FailureKind | null;
  /** The trained network with its original head (softmax restored), when there is one worth keeping. */
  model: SerializedModel | null;
}

const failed = (failure: FailureKind, message: string, text?: DiagnosticText): JobOutcome => ({
  status: 'failed',
  message,
  ...(text ? { text } : {}),
  failure,
  model: null,
});

/** Splits the (already shuffled) samples: the last `split` share validates. */
export function splitIndices(count: number, split: number): { train: Int32Array; validation: Int32Array } {
  const validationCount = split > 0 ? Math.max(1, Math.round(count * split)) : 0;
  const all = Int32Array.from({ length: count }, (_, i) => i);
  return { train: all.subarray(0, count - validationCount), validation: all.subarray(count - validationCount) };
}

/**
 * The trained weights in the network the user drew: when training stripped the final
 * softmax, the original is compiled again and the weights copied over (same layers, same order).
 */
async function inferenceModel(
  tf: Tf,
  trained: tfjs.LayersModel,
  net: TrainableNetwork,
  graph: Graph,
): Promise<SerializedModel> {
  if (net.head === 'linear') return serializeModel(tf, trained);
  const { model } = compileGraph(tf, graph);
  try {
    model.setWeights(trained.getWeights());
    return await serializeModel(tf, model);
  } finally {
    model.dispose();
  }
}

/**
 * One whole run, in whichever thread calls it (a Node or browser worker; tests in-process): checks the
 * network, loads the data, refuses what would not fit, compiles, trains, and keeps the
 * trained model. Failures come back as outcomes with a message for the user, never throws.
 */
export async function runTrainingJob(tf: Tf, job: TrainJob, hooks: JobHooks, loadData: LoadData): Promise<JobOutcome> {
  const o = job.options;
  const analysis = analyzeGraph(job.graph);
  const net = prepareForTraining(job.graph, analysis);
  if (!net.ok) return failed('network', net.error, net.text);
  let data: Dataset;
  try {
    data = loadData(o.dataset, net.input, net.classes, o.seed);
  } catch (err) {
    if (err instanceof DatasetProblem) return failed('dataset', err.message, err.text);
    throw err;
  }
  const split = splitIndices(data.count, o.validationSplit);
  if (split.train.length === 0) {
    const said = runMessage('noTrainingSamples', { count: data.count, split: o.validationSplit });
    return failed('dataset', said.message, said.text);
  }
  const memory = estimateTrainingMemory(analysis.totals, o, data.pixels.byteLength);
  hooks.onDataset(
    { ...data.info, trainSamples: split.train.length, validationSamples: split.validation.length },
    memory,
  );
  const refusal = memoryRefusalMessage(memory, job.memoryBudget);
  if (refusal) return failed('memory', refusal.message, refusal.text);
  return withSeededMathRandom(o.seed, async () => {
    let compiled: tfjs.LayersModel;
    try {
      compiled = compileGraph(tf, net.trainingGraph, analyzeGraph(net.trainingGraph)).model;
    } catch (err) {
      if (err instanceof CompileError) return failed('network', err.message, err.text);
      throw err;
    }
    try {
      hooks.onStatus('running');
      const result = await trainLoop(tf, compiled, data, split, o, hooks);
      // A diverged model holds NaNs or weights blown far off: nothing worth exporting.
      const keeps = result.status !== 'diverged' && (hooks.parallel?.rank ?? 0) === 0;
      const model = keeps ? await inferenceModel(tf, compiled, net, job.graph) : null;
      return { ...result, failure: null, model };
    } finally {
      compiled.dispose();
    }
  });
}

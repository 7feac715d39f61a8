import type * as tfjs from '@tensorflow/tfjs';
import type { DiagnosticText } from '../shared/i18n/diagnosticText';
import type { BatchProgress, EpochMetrics, ResolvedTrainingOptions } from '../shared/training';
import { learningRateAt, runMessage, seededRandom, shuffleInPlace } from '../shared/training';
import type { AllReduce } from './allReduce';
import { batchOf } from './batch';
import { recomputeBatchNormStatistics } from './batchNormStatistics';
import type { TrainingControl } from './control';
import { agreedState, broadcastVariables, checkIdenticalWeights, DataParallelSteps, shareOf } from './dataParallel';
import type { Dataset } from './dataset';
import { DivergenceWatch, divergedRunMessage } from './divergence';
import { evaluate } from './evaluate';
import { smoothedCrossEntropy } from './loss';
import { createOptimizer, disposeOptimizer, setLearningRate } from './optimizer';

type Tf = typeof tfjs;

export interface LoopHooks {
  control: TrainingControl;
  onStatus(status: 'running' | 'paused'): void;
  onBatch(progress: Omit<BatchProgress, 'runId'>): void;
  onEpoch(metrics: EpochMetrics): void;
  /**
   * Data-parallel training: this worker's group. Each trains on its share of every batch;
   * rank 0 alone recomputes batch-norm statistics and validates (the others' are never used).
   */
  parallel?: AllReduce;
}

export interface LoopResult {
  status: 'completed' | 'cancelled' | 'diverged';
  message: string | null;
  /** The message in any language. */
  text?: DiagnosticText;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The training loop: a seeded shuffle per epoch, one optimizer step per batch on logits
 * with label-smoothed softmax cross-entropy (tf.losses.softmaxCrossEntropy: targets
 * y·(1 − ε) + ε/K, Keras's definition) plus L2 weight decay on kernels, the schedule's
 * rate before every batch; after every epoch, batch-norm statistics recomputed (unless the
 * options keep Keras's moving averages), then validation and calibration. The run stops as
 * diverged on a NaN or infinite loss, or one held above 10× its start (divergence.ts).
 * Every tensor it makes is disposed, so tf.memory() is the same after each epoch.
 */
export async function trainLoop(
  tf: Tf,
  model: tfjs.LayersModel,
  data: Dataset,
  split: { train: Int32Array; validation: Int32Array },
  o: ResolvedTrainingOptions,
  hooks: LoopHooks,
): Promise<LoopResult> {
  const K = data.classes;
  const order = Int32Array.from(split.train);
  const shuffle = seededRandom(o.seed ^ 0x2545f491);
  const batches = Math.ceil(order.length / o.batchSize);
  const totalBatches = batches * o.epochs;
  const variables = model.trainableWeights.map((w) => w.read() as tfjs.Variable);
  // L2 on kernels only (conv, depthwise, pointwise, dense), as Keras's kernel_regularizer: biases and batch norm are not decayed.
  const kernels = model.trainableWeights.filter((w) => /kernel$/.test(w.name)).map((w) => w.read());
  const regularization = () =>
    o.weightDecay > 0 && kernels.length
      ? tf.mul(o.weightDecay / 2, tf.addN(kernels.map((k) => tf.sum(tf.square(k)))))
      : null;
  const parallel = hooks.parallel;
  // Data-parallel steps update the weights with their own flat optimizer: tfjs's is not made.
  const optimizer = parallel ? null : createOptimizer(tf, o);
  const parallelSteps = parallel ? new DataParallelSteps(tf, parallel, variables, o) : null;
  const divergence = new DivergenceWatch(K, batches);
  const leader = !parallel || parallel.rank === 0;
  if (parallel) await broadcastVariables(tf, parallel, variables);
  const controlState = () => (parallel ? agreedState(parallel, hooks.control.state()) : hooks.control.state());
  const runStart = performance.now();
  let pausedMs = 0;
  let done = 0;
  try {
    for (let epoch = 1; epoch <= o.epochs; epoch++) {
      shuffleInPlace(order, shuffle);
      const epochStart = performance.now();
      const pausedAtEpochStart = pausedMs;
      let lossSum = 0;
      let correctSum = 0;
      let seen = 0;
      let rate = o.learningRate;
      let lastLoss = Number.NaN;
      for (let b = 0; b < batches; b++) {
        let state = controlState();
        if (state === 'pause') {
          const pauseStart = performance.now();
          hooks.onStatus('paused');
          do {
            await sleep(50);
            state = controlState();
          } while (state === 'pause');
          pausedMs += performance.now() - pauseStart;
          if (state === 'run') hooks.onStatus('running');
        }
        if (state === 'cancel') {
          return { status: 'cancelled', ...runMessage('cancelledAt', { epoch, batch: b + 1, batches }) };
        }
        rate = learningRateAt(o, epoch - 1 + b / batches);
        if (optimizer) setLearningRate(optimizer, rate);
        const start = b * o.batchSize;
        const end = Math.min(order.length, start + o.batchSize);
        const size = end - start;
        const share = parallel ? shareOf(start, end, parallel.rank, parallel.workers) : { from: start, to: end };
        const { x, labels: classes } = batchOf(tf, data, order, share.from, share.to);
        const labels = tf.tensor1d(classes, 'int32');
        const y = tf.tidy(() => tf.oneHot(labels, K).toFloat());
        const objective = () => {
          const logits = model.apply(x, { training: true }) as tfjs.Tensor;
          const accuracy = tf.mean(tf.cast(tf.equal(tf.argMax(logits, -1), labels), 'float32')) as tfjs.Scalar;
          const loss = smoothedCrossEntropy(tf, y, logits, o.labelSmoothing);
          const reg = regularization();
          return { cost: reg ? (tf.add(loss, reg) as tfjs.Scalar) : loss, accuracy };
        };
        const shareSize = share.to - share.from;
        const { loss: lossValue, accuracy: accValue } = parallelSteps
          ? parallelSteps.step(shareSize / size, rate, shareSize > 0 ? objective : null)
          : await minimizeStep(tf, optimizer!, variables, objective);
        tf.dispose([x, labels, y]);
        const diverged = divergence.afterBatch(lossValue);
        if (diverged) return { status: 'diverged', ...divergedRunMessage(diverged, epoch, b + 1, rate) };
        lastLoss = lossValue;
        lossSum += lossValue * size;
        correctSum += accValue * size;
        seen += size;
        done += 1;
        const epochSeconds = (performance.now() - epochStart - (pausedMs - pausedAtEpochStart)) / 1000;
        const runSeconds = (performance.now() - runStart - pausedMs) / 1000;
        hooks.onBatch({
          epoch,
          epochs: o.epochs,
          batch: b + 1,
          batches,
          loss: lossValue,
          accuracy: accValue,
          learningRate: rate,
          samplesPerSec: seen / Math.max(epochSeconds, 1e-6),
          etaSeconds: (runSeconds / done) * (totalBatches - done),
          fraction: done / totalBatches,
        });
      }
      const trainSeconds = (performance.now() - epochStart - (pausedMs - pausedAtEpochStart)) / 1000;
      if (parallel) await checkIdenticalWeights(parallel, variables);
      if (leader && o.batchNormStatistics === 'recompute')
        recomputeBatchNormStatistics(tf, model, data, order, o.batchSize);
      const cancelled = () => hooks.control.state() === 'cancel';
      const validates = leader && split.validation.length > 0;
      const reg = validates ? await regularizationValue(tf, regularization) : 0;
      const validation = validates
        ? await evaluate(tf, model, data, split.validation, o.labelSmoothing, o.batchSize * 2, reg, cancelled)
        : null;
      if (leader && cancelled()) return { status: 'cancelled', ...runMessage('cancelledValidating', { epoch }) };
      const diverged = divergence.afterEpoch(lossSum / seen, lastLoss);
      hooks.onEpoch({
        epoch,
        loss: lossSum / seen,
        accuracy: correctSum / seen,
        valLoss: validation?.loss ?? null,
        valAccuracy: validation?.accuracy ?? null,
        calibration: validation?.calibration ?? null,
        learningRate: rate,
        samplesPerSec: seen / Math.max(trainSeconds, 1e-6),
        seconds: (performance.now() - epochStart - (pausedMs - pausedAtEpochStart)) / 1000,
        numTensors: tf.memory().numTensors,
      });
      if (diverged) return { status: 'diverged', ...divergedRunMessage(diverged, epoch, batches, rate) };
    }
    return { status: 'completed', message: null };
  } finally {
    if (optimizer) disposeOptimizer(optimizer);
  }
}

async function regularizationValue(tf: Tf, regularization: () => tfjs.Tensor | null): Promise<number> {
  const t = tf.tidy(() => regularization() ?? tf.scalar(0));
  const value = (await t.data())[0]!;
  t.dispose();
  return value;
}

/** One step on the whole batch with tfjs's optimizer: the single-worker path (and every GPU backend's). */
async function minimizeStep(
  tf: Tf,
  optimizer: tfjs.Optimizer,
  variables: tfjs.Variable[],
  objective: () => { cost: tfjs.Scalar; accuracy: tfjs.Scalar },
): Promise<{ loss: number; accuracy: number }> {
  let accuracy: tfjs.Scalar | undefined;
  const cost = optimizer.minimize(
    () => {
      const r = objective();
      accuracy = tf.keep(r.accuracy);
      return r.cost;
    },
    true,
    variables,
  )!;
  const result = { loss: (await cost.data())[0]!, accuracy: (await accuracy!.data())[0]! };
  tf.dispose([cost, accuracy!]);
  return result;
}

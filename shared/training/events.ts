import { z } from 'zod';
import { Calibration } from './calibration';
import { DatasetInfo } from './datasetSpec';
import { MemoryEstimate } from './memory';
import { ResolvedTrainingOptions } from './options';
import { SentText } from './sentText';

const runId = z.string().min(1).max(100);

/**
 * preparing: the worker loads the dataset and compiles; running / paused; then one of
 * completed, cancelled (by the user), diverged (loss became NaN or Inf, or stayed above 10× its start;
 * docs/divergence.md) or failed (see `failure`).
 */
export const RunStatus = z.enum(['preparing', 'running', 'paused', 'completed', 'cancelled', 'diverged', 'failed']);
export type RunStatus = z.output<typeof RunStatus>;
export const finishedStatuses: readonly RunStatus[] = ['completed', 'cancelled', 'diverged', 'failed'];

/** Why a run failed: the network cannot be compiled, the data is unusable, it would not fit, or a bug. */
export const FailureKind = z.enum(['network', 'dataset', 'memory', 'internal']);
export type FailureKind = z.output<typeof FailureKind>;

/** Sent after every batch (the service may thin them to a few per second). Epochs and batches count from 1. */
export const BatchProgress = z.object({
  runId,
  epoch: z.number().int(),
  epochs: z.number().int(),
  batch: z.number().int(),
  batches: z.number().int(),
  /** This batch's training loss (smoothed cross-entropy plus weight decay, as optimised) and accuracy. */
  loss: z.number(),
  accuracy: z.number(),
  learningRate: z.number(),
  /** Training samples per second over the epoch so far. */
  samplesPerSec: z.number(),
  /** Seconds left for the whole run at the current pace. */
  etaSeconds: z.number(),
  /** Share of all training batches done, 0 to 1. */
  fraction: z.number(),
});
export type BatchProgress = z.output<typeof BatchProgress>;

export const EpochMetrics = z.object({
  epoch: z.number().int(),
  /** Mean over the epoch's batches. */
  loss: z.number(),
  accuracy: z.number(),
  /** On the held-out split with the same loss (label smoothing included, as Keras's val_loss); null without one. */
  valLoss: z.number().nullable(),
  valAccuracy: z.number().nullable(),
  /** On the held-out split: ECE (15 bins), mean confidence vs accuracy, reliability-diagram bins. */
  calibration: Calibration.nullable(),
  /** The rate at the epoch's last batch. */
  learningRate: z.number(),
  samplesPerSec: z.number(),
  /** Wall time of the epoch, validation included. */
  seconds: z.number(),
  /** tf.memory().numTensors in the worker after the epoch: flat across epochs unless something leaks. */
  numTensors: z.number().int(),
});
export type EpochMetrics = z.output<typeof EpochMetrics>;

/** One point of the per-batch curve kept with a run (thinned to at most MAX_CURVE_POINTS). */
export const CurvePoint = z.object({
  /** Batches done so far, counting from 1 across epochs. */
  step: z.number().int(),
  /** Fractional epoch at the end of that batch, e.g. 1.5 halfway through the second. */
  epoch: z.number(),
  loss: z.number(),
  accuracy: z.number(),
});
export type CurvePoint = z.output<typeof CurvePoint>;
export const MAX_CURVE_POINTS = 2000;

export const NetworkSummary = z.object({
  name: z.string(),
  inputShape: z.array(z.number().int()),
  classes: z.number().int(),
  params: z.number().int(),
  trainableParams: z.number().int(),
  macs: z.number(),
  /** 'softmax': trained on logits, softmax restored in the exported model. */
  head: z.enum(['softmax', 'linear']),
});
export type NetworkSummary = z.output<typeof NetworkSummary>;

/** Everything a run keeps: settings, curves, final metrics, status. Persisted as run.json. */
export const RunRecord = z.object({
  id: runId,
  name: z.string(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  status: RunStatus,
  /** Why it stopped, in words, for every status but completed (and running): English, as logs and --json show it. */
  message: z.string().nullable(),
  /** The same in any language (shared/i18n/trainingEn.ts); records kept before texts existed have none. */
  text: SentText.optional(),
  failure: FailureKind.nullable(),
  settings: ResolvedTrainingOptions,
  network: NetworkSummary,
  /** The tfjs backend the worker trained on (same names as backendInfo). */
  backend: z.string().nullable(),
  /** The GPU a WebGPU or WebGL run trained on, as the browser engine named it. */
  device: z.string().optional(),
  dataset: DatasetInfo.nullable(),
  memory: MemoryEstimate,
  epochs: z.array(EpochMetrics),
  batches: z.array(CurvePoint),
  /** A trained model is stored and can be exported (not after divergence or an early failure). */
  hasModel: z.boolean(),
});
export type RunRecord = z.output<typeof RunRecord>;

/** The run list: a record without its per-batch curve. */
export const RunSummary = RunRecord.omit({ batches: true }).extend({ final: EpochMetrics.nullable() });
export type RunSummary = z.output<typeof RunSummary>;

export const TrainEpochEvent = z.object({ runId, metrics: EpochMetrics });
export type TrainEpochEvent = z.output<typeof TrainEpochEvent>;

export const TrainStatusEvent = z.object({
  runId,
  status: RunStatus,
  message: z.string().nullable(),
  text: SentText.optional(),
});
export type TrainStatusEvent = z.output<typeof TrainStatusEvent>;

export const TrainFinishedEvent = z.object({
  runId,
  status: RunStatus,
  message: z.string().nullable(),
  text: SentText.optional(),
  failure: FailureKind.nullable(),
  final: EpochMetrics.nullable(),
});
export type TrainFinishedEvent = z.output<typeof TrainFinishedEvent>;

/** A model in TF.js Layers format: model.json (weightsManifest pointing at weightsFileName) and its weights. */
export const ExportedModel = z.object({
  modelJson: z.string(),
  weightsFileName: z.string(),
  weightsBase64: z.string(),
});
export type ExportedModel = z.output<typeof ExportedModel>;

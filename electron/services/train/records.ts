import { randomBytes } from 'node:crypto';
import type { Analysis } from '../../../shared/analysis';
import { english } from '../../../shared/i18n/diagnosticText';
import type {
  BatchProgress,
  MemoryEstimate,
  ResolvedTrainingOptions,
  RunRecord,
  RunSummary,
  TrainableNetwork,
} from '../../../shared/training';
import { defaultRunName, MAX_CURVE_POINTS } from '../../../shared/training';

/** The mnist package ships this many digits. */
const MNIST_PACKAGE_SAMPLES = 10_000;

/** Dataset bytes known before loading (synthetic, the mnist sample); files are measured by the worker. */
export function knownDatasetBytes(o: ResolvedTrainingOptions, net: TrainableNetwork): number {
  const perSample = net.input.height * net.input.width * net.input.channels;
  const d = o.dataset;
  const count =
    d.kind === 'synthetic'
      ? d.samples
      : d.kind === 'mnist'
        ? Math.min(d.samples ?? MNIST_PACKAGE_SAMPLES, MNIST_PACKAGE_SAMPLES)
        : 0;
  return count * perSample;
}

/** The English name (kept in run.json); the window shows it in its language (runNameText). */
export const defaultName = (o: ResolvedTrainingOptions) => english(defaultRunName(o));

export function newRunId(): string {
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `run-${stamp}-${randomBytes(3).toString('hex')}`;
}

export function summary(record: RunRecord): RunSummary {
  const { batches: _batches, ...rest } = record;
  return { ...rest, final: record.epochs.at(-1) ?? null };
}

/** A run as it starts: settings and network known, no data, curves or model yet. */
export function newRecord(r: {
  id: string;
  name: string;
  networkName: string;
  options: ResolvedTrainingOptions;
  analysis: Analysis;
  net: TrainableNetwork;
  memory: MemoryEstimate;
}): RunRecord {
  return {
    id: r.id,
    name: r.name,
    createdAt: new Date().toISOString(),
    finishedAt: null,
    status: 'preparing',
    message: null,
    failure: null,
    settings: r.options,
    network: {
      name: r.networkName,
      inputShape: [...r.net.inputShape],
      classes: r.net.classes,
      params: r.analysis.totals.params,
      trainableParams: r.analysis.totals.trainableParams,
      macs: r.analysis.totals.macs,
      head: r.net.head,
    },
    backend: null,
    dataset: null,
    memory: r.memory,
    epochs: [],
    batches: [],
    hasModel: false,
  };
}

/**
 * Keeps every `stride`-th batch in the run's curve; past MAX_CURVE_POINTS it drops every
 * other point and doubles the stride, so a long run keeps its whole shape in bounded space.
 * Returns the stride to use from now on.
 */
export function addCurvePoint(record: RunRecord, p: Omit<BatchProgress, 'runId'>, stride: number): number {
  const step = (p.epoch - 1) * p.batches + p.batch;
  if (step % stride !== 0) return stride;
  record.batches.push({ step, epoch: p.epoch - 1 + p.batch / p.batches, loss: p.loss, accuracy: p.accuracy });
  if (record.batches.length <= MAX_CURVE_POINTS) return stride;
  record.batches = record.batches.filter((_, i) => i % 2 === 1);
  return stride * 2;
}

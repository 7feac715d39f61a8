import type { EpochMetrics } from './events';

const columns = [
  'epoch',
  'loss',
  'accuracy',
  'val_loss',
  'val_accuracy',
  'ece',
  'mean_confidence',
  'learning_rate',
  'samples_per_sec',
  'seconds',
] as const;

const cell = (v: number | null | undefined) => (v === null || v === undefined ? '' : String(v));

/** One row per epoch, Keras's CSVLogger column names; empty cells where there was no validation set. */
export function curvesCsv(epochs: readonly EpochMetrics[]): string {
  const rows = epochs.map((e) =>
    [
      e.epoch,
      e.loss,
      e.accuracy,
      e.valLoss,
      e.valAccuracy,
      e.calibration?.ece,
      e.calibration?.meanConfidence,
      e.learningRate,
      e.samplesPerSec,
      e.seconds,
    ]
      .map(cell)
      .join(','),
  );
  return `${[columns.join(','), ...rows].join('\n')}\n`;
}

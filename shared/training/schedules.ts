import type { ScheduleKind } from './options';

export interface ScheduleSettings {
  schedule: ScheduleKind;
  learningRate: number;
  epochs: number;
  stepEpochs: number;
  stepFactor: number;
}

/**
 * The learning rate at `epoch`, counted from 0 and fractional within an epoch
 * (epoch 1.5 = halfway through the second). At each epoch's start the value equals
 * the exported train.py's per-epoch schedule, so both trainers agree.
 * - constant: the base rate throughout.
 * - step: base · factor^⌊epoch / stepEpochs⌋ (a staircase; the Inception v3 paper uses 0.94 every 2 epochs).
 * - cosine: base · ½(1 + cos(π · epoch / epochs)), annealed smoothly within epochs, reaching 0 at the end.
 */
export function learningRateAt(s: ScheduleSettings, epoch: number): number {
  switch (s.schedule) {
    case 'constant':
      return s.learningRate;
    case 'step':
      return s.learningRate * s.stepFactor ** Math.floor(epoch / s.stepEpochs);
    case 'cosine': {
      const t = Math.min(Math.max(epoch / s.epochs, 0), 1);
      return s.learningRate * 0.5 * (1 + Math.cos(Math.PI * t));
    }
  }
}

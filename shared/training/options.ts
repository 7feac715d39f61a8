import { z } from 'zod';
import { formatIssue, type Issue, issuesOf } from '../issues';
import { expected } from '../layers/common';
import { DatasetSpec } from './datasetSpec';

export const optimizerKinds = ['sgd', 'adam', 'rmsprop'] as const;
export type OptimizerKind = (typeof optimizerKinds)[number];
export const scheduleKinds = ['constant', 'step', 'cosine'] as const;
export type ScheduleKind = (typeof scheduleKinds)[number];
export const batchNormStatisticsKinds = ['recompute', 'moving-average'] as const;

const int = (what: string, min: number, max: number) =>
  z.number(expected(what)).int(expected(what)).min(min, expected(what)).max(max, expected(what));

const fraction = (what: string) => z.number(expected(what)).min(0, expected(what)).lt(1, expected(what));
const positive = (what: string) => z.number(expected(what)).positive(expected(what));

/**
 * Everything a training run is set up with. Flat (one field per form control) and a
 * superset of shared/export/options.ts, so the same settings feed the exported train.py.
 * Every message names the bad value.
 */
export const TrainingOptions = z.strictObject({
  dataset: DatasetSpec.default({ kind: 'synthetic', samples: 1000 }),
  epochs: int('a whole number of epochs from 1 to 10,000', 1, 10_000).default(5),
  batchSize: int('a batch size from 1 to 4096', 1, 4096).default(32),
  /** ε in [0, 1): one-hot targets become y·(1 − ε) + ε/K (Keras's definition; Szegedy et al. 2016). */
  labelSmoothing: fraction('a label smoothing ε in [0, 1)').default(0),
  optimizer: z.enum(optimizerKinds, expected(`one of 'sgd', 'adam', 'rmsprop'`)).default('adam'),
  /** When omitted: 0.01 for SGD, 0.001 for Adam, 0.045 for RMSProp (the Inception v3 paper's). */
  learningRate: positive('a positive learning rate').max(1000, expected('a learning rate of at most 1000')).optional(),
  /** SGD's momentum (0.9 when omitted) and RMSProp's (0 when omitted); Adam ignores it. */
  momentum: fraction('a momentum in [0, 1)').optional(),
  /** RMSProp: the Inception v3 paper's decay 0.9 and ε = 1.0 are the defaults. */
  rmspropDecay: fraction('an RMSProp decay in [0, 1)').default(0.9),
  rmspropEpsilon: positive('a positive RMSProp ε').default(1.0),
  adamEpsilon: positive('a positive Adam ε').default(1e-7),
  schedule: z.enum(scheduleKinds, expected(`one of 'constant', 'step', 'cosine'`)).default('constant'),
  /** Step decay: multiply the rate by stepFactor every stepEpochs epochs (the paper: 0.94 every 2). */
  stepEpochs: int('a whole number of epochs from 1 to 10,000', 1, 10_000).default(2),
  stepFactor: positive('a step factor in (0, 1]').max(1, expected('a step factor in (0, 1]')).default(0.94),
  /** L2 on kernels: (λ/2)·Σw² added to the loss, i.e. λ·w added to each kernel's gradient. Biases and batch norm are not decayed. */
  weightDecay: z
    .number(expected('a weight decay ≥ 0'))
    .min(0, expected('a weight decay ≥ 0'))
    .max(1, expected('a weight decay of at most 1'))
    .default(0),
  /** Fraction held out (after a seeded shuffle) for validation loss, accuracy and calibration. */
  validationSplit: z
    .number(expected('a validation split in [0, 0.9]'))
    .min(0, expected('a validation split in [0, 0.9]'))
    .max(0.9, expected('a validation split in [0, 0.9]'))
    .default(0.1),
  /**
   * What batch normalization uses at validation and in the saved model. 'recompute': after
   * each epoch its moving means and variances are replaced by their averages over up to
   * 8 training batches (precise BN, Wu & Johnson 2021). 'moving-average': Keras's fit(),
   * the moving averages as they stand, which with momentum 0.99 still hold a quarter of their
   * starting values (mean 0, variance 1) after 140 steps, so short runs validate near chance.
   */
  batchNormStatistics: z
    .enum(batchNormStatisticsKinds, expected(`one of 'recompute', 'moving-average'`))
    .default('recompute'),
  /**
   * Worker threads training on shares of each batch (docs/data-parallel.md); wasm only, the
   * other backends use one. When omitted: every core. The run records the number it used.
   */
  workers: int('a number of workers from 1 to 256', 1, 256).optional(),
  /** Same seed, same backend, same data: the same weights and curves. Chosen at random (and recorded) when omitted. */
  seed: int('a whole-number seed from 0 to 2^31 − 1', 0, 2 ** 31 - 1).optional(),
});
export type TrainingOptionsInput = z.input<typeof TrainingOptions>;
export type TrainingOptions = z.output<typeof TrainingOptions>;

/** Options with every choice made: what a run records and the worker receives. */
export const ResolvedTrainingOptions = TrainingOptions.extend({
  learningRate: z.number(),
  momentum: z.number(),
  seed: z.number().int(),
});
export type ResolvedTrainingOptions = z.output<typeof ResolvedTrainingOptions>;

export const defaultLearningRates: Readonly<Record<OptimizerKind, number>> = { sgd: 0.01, adam: 0.001, rmsprop: 0.045 };

export type ParsedTrainingOptions =
  | { ok: true; options: ResolvedTrainingOptions }
  /** `issue` is the first problem, whose field `error` names ("options" for the whole object). */
  | { ok: false; error: string; issue: Issue };

/** The first problem zod found, as "field.path: message" ("options: …" for the whole object). */
export function firstIssue(error: z.ZodError): string {
  const [issue] = issuesOf(error);
  return issue ? formatIssue(issue, 'options') : 'options: invalid';
}

/** The learning rate and momentum filled in per optimizer where they were omitted. */
export function optimizerDefaults(o: { optimizer: OptimizerKind; learningRate?: number; momentum?: number }): {
  learningRate: number;
  momentum: number;
} {
  return {
    learningRate: o.learningRate ?? defaultLearningRates[o.optimizer],
    momentum: o.momentum ?? (o.optimizer === 'sgd' ? 0.9 : 0),
  };
}

/** Validates and fills every default; `randomSeed` supplies the seed when none is given. */
export function resolveTrainingOptions(
  raw: unknown,
  randomSeed: () => number = () => Math.floor(Math.random() * 2 ** 31),
): ParsedTrainingOptions {
  const parsed = TrainingOptions.safeParse(raw ?? {});
  if (!parsed.success) {
    const issue = issuesOf(parsed.error)[0] ?? { field: '', message: 'invalid' };
    return { ok: false, error: firstIssue(parsed.error), issue: { ...issue, field: issue.field || 'options' } };
  }
  const o = parsed.data;
  return { ok: true, options: { ...o, ...optimizerDefaults(o), seed: o.seed ?? randomSeed() } };
}

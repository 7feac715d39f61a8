import { z } from 'zod';

/**
 * The training settings a generated train.py starts from (each is also a command-line
 * flag of the script). Names and meanings follow Netwright's own training options.
 */
export const trainingOptionsSchema = z.strictObject({
  /** ε in [0, 1): targets become y·(1 − ε) + ε/K, as Keras and PyTorch both define it. */
  labelSmoothing: z.number().min(0).lt(1).default(0.1),
  optimizer: z.enum(['sgd', 'adam', 'rmsprop']).default('sgd'),
  learningRate: z.number().positive().default(0.01),
  /** SGD's momentum, and RMSProp's (0 by default there, as in Keras). */
  momentum: z.number().min(0).lt(1).optional(),
  weightDecay: z.number().min(0).default(0),
  schedule: z.enum(['constant', 'step', 'cosine']).default('constant'),
  /** Step decay: multiply the rate by `stepFactor` every `stepEpochs` epochs. */
  stepEpochs: z.number().int().positive().default(30),
  stepFactor: z.number().positive().max(1).default(0.1),
  epochs: z.number().int().positive().default(10),
  /** The global batch: split across processes (PyTorch DDP) or replicas (Keras strategies). */
  batchSize: z.number().int().positive().default(32),
});

export type TrainingOptions = z.output<typeof trainingOptionsSchema>;
export type TrainingOptionsInput = z.input<typeof trainingOptionsSchema>;

/** Momentum with its per-optimizer default: 0.9 for SGD, 0 for RMSProp (Keras's default). */
export const momentumOf = (o: TrainingOptions) => o.momentum ?? (o.optimizer === 'sgd' ? 0.9 : 0);

/** RMSProp as in the Inception v3 paper: decay 0.9 and ε = 1.0. */
export const RMSPROP_DECAY = 0.9;
export const RMSPROP_EPSILON = 1.0;

export type ParsedOptions = { ok: true; options: TrainingOptions } | { ok: false; error: string };

export function parseTrainingOptions(raw: TrainingOptionsInput): ParsedOptions {
  const result = trainingOptionsSchema.safeParse(raw);
  if (result.success) return { ok: true, options: result.data };
  const issue = result.error.issues[0]!;
  return { ok: false, error: `${issue.path.join('.') || 'options'}: ${issue.message}` };
}

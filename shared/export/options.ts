import { z } from 'zod';
import { firstIssue, TrainingOptions as NetwrightTrainingOptions, optimizerDefaults } from '../training/options';

/**
 * The training settings a generated train.py starts from (each is also a flag of the
 * script): the optimizer and schedule part of Netwright's own training options, with the
 * same validation and defaults, taken from shared/training/options.ts so the two cannot
 * drift apart. Settings that only matter inside Netwright (dataset, seed, validation
 * split) are accepted and ignored, so a run's options can be passed as they are.
 */
export const trainingOptionsSchema = z.object(
  NetwrightTrainingOptions.pick({
    labelSmoothing: true,
    optimizer: true,
    learningRate: true,
    momentum: true,
    rmspropDecay: true,
    rmspropEpsilon: true,
    adamEpsilon: true,
    schedule: true,
    stepEpochs: true,
    stepFactor: true,
    weightDecay: true,
    epochs: true,
    batchSize: true,
  }).shape,
);

export type TrainingOptionsInput = z.input<typeof trainingOptionsSchema>;

/** Every choice made: the learning rate and momentum filled in per optimizer, as Netwright does. */
export type TrainingOptions = z.output<typeof trainingOptionsSchema> & { learningRate: number; momentum: number };

export type ParsedOptions = { ok: true; options: TrainingOptions } | { ok: false; error: string };

export function parseTrainingOptions(raw: unknown): ParsedOptions {
  const result = trainingOptionsSchema.safeParse(raw ?? {});
  if (!result.success) return { ok: false, error: firstIssue(result.error) };
  return { ok: true, options: { ...result.data, ...optimizerDefaults(result.data) } };
}

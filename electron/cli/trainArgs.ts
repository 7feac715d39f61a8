import path from 'node:path';
import type { DatasetSpecInput, TrainingOptionsInput } from '../../shared/training';
import { CliError } from './io';

/** node:util parseArgs options of `netwright train`; values stay strings until checked. */
export const trainOptions = {
  dataset: { type: 'string' },
  'input-shape': { type: 'string' },
  classes: { type: 'string' },
  samples: { type: 'string' },
  epochs: { type: 'string' },
  'batch-size': { type: 'string' },
  'label-smoothing': { type: 'string' },
  optimizer: { type: 'string' },
  lr: { type: 'string' },
  schedule: { type: 'string' },
  'weight-decay': { type: 'string' },
  'validation-split': { type: 'string' },
  'bn-statistics': { type: 'string' },
  seed: { type: 'string' },
  save: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean' },
} as const;

/** Option field -> the flag that sets it, so validation messages name what the user typed. */
const flagOf: Record<string, string> = {
  'dataset.samples': '--samples',
  'dataset.classes': '--classes',
  'dataset.path': '--dataset',
  dataset: '--dataset',
  epochs: '--epochs',
  batchSize: '--batch-size',
  labelSmoothing: '--label-smoothing',
  optimizer: '--optimizer',
  learningRate: '--lr',
  schedule: '--schedule',
  weightDecay: '--weight-decay',
  validationSplit: '--validation-split',
  batchNormStatistics: '--bn-statistics',
  seed: '--seed',
};

function number(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n)) throw new CliError(`${flag} must be a number, got "${value}".`);
  return n;
}

function datasetSpec(value: string | undefined, samples?: number, classes?: number): DatasetSpecInput {
  const raw = value ?? 'synthetic';
  const colon = raw.indexOf(':');
  const kind = colon < 0 ? raw : raw.slice(0, colon);
  const file = colon < 0 ? '' : raw.slice(colon + 1);
  if (classes !== undefined && kind !== 'synthetic')
    throw new CliError('--classes applies to --dataset synthetic only.');
  if (kind === 'synthetic' || kind === 'mnist') {
    if (file) throw new CliError(`--dataset ${kind} takes no path, got "${raw}".`);
    return kind === 'synthetic' ? { kind, samples: samples ?? 1000, classes } : { kind, samples };
  }
  if (kind === 'idx' || kind === 'cifar10' || kind === 'folder') {
    if (!file) throw new CliError(`--dataset ${kind}:PATH needs a path after the colon, got "${raw}".`);
    return { kind, path: path.resolve(file), samples };
  }
  throw new CliError(`--dataset must be synthetic, mnist, idx:PATH, cifar10:PATH or folder:PATH, got "${raw}".`);
}

/** Turns "options: epochs: expected …" into "--epochs: expected …". */
export function flagMessage(message: string): string {
  const m = /^Invalid training options: ([\w.]+): (.*)$/.exec(message);
  return m ? `${flagOf[m[1]!] ?? m[1]}: ${m[2]}` : message;
}

type TrainValues = {
  [K in keyof typeof trainOptions]?: (typeof trainOptions)[K]['type'] extends 'boolean' ? boolean : string;
};

/** The command line as training options; numbers checked here, ranges by the options schema. */
export function trainingRequest(values: TrainValues): TrainingOptionsInput {
  const samples = number('--samples', values.samples);
  const classes = number('--classes', values.classes);
  return {
    dataset: datasetSpec(values.dataset, samples, classes),
    epochs: number('--epochs', values.epochs),
    batchSize: number('--batch-size', values['batch-size']),
    labelSmoothing: number('--label-smoothing', values['label-smoothing']),
    optimizer: values.optimizer as TrainingOptionsInput['optimizer'],
    learningRate: number('--lr', values.lr),
    schedule: values.schedule as TrainingOptionsInput['schedule'],
    weightDecay: number('--weight-decay', values['weight-decay']),
    validationSplit: number('--validation-split', values['validation-split']),
    batchNormStatistics: values['bn-statistics'] as TrainingOptionsInput['batchNormStatistics'],
    seed: number('--seed', values.seed),
  };
}

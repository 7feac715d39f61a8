import path from 'node:path';
import { BackendName, backendNames } from '../../shared/api';
import type { DatasetSpecInput, TrainingOptionsInput } from '../../shared/training';
import { commonOptions, numberFlag } from './args';
import type { OptionSpecs, OptionValues } from './command';
import { CliError } from './io';

/** The options of `netwright train`; values stay strings until checked. */
export const trainOptions = {
  dataset: {
    type: 'string',
    value: 'SPEC',
    description: 'synthetic (default), mnist, idx:PATH, cifar10:PATH or folder:PATH (see above)',
  },
  'input-shape': commonOptions['input-shape'],
  classes: { type: 'string', value: 'K', description: 'synthetic dataset: number of classes' },
  samples: { type: 'string', value: 'N', description: 'samples to use (synthetic: default 1000)' },
  epochs: { type: 'string', value: 'E', description: 'default 5' },
  'batch-size': { type: 'string', value: 'B', description: 'default 32' },
  'label-smoothing': { type: 'string', value: 'EPS', description: 'in [0, 1), default 0' },
  optimizer: { type: 'string', value: 'NAME', description: 'adam (default), sgd or rmsprop' },
  lr: { type: 'string', value: 'LR', description: 'learning rate (default depends on the optimizer, see above)' },
  schedule: { type: 'string', value: 'NAME', description: 'constant (default), step or cosine' },
  'weight-decay': { type: 'string', value: 'W', description: 'L2 on conv and dense kernels, default 0' },
  'validation-split': { type: 'string', value: 'F', description: 'share held out for validation, default 0.1' },
  'bn-statistics': {
    type: 'string',
    value: 'MODE',
    description: 'recompute (default) or moving-average (see above)',
  },
  seed: { type: 'string', value: 'S', description: 'repeat a run exactly on the same backend' },
  backend: {
    type: 'string',
    value: 'NAME',
    description: 'tensorflow-gpu, tensorflow, wasm or cpu (default: the first that loads, in that order)',
  },
  workers: {
    type: 'string',
    value: 'N',
    description: 'wasm: worker threads sharing each batch, default one per core (other backends use 1)',
  },
  save: {
    type: 'string',
    value: 'DIR',
    description: 'write model.json + weights.bin, curves.csv and run.json here (checked before training)',
  },
  json: commonOptions.json,
} as const satisfies OptionSpecs;

/** The GPU backends of the browser engine: only the app and browser mode have one. */
const browserBackends = new Set(['webgpu', 'webgl']);

/**
 * --backend as the name the backend selection pins (NETWRIGHT_BACKEND), or undefined for
 * the automatic choice; a CLI error (exit 2) for a name this process cannot run.
 */
export function backendFlag(value: string | undefined): BackendName | undefined {
  if (value === undefined) return undefined;
  if (browserBackends.has(value))
    throw new CliError(
      `--backend ${value}: the command line has no browser GPU; train on ${value === 'webgl' ? 'WebGL' : 'WebGPU'} in the app or in browser mode (npm start).`,
    );
  const parsed = BackendName.safeParse(value);
  if (!parsed.success)
    throw new CliError(`--backend must be one of ${backendNames.join(', ')}, got ${JSON.stringify(value)}.`);
  return parsed.data;
}

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
  workers: '--workers',
};

const number = (flag: string, value: string | undefined) => numberFlag(flag.slice(2), value);

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

type TrainValues = OptionValues<typeof trainOptions>;

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
    workers: number('--workers', values.workers),
  };
}

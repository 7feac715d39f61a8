import path from 'node:path';
import { BackendName, backendNames } from '../../shared/api';
import { type DiagnosticText, renderText, type TextValue } from '../../shared/i18n/diagnosticText';
import type { Language } from '../../shared/i18n/language';
import type { DatasetSpecInput, TrainingOptionsInput } from '../../shared/training';
import { commonOptions, numberFlag } from './args';
import type { OptionSpecs, OptionValues } from './command';
import { CliError } from './io';

/** The options of `netwright train`; values stay strings until checked. */
export const trainOptions = {
  dataset: {
    type: 'string',
    value: 'SPEC',
    text: 'dataset',
  },
  'input-shape': commonOptions['input-shape'],
  classes: { type: 'string', value: 'K', text: 'classes' },
  samples: { type: 'string', value: 'N', text: 'samples' },
  epochs: { type: 'string', value: 'E', text: 'epochs' },
  'batch-size': { type: 'string', value: 'B', text: 'batchSize' },
  'label-smoothing': { type: 'string', value: 'EPS', text: 'labelSmoothing' },
  optimizer: { type: 'string', value: 'NAME', text: 'optimizer' },
  lr: { type: 'string', value: 'LR', text: 'lr' },
  schedule: { type: 'string', value: 'NAME', text: 'schedule' },
  'weight-decay': { type: 'string', value: 'W', text: 'weightDecay' },
  'validation-split': { type: 'string', value: 'F', text: 'validationSplit' },
  'bn-statistics': {
    type: 'string',
    value: 'MODE',
    text: 'bnStatistics',
  },
  seed: { type: 'string', value: 'S', text: 'seed' },
  backend: {
    type: 'string',
    value: 'NAME',
    text: 'backend',
  },
  workers: {
    type: 'string',
    value: 'N',
    text: 'workers',
  },
  save: {
    type: 'string',
    value: 'DIR',
    text: 'save',
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
    throw new CliError(({ t }) =>
      t('more.args.browserBackend', { value, name: value === 'webgl' ? 'WebGL' : 'WebGPU' }),
    );
  const parsed = BackendName.safeParse(value);
  if (!parsed.success)
    throw new CliError(({ t }) =>
      t('more.args.backend', { names: backendNames.join(', '), value: JSON.stringify(value) }),
    );
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
  if (classes !== undefined && kind !== 'synthetic') throw new CliError(({ t }) => t('more.args.classes'));
  if (kind === 'synthetic' || kind === 'mnist') {
    if (file) throw new CliError(({ t }) => t('more.args.datasetNoPath', { kind, raw }));
    return kind === 'synthetic' ? { kind, samples: samples ?? 1000, classes } : { kind, samples };
  }
  if (kind === 'idx' || kind === 'cifar10' || kind === 'folder') {
    if (!file) throw new CliError(({ t }) => t('more.args.datasetPath', { kind, raw }));
    return { kind, path: path.resolve(file), samples };
  }
  throw new CliError(({ t }) => t('more.args.dataset', { raw }));
}

/** Turns "options: epochs: expected …" into "--epochs: expected …". */
export function flagMessage(message: string): string {
  const m = /^Invalid training options: ([\w.]+): (.*)$/.exec(message);
  return m ? `${flagOf[m[1]!] ?? m[1]}: ${m[2]}` : message;
}

const isText = (value: TextValue | undefined): value is DiagnosticText =>
  typeof value === 'object' && value !== null && 'key' in value;

/** An invalid-options refusal's text in `language`, naming the flag as flagMessage does; null for other texts. */
export function flagText(text: DiagnosticText, language: Language): string | null {
  const issue = text.values.issue;
  if (text.key !== 'training.invalidOptions' || !isText(issue)) return null;
  const { field, message } = issue.values;
  if (typeof field !== 'string' || message === undefined) return null;
  return `${flagOf[field] ?? field}: ${isText(message) ? renderText(message, language) : String(message)}`;
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

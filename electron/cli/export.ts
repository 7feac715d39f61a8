import path from 'node:path';
import { type Analysis, analyzeGraph, type Diagnostic } from '../../shared/analysis';
import { type ExportTarget, frameworkName, parseTrainingOptions, type TrainingOptionsInput } from '../../shared/export';
import { diagnosticText } from '../../shared/i18n';
import type { ExportOutcome, ExportToFolder } from '../services/export';
import { commonOptions, numberFlag, parseInputShape } from './args';
import { defineCommand, type OptionSpecs, type OptionValues } from './command';
import { CliError, type CliIo, ExitCode } from './io';
import { hasErrors, loadNetworkForCli } from './network';
import { writableOrExplain } from './output';
import { cliText } from './text';

const options = {
  to: {
    type: 'string',
    value: 'pytorch|keras|onnx',
    text: 'to',
  },
  out: {
    type: 'string',
    value: 'DIR|FILE',
    text: 'outExport',
  },
  weights: {
    type: 'string',
    value: 'DIR',
    text: 'weights',
  },
  'label-smoothing': { type: 'string', value: 'EPS', text: 'labelSmoothing' },
  optimizer: {
    type: 'string',
    value: 'NAME',
    text: 'optimizerExport',
  },
  lr: { type: 'string', value: 'RATE', text: 'lrExport' },
  momentum: { type: 'string', value: 'M', text: 'momentum' },
  'weight-decay': { type: 'string', value: 'WD', text: 'weightDecay' },
  schedule: { type: 'string', value: 'NAME', text: 'scheduleExport' },
  'step-epochs': { type: 'string', value: 'N', text: 'stepEpochs' },
  'step-factor': { type: 'string', value: 'F', text: 'stepFactor' },
  epochs: { type: 'string', value: 'N', text: 'epochs' },
  'batch-size': { type: 'string', value: 'N', text: 'batchSizeExport' },
  'input-shape': commonOptions['input-shape'],
  json: { type: 'boolean', text: 'jsonFiles' },
} as const satisfies OptionSpecs;

type Values = OptionValues<typeof options>;

/** Training option → the flag that sets it, so an error names what the user typed. */
const flagOf = {
  labelSmoothing: 'label-smoothing',
  optimizer: 'optimizer',
  learningRate: 'lr',
  momentum: 'momentum',
  weightDecay: 'weight-decay',
  schedule: 'schedule',
  stepEpochs: 'step-epochs',
  stepFactor: 'step-factor',
  epochs: 'epochs',
  batchSize: 'batch-size',
} as const;

/** The training flags as options; unknown names and out-of-range values are CLI errors (exit 2). */
function trainingOptions(values: Values): TrainingOptionsInput {
  const given: Record<string, unknown> = {};
  for (const [field, flag] of Object.entries(flagOf)) {
    const value = flag === 'optimizer' || flag === 'schedule' ? values[flag] : numberFlag(flag, values[flag]);
    if (value !== undefined) given[field] = value;
  }
  const parsed = parseTrainingOptions(given);
  if (!parsed.ok) {
    const [field = '', ...message] = parsed.error.split(': ');
    const flag = flagOf[field as keyof typeof flagOf];
    throw new CliError(`${flag ? `--${flag}` : field}: ${message.join(': ')}`);
  }
  return given as TrainingOptionsInput;
}

function target(value: string | undefined): ExportTarget | 'onnx' {
  if (value === 'pytorch' || value === 'keras' || value === 'onnx') return value;
  throw new CliError(({ t }) =>
    t('more.export.target', {
      what: value === undefined ? t('more.export.missingTo') : t('more.export.wrongTo', { value }),
    }),
  );
}

/** The trained-weights path: loads TF.js (and picks its backend) only when asked for. */
async function exportWithWeights(weightsDir: string, request: ExportToFolder): Promise<ExportOutcome> {
  const [{ ensureBackend, tf }, { exportSavedModel }] = await Promise.all([
    import('../services/tfjs'),
    import('../services/export'),
  ]);
  await ensureBackend();
  return exportSavedModel(tf, weightsDir, request);
}

/** The code generators load here, not for every command. */
async function exportCode(request: ExportToFolder): Promise<ExportOutcome> {
  return (await import('../services/export')).exportNetwork(request);
}

function reportErrors(diagnostics: Diagnostic[], analysis: Analysis, json: boolean, io: CliIo): number {
  const errors = diagnostics.filter((d) => d.severity === 'error');
  // The text (key and values) is for rendering in a language; JSON keeps the English message.
  if (json) io.out(JSON.stringify({ exported: false, diagnostics: errors.map(({ text: _, ...d }) => d) }));
  else {
    io.err(`netwright: ${cliText(io).t('more.export.hasErrors')}`);
    for (const d of errors)
      io.err(
        `  ${d.nodeId ? `${analysis.nodes[d.nodeId]?.name ?? d.nodeId}: ` : ''}${diagnosticText(d, io.language ?? 'en')}`,
      );
  }
  return ExitCode.networkErrors;
}

/** `--to onnx`: one file, no training options. */
async function exportOnnx(file: string, values: Values, io: CliIo): Promise<number> {
  const out = values.out;
  if (!out) throw new CliError(({ t }) => t('more.export.missingOnnxOut'));
  const training = Object.values(flagOf).find((flag) => values[flag] !== undefined);
  if (training) throw new CliError(({ t }) => t('more.export.trainingOption', { flag: training }));
  await writableOrExplain(path.dirname(path.resolve(out)), '--out');
  const network = await loadNetworkForCli(file, parseInputShape(values['input-shape']));
  const analysis = analyzeGraph(network.graph);
  if (hasErrors(analysis)) return reportErrors(analysis.diagnostics, analysis, values.json === true, io);
  const services = await import('../services/export');
  let outcome: Awaited<ReturnType<typeof services.exportOnnxFile>>;
  try {
    let weights: Awaited<ReturnType<typeof services.savedModelWeights>> | undefined;
    if (values.weights) {
      const { ensureBackend, tf } = await import('../services/tfjs');
      await ensureBackend();
      weights = await services.savedModelWeights(tf, values.weights);
    }
    outcome = await services.exportOnnxFile({ graph: network.graph, name: network.name, analysis, file: out }, weights);
  } catch (err) {
    if (err instanceof services.ExportProblem) throw new CliError(err.message);
    throw err;
  }
  if (!outcome.ok) return reportErrors(outcome.diagnostics, analysis, values.json === true, io);
  const { summary } = outcome;
  if (values.json) {
    const { file: written, bytes, opset, hasWeights, inputs, outputs } = summary;
    io.out(
      JSON.stringify({
        exported: true,
        target: 'onnx',
        out: written,
        bytes,
        opset,
        weights: hasWeights,
        inputs,
        outputs,
      }),
    );
    return ExitCode.ok;
  }
  const warnings = values.weights ? network.warnings.filter((w) => w.code !== 'weights-ignored') : network.warnings;
  const { t, decimal } = cliText(io);
  for (const warning of warnings) io.err(`${t('severity.warning')}: ${warning.message}`);
  const shapes = (list: typeof summary.inputs) =>
    list.map((tensor) => `${tensor.name} [${tensor.shape.map((d) => d ?? 'batch').join(', ')}]`).join(', ');
  io.out(
    t('more.export.onnx', {
      network: network.name,
      opset: summary.opset,
      weights: t(summary.hasWeights ? 'more.export.trainedWeights' : 'more.export.initialWeights'),
      file: summary.file,
      size: decimal((summary.bytes / 1e6).toFixed(1)),
    }),
  );
  const layout = summary.inputs.some((tensor) => tensor.shape.length === 4) ? '  (NCHW)' : '';
  io.out(t('more.export.inputs', { shapes: shapes(summary.inputs), layout }));
  io.out(t('more.export.outputs', { shapes: shapes(summary.outputs) }));
  return ExitCode.ok;
}

export const exportCommand = defineCommand({
  name: 'export',
  positionals: ['FILE'],
  synopsis:
    'FILE --to pytorch|keras|onnx --out DIR|FILE [--weights DIR] [--label-smoothing EPS] [--optimizer sgd|adam|rmsprop] [--json]',
  options,
  async run({ values, positionals: [file] }, io) {
    const to = target(values.to);
    if (to === 'onnx') return exportOnnx(file!, values, io);
    if (!values.out) throw new CliError(({ t }) => t('more.export.missingOut'));
    const training = trainingOptions(values);
    await writableOrExplain(values.out, '--out');
    const network = await loadNetworkForCli(file!, parseInputShape(values['input-shape']));
    const analysis = analyzeGraph(network.graph);
    if (hasErrors(analysis)) return reportErrors(analysis.diagnostics, analysis, values.json === true, io);
    const request = { graph: network.graph, name: network.name, target: to, training, analysis, outDir: values.out };

    let outcome: ExportOutcome;
    try {
      outcome = values.weights ? await exportWithWeights(values.weights, request) : await exportCode(request);
    } catch (err) {
      if (err instanceof (await import('../services/export')).ExportProblem) throw new CliError(err.message);
      throw err;
    }
    if (!outcome.ok) return reportErrors(outcome.diagnostics, analysis, values.json === true, io);
    const { summary } = outcome;
    const names = summary.files.map((f) => path.basename(f));
    if (values.json) {
      io.out(
        JSON.stringify({
          exported: true,
          target: to,
          out: summary.outDir,
          files: names,
          weights: summary.hasWeights,
          renamed: summary.renamed,
        }),
      );
      return ExitCode.ok;
    }
    // With --weights the values do come along, so the importer's "architecture only" note does not apply.
    const warnings = values.weights ? network.warnings.filter((w) => w.code !== 'weights-ignored') : network.warnings;
    const { t } = cliText(io);
    for (const warning of warnings) io.err(`${t('severity.warning')}: ${warning.message}`);
    io.out(
      t('more.export.code', {
        network: network.name,
        framework: frameworkName[to],
        dir: summary.outDir,
        files: names.join(', '),
      }),
    );
    for (const r of summary.renamed) io.out(t('more.export.renamed', { name: r.name, python: r.python }));
    io.out(t(summary.hasWeights ? 'more.export.check' : 'more.export.train', { dir: summary.outDir }));
    return ExitCode.ok;
  },
});

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

const options = {
  to: {
    type: 'string',
    value: 'pytorch|keras|onnx',
    description: 'the framework the code is for, or onnx: one .onnx file (opset 13, NCHW)',
  },
  out: {
    type: 'string',
    value: 'DIR|FILE',
    description: 'the folder to write (created if missing); with --to onnx, the file (e.g. model.onnx)',
  },
  weights: {
    type: 'string',
    value: 'DIR',
    description: `a TF.js Layers model trained in Netwright (model.json + weight files, as
\`netwright train --save DIR\` writes them): its weights are written for the target
(weights.json, weights.bin), with a reference forward pass and check.py, which
compares the exported model with TF.js's output (tolerance 1e-4); with --to onnx,
they are the file's weights`,
  },
  'label-smoothing': { type: 'string', value: 'EPS', description: 'in [0, 1), default 0' },
  optimizer: {
    type: 'string',
    value: 'NAME',
    description: `adam (default), sgd (momentum 0.9), or rmsprop (decay 0.9, epsilon 1.0,
as in the Inception v3 paper)`,
  },
  lr: { type: 'string', value: 'RATE', description: 'default 0.001 (adam), 0.01 (sgd), 0.045 (rmsprop)' },
  momentum: { type: 'string', value: 'M', description: 'SGD and RMSProp momentum' },
  'weight-decay': { type: 'string', value: 'WD', description: 'L2 on conv and dense kernels, default 0' },
  schedule: { type: 'string', value: 'NAME', description: 'constant (default), step or cosine, per epoch' },
  'step-epochs': { type: 'string', value: 'N', description: 'step schedule: every N epochs (default 2) ...' },
  'step-factor': { type: 'string', value: 'F', description: '... multiply the rate by F (default 0.94)' },
  epochs: { type: 'string', value: 'N', description: 'default 5' },
  'batch-size': { type: 'string', value: 'N', description: 'global batch, default 32' },
  'input-shape': commonOptions['input-shape'],
  json: { type: 'boolean', description: 'print one JSON object (the files written) on stdout' },
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
  throw new CliError(
    `${value === undefined ? 'Missing --to pytorch|keras|onnx' : `--to must be pytorch, keras or onnx, got "${value}"`} (see \`npx netwright export --help\`).`,
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
    io.err('netwright: the network has errors, so nothing was exported:');
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
  if (!out)
    throw new CliError('Missing --out FILE: where to write the .onnx file (see `npx netwright export --help`).');
  const training = Object.values(flagOf).find((flag) => values[flag] !== undefined);
  if (training)
    throw new CliError(`--${training} is a training option for code exports; --to onnx writes no training script.`);
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
  for (const warning of warnings) io.err(`warning: ${warning.message}`);
  const shapes = (list: typeof summary.inputs) =>
    list.map((t) => `${t.name} [${t.shape.map((d) => d ?? 'batch').join(', ')}]`).join(', ');
  io.out(
    `Exported "${network.name}" as ONNX (opset ${summary.opset}, ${summary.hasWeights ? 'trained weights' : 'initial weights, fixed seed'}) to ${summary.file}: ${(summary.bytes / 1e6).toFixed(1)} MB`,
  );
  io.out(`  inputs:  ${shapes(summary.inputs)}${summary.inputs.some((t) => t.shape.length === 4) ? '  (NCHW)' : ''}`);
  io.out(`  outputs: ${shapes(summary.outputs)}`);
  return ExitCode.ok;
}

export const exportCommand = defineCommand({
  name: 'export',
  positionals: ['FILE'],
  synopsis:
    'FILE --to pytorch|keras|onnx --out DIR|FILE [--weights DIR] [--label-smoothing EPS] [--optimizer sgd|adam|rmsprop] [--json]',
  summary: 'PyTorch or Keras code to train on a cluster, or an ONNX file (--to pytorch|keras|onnx --out DIR|FILE)',
  help: `Writes the network as Python code that trains on a cluster:
  DIR/model.py    build_model(): an nn.Module (PyTorch) or keras.Model (Keras),
                  one class or function per module, layers named after the nodes
  DIR/train.py    training script: PyTorch single-process or torchrun (DDP);
                  Keras MirroredStrategy, or MultiWorkerMirroredStrategy by flag
  DIR/README.md   how to run both, and how the export matches Netwright

The training options (--label-smoothing to --batch-size) are written into train.py,
where each stays a flag; the defaults are Netwright's own training defaults.

--to onnx --out model.onnx writes the network as one ONNX file (opset 13) for
onnxruntime, TensorRT, OpenVINO and the like. Images are NCHW (batch, channels,
height, width) as in PyTorch; the batch size is free. The weights are the run's
(--weights DIR) or a fixed-seed Keras-style initialisation; dropout is left out and
batch norm uses its moving statistics. The training options do not apply.`,
  options,
  async run({ values, positionals: [file] }, io) {
    const to = target(values.to);
    if (to === 'onnx') return exportOnnx(file!, values, io);
    if (!values.out) throw new CliError('Missing --out DIR (see `npx netwright export --help`).');
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
    for (const warning of warnings) io.err(`warning: ${warning.message}`);
    io.out(`Exported "${network.name}" as ${frameworkName[to]} code to ${summary.outDir}: ${names.join(', ')}`);
    for (const r of summary.renamed) io.out(`  layer "${r.name}" is ${r.python} in Python`);
    io.out(
      summary.hasWeights
        ? `Check the weights: cd ${summary.outDir} && python check.py`
        : `Train: cd ${summary.outDir} && python train.py --synthetic --epochs 1   (see README.md)`,
    );
    return ExitCode.ok;
  },
});

import path from 'node:path';
import { type Analysis, analyzeGraph, type Diagnostic } from '../../shared/analysis';
import { type ExportTarget, frameworkName, parseTrainingOptions, type TrainingOptionsInput } from '../../shared/export';
import {
  type ExportOutcome,
  ExportProblem,
  type ExportToFolder,
  exportNetwork,
  exportSavedModel,
} from '../services/export';
import { parseCommandArgs, parseInputShape, singleFile } from './args';
import { CliError, type CliIo, ExitCode } from './io';
import { hasErrors, loadNetworkForCli } from './network';

export const exportUsage =
  'Usage: npx netwright export FILE --to pytorch|keras --out DIR [--weights DIR] [--label-smoothing EPS] [--optimizer sgd|adam|rmsprop] [--json]';

export const exportHelp = `${exportUsage}

Writes the network as Python code that trains on a cluster:
  DIR/model.py    build_model(): an nn.Module (PyTorch) or keras.Model (Keras),
                  one class or function per module, layers named after the nodes
  DIR/train.py    training script: PyTorch single-process or torchrun (DDP);
                  Keras MirroredStrategy, or MultiWorkerMirroredStrategy by flag
  DIR/README.md   how to run both, and how the export matches Netwright

--weights DIR   a TF.js Layers model trained in Netwright (model.json + weight
                files): its weights are written for the target (weights.json,
                weights.bin), with a reference forward pass and check.py, which
                compares the exported model with TF.js's output (tolerance 1e-4)

Training settings written into train.py (each stays a flag of train.py); the
defaults are Netwright's own training defaults:
  --label-smoothing EPS   in [0, 1), default 0
  --optimizer NAME        adam (default), sgd (momentum 0.9), or rmsprop (decay 0.9,
                          epsilon 1.0, as in the Inception v3 paper)
  --lr RATE               default 0.001 (adam), 0.01 (sgd), 0.045 (rmsprop)
  --momentum M            SGD and RMSProp momentum
  --weight-decay WD       L2 on conv and dense kernels, default 0
  --schedule NAME         constant (default), step or cosine, per epoch
  --step-epochs N         step schedule: every N epochs (default 2) ...
  --step-factor F         ... multiply the rate by F (default 0.94)
  --epochs N              default 5
  --batch-size N          global batch, default 32

--input-shape H,W,C gives the input size where a Keras JSON leaves it unknown.
--json prints one JSON object (the files written) on stdout.`;

const options = {
  to: { type: 'string' },
  out: { type: 'string' },
  weights: { type: 'string' },
  'label-smoothing': { type: 'string' },
  optimizer: { type: 'string' },
  lr: { type: 'string' },
  momentum: { type: 'string' },
  'weight-decay': { type: 'string' },
  schedule: { type: 'string' },
  'step-epochs': { type: 'string' },
  'step-factor': { type: 'string' },
  epochs: { type: 'string' },
  'batch-size': { type: 'string' },
  'input-shape': { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean' },
} as const;

type Values = ReturnType<typeof parseCommandArgs<typeof options>>['values'];

function number(values: Values, flag: keyof Values): number | undefined {
  const raw = values[flag];
  if (raw === undefined || typeof raw !== 'string') return undefined;
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(value)) throw new CliError(`--${flag} must be a number, got "${raw}".`);
  return value;
}

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
    const value = flag === 'optimizer' || flag === 'schedule' ? values[flag] : number(values, flag);
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

function target(value: string | undefined): ExportTarget {
  if (value === 'pytorch' || value === 'keras') return value;
  throw new CliError(
    `${value === undefined ? 'Missing --to' : `--to must be pytorch or keras, got "${value}"`}.\n${exportUsage}`,
  );
}

/** The trained-weights path: loads TF.js (and picks its backend) only when asked for. */
async function exportWithWeights(weightsDir: string, request: ExportToFolder): Promise<ExportOutcome> {
  const { ensureBackend, tf } = await import('../services/tfjs');
  await ensureBackend();
  return exportSavedModel(tf, weightsDir, request);
}

function reportErrors(diagnostics: Diagnostic[], analysis: Analysis, json: boolean, io: CliIo): number {
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (json) io.out(JSON.stringify({ exported: false, diagnostics: errors }));
  else {
    io.err('netwright: the network has errors, so nothing was exported:');
    for (const d of errors)
      io.err(`  ${d.nodeId ? `${analysis.nodes[d.nodeId]?.name ?? d.nodeId}: ` : ''}${d.message}`);
  }
  return ExitCode.networkErrors;
}

export async function exportCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, options, exportUsage);
  if (values.help) {
    io.out(exportHelp);
    return ExitCode.ok;
  }
  const file = singleFile(positionals, exportUsage);
  const to = target(values.to);
  if (!values.out) throw new CliError(`Missing --out DIR.\n${exportUsage}`);
  const training = trainingOptions(values);
  const network = await loadNetworkForCli(file, parseInputShape(values['input-shape']));
  const analysis = analyzeGraph(network.graph);
  if (hasErrors(analysis)) return reportErrors(analysis.diagnostics, analysis, values.json === true, io);
  const request = { graph: network.graph, name: network.name, target: to, training, analysis, outDir: values.out };

  let outcome: ExportOutcome;
  try {
    outcome = values.weights ? await exportWithWeights(values.weights, request) : await exportNetwork(request);
  } catch (err) {
    if (err instanceof ExportProblem) throw new CliError(err.message);
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
  const warnings = values.weights ? network.warnings.filter((w) => !/weight values/.test(w)) : network.warnings;
  for (const warning of warnings) io.err(`warning: ${warning}`);
  io.out(`Exported "${network.name}" as ${frameworkName[to]} code to ${summary.outDir}: ${names.join(', ')}`);
  for (const r of summary.renamed) io.out(`  layer "${r.name}" is ${r.python} in Python`);
  io.out(
    summary.hasWeights
      ? `Check the weights: cd ${summary.outDir} && python check.py`
      : `Train: cd ${summary.outDir} && python train.py --synthetic --epochs 1   (see README.md)`,
  );
  return ExitCode.ok;
}

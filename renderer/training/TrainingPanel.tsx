import { useEffect, useMemo, useState } from 'react';
import { formatBytes, formatInt } from '../../shared/analysis';
import { errorMessage, issuesOf } from '../../shared/issues';
import { finishedStatuses } from '../../shared/training/events';
import { TrainingOptions, type TrainingOptionsInput } from '../../shared/training/options';
import { getApi } from '../api/transport';
import { useDocumentStore } from '../store/documentStore';
import { useUiStore } from '../store/uiStore';
import { CurvesChart } from './CurvesChart';
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
  const setRunsOpen = useTrainingStore((s) => s.setRunsOpen);
  const graph = useDocumentStore((s) => s.graph);
  const name = useDocumentStore((s) => s.name);
  const notify = useUiStore((s) => s.notify);
  const [estimate, setEstimate] = useState<string | null>(null);
  useEffect(subscribeTrainingEvents, []);

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
        .invoke('trainEstimate', { graph, options: options as TrainingOptionsInput })
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
  }, [graph, options, parsed.success]);

  const running = live !== null && !finishedStatuses.includes(live.status);
  const start = async () => {
    try {
      const { runId } = await getApi().invoke('trainStart', { graph, options, networkName: name });
      begin(runId);
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
      <TrainingForm errors={errors} disabled={running} />
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
      {live && (
        <div className="run-status" data-testid="run-status" data-status={live.status}>
          <progress max={1} value={p?.fraction ?? 0} aria-label="Training progress" />
          <div className="small">
            {live.status}
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

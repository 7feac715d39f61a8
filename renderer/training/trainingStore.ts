import { create } from 'zustand';
import type { ApiEventPayload, TrainBackendChoice } from '../../shared/api';
import type { DiagnosticText } from '../../shared/i18n';
import type { BatchProgress, CurvePoint, EpochMetrics, RunStatus, RunSummary } from '../../shared/training/events';
import type { TrainingOptionsInput } from '../../shared/training/options';
import { getApi } from '../api/transport';
import { useShellStore } from '../store/shellStore';
import { checkGpuBackends, type GpuBackendCheck } from './gpu/availability';

export interface LiveRun {
  runId: string;
  /** The backend it trains on (the status bar shows it while it runs). */
  backend: string;
  /** A GPU run's dataset on its way to the window's worker, 0 to 1; null otherwise. */
  dataProgress: number | null;
  status: RunStatus;
  /** Why it stopped: English, and the same in any language where the services sent it. */
  message: string | null;
  text?: DiagnosticText;
  progress: BatchProgress | null;
  batches: CurvePoint[];
  epochs: EpochMetrics[];
}

export type ExperimentState = ApiEventPayload<'experimentUpdate'>;

interface TrainingState {
  /** The experiment started from this window, as its last update left it. */
  experiment: ExperimentState | null;
  options: TrainingOptionsInput;
  backend: TrainBackendChoice;
  /** Which GPU backends this window's Worker could use, and why not; empty until checked. */
  gpuChecks: GpuBackendCheck[];
  live: LiveRun | null;
  runs: RunSummary[];
  runsOpen: boolean;
  setOptions(patch: Partial<TrainingOptionsInput>): void;
  setBackend(backend: TrainBackendChoice): void;
  checkGpus(): Promise<void>;
  begin(runId: string, backend: string): void;
  setDataProgress(runId: string, fraction: number): void;
  refreshRuns(): Promise<void>;
  setRunsOpen(open: boolean): void;
}

const maxLivePoints = 2000;

/** Training settings, the run in progress (fed by events) and the kept runs. */
export const useTrainingStore = create<TrainingState>((set, get) => ({
  experiment: null,
  options: {
    epochs: 3,
    batchSize: 32,
    labelSmoothing: 0,
    optimizer: 'adam',
    validationSplit: 0.1,
    dataset: { kind: 'synthetic', samples: 1000 },
  },
  backend: 'auto',
  gpuChecks: [],
  live: null,
  runs: [],
  runsOpen: false,
  setOptions: (patch) => set({ options: { ...get().options, ...patch } }),
  setBackend: (backend) => set({ backend }),
  async checkGpus() {
    set({ gpuChecks: await checkGpuBackends() });
  },
  begin: (runId, backend) =>
    set({
      live: {
        runId,
        backend,
        dataProgress: null,
        status: 'preparing',
        message: null,
        progress: null,
        batches: [],
        epochs: [],
      },
    }),
  setDataProgress: (runId, fraction) => {
    const live = get().live;
    if (live?.runId === runId) set({ live: { ...live, dataProgress: fraction } });
  },
  async refreshRuns() {
    set({ runs: await getApi().invoke('runsList', {}) });
  },
  setRunsOpen: (runsOpen) => set({ runsOpen }),
}));

let subscribed = false;

/** Wires the main process's training events into the store, once per window. */
export function subscribeTrainingEvents(): void {
  if (subscribed) return;
  subscribed = true;
  const api = getApi();
  const update = (runId: string, f: (live: LiveRun) => Partial<LiveRun>) => {
    const live = useTrainingStore.getState().live;
    if (live?.runId === runId) useTrainingStore.setState({ live: { ...live, ...f(live) } });
  };
  api.on('trainStatus', (e) => update(e.runId, () => ({ status: e.status, message: e.message, text: e.text })));
  api.on('trainProgress', (p) =>
    update(p.runId, (live) => ({
      progress: p,
      batches: [
        ...live.batches,
        {
          step: (p.epoch - 1) * p.batches + p.batch,
          epoch: p.epoch - 1 + p.batch / p.batches,
          loss: p.loss,
          accuracy: p.accuracy,
        },
      ].slice(-maxLivePoints),
    })),
  );
  api.on('trainEpoch', (e) => update(e.runId, (live) => ({ epochs: [...live.epochs, e.metrics] })));
  api.on('experimentUpdate', (e) => {
    const state = useTrainingStore.getState();
    if (state.experiment && state.experiment.experimentId !== e.experimentId) return;
    useTrainingStore.setState({ experiment: e });
    // The live view follows whichever variant trains now.
    if (e.current && state.live?.runId !== e.current)
      state.begin(e.current, useShellStore.getState().backend?.name ?? 'auto');
    if (e.done) void state.refreshRuns();
  });
  api.on('trainFinished', (e) => {
    update(e.runId, () => ({ status: e.status, message: e.message, text: e.text }));
    void useTrainingStore.getState().refreshRuns();
  });
}

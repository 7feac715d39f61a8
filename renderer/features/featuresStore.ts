import { create } from 'zustand';
import type { ApiEventPayload, FeaturePixels } from '../../shared/api';
import type { DiagnosticText } from '../../shared/i18n/diagnosticText';
import { getApi } from '../api/transport';

export interface MaximiseJob {
  jobId: string;
  layer: string;
  channel: number;
  steps: number;
  step: number;
  activation: number | null;
  status: 'running' | 'completed' | 'cancelled' | 'failed';
  message: string | null;
  /** `message` in any language, where it has one. */
  text?: DiagnosticText | undefined;
  image: FeaturePixels | null;
  before: number | null;
  after: number | null;
}

export type FeaturesSource = { run: string } | 'files';

interface FeaturesState {
  /** The run whose features are shown; null: the view is closed. */
  runId: string | null;
  /** Under the title: which run, or that the model came from files (said in the window's language). */
  subtitle: FeaturesSource;
  /** The network's name, in the title. */
  networkName: string;
  jobs: MaximiseJob[];
  open(runId: string, subtitle: FeaturesSource, networkName: string): void;
  close(): void;
  addJob(job: Pick<MaximiseJob, 'jobId' | 'layer' | 'channel' | 'steps'>): void;
}

type Finished = ApiEventPayload<'featureFinished'>;
/** A job may finish before its start's answer arrives (a cancel of a queued job): kept until it is added. */
const early = new Map<string, Finished>();

const finishedFields = (e: Finished): Partial<MaximiseJob> => ({
  status: e.status,
  message: e.message,
  text: e.text,
  image: e.image,
  before: e.before,
  after: e.after,
  step: e.steps,
});

export const useFeaturesStore = create<FeaturesState>((set, get) => ({
  runId: null,
  subtitle: 'files',
  networkName: '',
  jobs: [],
  open: (runId, subtitle, networkName) =>
    set({ runId, subtitle, networkName, jobs: runId === get().runId ? get().jobs : [] }),
  close: () => set({ runId: null }),
  addJob: (job) => {
    const done = early.get(job.jobId);
    early.delete(job.jobId);
    const added: MaximiseJob = {
      ...job,
      step: 0,
      activation: null,
      status: 'running',
      message: null,
      image: null,
      before: null,
      after: null,
      ...(done ? finishedFields(done) : {}),
    };
    set({ jobs: [added, ...get().jobs] });
  },
}));

const update = (jobId: string, patch: Partial<MaximiseJob>): boolean => {
  const { jobs } = useFeaturesStore.getState();
  if (!jobs.some((j) => j.jobId === jobId)) return false;
  useFeaturesStore.setState({ jobs: jobs.map((j) => (j.jobId === jobId ? { ...j, ...patch } : j)) });
  return true;
};

let subscribed = false;

/** Wires maximisation progress into the store, once per window. */
export function subscribeFeatureEvents(): void {
  if (subscribed) return;
  subscribed = true;
  const api = getApi();
  api.on('featureProgress', (e) => {
    update(e.jobId, { step: e.step, activation: e.activation, ...(e.image ? { image: e.image } : {}) });
  });
  api.on('featureFinished', (e) => {
    if (!update(e.jobId, finishedFields(e))) early.set(e.jobId, e);
  });
}

import type { BatchProgress, DatasetInfo, EpochMetrics, MemoryEstimate } from '../shared/training';
import type { TrainingControl } from './control';
import type { JobHooks, JobOutcome } from './job';

/**
 * What a training worker posts while runTrainingJob runs, in this order: dataset, status…,
 * batch…/epoch…, then exactly one `done`. The Node worker and the browser GPU worker post the
 * same messages, so whoever listens needs no second reader.
 */
export type JobMessage =
  | { type: 'dataset'; info: DatasetInfo; memory: MemoryEstimate }
  | { type: 'status'; status: 'running' | 'paused' }
  | { type: 'batch'; progress: Omit<BatchProgress, 'runId'> }
  | { type: 'epoch'; metrics: EpochMetrics }
  | { type: 'done'; outcome: JobOutcome };

/** The job's hooks as messages handed to `post`. */
export function postingHooks(control: TrainingControl, post: (message: JobMessage) => void): JobHooks {
  return {
    control,
    onStatus: (status) => post({ type: 'status', status }),
    onDataset: (info, memory) => post({ type: 'dataset', info, memory }),
    onBatch: (progress) => post({ type: 'batch', progress }),
    onEpoch: (metrics) => post({ type: 'epoch', metrics }),
  };
}

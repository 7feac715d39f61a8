import type { BackendName, BackendReport } from '../../../shared/api';
import type { Graph } from '../../../shared/graph/types';
import type {
  BatchProgress,
  DatasetInfo,
  EpochMetrics,
  MemoryBudget,
  MemoryEstimate,
  ResolvedTrainingOptions,
} from '../../../shared/training';
import type { AllReduceGroup } from '../../../trainer/allReduce';
import type { JobOutcome } from './runJob';

/** What the worker is started with (workerData). */
export interface WorkerStart {
  graph: Graph;
  options: ResolvedTrainingOptions;
  memoryBudget: MemoryBudget;
  /** SharedControl's buffer: run / pause / cancel. */
  control: SharedArrayBuffer;
  /** The backend the user pinned for this run; absent: the selection's own order (NETWRIGHT_BACKEND respected). */
  backend?: BackendName;
  /** Data-parallel training: the group's buffers and this worker's rank; only rank 0 reports. */
  parallel?: { group: AllReduceGroup; rank: number };
}

/** Worker → main (rank 0; the other ranks send only `done`), in this order: backend, dataset, status…, batch…/epoch…, then exactly one `done`. */
export type WorkerMessage =
  | { type: 'backend'; report: BackendReport }
  | { type: 'dataset'; info: DatasetInfo; memory: MemoryEstimate }
  | { type: 'status'; status: 'running' | 'paused' }
  | { type: 'batch'; progress: Omit<BatchProgress, 'runId'> }
  | { type: 'epoch'; metrics: EpochMetrics }
  | { type: 'done'; outcome: JobOutcome };

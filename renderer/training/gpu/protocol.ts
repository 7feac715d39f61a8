import type { Graph } from '../../../shared/graph/types';
import type { ResolvedTrainingOptions } from '../../../shared/training';
import type { ControlState } from '../../../trainer/control';
import type { Dataset } from '../../../trainer/dataset';
import type { JobMessage } from '../../../trainer/jobMessages';

/** The browser engine's GPU backends of tfjs. */
export type GpuBackend = 'webgpu' | 'webgl';

/** A dataset the services loaded, as transferable buffers (pixels: count × H × W × C bytes; labels: Int32). */
export interface TransferredDataset extends Omit<Dataset, 'pixels' | 'labels'> {
  pixels: ArrayBuffer;
  labels: ArrayBuffer;
}

/** Page → worker. One `start` per worker; `control` only when the page is not crossOriginIsolated. */
export type GpuWorkerCommand =
  | {
      type: 'start';
      backend: GpuBackend;
      graph: Graph;
      options: ResolvedTrainingOptions;
      memoryBudget: { bytes: number; label: string };
      dataset: TransferredDataset;
      /** SharedControl's buffer when the page is crossOriginIsolated; otherwise `control` messages. */
      control: SharedArrayBuffer | null;
    }
  | { type: 'control'; state: ControlState };

/** Worker → page: the backend in use (or why none), then the same messages as the Node worker. */
export type GpuWorkerMessage = { type: 'backend'; backend: GpuBackend; detail: string } | JobMessage;

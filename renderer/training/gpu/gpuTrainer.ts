import { runMessage } from '../../../shared/training/runText';
import type { ControlState } from '../../../trainer/control';
import { SharedControl } from '../../../trainer/control';
import type { JobOutcome } from '../../../trainer/job';
import type { GpuWorkerCommand, GpuWorkerMessage } from './protocol';

export interface GpuRun {
  pause(): void;
  resume(): void;
  cancel(): void;
  /** Settles with the worker's one `done` outcome; the worker is terminated then. */
  outcome: Promise<JobOutcome>;
}

type Start = Omit<Extract<GpuWorkerCommand, { type: 'start' }>, 'type' | 'control'>;

/**
 * Starts one run in `worker` (trainingWorker.ts): the dataset's buffers are transferred, not
 * copied. Pause and cancel go through a SharedArrayBuffer when the page is crossOriginIsolated
 * (seen before the next batch even while a step blocks the worker), otherwise as messages.
 */
export function startGpuTraining(worker: Worker, start: Start, onMessage: (message: GpuWorkerMessage) => void): GpuRun {
  const shared = (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated ? new SharedControl() : null;
  const set = (state: ControlState) => {
    if (shared) shared.set(state);
    else worker.postMessage({ type: 'control', state } satisfies GpuWorkerCommand);
  };
  const outcome = new Promise<JobOutcome>((resolve) => {
    worker.addEventListener('message', (event: MessageEvent<GpuWorkerMessage>) => {
      onMessage(event.data);
      if (event.data.type === 'done') {
        worker.terminate();
        resolve(event.data.outcome);
      }
    });
    worker.addEventListener('error', (event) => {
      worker.terminate();
      resolve({
        status: 'failed',
        failure: 'internal',
        ...runMessage('gpuWorkerFailed', { reason: event.message }),
        model: null,
      });
    });
  });
  const command: GpuWorkerCommand = { type: 'start', ...start, control: shared?.buffer ?? null };
  worker.postMessage(command, [start.dataset.pixels, start.dataset.labels]);
  return { pause: () => set('pause'), resume: () => set('run'), cancel: () => set('cancel'), outcome };
}

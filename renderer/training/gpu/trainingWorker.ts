import * as tf from '@tensorflow/tfjs';
// Registers the 'webgpu' backend (tfjs bundles cpu and webgl only).
import '@tensorflow/tfjs-backend-webgpu';
import { errorMessage } from '../../../shared/issues';
import { runMessage, runText } from '../../../shared/training/runText';
import { type ControlState, SharedControl, type TrainingControl } from '../../../trainer/control';
import { type JobOutcome, runTrainingJob } from '../../../trainer/job';
import { postingHooks } from '../../../trainer/jobMessages';
import { faultOf, type GpuFault, GpuUnavailable, startGpuBackend, watchGpu } from './gpuBackend';
import { handedDataset } from './handedDataset';
import type { GpuWorkerCommand, GpuWorkerMessage } from './protocol';

/**
 * The GPU training worker: a dedicated Worker of the page (browser mode) or the app window,
 * running trainer/job.ts, the same loop as the Node worker, on tfjs's WebGPU or WebGL backend.
 * The data comes in the start message as transferred buffers; one run per worker, so the GPU's
 * memory goes back when the page terminates it.
 */
const scope = globalThis as unknown as {
  postMessage(message: GpuWorkerMessage, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<GpuWorkerCommand>) => void): void;
};
const post = (message: GpuWorkerMessage, transfer: Transferable[] = []) => scope.postMessage(message, transfer);

/** Control by messages, for pages that are not crossOriginIsolated (no SharedArrayBuffer). */
class MessageControl implements TrainingControl {
  private current: ControlState = 'run';
  state(): ControlState {
    return this.current;
  }
  set(state: ControlState): void {
    if (this.current !== 'cancel') this.current = state;
  }
}

const messageControl = new MessageControl();
let started = false;

scope.addEventListener('message', (event) => {
  const command = event.data;
  if (command.type === 'control') messageControl.set(command.state);
  else if (!started) {
    started = true;
    void run(command).then(
      (outcome) => post({ type: 'done', outcome }, outcome.model ? [outcome.model.weightData] : []),
      (err: unknown) => post({ type: 'done', outcome: failure(err) }),
    );
  }
});

function failure(err: unknown): JobOutcome {
  const message = errorMessage(err);
  if (err instanceof GpuUnavailable) return { status: 'failed', failure: 'internal', message, model: null };
  const fault = faultOf(message);
  if (fault) return faulted(fault, null);
  return { status: 'failed', failure: 'internal', ...runMessage('stopped', { reason: message }), model: null };
}

/** The run stopped because the GPU failed; what was trained so far (curves, and weights unless lost) is kept. */
function faulted(fault: GpuFault, model: JobOutcome['model']): JobOutcome {
  const kept = runText(fault.lost ? 'weightsGone' : 'trainedKept');
  return {
    status: 'failed',
    failure: fault.lost ? 'internal' : 'memory',
    ...runMessage('gpuFault', { fault: fault.text ?? fault.message, kept }),
    model,
  };
}

async function run(start: Extract<GpuWorkerCommand, { type: 'start' }>): Promise<JobOutcome> {
  const detail = await startGpuBackend(tf, start.backend);
  post({ type: 'backend', backend: start.backend, detail });
  const watch = watchGpu(tf, start.backend);
  const control = start.control ? new SharedControl(start.control) : messageControl;
  const guarded: TrainingControl = { state: () => (watch.fault() ? 'cancel' : control.state()) };
  const job = runTrainingJob(
    tf,
    { graph: start.graph, options: start.options, memoryBudget: start.memoryBudget },
    postingHooks(guarded, post),
    (_spec, input, classes) => handedDataset(start.dataset, input, classes),
  );
  // On a lost WebGL context tfjs's next read never settles: the fault ends the run without the job.
  let timer: ReturnType<typeof setInterval> | undefined;
  const faultSeen = new Promise<GpuFault>((resolve) => {
    timer = setInterval(() => {
      const fault = watch.fault();
      if (fault?.lost) resolve(fault);
    }, FAULT_POLL_MS);
  });
  try {
    const first = await Promise.race([job, faultSeen]);
    if ('lost' in first) return faulted(first, null);
    const fault = watch.fault();
    return fault ? faulted(fault, fault.lost ? null : first.model) : first;
  } catch (err) {
    // A lost WebGPU device fails the pending read ("Buffer was unmapped before mapping was
    // resolved") before its `lost` promise settles: the fault, once seen, is the reason.
    const grace = new Promise<null>((resolve) => setTimeout(() => resolve(null), FAULT_GRACE_MS));
    const fault = watch.fault() ?? (await Promise.race([faultSeen, grace]));
    if (fault) return faulted(fault, null);
    throw err;
  } finally {
    clearInterval(timer);
  }
}

const FAULT_POLL_MS = 200;
const FAULT_GRACE_MS = 1_000;

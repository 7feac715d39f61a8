import { parentPort, workerData } from 'node:worker_threads';
import { errorMessage } from '../../../shared/issues';
import { runMessage } from '../../../shared/training/runText';
import { AllReduce, closeGroup } from '../../../trainer/allReduce';
import { SharedControl } from '../../../trainer/control';
import { ensureBackend, tf } from '../tfjs';
import type { WorkerMessage, WorkerStart } from './protocol';
import { runTrainingJob } from './runJob';

/**
 * The training thread: the same file for the desktop app, browser mode and the CLI.
 * A step blocks its thread for up to seconds; here it cannot stall the main process.
 * One run per worker, so every tensor, variable and wasm buffer goes when it exits.
 */
const start = workerData as WorkerStart;
const reports = (start.parallel?.rank ?? 0) === 0;
const post = (message: WorkerMessage, transfer: ArrayBuffer[] = []) => {
  if (reports || message.type === 'done') parentPort!.postMessage(message, transfer);
};

async function main(): Promise<void> {
  const report = await ensureBackend(start.backend);
  post({ type: 'backend', report });
  const outcome = await runTrainingJob(
    tf,
    { graph: start.graph, options: start.options, memoryBudget: start.memoryBudget },
    {
      control: new SharedControl(start.control),
      onStatus: (status) => post({ type: 'status', status }),
      onDataset: (info, memory) => post({ type: 'dataset', info, memory }),
      onBatch: (progress) => post({ type: 'batch', progress }),
      onEpoch: (metrics) => post({ type: 'epoch', metrics }),
      parallel: start.parallel ? new AllReduce(start.parallel.group, start.parallel.rank) : undefined,
    },
  );
  // The others may wait for this worker at a barrier: an early stop must release them.
  if (start.parallel) closeGroup(start.parallel.group);
  post({ type: 'done', outcome }, outcome.model ? [outcome.model.weightData] : []);
}

main().catch((err: unknown) => {
  if (start.parallel) closeGroup(start.parallel.group);
  const message = errorMessage(err);
  post({
    type: 'done',
    outcome: { status: 'failed', failure: 'internal', ...runMessage('stopped', { reason: message }), model: null },
  });
});

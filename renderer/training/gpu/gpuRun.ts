import type { ApiRequest, NetwrightApi } from '../../../shared/api';
import type { Graph } from '../../../shared/graph/types';
import { errorMessage } from '../../../shared/issues';
import {
  GPU_CHUNK_BYTES,
  type GpuReport,
  type GpuRunStart,
  type RunMessage,
  runMessage,
} from '../../../shared/training';
import type { JobOutcome } from '../../../trainer/job';
import { fromBase64Into, toBase64 } from './base64';
import { startGpuTraining } from './gpuTrainer';
import type { GpuWorkerMessage, TransferredDataset } from './protocol';

/** How often the window tells the services it is still there (they give up after a minute of silence). */
export const ALIVE_EVERY_MS = 5000;

export interface GpuRunOptions {
  /** A new training Worker (trainingWorker.ts); one per run. */
  createWorker(): Worker;
  /** Share of the run's dataset received, 0 to 1, while it is fetched. */
  onDataProgress?(runId: string, fraction: number): void;
}

/**
 * Trains one run on the browser engine's GPU, in a Worker of this window: the services check it
 * and load the data (trainStartGpu), the window fetches the data in chunks, hands it to the
 * worker, relays what the worker posts (trainGpuReport, in order) and obeys trainControl events.
 * Resolves with the run id once the services keep the run; `finished` settles when it ends.
 */
export async function runOnGpu(
  api: NetwrightApi,
  request: ApiRequest<'trainStartGpu'>,
  options: GpuRunOptions,
): Promise<{ runId: string; finished: Promise<void> }> {
  const start = await api.invoke('trainStartGpu', request);
  return { runId: start.runId, finished: relay(api, request, start, options) };
}

async function relay(
  api: NetwrightApi,
  request: ApiRequest<'trainStartGpu'>,
  start: GpuRunStart,
  options: GpuRunOptions,
): Promise<void> {
  const runId = start.runId;
  let refused = false;
  let queue = Promise.resolve();
  // In order, one at a time: the services read them as the worker posted them.
  const report = (r: GpuReport) => {
    queue = queue.then(async () => {
      if (refused) return;
      try {
        await api.invoke('trainGpuReport', { runId, report: r });
      } catch {
        // The run ended on the services' side (cancelled while preparing, or given up on): stop.
        refused = true;
        run?.cancel();
      }
    });
    return queue;
  };
  let run: ReturnType<typeof startGpuTraining> | null = null;
  const alive = setInterval(() => void report({ type: 'alive' }), ALIVE_EVERY_MS);
  const stopControl = api.on('trainControl', (e) => {
    if (e.runId !== runId) return;
    if (e.state === 'cancel') run?.cancel();
    else if (e.state === 'pause') run?.pause();
    else run?.resume();
  });
  try {
    let dataset: TransferredDataset;
    try {
      dataset = await fetchDataset(api, start, (f) => options.onDataProgress?.(runId, f));
    } catch (err) {
      // Cancelled while the data came (the services ended the run), or the connection failed.
      await report(failed(runMessage('datasetNotHanded', { reason: errorMessage(err) })));
      return;
    }
    run = startGpuTraining(
      options.createWorker(),
      {
        backend: request.backend,
        graph: { ...request.graph, groups: request.graph.groups ?? [] } as Graph,
        options: start.options,
        memoryBudget: start.memoryBudget,
        dataset,
      },
      (message) => forward(message, report),
    );
    const outcome = await run.outcome;
    await sendOutcome(outcome, report);
  } catch (err) {
    // Whatever broke here (no Worker support, a bundling fault) ends the run with its reason.
    await report(failed(runMessage('gpuWorkerNotRun', { reason: errorMessage(err) })));
  } finally {
    clearInterval(alive);
    stopControl();
  }
}

function forward(message: GpuWorkerMessage, report: (r: GpuReport) => Promise<void>): void {
  if (message.type === 'done') return; // run.outcome carries it, weights and all
  void report(message);
}

const failed = (said: RunMessage): GpuReport => ({
  type: 'done',
  outcome: { status: 'failed', failure: 'internal', ...said, model: null },
});

async function sendOutcome(outcome: JobOutcome, report: (r: GpuReport) => Promise<void>): Promise<void> {
  const { model, ...rest } = outcome;
  if (!model) {
    await report({ type: 'done', outcome: { ...rest, model: null } });
    return;
  }
  const bytes = new Uint8Array(model.weightData);
  for (let offset = 0; offset < bytes.length; offset += GPU_CHUNK_BYTES) {
    void report({ type: 'weights', offset, base64: toBase64(bytes.subarray(offset, offset + GPU_CHUNK_BYTES)) });
  }
  await report({
    type: 'done',
    outcome: {
      ...rest,
      model: {
        modelTopology: model.modelTopology,
        weightSpecs: model.weightSpecs.map((spec) => ({ ...spec })),
        weightBytes: bytes.length,
      },
    },
  });
}

/** The dataset the services loaded, chunk by chunk into the buffers handed (transferred) to the worker. */
async function fetchDataset(
  api: NetwrightApi,
  start: GpuRunStart,
  onProgress?: (fraction: number) => void,
): Promise<TransferredDataset> {
  const { pixelBytes, labelBytes, ...shape } = start.dataset;
  const total = pixelBytes + labelBytes;
  let received = 0;
  const fetchPart = async (part: 'pixels' | 'labels', size: number): Promise<ArrayBuffer> => {
    const out = new Uint8Array(size);
    for (let offset = 0; offset < size; ) {
      const { base64 } = await api.invoke('trainGpuData', { runId: start.runId, part, offset });
      const n = fromBase64Into(base64, out, offset);
      if (n === 0) throw new Error(`the ${part} ended after ${offset} of ${size} bytes`);
      offset += n;
      received += n;
      onProgress?.(received / total);
    }
    return out.buffer;
  };
  const pixels = await fetchPart('pixels', pixelBytes);
  const labels = await fetchPart('labels', labelBytes);
  return { ...shape, pixels, labels };
}

import { startGpuTraining } from '../../renderer/training/gpu/gpuTrainer';
import type { GpuBackend } from '../../renderer/training/gpu/protocol';
import { analyzeGraph } from '../../shared/analysis';
import { prepareForTraining, resolveTrainingOptions, seededRandom } from '../../shared/training';
import { type BenchNetwork, benchNetwork } from '../networks';

/** Runs in the page (bundled by bench/browserGpu.ts): training throughput in the GPU training Worker. */

export interface ThroughputRequest {
  backend: GpuBackend;
  network: BenchNetwork;
  batchSize: number;
  /** Batches per epoch; two epochs run, the second is timed (the first compiles the shaders). */
  batches: number;
}

export interface ThroughputResult {
  samplesPerSec: number | null;
  /** The device the worker named, e.g. "WebGL: ANGLE (NVIDIA …)". */
  device: string;
  error: string | null;
}

export async function gpuThroughput(request: ThroughputRequest): Promise<ThroughputResult> {
  const graph = benchNetwork(request.network);
  const net = prepareForTraining(graph, analyzeGraph(graph));
  if (!net.ok) return { samplesPerSec: null, device: '', error: net.error };
  const count = request.batchSize * request.batches;
  const { height, width, channels } = net.input;
  const resolved = resolveTrainingOptions(
    {
      dataset: { kind: 'synthetic', samples: count },
      epochs: 2,
      batchSize: request.batchSize,
      labelSmoothing: 0.1,
      validationSplit: 0,
      seed: 1,
    },
    () => 1,
  );
  if (!resolved.ok) return { samplesPerSec: null, device: '', error: resolved.error };
  const random = seededRandom(3);
  const pixels = Uint8Array.from({ length: count * height * width * channels }, () => Math.floor(random() * 256));
  const labels = Int32Array.from({ length: count }, (_, i) => i % net.classes);
  let device = '';
  let samplesPerSec: number | null = null;
  const run = startGpuTraining(
    new Worker('/worker.js', { type: 'module' }),
    {
      backend: request.backend,
      graph,
      options: resolved.options,
      memoryBudget: { bytes: 2 ** 34, label: 'the benchmark' },
      dataset: {
        pixels: pixels.buffer,
        labels: labels.buffer,
        count,
        input: net.input,
        classes: net.classes,
        info: {
          description: `random pixels, ${count} images`,
          normalisation: 'pixels / 255',
          inputShape: [height, width, channels],
          classes: net.classes,
          classNames: Array.from({ length: net.classes }, (_, k) => String(k)),
          conversion: null,
        },
      },
    },
    (message) => {
      if (message.type === 'backend') device = message.detail;
      if (message.type === 'epoch' && message.metrics.epoch === 2) samplesPerSec = message.metrics.samplesPerSec;
    },
  );
  const outcome = await run.outcome;
  const error = outcome.status === 'completed' ? null : (outcome.message ?? outcome.status);
  return { samplesPerSec, device, error };
}

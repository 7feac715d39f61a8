import { startGpuTraining } from '../../../renderer/training/gpu/gpuTrainer';
import type { GpuBackend, GpuWorkerMessage } from '../../../renderer/training/gpu/protocol';
import { GraphBuilder } from '../../../shared/graph/builder';
import type { Graph } from '../../../shared/graph/types';
import { getTemplate } from '../../../shared/templates';
import { resolveTrainingOptions, seededRandom } from '../../../shared/training';
import type { JobOutcome } from '../../../trainer/job';

/**
 * Runs in the page: trains in renderer/training/gpu/trainingWorker.ts (bundled as /worker.js)
 * on a small dataset built here, and hands back everything the worker posted.
 */

export interface PageRun {
  messages: GpuWorkerMessage[];
  outcome: JobOutcome;
  /** Batches posted before the page asked to cancel, when it did. */
  cancelledAfter: number | null;
  /** The saved model's weight bytes (an ArrayBuffer does not cross page.evaluate), and whether all are finite. */
  weights: { bytes: number; finite: boolean } | null;
}

export interface PageRunRequest {
  backend: GpuBackend;
  network: 'small-inception' | 'tiny';
  samples: number;
  batchSize: number;
  epochs: number;
  /** Cancel once this many batches are posted. */
  cancelAfterBatches?: number;
  /** Ask the worker's test hook (gpuTraining.e2e.ts) to lose its WebGL context once this many batches are posted. */
  loseGpuAfterBatches?: number;
}

function tinyNetwork(): Graph {
  const b = new GraphBuilder();
  let x = b.input([16, 16, 3]);
  x = b.add('Conv2D', { filters: 8, kernelSize: [3, 3], activation: 'relu' }, [x]);
  x = b.add('BatchNorm', {}, [x]);
  x = b.add('DepthwiseConv2D', { kernelSize: [3, 3] }, [x]);
  x = b.add('MaxPool2D', {}, [x]);
  x = b.add('GlobalAvgPool2D', {}, [x]);
  b.add('Dense', { units: 4, activation: 'softmax' }, [x]);
  return b.build();
}

/** Class k: a bright square in one of four places, tinted by k, on a noisy dark background. */
function dataset(count: number, size: number, classes: number) {
  const random = seededRandom(7);
  const pixels = new Uint8Array(count * size * size * 3);
  const labels = new Int32Array(count);
  const half = size / 2;
  for (let n = 0; n < count; n++) {
    const k = n % classes;
    labels[n] = k;
    for (let y = 0; y < size; y++) {
      for (let x = 0; x < size; x++) {
        const inSquare = Math.floor(y / half) * 2 + Math.floor(x / half) === k % 4;
        for (let c = 0; c < 3; c++) {
          const base = inSquare ? 150 + ((k * 37 + c * 50) % 100) : 30;
          pixels[((n * size + y) * size + x) * 3 + c] = Math.min(255, base + Math.floor(random() * 40));
        }
      }
    }
  }
  return { pixels, labels };
}

export async function gpuTrain(request: PageRunRequest): Promise<PageRun> {
  const graph = request.network === 'tiny' ? tinyNetwork() : getTemplate('small-inception')!.build();
  const size = request.network === 'tiny' ? 16 : 32;
  const classes = request.network === 'tiny' ? 4 : 10;
  const resolved = resolveTrainingOptions(
    {
      dataset: { kind: 'synthetic', samples: request.samples },
      epochs: request.epochs,
      batchSize: request.batchSize,
      optimizer: 'adam',
      validationSplit: 0.25,
      seed: 1,
    },
    () => 1,
  );
  if (!resolved.ok) throw new Error(resolved.error);
  const { pixels, labels } = dataset(request.samples, size, classes);
  const messages: GpuWorkerMessage[] = [];
  let cancelledAfter: number | null = null;
  const worker = new Worker('/worker.js', { type: 'module' });
  const run = startGpuTraining(
    worker,
    {
      backend: request.backend,
      graph,
      options: resolved.options,
      memoryBudget: { bytes: 2 ** 31, label: 'a test budget of 2 GiB' },
      dataset: {
        pixels: pixels.buffer,
        labels: labels.buffer,
        count: request.samples,
        input: { height: size, width: size, channels: 3, flatten: false },
        classes,
        info: {
          description: `test squares, ${request.samples} images`,
          normalisation: 'pixels / 255',
          inputShape: [size, size, 3],
          classes,
          classNames: Array.from({ length: classes }, (_, k) => `class ${k}`),
          conversion: null,
        },
      },
    },
    (message) => {
      messages.push(message);
      const batches = messages.filter((m) => m.type === 'batch').length;
      if (message.type === 'batch' && batches === request.cancelAfterBatches) {
        cancelledAfter = batches;
        run.cancel();
      }
      if (message.type === 'batch' && batches === request.loseGpuAfterBatches) worker.postMessage({ type: 'lose-gpu' });
    },
  );
  const outcome = await run.outcome;
  const data = outcome.model ? new Float32Array(outcome.model.weightData) : null;
  const weights = data ? { bytes: data.byteLength, finite: data.every(Number.isFinite) } : null;
  return { messages, outcome, cancelledAfter, weights };
}

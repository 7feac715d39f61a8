import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import path from 'node:path';
import { ensureBackend, tf } from '../electron/services/tfjs';
import { TrainingService } from '../electron/services/train';
import { type JobHooks, runTrainingJob } from '../electron/services/train/runJob';
import { analyzeGraph } from '../shared/analysis';
import { generateExport } from '../shared/export';
import type { Graph } from '../shared/graph/types';
import { prepareForTraining, resolveTrainingOptions } from '../shared/training';
import { compileGraph } from '../trainer/compile/compile';
import { smoothedCrossEntropy } from '../trainer/loss';
import { browserGpuThroughput } from './browserGpu';
import { machineLine, median } from './machine';
import { benchNetwork, benchNetworkLabels } from './networks';

const BATCH = 32;
const CLASSES = 10;
const LABEL_SMOOTHING = 0.1;
const PYTHON = '/usr/bin/python3';

export interface TrainingBench {
  backend: string;
  stepMs: number;
  samplesPerSec: number;
  /** Through the real loop: batches built from the synthetic dataset, progress per batch. */
  pipelineSamplesPerSec: number;
  gflops: number;
  matmulGflops: number;
  /** Over WORKER_BATCHES steps after as many warm-up steps, as the service runs are timed; and the median step's rate. */
  pytorch:
    | { samplesPerSec: number; medianSamplesPerSec: number; threads: number; version: string }
    | { skipped: string };
  /** PyTorch with one thread and with every core's thread. */
  pytorchByThreads: TrainingBench['pytorch'][];
  /** Our samples/s over PyTorch's, on the same machine in the same run; null when PyTorch was skipped. */
  ratio: number | null;
  /** Whole runs through the service (worker threads): one worker, and one per core (data-parallel, wasm only). */
  workers: { one: number; all: { workers: number; samplesPerSec: number } | { skipped: string } };
  /** The best of our figures over PyTorch's best; null when PyTorch was skipped. */
  bestRatio: number | null;
}

/** Median milliseconds of `fn` after `warmup` untimed runs; `fn` must wait for its result. */
async function timeMs(fn: () => Promise<void>, runs: number, warmup: number): Promise<number> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return median(times);
}

/** One optimizer step exactly as the training loop takes it: logits, label-smoothed cross-entropy, Adam. */
async function stepMs(trainingGraph: Graph, runs: number): Promise<number> {
  const { model } = compileGraph(tf, trainingGraph);
  const x = tf.randomUniform([BATCH, 32, 32, 3], 0, 1, 'float32', 1);
  // Both bench networks take 32×32×3 and output 10 classes.
  const y = tf.tidy(() =>
    tf
      .oneHot(
        tf.tensor1d(
          Array.from({ length: BATCH }, (_, i) => i % CLASSES),
          'int32',
        ),
        CLASSES,
      )
      .toFloat(),
  );
  const optimizer = tf.train.adam(0.001);
  const ms = await timeMs(
    async () => {
      const loss = optimizer.minimize(
        () => smoothedCrossEntropy(tf, y, model.apply(x, { training: true }) as tf.Tensor, LABEL_SMOOTHING),
        true,
      )!;
      await loss.data(); // read outside tidy: waits for the step
      loss.dispose();
    },
    runs,
    2,
  );
  tf.dispose([x, y]);
  optimizer.dispose();
  model.dispose();
  return ms;
}

/** The whole training loop for a few batches, as a user's run sees it. */
async function pipelineSamplesPerSec(graph: Graph, batches: number): Promise<number> {
  const parsed = resolveTrainingOptions({
    dataset: { kind: 'synthetic', samples: BATCH * batches },
    epochs: 1,
    batchSize: BATCH,
    labelSmoothing: LABEL_SMOOTHING,
    validationSplit: 0,
    seed: 1,
  });
  if (!parsed.ok) throw new Error(parsed.error);
  let rate = 0;
  const hooks: JobHooks = {
    control: { state: () => 'run' },
    onStatus: () => {},
    onDataset: () => {},
    onBatch: () => {},
    onEpoch: (m) => {
      rate = m.samplesPerSec;
    },
  };
  const outcome = await runTrainingJob(
    tf,
    { graph, options: parsed.options, memoryBudget: { bytes: 2 ** 32, label: '' } },
    hooks,
  );
  if (outcome.status !== 'completed') throw new Error(outcome.message ?? outcome.status);
  return rate;
}

/** A square float32 matmul on the same backend: the peak the convolutions could approach. */
async function matmulGflops(n: number): Promise<number> {
  const a = tf.randomUniform([n, n], -1, 1, 'float32', 2);
  const b = tf.randomUniform([n, n], -1, 1, 'float32', 3);
  const ms = await timeMs(
    async () => {
      const c = tf.matMul(a, b);
      await c.data();
      c.dispose();
    },
    5,
    2,
  );
  tf.dispose([a, b]);
  return (2 * n ** 3) / ms / 1e6;
}

/**
 * Batches per epoch of the whole runs through the service; their second epoch is timed. PyTorch
 * gets the same protocol: as many warm-up steps, then the whole time of as many steps (not a
 * median, which would drop the slow steps that our epoch's rate keeps).
 */
const WORKER_BATCHES = 12;

const torchScript = `
import json, sys, time
import torch
sys.path.insert(0, sys.argv[1])
import model as exported
if len(sys.argv) > 2:
    torch.set_num_threads(int(sys.argv[2]))
torch.manual_seed(0)
net = exported.build_model()
net.train()
opt = torch.optim.Adam(net.parameters(), lr=1e-3)
loss_fn = torch.nn.CrossEntropyLoss(label_smoothing=${LABEL_SMOOTHING})
x = torch.rand(${BATCH}, 3, 32, 32)
y = torch.arange(${BATCH}) % ${CLASSES}
def step():
    opt.zero_grad(set_to_none=True)
    loss = loss_fn(net(x), y)
    loss.backward()
    opt.step()
    return loss.item()
for _ in range(${WORKER_BATCHES}):
    step()
times = []
for _ in range(${WORKER_BATCHES}):
    t = time.perf_counter()
    step()
    times.append(time.perf_counter() - t)
ms = sum(times) / len(times) * 1000
times.sort()
median = (times[len(times) // 2 - 1] + times[len(times) // 2]) / 2 * 1000
print(json.dumps({"stepMs": ms, "medianMs": median, "threads": torch.get_num_threads(), "version": torch.__version__}))
`;

/** The same network through our PyTorch exporter, trained the same way on the CPU; or why not. */
function pytorchThroughput(graph: Graph, threads?: number): TrainingBench['pytorch'] {
  const probe = spawnSync(PYTHON, ['-c', 'import torch'], { encoding: 'utf8' });
  if (probe.status !== 0) {
    const why = probe.error ? probe.error.message : (probe.stderr.trim().split('\n').at(-1) ?? `exit ${probe.status}`);
    return { skipped: `${PYTHON} -c 'import torch' failed (${why}); install Debian's python3-torch to compare` };
  }
  const generated = generateExport({ graph, name: 'bench_network', target: 'pytorch' });
  if (!generated.ok) return { skipped: `the PyTorch export failed: ${generated.problem}` };
  const dir = mkdtempSync(path.join(tmpdir(), 'netwright-bench-torch-'));
  try {
    for (const f of generated.export.files) writeFileSync(path.join(dir, f.path), f.contents);
    writeFileSync(path.join(dir, 'bench.py'), torchScript);
    const args = [path.join(dir, 'bench.py'), dir, ...(threads ? [String(threads)] : [])];
    const run = spawnSync(PYTHON, args, { encoding: 'utf8', timeout: 300_000 });
    if (run.status !== 0)
      return { skipped: `PyTorch run failed: ${run.stderr.trim().split('\n').at(-1) ?? run.error?.message}` };
    const r = JSON.parse(run.stdout.trim().split('\n').at(-1)!) as {
      stepMs: number;
      medianMs: number;
      threads: number;
      version: string;
    };
    return {
      samplesPerSec: (BATCH * 1000) / r.stepMs,
      medianSamplesPerSec: (BATCH * 1000) / r.medianMs,
      threads: r.threads,
      version: r.version,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const f1 = (v: number) => v.toFixed(1);

/**
 * A whole run as the app trains it: the service's worker threads, synthetic data, two
 * epochs of WORKER_BATCHES batches; the second epoch's samples/s (the first warms up).
 */
async function serviceSamplesPerSec(graph: Graph, workers: number): Promise<number> {
  const service = new TrainingService({ runsDir: null, keepRunsDir: null });
  try {
    const { runId } = await service.start({
      graph,
      options: {
        dataset: { kind: 'synthetic', samples: BATCH * WORKER_BATCHES },
        epochs: 2,
        batchSize: BATCH,
        labelSmoothing: LABEL_SMOOTHING,
        validationSplit: 0,
        seed: 1,
        workers,
      },
    });
    const record = await service.waitForRun(runId);
    if (record.status !== 'completed') throw new Error(record.message ?? record.status);
    return record.epochs.at(-1)!.samplesPerSec;
  } finally {
    await service.dispose();
  }
}

async function workerThroughput(graph: Graph, backend: string): Promise<TrainingBench['workers']> {
  const one = await serviceSamplesPerSec(graph, 1);
  console.log(`wasm 1 worker (whole run through the service, worker thread): ${f1(one)} samples/s`);
  const cores = os.availableParallelism();
  let all: TrainingBench['workers']['all'];
  if (backend !== 'wasm') all = { skipped: `data-parallel workers are for wasm; the backend is ${backend}` };
  else if (cores < 2) all = { skipped: 'this machine has one core' };
  else {
    const samplesPerSec = await serviceSamplesPerSec(graph, cores);
    all = { workers: cores, samplesPerSec };
    console.log(
      `wasm ${cores} workers (data-parallel, all cores): ${f1(samplesPerSec)} samples/s = ${(samplesPerSec / one).toFixed(2)}× 1 worker`,
    );
  }
  if ('skipped' in all) console.log(`wasm all workers: skipped: ${all.skipped}`);
  return { one, all };
}

/**
 * `npm run bench` section: training throughput of the small Inception template and of the
 * three-conv + BN probe network at 32×32×3, batch 32 (Adam, label smoothing 0.1) on the
 * backend Netwright selects (NETWRIGHT_BACKEND pins one), its GFLOP/s against a matmul peak
 * measured in the same run, and PyTorch on the CPU on the same network when /usr/bin/python3
 * has torch; then the same networks on Chromium's software GPUs. GFLOP/s follow the project
 * convention: FLOPs = 2 × MACs, a trained sample counted as 3 × its forward MACs
 * (forward, input gradient, weight gradient), MACs from our analysis.
 */
export async function benchTraining(): Promise<TrainingBench[]> {
  const results: TrainingBench[] = [];
  for (const network of ['small-inception', 'three-conv-bn'] as const)
    results.push(await benchNetworkTraining(network));
  await benchSwiftShader();
  return results;
}

export async function benchNetworkTraining(network: 'small-inception' | 'three-conv-bn'): Promise<TrainingBench> {
  console.log(
    `\n## Training throughput: ${benchNetworkLabels[network]}, batch ${BATCH}, Adam, label smoothing ${LABEL_SMOOTHING}`,
  );
  const report = await ensureBackend();
  console.log(`backend: ${report.name} (${report.reason})`);
  const graph = benchNetwork(network);
  const net = prepareForTraining(graph, analyzeGraph(graph));
  if (!net.ok) throw new Error(net.error);
  const macs = analyzeGraph(net.trainingGraph).totals.macs;
  const ms = await stepMs(net.trainingGraph, 8);
  const samplesPerSec = (BATCH * 1000) / ms;
  const gflops = (2 * 3 * macs * samplesPerSec) / 1e9;
  console.log(
    `training step: ${f1(ms)} ms (median of 8) = ${f1(samplesPerSec)} samples/s, ${gflops.toFixed(2)} GFLOP/s ` +
      `(2 × 3 × ${(macs / 1e6).toFixed(1)} M forward MACs per sample: forward, input gradient, weight gradient)`,
  );
  const pipeline = await pipelineSamplesPerSec(graph, 6);
  console.log(
    `whole training loop (batches built from the synthetic dataset, progress per batch): ${f1(pipeline)} samples/s over 6 batches`,
  );
  const peak = await matmulGflops(1024);
  console.log(
    `matmul 1024×1024 on ${report.name}: ${peak.toFixed(2)} GFLOP/s (median of 5) → training reaches ${((100 * gflops) / peak).toFixed(0)}% of it`,
  );
  const workers = await workerThroughput(graph, report.name);
  const pytorch = pytorchThroughput(graph);
  let ratio: number | null = null;
  if ('skipped' in pytorch) console.log(`PyTorch: skipped: ${pytorch.skipped}`);
  else {
    // Our step figure is a median step: against PyTorch's median step.
    ratio = samplesPerSec / pytorch.medianSamplesPerSec;
    console.log(
      `PyTorch ${pytorch.version} CPU (${pytorch.threads} thread${pytorch.threads === 1 ? '' : 's'}), same network via our exporter: ` +
        `median step ${f1(pytorch.medianSamplesPerSec)} samples/s → ${report.name}/PyTorch = ${ratio.toFixed(2)} (goal ≥ 0.5 on wasm)`,
    );
  }
  const cores = os.availableParallelism();
  const pytorchByThreads = 'skipped' in pytorch ? [] : [...new Set([1, cores])].map((t) => pytorchThroughput(graph, t));
  for (const p of pytorchByThreads) {
    if ('skipped' in p) console.log(`PyTorch: skipped: ${p.skipped}`);
    else
      console.log(
        `PyTorch ${p.version} CPU, ${p.threads} thread${p.threads === 1 ? '' : 's'}: ${f1(p.samplesPerSec)} samples/s ` +
          `over ${WORKER_BATCHES} steps after ${WORKER_BATCHES} warm-up steps, as our whole runs (median step: ${f1(p.medianSamplesPerSec)})`,
      );
  }
  // Each side's best figure by either statistic: PyTorch's median steps count too.
  const torchFigures = [pytorch, ...pytorchByThreads].flatMap((p) =>
    'skipped' in p ? [] : [p.samplesPerSec, p.medianSamplesPerSec],
  );
  const ours = Math.max(samplesPerSec, workers.one, 'skipped' in workers.all ? 0 : workers.all.samplesPerSec);
  const bestRatio = torchFigures.length ? ours / Math.max(...torchFigures) : null;
  if (bestRatio !== null) {
    console.log(
      `best ${report.name} figure ${f1(ours)} samples/s / PyTorch's best ${f1(Math.max(...torchFigures))} = ${bestRatio.toFixed(2)} ` +
        `(goal ≥ 1.0 on this machine: ${machineLine()})`,
    );
  }
  return {
    backend: report.name,
    pytorchByThreads,
    workers,
    bestRatio,
    stepMs: ms,
    samplesPerSec,
    pipelineSamplesPerSec: pipeline,
    gflops,
    matmulGflops: peak,
    pytorch,
    ratio,
  };
}

/** SwiftShader is slow enough that batch 32 would make this section take ten minutes. */
const SWIFTSHADER_BATCH = 8;

/**
 * The GPU training Worker on headless Chromium's software GPUs (SwiftShader): it proves the
 * path trains, and its figures are a CPU emulating a GPU, never a GPU speed.
 */
async function benchSwiftShader(): Promise<void> {
  console.log(
    `\n## GPU training Worker on SwiftShader, batch ${SWIFTSHADER_BATCH} (a CPU emulating a GPU: correctness, NOT GPU speed)`,
  );
  const cases = (['small-inception', 'three-conv-bn'] as const).flatMap((network) =>
    (['webgl', 'webgpu'] as const).map((backend) => ({
      backend,
      network,
      batchSize: BATCH,
      batches: 2,
      timeoutMs: 240_000,
    })),
  );
  const results = await browserGpuThroughput('swiftshader', cases);
  cases.forEach((c, i) => {
    const r = results[i]!;
    const figure = r.samplesPerSec === null ? `no figure: ${r.error}` : `${f1(r.samplesPerSec)} samples/s`;
    console.log(`${c.backend}, ${benchNetworkLabels[c.network]}: ${figure}${r.device ? ` on ${r.device}` : ''}`);
  });
}

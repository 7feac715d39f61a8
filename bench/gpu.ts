import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { analyzeGraph } from '../shared/analysis';
import { generateExport } from '../shared/export';
import { prepareForTraining } from '../shared/training';
import { browserGpuThroughput, type GpuCase } from './browserGpu';
import { machineLine } from './machine';
import { type BenchNetwork, benchNetwork, benchNetworkLabels } from './networks';

/**
 * bench/gpu.sh: training throughput on this machine's GPU, for a machine that has one. WebGL and
 * WebGPU in headless Chromium's GPU training Worker (the app's own path), beside PyTorch on CUDA
 * where torch.cuda.is_available(), on the small Inception (32×32) and ResNet-50 (224×224).
 * Every case has a time limit, so the whole script stays under 8 minutes; one table at the end.
 */
const PYTHON = process.env.PYTHON ?? '/usr/bin/python3';
const plans: { network: BenchNetwork; batchSize: number; batches: number }[] = [
  { network: 'small-inception', batchSize: 32, batches: 8 },
  { network: 'resnet50', batchSize: 16, batches: 4 },
];
// A dry run on a machine without a GPU may shorten it (NETWRIGHT_GPU_CASE_LIMIT_S).
const CASE_LIMIT_MS = Number(process.env.NETWRIGHT_GPU_CASE_LIMIT_S ?? 75) * 1000;

const cudaScript = `
import json, sys, time
import torch
sys.path.insert(0, sys.argv[1])
import model as exported
batch, side, classes = int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
if not torch.cuda.is_available():
    print(json.dumps({"skipped": "torch.cuda.is_available() is False"})); sys.exit(0)
dev = torch.device("cuda")
torch.manual_seed(0)
net = exported.build_model().to(dev).train()
opt = torch.optim.Adam(net.parameters(), lr=1e-3)
loss_fn = torch.nn.CrossEntropyLoss(label_smoothing=0.1)
x = torch.rand(batch, 3, side, side, device=dev)
y = torch.arange(batch, device=dev) % classes
def step():
    opt.zero_grad(set_to_none=True)
    loss_fn(net(x), y).backward()
    opt.step()
for _ in range(5):
    step()
torch.cuda.synchronize()
t = time.perf_counter()
for _ in range(20):
    step()
torch.cuda.synchronize()
ms = (time.perf_counter() - t) / 20 * 1000
print(json.dumps({"samplesPerSec": batch * 1000 / ms, "device": torch.cuda.get_device_name(0), "version": torch.__version__}))
`;

function pytorchCuda(network: BenchNetwork, batchSize: number): string {
  const graph = benchNetwork(network);
  const net = prepareForTraining(graph, analyzeGraph(graph));
  if (!net.ok) return `no figure: ${net.error}`;
  const generated = generateExport({ graph, name: 'bench_network', target: 'pytorch' });
  if (!generated.ok) return `export failed: ${generated.problem}`;
  const dir = mkdtempSync(path.join(tmpdir(), 'netwright-gpu-bench-'));
  try {
    for (const f of generated.export.files) writeFileSync(path.join(dir, f.path), f.contents);
    writeFileSync(path.join(dir, 'cuda.py'), cudaScript);
    const args = [path.join(dir, 'cuda.py'), dir, String(batchSize), String(net.input.height), String(net.classes)];
    const run = spawnSync(PYTHON, args, { encoding: 'utf8', timeout: CASE_LIMIT_MS });
    if (run.status !== 0) return `no figure: ${run.error?.message ?? run.stderr.trim().split('\n').at(-1)}`;
    const r = JSON.parse(run.stdout.trim().split('\n').at(-1)!) as {
      samplesPerSec?: number;
      device?: string;
      version?: string;
      skipped?: string;
    };
    return r.samplesPerSec
      ? `${r.samplesPerSec.toFixed(1)} (torch ${r.version}, ${r.device})`
      : `no figure: ${r.skipped}`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const started = Date.now();
console.log(`# Netwright GPU training throughput (samples/s, Adam, label smoothing 0.1)\nmachine: ${machineLine()}`);
const cases: GpuCase[] = plans.flatMap((p) =>
  (['webgpu', 'webgl'] as const).map((backend) => ({ backend, ...p, timeoutMs: CASE_LIMIT_MS })),
);
const browser = await browserGpuThroughput('hardware', cases, (line) => console.log(`found: ${line}`));
const rows = plans.map((p) => {
  const cell = (backend: 'webgpu' | 'webgl') => {
    const r = browser[cases.findIndex((c) => c.backend === backend && c.network === p.network)]!;
    const software = /SwiftShader|llvmpipe/i.test(r.device) ? ' SOFTWARE' : '';
    return r.samplesPerSec === null ? `no figure: ${r.error}` : `${r.samplesPerSec.toFixed(1)}${software}`;
  };
  return [
    `${benchNetworkLabels[p.network]}, batch ${p.batchSize}`,
    cell('webgpu'),
    cell('webgl'),
    pytorchCuda(p.network, p.batchSize),
  ];
});
const devices = [...new Set(browser.map((r) => r.device).filter(Boolean))];
console.log(`browser devices: ${devices.join(' | ') || 'none reported'}`);
const header = ['network', 'WebGPU', 'WebGL', 'PyTorch CUDA'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
console.log(line(header));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const r of rows) console.log(line(r));
console.log(`\n${((Date.now() - started) / 1000).toFixed(0)} s in all`);

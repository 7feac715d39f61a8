import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeExportFiles } from '../../../electron/services/export/writeFiles';
import { generateExport, kerasWeightSpecs, prepareNetwork, type Tensor } from '../../../shared/export';
import { GraphBuilder } from '../../../shared/graph/builder';
import type { Graph } from '../../../shared/graph/types';
import { announceSkip, PYTHON, tempDir, torchCheck } from './helpers';

announceSkip('PyTorch train.py runs', torchCheck, "Install Debian's python3-torch (see .ci/run).");

function net(): Graph {
  const b = new GraphBuilder();
  let x = b.input([12, 12, 3]);
  x = b.add('Conv2D', { filters: 8, kernelSize: [3, 3], strides: [2, 2], useBias: false }, [x], 'conv');
  x = b.add('BatchNorm', { scale: false }, [x], 'bn');
  x = b.add('Activation', { activation: 'relu' }, [x], 'relu');
  x = b.add('GlobalAvgPool2D', {}, [x], 'pool');
  b.add('Dense', { units: 4, activation: 'softmax' }, [x], 'head');
  return b.build();
}

/** Weights of the right shapes (small constants), standing in for a model trained in Netwright. */
function trainedState(graph: Graph) {
  const prepared = prepareNetwork(graph, 'x');
  if (!prepared.ok) throw new Error('graph has errors');
  const fill = (shape: readonly number[], value: number): Tensor => ({
    shape,
    values: new Float32Array(shape.reduce((a, b) => a * b, 1)).fill(value),
  });
  const weights = new Map<string, Tensor>();
  for (const node of prepared.network.nodes.values()) {
    for (const spec of kerasWeightSpecs(node)) {
      weights.set(`${node.name}/${spec.suffix}`, fill(spec.shape, spec.suffix === 'moving_variance' ? 1 : 0.01));
    }
  }
  const reference = { inputs: [fill([1, 12, 12, 3], 0)], outputs: [fill([1, 4], 0.25)] };
  return { weights, reference };
}

function run(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}) {
  return new Promise<{ code: number | null; output: string }>((resolve) => {
    const child = spawn(PYTHON, args, { cwd, env: { ...process.env, OMP_NUM_THREADS: '1', ...env } });
    let output = '';
    child.stdout.on('data', (d) => {
      output += d;
    });
    child.stderr.on('data', (d) => {
      output += d;
    });
    child.on('close', (code) => resolve({ code, output }));
  });
}

describe.skipIf(!torchCheck.ok)('the exported PyTorch train.py', () => {
  let dir: string;

  beforeAll(async () => {
    dir = tempDir('train');
    const graph = net();
    const training = {
      optimizer: 'rmsprop' as const,
      learningRate: 0.01,
      schedule: 'step' as const,
      stepEpochs: 1,
      stepFactor: 0.1,
      weightDecay: 1e-4,
      batchSize: 16,
    };
    const result = generateExport({ graph, name: 'tiny', target: 'pytorch', training, trained: trainedState(graph) });
    if (!result.ok) throw new Error(JSON.stringify(result));
    await writeExportFiles(dir, result.export.files);
  });

  it('trains in one process, starting from the exported weights, and saves a state_dict', async () => {
    const { code, output } = await run(['train.py', '--synthetic', '--samples', '48', '--epochs', '2'], dir);
    expect(output).toMatch(/epoch 1\/2: loss \d/);
    expect(output).toMatch(/epoch 2\/2: loss \d.*next learning rate 0\.0001/);
    expect(code).toBe(0);
    expect(existsSync(path.join(dir, 'trained.pt'))).toBe(true);
  }, 120_000);

  it('trains with DistributedDataParallel in two processes (the environment torchrun sets, gloo)', async () => {
    const port = String(29_500 + Math.floor(Math.random() * 1000));
    const common = { MASTER_ADDR: '127.0.0.1', MASTER_PORT: port, WORLD_SIZE: '2' };
    const args = ['train.py', '--synthetic', '--samples', '32', '--epochs', '1', '--save', 'ddp.pt'];
    const ranks = await Promise.all(
      [0, 1].map((rank) => run(args, dir, { ...common, RANK: String(rank), LOCAL_RANK: String(rank) })),
    );
    expect(
      ranks.map((r) => r.code),
      ranks.map((r) => r.output).join('\n'),
    ).toEqual([0, 0]);
    expect(ranks[0]!.output).toMatch(/epoch 1\/1: loss \d/);
    expect(ranks[1]!.output).toBe('');
    expect(existsSync(path.join(dir, 'ddp.pt'))).toBe(true);
  }, 120_000);

  it('RMSpropTF puts epsilon inside the square root, as TensorFlow does', () => {
    const script = [
      'import torch',
      'from train import RMSpropTF',
      'p = torch.nn.Parameter(torch.tensor([1.0]))',
      'opt = RMSpropTF([p], lr=0.1, alpha=0.9, eps=1.0)',
      'p.grad = torch.tensor([2.0])',
      'opt.step()',
      // ms = 0.1 * 4 = 0.4; step = 0.1 * 2 / sqrt(0.4 + 1.0)
      'expected = 1.0 - 0.1 * 2 / (0.4 + 1.0) ** 0.5',
      'assert abs(p.item() - expected) < 1e-6, (p.item(), expected)',
      'print("ok")',
    ].join('\n');
    const result = spawnSync(PYTHON, ['-c', script], { cwd: dir, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.stdout.trim()).toBe('ok');
  });
});

import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeGraph } from '../../../shared/analysis';
import type { Graph } from '../../../shared/graph/types';
import { getTemplate } from '../../../shared/templates';
import { buildGoogLeNet } from '../../../shared/templates/googlenet';
import { announceSkip, PYTHON, probe } from '../export/helpers';

const torchvisionCheck = probe(['-c', 'import torchvision']);
announceSkip('torchvision counts of the lecture templates', torchvisionCheck, "Install Debian's python3-torchvision.");

/** Counts torchvision models and PyTorch definitions of ZFNet and BN-Inception (see the script's docstring). */
const SCRIPT = path.join(__dirname, 'torchCounts.py');

interface TorchLayer {
  shape: number[];
  weights: number;
  macs: number;
}
interface TorchCounts {
  trainable: number;
  nonTrainable: number;
  macs: number;
  layers: TorchLayer[];
}

const template = (id: string) => () => getTemplate(id)!.build();

/** Label, our graph, and its name in torchCounts.py (a torchvision model, or a definition there). */
const MODELS: [string, () => Graph, string][] = [
  ['alexnet', template('alexnet'), 'alexnet'],
  ['vgg19', template('vgg19'), 'vgg19'],
  ['googlenet', template('googlenet'), 'googlenet'],
  ['googlenet with auxiliary heads', () => buildGoogLeNet({ auxHeads: true }), 'googlenet_aux'],
  ['zfnet', template('zfnet'), 'zfnet'],
  ['bn-inception', template('bn-inception'), 'bn_inception'],
];

/** The template's convolutions and dense layers in graph order, counted as the script counts them. */
function weightLayers(graph: Graph): TorchLayer[] {
  const a = analyzeGraph(graph);
  return graph.nodes
    .filter((n) => n.kind === 'Conv2D' || n.kind === 'Dense')
    .map((n) => {
      const node = a.nodes[n.id]!;
      const bias = n.params.useBias === false ? 0 : (node.outputShape!.at(-1) ?? 0);
      return { shape: [...node.outputShape!], weights: node.paramCount.total - bias, macs: node.macs };
    });
}

describe.skipIf(!torchvisionCheck.ok)('lecture templates against PyTorch, counted here', () => {
  let reference: Record<string, TorchCounts> = {};
  // One Python process for every model: importing torch dominates its time.
  beforeAll(() => {
    const run = spawnSync(PYTHON, [SCRIPT, ...MODELS.map(([, , name]) => name)], {
      encoding: 'utf8',
      timeout: 300_000,
    });
    expect(run.status, run.stderr).toBe(0);
    reference = JSON.parse(run.stdout) as Record<string, TorchCounts>;
  }, 300_000);

  it.each(MODELS)('%s: the same parameters, batch-norm statistics and multiply-adds', (_label, build, name) => {
    const totals = analyzeGraph(build()).totals;
    const torch = reference[name]!;
    expect({
      trainable: totals.trainableParams,
      nonTrainable: totals.nonTrainableParams,
      macs: totals.macs,
    }).toEqual({ trainable: torch.trainable, nonTrainable: torch.nonTrainable, macs: torch.macs });
  });

  it.each(MODELS)('%s: layer by layer, the same output shapes, weights and multiply-adds', (_label, build, name) => {
    expect(weightLayers(build())).toEqual(reference[name]!.layers);
  });
});

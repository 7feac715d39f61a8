import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeGraph } from '../../../../shared/analysis';
import { importOnnx } from '../../../../shared/import/onnx';
import { announceSkip, PYTHON, probe, tempDir } from '../../export/helpers';

const check = probe(['-c', 'import torch, torchvision, onnx']);
announceSkip(
  'ONNX import of torchvision exports',
  check,
  "Install Debian's python3-torch, python3-torchvision and python3-onnx.",
);

interface Reference {
  file: string;
  params: number;
  buffers: number;
  macs: number;
}

const MODELS = [
  'resnet18',
  'resnet50',
  'mobilenet_v2',
  'mobilenet_v3_small',
  'googlenet',
  'inception_v3:299',
  'vgg16',
  'alexnet',
  'squeezenet1_1',
  'densenet121',
  'efficientnet_b0',
  // The opsets' differences these models meet: Clip's bounds as attributes or inputs, HardSwish (14+).
  'mobilenet_v2@11',
  'squeezenet1_1@11',
  'mobilenet_v3_small@17',
];

/**
 * Models with operators that have no layer kind: their counts would be complete, but marked
 * partial. None since Multiply, HardSigmoid and HardSwish have kinds (squeeze-and-excitation's
 * x · s, opset 13's hardswish as x · HardSigmoid(x), efficientnet's swish as x · sigmoid(x)).
 */
const PENDING: Record<string, string[]> = {};

/** One Python process exports every model (weights left out) and counts it from its modules. */
function exportAll(mode: 'train' | 'eval', names: string[]): Record<string, Reference> {
  const dir = tempDir(`onnx-${mode}`);
  const script = path.join(import.meta.dirname, 'exportTorchvision.py');
  const run = spawnSync(PYTHON, [script, dir, mode, ...names], { encoding: 'utf8', timeout: 600_000 });
  if (run.status !== 0) throw new Error(`torch.onnx.export failed: ${run.stderr.split('\n').slice(-4).join(' ')}`);
  return JSON.parse(run.stdout.trim().split('\n').at(-1)!) as Record<string, Reference>;
}

function importFile(file: string) {
  const result = importOnnx(new Uint8Array(readFileSync(file)));
  if (!result.ok) throw new Error(result.error);
  return { result, analysis: analyzeGraph(result.graph) };
}

describe.skipIf(!check.ok)('torchvision models exported to ONNX', () => {
  let train: Record<string, Reference> = {};
  let evalMode: Record<string, Reference> = {};
  beforeAll(() => {
    train = exportAll('train', MODELS);
    evalMode = exportAll('eval', ['resnet18']);
  }, 600_000);

  it.each(MODELS.map((m) => m.replace(/:\d+/, '')))(
    '%s (opset 13 unless named; training mode, batch norm kept): torchvision’s parameters and the hook-counted MACs',
    (name) => {
      const reference = train[name]!;
      const { result, analysis } = importFile(reference.file);
      expect({
        trainable: analysis.totals.trainableParams,
        nonTrainable: analysis.totals.nonTrainableParams,
        macs: analysis.totals.macs,
      }).toEqual({ trainable: reference.params, nonTrainable: reference.buffers, macs: reference.macs });
      expect(analysis.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      const placeholders = new Set(
        result.graph.nodes.filter((n) => n.kind === 'Unsupported').map((n) => String(n.params.onnxOp)),
      );
      // Those operators hold no weights, so the counts are whole; the analysis still says they are a lower bound.
      expect([...placeholders].sort()).toEqual(PENDING[name] ?? []);
      expect(analysis.partial).toBe(name in PENDING);
      expect(result.warnings.map((w) => w.code)).toContain('parameter-convention');
      expect(result.warnings.map((w) => w.code)).not.toContain('batch-norm-folded');
    },
  );

  it('resnet18 exported in eval mode: batch norm folded into the convs, counted as the file holds it, and said', () => {
    const reference = evalMode.resnet18!;
    const { result, analysis } = importFile(reference.file);
    const note = result.warnings.find((w) => w.code === 'batch-norm-folded');
    expect(note?.severity).toBe('info');
    expect(note?.message).toContain('20 convolutions');
    // Each of the 20 batch norms (4,800 channels) leaves γ, β and two statistics; its conv gains a bias.
    expect(analysis.totals).toMatchObject({
      trainableParams: reference.params - 4800 * 2 + 4800,
      nonTrainableParams: 0,
      macs: reference.macs,
    });
  });
});

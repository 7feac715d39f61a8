import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { transpose } from '../../../../shared/export';
import { importOnnxWithWeights } from '../../../../shared/import/onnx';
import { layerActivations, onnxLayersModel } from '../../../../trainer/features';
import { announceSkip, PYTHON, probe, tempDir } from '../../export/helpers';
import { maxAbsDifference, runOnnx, runTfjs } from '../../export/onnx/helpers';
import { useCpu } from '../../train/helpers';

const check = probe(['-c', 'import torch, torchvision']);
announceSkip('ONNX import with weights', check, "Install Debian's python3-torch and python3-torchvision.");

interface Exported {
  file: string;
  input: string;
  inputShape: number[];
  hook: string;
  hookShape: number[];
  bare?: string;
}

/** Per model: the layer whose maps must equal the hooked PyTorch module's output. */
const HOOKED: Record<string, string> = {
  small_cnn: 'bn2/BatchNormalization',
  depthwise: 'act/PRelu',
  flat_head: 'act/Relu',
  resnet18: 'layer1/layer1.1/relu_1/Relu',
};

const floats = (file: string) => {
  const bytes = readFileSync(file);
  return new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
};

/** NCHW as Netwright holds images, NHWC. */
const nhwc = (values: Float32Array, shape: number[]) => transpose({ shape, values }, [0, 2, 3, 1]);

describe.skipIf(!check.ok)('ONNX files exported by PyTorch with their weights', () => {
  let exported: Record<string, Exported> = {};
  beforeAll(async () => {
    await useCpu();
    const dir = tempDir('onnx-weights');
    const script = path.join(import.meta.dirname, 'exportWithWeights.py');
    const run = spawnSync(PYTHON, [script, dir], { encoding: 'utf8', timeout: 300_000 });
    if (run.status !== 0) throw new Error(`torch.onnx.export failed: ${run.stderr.split('\n').slice(-4).join(' ')}`);
    exported = JSON.parse(run.stdout.trim().split('\n').at(-1)!) as Record<string, Exported>;
  }, 300_000);

  it.each(Object.keys(HOOKED))(
    '%s: TF.js with the imported weights computes what onnxruntime does, and the maps PyTorch does',
    async (name) => {
      const e = exported[name]!;
      const bytes = new Uint8Array(readFileSync(e.file));
      const model = onnxLayersModel(tf, bytes, `${name}.onnx`);
      try {
        const input = floats(e.input);
        const [ours] = runTfjs(tf, model, [nhwc(input, e.inputShape)]);
        const theirs = await runOnnx(bytes, [nhwc(input, e.inputShape)], [e.inputShape.slice(1)]);
        expect(ours!.shape).toEqual(theirs[0]!.shape);
        expect(maxAbsDifference([ours!], theirs)).toBeLessThan(1e-4);
        // The output is not trivially small: the bound above means something.
        expect(Math.max(...Array.from(theirs[0]!.values, Math.abs))).toBeGreaterThan(1e-2);

        const maps = layerActivations(tf, model, HOOKED[name]!, nhwc(input, e.inputShape).values);
        const expected = nhwc(floats(e.hook), e.hookShape);
        expect([1, maps.height, maps.width, maps.channels]).toEqual([...expected.shape]);
        expect(maxAbsDifference([{ shape: expected.shape, values: maps.values }], [expected])).toBeLessThan(1e-4);
      } finally {
        model.dispose();
      }
    },
    120_000,
  );

  it('folds of batch norm into convolutions keep the weights the file holds (eval-mode export)', () => {
    const result = importOnnxWithWeights(new Uint8Array(readFileSync(exported.resnet18!.file)));
    if (!result.ok) throw new Error(result.error);
    expect(result.imported.warnings.map((w) => w.code)).toContain('batch-norm-folded');
    const conv = result.layers.find((l) => l.layer === 'conv1/Conv')!;
    expect(conv.weights.map((w) => [w.name, w.shape])).toEqual([
      ['kernel', [7, 7, 3, 64]],
      ['bias', [64]],
    ]);
  });

  it('a file exported without its weights gets a message saying how to export it', () => {
    const bare = new Uint8Array(readFileSync(exported.small_cnn!.bare!));
    expect(importOnnxWithWeights(bare)).toEqual({
      ok: false,
      error: 'This ONNX file holds no weights: export it with export_params=True (torch.onnx.export’s default).',
    });
    expect(() => onnxLayersModel(tf, bare, 'bare.onnx')).toThrow(/^bare\.onnx: This ONNX file holds no weights/);
  });
});

import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeExportFiles } from '../../../electron/services/export/writeFiles';
import { generateExport } from '../../../shared/export';
import { compileGraph } from '../../../trainer/compile/compile';
import { importFixture } from '../import/helpers';
import { announceSkip, runProbe, type StructureResult, structureCase, tempDir, torchCheck } from './helpers';

announceSkip(
  'PyTorch export of the Keras Applications fixtures',
  torchCheck,
  "Install Debian's python3-torch (see .ci/run).",
);

/** Keras's model.summary() counts (test/unit/import/applications.test.ts says where they come from). */
const NETWORKS = [
  ['efficientnet_b0.keras29.json', 5_288_548, 42_023],
  ['efficientnet_b0.keras210.json', 5_288_548, 42_023],
  ['mobilenet_v3_small.keras29.json', 2_542_856, 12_112],
  ['nasnet_mobile.keras29.json', 5_289_978, 36_738],
] as const;

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('the imported Keras Applications compile and export whole (no partial network)', () => {
  it.each(NETWORKS)(
    '%s compiles in TF.js with Keras’s parameter counts, trainable and non-trainable',
    (file, trainable, nonTrainable) => {
      const { model } = compileGraph(tf, importFixture(file).graph);
      const size = (weights: tf.LayerVariable[]) =>
        weights.reduce((n, w) => n + tf.util.sizeFromShape(w.shape as number[]), 0);
      expect(model.countParams()).toBe(trainable + nonTrainable);
      expect(size(model.trainableWeights)).toBe(trainable);
      expect(size(model.nonTrainableWeights)).toBe(nonTrainable);
      model.dispose();
    },
  );

  it.skipIf(!torchCheck.ok)(
    'PyTorch builds all three with Keras’s counts (trainable = parameters, non-trainable = buffers)',
    async () => {
      const root = tempDir('applications');
      const cases = [];
      for (const [file] of NETWORKS) {
        const generated = generateExport({ graph: importFixture(file).graph, name: file, target: 'pytorch' });
        if (!generated.ok) throw new Error(JSON.stringify(generated));
        const dir = path.join(root, file.split('.')[0]!);
        await writeExportFiles(dir, generated.export.files);
        cases.push(structureCase(dir, generated.export.network, generated.export.modulePaths!));
        expect(generateExport({ graph: importFixture(file).graph, name: file, target: 'keras' }).ok).toBe(true);
      }
      const results = runProbe<StructureResult>(cases);
      for (const [i, [file, trainable, nonTrainable]] of NETWORKS.entries()) {
        const r = results[i]!;
        expect(r.error, file).toBeUndefined();
        expect({ file, trainable: r.trainable, nonTrainable: r.nonTrainable, finite: r.finite }).toEqual({
          file,
          trainable,
          nonTrainable,
          finite: true,
        });
        expect(r.outputs).toEqual([[1000]]);
      }
    },
    300_000,
  );
});

import { spawnSync } from 'node:child_process';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { exportTrainedModel } from '../../../electron/services/export';
import { writeExportFiles } from '../../../electron/services/export/writeFiles';
import { analyzeGraph } from '../../../shared/analysis';
import { generateExport } from '../../../shared/export';
import type { Graph } from '../../../shared/graph/types';
import { importKerasJson } from '../../../shared/import';
import { compileGraph } from '../../../trainer/compile/compile';
import { sharedConv, sharedTower, siameseDense } from '../import/sharedFixtures';
import {
  announceSkip,
  type CheckResult,
  maxDifference,
  PYTHON,
  pythonCheck,
  randomizeWeights,
  runProbe,
  type StructureResult,
  structureCase,
  tempDir,
  torchCheck,
} from './helpers';

announceSkip('PyTorch export of shared layers', torchCheck, "Install Debian's python3-torch (see .ci/run).");

function imported(text: string): Graph {
  const r = importKerasJson(text);
  if (!r.ok) throw new Error(r.error);
  return r.graph;
}

const cases: [string, () => Graph][] = [
  ['siamese Dense', () => imported(siameseDense())],
  ['Conv2D at two scales', () => imported(sharedConv())],
  ['nested model applied twice', () => imported(sharedTower())],
];

describe('exports of shared layers reuse one module', () => {
  it.skipIf(!pythonCheck.ok)('Keras: every call applies shared_layer(), one object per name per build', () => {
    const result = generateExport({ graph: imported(sharedTower()), name: 'pair', target: 'keras' });
    if (!result.ok) throw new Error(JSON.stringify(result));
    const code = String(result.export.files.find((f) => f.path === 'model.py')!.contents);
    const calls = code.split('\n').filter((line) => line.includes('shared_layer(layers.'));
    // conv, bn and pool, twice each, all built under the first call's names.
    expect(calls).toHaveLength(6);
    expect(calls.filter((l) => l.includes('name="tower/conv"'))).toHaveLength(2);
    expect(code).not.toMatch(/name="tower#2\//);
    expect(code).toMatch(/def build_model\(\):\n {4}"""[^\n]*"""\n {4}SHARED_LAYERS\.clear\(\)/);
    const parse = spawnSync(PYTHON, ['-c', 'import ast, sys; ast.parse(sys.stdin.read())'], { input: code });
    expect(parse.status).toBe(0);
  });

  it.skipIf(!torchCheck.ok)(
    'PyTorch: parameters() counts as Keras does, and trained weights give TF.js’s outputs',
    async () => {
      await tf.setBackend('cpu');
      const root = tempDir('shared');
      const structure: ReturnType<typeof structureCase>[] = [];
      const checks: string[] = [];
      for (const [i, [name, build]] of cases.entries()) {
        const graph = build();
        const generated = generateExport({ graph, name: `shared${i}`, target: 'pytorch' });
        if (!generated.ok) throw new Error(JSON.stringify(generated));
        const dir = path.join(root, `structure-${i}`);
        await writeExportFiles(dir, generated.export.files);
        structure.push(structureCase(dir, generated.export.network, generated.export.modulePaths!));

        const { model } = compileGraph(tf, graph);
        randomizeWeights(tf, model, 11 + i);
        const outDir = path.join(root, `weights-${i}`);
        const outcome = await exportTrainedModel(tf, model, { graph, name, target: 'pytorch', outDir });
        model.dispose();
        if (!outcome.ok) throw new Error(`${name}: ${JSON.stringify(outcome.diagnostics)}`);
        checks.push(outDir);
      }
      const results = runProbe<StructureResult | CheckResult>([
        ...structure,
        ...checks.map((dir) => ({ dir, mode: 'check' as const })),
      ]);
      for (const [i, [name, build]] of cases.entries()) {
        const totals = analyzeGraph(build()).totals;
        const s = results[i] as StructureResult;
        expect(s.error, name).toBeUndefined();
        expect({ name, trainable: s.trainable, nonTrainable: s.nonTrainable }).toEqual({
          name,
          trainable: totals.trainableParams,
          nonTrainable: totals.nonTrainableParams,
        });
        const c = results[cases.length + i] as CheckResult;
        expect(c.error, name).toBeUndefined();
        expect(c.exitCode, `${name}: ${c.stdout}`).toBe(0);
        expect(maxDifference(c.stdout)).toBeLessThanOrEqual(1e-4);
      }
    },
    300_000,
  );
});

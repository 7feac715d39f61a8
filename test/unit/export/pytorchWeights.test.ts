import { writeFileSync } from 'node:fs';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/run';
import { exportTrainedModel } from '../../../electron/services/export';
import { createProjectFile, serializeProject } from '../../../shared/graph/projectFile';
import type { Graph } from '../../../shared/graph/types';
import { getTemplate } from '../../../shared/templates';
import { buildInceptionV3 } from '../../../shared/templates/inceptionV3';
import { buildMobileNetV1 } from '../../../shared/templates/mobilenetV1';
import { buildResNet50 } from '../../../shared/templates/resnet50';
import { buildVgg16 } from '../../../shared/templates/vgg16';
import { compileGraph } from '../../../trainer/compile/compile';
import {
  announceSkip,
  type CheckResult,
  maxDifference,
  randomizeWeights,
  runProbe,
  saveTfjsModel,
  tempDir,
  torchCheck,
  withLinearOutputs,
} from './helpers';

announceSkip('PyTorch weight checks', torchCheck, "Install Debian's python3-torch (see .ci/run).");

const template = (id: string) => getTemplate(id)!.build();

/**
 * Trained weights: TF.js models with random weights (cpu backend), exported with
 * exportTrainedModel, and each export's own check.py run by PyTorch. The outputs must
 * agree within 1e-4. Graphs ending in softmax are also checked on their logits, where a
 * conversion mistake cannot hide in saturated probabilities. The large networks run at
 * small input sizes with 10 classes: the same layers, seconds instead of minutes on
 * TF.js's cpu backend (the structure test covers them at full size).
 */
const cases: [string, () => Graph][] = [
  ['small-inception', () => template('small-inception')],
  ['small-inception, logits', () => withLinearOutputs(template('small-inception'))],
  ['mobilenet-v1 at 128×128, logits', () => withLinearOutputs(buildMobileNetV1({ size: 128 }))],
  ['inception-a', () => template('inception-a')],
  ['inception-b', () => template('inception-b')],
  ['inception-c', () => template('inception-c')],
  ['inception-reduction-a', () => template('inception-reduction-a')],
  ['inception-reduction-b', () => template('inception-reduction-b')],
  ['inception-v3 at 75×75, logits', () => withLinearOutputs(buildInceptionV3({ size: 75, classes: 10 }))],
  ['resnet50 at 32×32, logits', () => withLinearOutputs(buildResNet50({ size: 32, classes: 10 }))],
  ['vgg16 at 32×32, logits', () => withLinearOutputs(buildVgg16({ size: 32, classes: 10 }))],
];

describe.skipIf(!torchCheck.ok)('exported trained weights give TF.js’s outputs in PyTorch', () => {
  const results = new Map<string, CheckResult>();
  let cliDir = '';

  beforeAll(async () => {
    await tf.setBackend('cpu');
    const root = tempDir('weights');
    const dirs: string[] = [];
    for (const [i, [name, build]] of cases.entries()) {
      const graph = build();
      const { model } = compileGraph(tf, graph);
      randomizeWeights(tf, model, 100 * i + 1);
      const outDir = path.join(root, `case-${i}`);
      const outcome = await exportTrainedModel(tf, model, { graph, name, target: 'pytorch', outDir });
      model.dispose();
      if (!outcome.ok) throw new Error(`${name}: ${JSON.stringify(outcome.diagnostics)}`);
      dirs.push(outDir);
    }

    // The command-line path: a saved model.json + weights.bin, read back with --weights.
    const graph = template('small-inception');
    const { model } = compileGraph(tf, graph);
    randomizeWeights(tf, model, 7);
    const saved = path.join(root, 'saved-model');
    await saveTfjsModel(tf, model, saved);
    model.dispose();
    const project = path.join(root, 'small.netwright');
    writeFileSync(project, serializeProject(createProjectFile('small', graph)));
    cliDir = path.join(root, 'cli');
    const quiet = { out: () => {}, err: () => {} };
    const code = await runCli(['export', project, '--to', 'pytorch', '--out', cliDir, '--weights', saved], quiet);
    if (code !== 0) throw new Error(`netwright export --weights exited with ${code}`);
    dirs.push(cliDir);

    runProbe<CheckResult>(dirs.map((dir) => ({ dir, mode: 'check' }))).forEach((r, i) => {
      results.set(i < cases.length ? cases[i]![0] : 'cli', r);
    });
    const table = [...results].map(([name, r]) => `  ${name}: ${maxDifference(r.stdout)}`).join('\n');
    console.log(`max |PyTorch - TF.js| per export:\n${table}`);
  }, 600_000);

  for (const [name] of cases) {
    it(`${name}: check.py passes (max difference ≤ 1e-4)`, () => {
      const result = results.get(name)!;
      expect(result.error).toBeUndefined();
      expect(result.stdout).toMatch(/OK/);
      expect(maxDifference(result.stdout)).toBeLessThanOrEqual(1e-4);
      expect(result.exitCode).toBe(0);
    });
  }

  it('netwright export --weights DIR reads a saved TF.js model and its check passes', () => {
    const result = results.get('cli')!;
    expect(result.error).toBeUndefined();
    expect(result.exitCode).toBe(0);
    expect(maxDifference(result.stdout)).toBeLessThanOrEqual(1e-4);
  });
});

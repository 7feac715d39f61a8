import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/run';
import { analyzeGraph } from '../../../shared/analysis';
import { parseVariants } from '../../../shared/experiments';
import { GraphBuilder } from '../../../shared/graph/builder';
import { createProjectFile, serializeProject } from '../../../shared/graph/projectFile';
import type { Graph } from '../../../shared/graph/types';
import type { Language } from '../../../shared/i18n';
import { applyEverything } from '../../../shared/transforms';

let file: string;
let graph: Graph;
const pick = (t: { params: number; macs: number }) => ({ params: t.params, macs: t.macs });

/** A 5×5 conv in front of the head: something to factorize, small enough to train in seconds on cpu. */
beforeAll(async () => {
  process.env.NETWRIGHT_BACKEND = 'cpu'; // the worker inherits it
  await tf.setBackend('cpu');
  const b = new GraphBuilder();
  let x = b.input([8, 8, 3]);
  x = b.add('Conv2D', { filters: 4, kernelSize: [5, 5], padding: 'same', activation: 'relu' }, [x], 'conv5x5');
  x = b.add('Flatten', {}, [x]);
  b.add('Dense', { units: 3, activation: 'softmax' }, [x], 'predictions');
  graph = b.build();
  file = path.join(mkdtempSync(path.join(tmpdir(), 'netwright-experiment-')), 'five.netwright');
  writeFileSync(file, serializeProject(createProjectFile('five', graph)));
});

async function experimentIn(language: Language, ...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(['experiment', ...args], { out: (t) => out.push(t), err: (t) => err.push(t), language });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const experiment = (...args: string[]) => experimentIn('en', ...args);

describe('netwright experiment', () => {
  it('trains the original, factorized and smoothed variants alike and prints the promised JSON', async () => {
    const r = await experiment(
      file,
      '--epochs',
      '1',
      '--samples',
      '48',
      '--classes',
      '3',
      '--batch-size',
      '8',
      '--json',
    );
    expect(r.err).not.toMatch(/error|failed/i);
    expect(r.code).toBe(0);
    const { variants } = JSON.parse(r.out) as { variants: Record<string, unknown>[] };
    expect(variants.map((v) => v.name)).toEqual(['original', 'factorized', 'smoothing=0.1']);
    for (const v of variants) {
      expect(Object.keys(v).sort()).toEqual([
        'ece',
        'macs',
        'msPerStep',
        'name',
        'params',
        'runId',
        'status',
        'valAccuracy',
      ]);
      expect(v).toMatchObject({ status: 'completed' });
      expect(v.msPerStep).toBeGreaterThan(0);
      expect(v.valAccuracy).toBeGreaterThanOrEqual(0);
      expect(v.ece).toBeGreaterThanOrEqual(0);
    }
    // The factorized variant is what factorize --all makes of it; smoothing changes no weights.
    const factorized = applyEverything(graph);
    if (!factorized.ok) throw new Error(factorized.diagnostic.message);
    expect(variants[0]).toMatchObject(pick(analyzeGraph(graph).totals));
    expect(variants[1]).toMatchObject(pick(factorized.after));
    expect(variants[2]).toMatchObject(pick(analyzeGraph(graph).totals));
    expect(variants[1]!.macs).toBeLessThan(variants[0]!.macs as number);
  }, 120_000);

  it("says why a variant did not train, and its status, in the output's language", async () => {
    const b = new GraphBuilder();
    let x = b.input([8, 8, 3]);
    x = b.add('Conv2D', { filters: 4, kernelSize: [5, 5], padding: 'same' }, [x]);
    x = b.add('Flatten', {}, [x]);
    b.add('Dense', { units: 3, activation: 'relu' }, [x], 'scores');
    const relu = path.join(path.dirname(file), 'relu.netwright');
    writeFileSync(relu, serializeProject(createProjectFile('relu', b.build())));
    const de = await experimentIn('de', relu, '--variants', 'original,smoothing=0.1', '--epochs', '1');
    expect(de.code).toBe(1);
    expect(de.out).toMatch(/^original\s.*\sfehlgeschlagen$/m);
    expect(de.err).toContain('original: scores endet in einer relu-Aktivierung; das Training zur Klassifikation');
    const en = await experiment(relu, '--variants', 'original,smoothing=0.1', '--epochs', '1');
    expect(en.out).toMatch(/^original\s.*\sfailed$/m);
    expect(en.err).toContain('original: scores ends in a relu activation; classification training needs softmax');
  });

  it('names a bad variant list in one line (exit 2)', async () => {
    const r = await experiment(file, '--variants', 'original,pruned');
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      'netwright: --variants: Unknown variant "pruned": use original, factorized, smoothing=EPS, or a + of them (factorized+smoothing=0.1).',
    );
  });
});

describe('variant lists', () => {
  it('reads combinations and refuses what it cannot train', () => {
    expect(parseVariants('original, factorized+smoothing=0.1')).toEqual({
      ok: true,
      variants: [
        { name: 'original', factorized: false },
        { name: 'factorized+smoothing=0.1', factorized: true, labelSmoothing: 0.1 },
      ],
    });
    expect(parseVariants('smoothing=1')).toMatchObject({
      ok: false,
      error: 'Variant "smoothing=1": label smoothing must be in [0, 1), got 1.',
    });
    expect(parseVariants('original,original')).toMatchObject({
      ok: false,
      error: 'Variant "original" is listed twice.',
    });
  });
});

import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { runTrainingJob } from '../../../electron/services/train/runJob';
import { analyzeGraph } from '../../../shared/analysis';
import { GraphBuilder } from '../../../shared/graph/builder';
import type { Graph } from '../../../shared/graph/types';
import { importKerasJson } from '../../../shared/import';
import { compileGraph } from '../../../trainer/compile/compile';
import { sharedConv, sharedTower, siameseDense } from '../import/sharedFixtures';
import { options, useCpu } from '../train/helpers';

beforeAll(useCpu);

function imported(text: string): Graph {
  const r = importKerasJson(text);
  if (!r.ok) throw new Error(r.error);
  return r.graph;
}

/** One 3×3 conv 'c' (3 → 4) applied to an 8×8 image and to its pooled half ('c#2'), then a 3-class head. */
function twoScales(): Graph {
  const b = new GraphBuilder();
  const image = b.input([8, 8, 3]);
  const full = b.add('Conv2D', { filters: 4, kernelSize: [3, 3], padding: 'same', activation: 'relu' }, [image], 'c');
  const half = b.add('MaxPool2D', { poolSize: [2, 2], strides: [2, 2] }, [image], 'half');
  const again = b.add('Conv2D', { filters: 4, kernelSize: [3, 3], padding: 'same', activation: 'relu' }, [half], 'c#2');
  const gaps = [full, again].map((x, i) => b.add('GlobalAvgPool2D', {}, [x], `gap${i}`));
  const both = b.add('Concatenate', {}, gaps, 'both');
  b.add('Dense', { units: 3, activation: 'softmax' }, [both], 'predictions');
  const graph = b.build();
  graph.nodes = graph.nodes.map((n) => (n.id === again.id ? { ...n, sharesWeightsWith: full.id } : n));
  return graph;
}

describe('shared layers compile to one TF.js layer applied once per call', () => {
  it.each([
    ['siamese Dense', siameseDense, 77, 'embed'],
    ['Conv2D at two scales', sharedConv, 394, 'shared_conv'],
  ])('%s: countParams() equals the analysis, one layer with two calls', (_, text, params, shared) => {
    const graph = imported(text());
    const { model } = compileGraph(tf, graph);
    expect(model.countParams()).toBe(params);
    expect(analyzeGraph(graph).totals.params).toBe(params);
    expect(model.layers.map((l) => l.name)).not.toContain(`${shared}#2`);
    expect(model.getLayer(shared).inboundNodes).toHaveLength(2);
    model.dispose();
  });

  it('a nested model applied twice: its layers once each, 146 parameters', () => {
    const { model } = compileGraph(tf, imported(sharedTower()));
    expect(model.countParams()).toBe(146);
    expect(model.layers.filter((l) => l.name.startsWith('tower#2'))).toEqual([]);
    model.dispose();
  });

  it('training moves the one set of weights both calls use: the two calls stay identical', async () => {
    const graph = twoScales();
    const hooks = {
      control: { state: () => 'run' as const },
      onStatus() {},
      onDataset() {},
      onBatch() {},
      onEpoch() {},
    };
    const outcome = await runTrainingJob(
      tf,
      {
        graph,
        options: options({ epochs: 2, optimizer: 'sgd', learningRate: 0.1 }),
        memoryBudget: { bytes: 2 ** 30, label: '1 GiB' },
      },
      hooks,
    );
    expect(outcome.status).toBe('completed');
    const names = outcome.model!.weightSpecs.map((w) => w.name);
    // c's kernel and bias once (no c#2 weights), then the head: 4·27 + 4 + 8·3 + 3 = 139 values.
    expect(names.filter((n) => n.includes('c#2'))).toEqual([]);
    expect(names.filter((n) => /(^|\/)c\/(kernel|bias)$/.test(n))).toHaveLength(2);
    const named = tf.io.decodeWeights(outcome.model!.weightData, outcome.model!.weightSpecs);
    const total = Object.values(named).reduce((s, t) => s + t.size, 0);
    expect(total).toBe(139);
    const bias = Object.entries(named)
      .find(([n]) => /(^|\/)c\/bias$/.test(n))![1]
      .dataSync();
    expect([...bias].some((v) => v !== 0)).toBe(true);

    // Both branches compute with those weights: the trained model's second call equals the
    // first call's layer applied to the pooled image.
    const { model } = compileGraph(tf, graph);
    model.setWeights(outcome.model!.weightSpecs.map((s) => named[s.name]!));
    const image = tf.randomUniform([1, 8, 8, 3], 0, 1, 'float32', 3) as tf.Tensor4D;
    const conv = model.getLayer('c');
    const viaSecondCall = tf.model({
      inputs: model.inputs,
      outputs: model.getLayer('gap1').output as tf.SymbolicTensor,
    });
    const direct = conv.apply(tf.maxPool(image, 2, 2, 'valid')) as tf.Tensor;
    const expected = direct.mean([1, 2]);
    const actual = viaSecondCall.predict(image) as tf.Tensor;
    expect(Math.max(...(actual.sub(expected).abs().dataSync() as Float32Array))).toBeLessThan(1e-6);
    model.dispose();
  }, 60_000);
});

import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { runTrainingJob } from '../../../electron/services/train/runJob';
import type { Graph } from '../../../shared/graph/types';
import { importFixture } from '../import/helpers';
import { options, quiet, useCpu } from '../train/helpers';

beforeAll(useCpu);

/**
 * One training step of each Keras Applications fixture through the real training job. At 224×224
 * a step of EfficientNetB0 takes minutes on the plain-JavaScript backend, so the input is 32×32,
 * the smallest size all three still fit (their paddings and croppings are fixed in the file).
 */
const SIDE = 32;

const withSide = (graph: Graph): Graph => ({
  ...graph,
  nodes: graph.nodes.map((n) => (n.kind === 'Input' ? { ...n, params: { ...n.params, shape: [SIDE, SIDE, 3] } } : n)),
});

// EfficientNetB0 is the one that needs our own Normalization and Subtract layers; MobileNetV3Small
// (~5 s) and NASNetMobile (~21 s) train through stock layers, which other tests cover.
describe('EfficientNetB0 trains in TF.js (one step, 32×32, cpu)', () => {
  it.each(['efficientnet_b0.keras29.json'])(
    '%s',
    async (file) => {
      const before = tf.memory().numTensors;
      const outcome = await runTrainingJob(
        tf,
        {
          graph: withSide(importFixture(file).graph),
          options: options({ epochs: 1, dataset: { kind: 'synthetic', samples: 2 }, batchSize: 2, validationSplit: 0 }),
          memoryBudget: { bytes: 2 ** 32, label: '' },
        },
        quiet,
      );
      expect(outcome.message).toBeNull();
      expect(outcome.status).toBe('completed');
      expect(tf.memory().numTensors).toBe(before);
    },
    180_000,
  );
});

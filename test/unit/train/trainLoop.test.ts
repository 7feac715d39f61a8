import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { type JobHooks, runTrainingJob, splitIndices } from '../../../electron/services/train/runJob';
import type { EpochMetrics, ResolvedTrainingOptions } from '../../../shared/training';
import type { ControlState } from '../../../trainer/control';
import { options, tinyConvNet, useCpu } from './helpers';

beforeAll(useCpu);

const budget = { bytes: 2 ** 30, label: '1 GiB' };

function recorder(onBatch?: (n: number, control: { state: ControlState }) => void) {
  const control = { state: 'run' as ControlState };
  const log = { batches: 0, losses: [] as number[], epochs: [] as EpochMetrics[], statuses: [] as string[] };
  const hooks: JobHooks = {
    control: { state: () => control.state },
    onStatus: (s) => log.statuses.push(s),
    onDataset: () => {},
    onBatch: (p) => {
      log.batches += 1;
      log.losses.push(p.loss);
      onBatch?.(log.batches, control);
    },
    onEpoch: (m) => log.epochs.push(m),
  };
  return { hooks, log };
}

async function train(o: ResolvedTrainingOptions, onBatch?: (n: number, control: { state: ControlState }) => void) {
  const { hooks, log } = recorder(onBatch);
  const outcome = await runTrainingJob(tf, { graph: tinyConvNet(), options: o, memoryBudget: budget }, hooks);
  return { outcome, log };
}

describe('the training loop (in-process, cpu)', () => {
  it('trains, validates, reports calibration, and leaves tf.memory() as it found it', async () => {
    const before = tf.memory().numTensors;
    const { outcome, log } = await train(options({ epochs: 3, labelSmoothing: 0.1, weightDecay: 1e-4 }));
    expect(outcome.status).toBe('completed');
    expect(tf.memory().numTensors).toBe(before);
    expect(log.epochs).toHaveLength(3);
    // Flat across epochs: the same number of live tensors after each one.
    expect(new Set(log.epochs.map((e) => e.numTensors)).size).toBe(1);
    const last = log.epochs.at(-1)!;
    expect(last.valLoss).toBeGreaterThan(0);
    expect(last.calibration!.bins).toHaveLength(15);
    expect(last.calibration!.samples).toBe(6); // 10% of 60
    expect(last.samplesPerSec).toBeGreaterThan(0);
    expect(outcome.model!.weightData.byteLength).toBeGreaterThan(0);
  });

  it.each([
    ['sgd', 0],
    ['sgd', 0.9],
    ['adam', 0],
    ['rmsprop', 0],
    ['rmsprop', 0.5],
  ])('leaks no tensor with %s (momentum %s)', async (optimizer, momentum) => {
    const before = tf.memory().numTensors;
    const { outcome } = await train(options({ optimizer, momentum, epochs: 1, schedule: 'cosine' }));
    expect(outcome.status).toBe('completed');
    expect(tf.memory().numTensors).toBe(before);
  });

  it('exports the trained weights with the softmax head restored, loadable by tf.loadLayersModel', async () => {
    const { outcome } = await train(options({ epochs: 1 }));
    const m = outcome.model!;
    const loaded = await tf.loadLayersModel(
      tf.io.fromMemory({
        modelTopology: m.modelTopology as object,
        weightSpecs: m.weightSpecs,
        weightData: m.weightData,
      }),
    );
    const head = loaded.getLayer('predictions').getConfig();
    expect(head.activation).toBe('softmax');
    const sums = tf.tidy(() => (loaded.predict(tf.ones([2, 8, 8, 3])) as tf.Tensor).sum(-1).arraySync() as number[]);
    for (const s of sums) expect(s).toBeCloseTo(1, 5);
    loaded.dispose();
  });

  it('repeats exactly with the same seed and differs with another', async () => {
    const a = await train(options({ seed: 11 }));
    const b = await train(options({ seed: 11 }));
    const c = await train(options({ seed: 12 }));
    expect(b.log.losses).toEqual(a.log.losses);
    expect(Buffer.from(b.outcome.model!.weightData).equals(Buffer.from(a.outcome.model!.weightData))).toBe(true);
    expect(c.log.losses).not.toEqual(a.log.losses);
  });

  it('stops within one batch of a cancel, keeping the model so far', async () => {
    const before = tf.memory().numTensors;
    const { outcome, log } = await train(options({ epochs: 5 }), (n, control) => {
      if (n === 2) control.state = 'cancel';
    });
    expect(log.batches).toBe(2);
    expect(outcome.status).toBe('cancelled');
    expect(outcome.message).toMatch(/Cancelled at epoch 1, batch 3 of 4/);
    expect(outcome.model).not.toBeNull();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('pauses between batches and goes on after resume', async () => {
    const { outcome, log } = await train(options({ epochs: 1 }), (n, control) => {
      if (n === 1) {
        control.state = 'pause';
        setTimeout(() => {
          control.state = 'run';
        }, 120);
      }
    });
    expect(outcome.status).toBe('completed');
    expect(log.statuses).toEqual(['running', 'paused', 'running']);
    expect(log.batches).toBe(4);
  });

  it('stops with an explanation when the loss becomes NaN or Inf (learning rate far too high)', async () => {
    // 32×32 inputs, SGD at 1000: 1.92, 6.9e6, 1.3e14, 1.4e22, 2.3e30, then NaN, one batch
    // before the 10× rule (five in a row, seven batches per epoch) would stop it.
    const before = tf.memory().numTensors;
    const o = options({ optimizer: 'sgd', learningRate: 1000, momentum: 0.9, epochs: 5 });
    const { hooks, log } = recorder();
    const outcome = await runTrainingJob(
      tf,
      {
        graph: tinyConvNet({ side: 32 }),
        options: { ...o, dataset: { kind: 'synthetic', samples: 120 } },
        memoryBudget: budget,
      },
      hooks,
    );
    expect(outcome.status).toBe('diverged');
    expect(outcome.message).toMatch(
      /^The loss became (NaN|Infinity) at epoch 1, batch 6 \(learning rate 1\.00e\+3\): training diverged\. The learning rate is probably too high: try 1\.0e\+2/,
    );
    expect(outcome.model).toBeNull();
    expect(log.losses.every(Number.isFinite)).toBe(true);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('stops when the loss stays above 10× its start, long before it overflows', async () => {
    // SGD at 30 on this net multiplies the loss by ~1e4 each batch; it overflows only after a dozen.
    const before = tf.memory().numTensors;
    const o = options({ optimizer: 'sgd', learningRate: 30, momentum: 0, epochs: 5 });
    const { hooks, log } = recorder();
    const outcome = await runTrainingJob(
      tf,
      { graph: tinyConvNet(), options: { ...o, dataset: { kind: 'synthetic', samples: 120 } }, memoryBudget: budget },
      hooks,
    );
    expect(outcome.status).toBe('diverged');
    // Seven batches per epoch: five in a row above the bound stop it in the first epoch.
    expect(outcome.message).toMatch(
      /^The loss reached \d\.\d\de\+\d+, above 10× its start \(\d\.\d\d\) for 5 batches in a row, at epoch 1, batch 6 \(learning rate 30\.0\): training diverged\. The learning rate is probably too high: try 3\.0,/,
    );
    expect(log.batches).toBe(5);
    expect(log.losses.every(Number.isFinite)).toBe(true);
    expect(outcome.model).toBeNull();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('a one-epoch run whose loss blew up ends diverged, not completed', async () => {
    // SGD at 30 on this net: 1.43, 57.9, 7.3e4, 6.0e8: finite, and only three batches above the bound.
    const { outcome, log } = await train(options({ optimizer: 'sgd', learningRate: 30, momentum: 0, epochs: 1 }));
    expect(log.losses.every(Number.isFinite)).toBe(true);
    expect(log.epochs).toHaveLength(1);
    expect(outcome.status).toBe('diverged');
    expect(outcome.message).toMatch(
      /^The loss reached 6\.\d\de\+8, above 10× its start \(1\.43\) for 3 batches in a row, at epoch 1, batch 4 /,
    );
  });

  it('fails with a message, not an exception, for data that does not fit the network', async () => {
    const { outcome } = await train(options({ dataset: { kind: 'synthetic', samples: 20, classes: 5 } }));
    expect(outcome).toMatchObject({ status: 'failed', failure: 'dataset' });
    expect(outcome.message).toMatch(/has 5 classes but the network outputs 3 class scores/);
  });

  it('refuses what would not fit the memory budget', async () => {
    const { hooks } = recorder();
    const outcome = await runTrainingJob(
      tf,
      { graph: tinyConvNet(), options: options(), memoryBudget: { bytes: 1000, label: '1000 bytes' } },
      hooks,
    );
    expect(outcome).toMatchObject({ status: 'failed', failure: 'memory' });
    expect(outcome.message).toMatch(/more than 1000 bytes/);
  });

  it('splits off the last share for validation, at least one sample', () => {
    const s = splitIndices(10, 0.25);
    expect([s.train.length, s.validation.length]).toEqual([7, 3]);
    expect(splitIndices(5, 0.01).validation.length).toBe(1);
    expect(splitIndices(5, 0).validation.length).toBe(0);
  });
});

import * as tf from '@tensorflow/tfjs';
import type { JobHooks } from '../../../electron/services/train/runJob';
import { GraphBuilder } from '../../../shared/graph/builder';
import type { Graph } from '../../../shared/graph/types';
import { type ResolvedTrainingOptions, resolveTrainingOptions } from '../../../shared/training';

/** Tests train on the plain-JavaScript backend: always there, deterministic, and small nets are fast on it. */
export async function useCpu(): Promise<typeof tf> {
  process.env.NETWRIGHT_BACKEND = 'cpu';
  await tf.setBackend('cpu');
  return tf;
}

/** A small conv net that still exercises conv, batch norm, pooling and a softmax head. */
export function tinyConvNet({ classes = 3, side = 8, activation = 'softmax' } = {}): Graph {
  const b = new GraphBuilder();
  let x = b.input([side, side, 3]);
  x = b.add('Conv2D', { filters: 4, kernelSize: [3, 3], padding: 'same', activation: 'relu' }, [x]);
  x = b.add('BatchNorm', {}, [x]);
  x = b.add('MaxPool2D', { poolSize: [2, 2], strides: [2, 2] }, [x]);
  x = b.add('Flatten', {}, [x]);
  x = b.add('Dropout', { rate: 0.2 }, [x]);
  b.add('Dense', { units: classes, activation }, [x], 'predictions');
  return b.build();
}

export function options(raw: Record<string, unknown> = {}): ResolvedTrainingOptions {
  const parsed = resolveTrainingOptions({
    dataset: { kind: 'synthetic', samples: 60 },
    epochs: 2,
    batchSize: 16,
    seed: 7,
    ...raw,
  });
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.options;
}

/** Hooks for a run nobody watches: never paused, nothing reported. */
export const quiet: JobHooks = {
  control: { state: () => 'run' },
  onStatus: () => {},
  onDataset: () => {},
  onBatch: () => {},
  onEpoch: () => {},
};

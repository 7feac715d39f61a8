import { describe, expect, it } from 'vitest';
import { resolveTrainingOptions } from '../../../shared/training';

const errorOf = (raw: unknown) => {
  const r = resolveTrainingOptions(raw);
  return r.ok ? null : r.error;
};

describe('training options', () => {
  it('fills every default, the learning rate per optimizer, and a seed', () => {
    const r = resolveTrainingOptions({}, () => 42);
    expect(r.ok && r.options).toMatchObject({
      dataset: { kind: 'synthetic', samples: 1000 },
      epochs: 5,
      batchSize: 32,
      labelSmoothing: 0,
      optimizer: 'adam',
      learningRate: 0.001,
      schedule: 'constant',
      validationSplit: 0.1,
      weightDecay: 0,
      batchNormStatistics: 'recompute',
      seed: 42,
    });
    const sgd = resolveTrainingOptions({ optimizer: 'sgd' });
    expect(sgd.ok && [sgd.options.learningRate, sgd.options.momentum]).toEqual([0.01, 0.9]);
  });

  it('uses the Inception v3 paper RMSProp settings: decay 0.9, ε 1.0, rate 0.045', () => {
    const r = resolveTrainingOptions({ optimizer: 'rmsprop' });
    expect(r.ok && r.options).toMatchObject({ rmspropDecay: 0.9, rmspropEpsilon: 1, learningRate: 0.045, momentum: 0 });
  });

  it('takes label smoothing in [0, 1) and names a bad value', () => {
    expect(errorOf({ labelSmoothing: 0 })).toBeNull();
    expect(errorOf({ labelSmoothing: 0.999 })).toBeNull();
    expect(errorOf({ labelSmoothing: 1 })).toBe('labelSmoothing: expected a label smoothing ε in [0, 1), got 1');
    expect(errorOf({ labelSmoothing: -0.1 })).toMatch(/got -0\.1$/);
    expect(errorOf({ labelSmoothing: '0.1' })).toMatch(/got "0\.1"$/);
  });

  it.each([
    [{ epochs: 0 }, /^epochs: .*got 0$/],
    [{ batchSize: 2.5 }, /^batchSize: .*got 2\.5$/],
    [{ learningRate: -1 }, /^learningRate: expected a positive learning rate, got -1$/],
    [{ optimizer: 'lbfgs' }, /^optimizer: expected one of 'sgd', 'adam', 'rmsprop', got "lbfgs"$/],
    [{ schedule: 'exp' }, /^schedule: .*got "exp"$/],
    [{ validationSplit: 0.95 }, /^validationSplit: .*got 0\.95$/],
    [{ weightDecay: -1 }, /^weightDecay: .*got -1$/],
    [{ seed: -3 }, /^seed: .*got -3$/],
    [{ momentum: 1 }, /^momentum: .*got 1$/],
    [{ stepFactor: 0 }, /^stepFactor: .*got 0$/],
    [{ dataset: { kind: 'imagenet' } }, /^dataset\.kind: expected a dataset kind.*got "imagenet"$/],
    [{ dataset: { kind: 'idx', path: '' } }, /^dataset\.path: .*got ""$/],
    [{ dataset: { kind: 'synthetic', samples: 0 } }, /^dataset\.samples: .*got 0$/],
    [{ dataset: { kind: 'synthetic', classes: 1 } }, /^dataset\.classes: .*got 1$/],
    [{ epochz: 3 }, /epochz/],
  ])('refuses %j with a message naming it', (raw, message) => {
    expect(errorOf(raw)).toMatch(message);
  });
});

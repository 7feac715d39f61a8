import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { GraphBuilder } from '../../../shared/graph/builder';
import { CompileError, compileGraph } from '../../../trainer/compile/compile';
import { bnNet } from './bnNet';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

function trainingStep(model: tf.LayersModel, xs: tf.Tensor, ys: tf.Tensor): number {
  return tf.tidy(
    () =>
      (tf.losses.softmaxCrossEntropy(ys, model.apply(xs, { training: true }) as tf.Tensor) as tf.Scalar).dataSync()[0]!,
  );
}

describe('compiling around tfjs 4.22 bugs', () => {
  it('trains a batch norm without scale or centre, exactly like one with gamma 1 and beta 0, and frees its stand-ins', () => {
    const xs = tf.randomNormal([4, 6, 6, 3], 0, 1, 'float32', 1);
    const ys = tf.oneHot(tf.tensor1d([0, 1, 2, 0], 'int32'), 3);
    const before = tf.memory().numTensors;
    const plain = compileGraph(tf, bnNet({ scale: false, center: false })).model;
    const full = compileGraph(tf, bnNet({})).model;
    expect(plain.countParams()).toBe(full.countParams() - 8);
    full.getLayer('conv').setWeights(plain.getLayer('conv').getWeights());
    full.getLayer('head').setWeights(plain.getLayer('head').getWeights());
    expect(trainingStep(plain, xs, ys)).toBeCloseTo(trainingStep(full, xs, ys), 5);
    const grads = tf.variableGrads(
      () => tf.losses.softmaxCrossEntropy(ys, plain.apply(xs, { training: true }) as tf.Tensor) as tf.Scalar,
    );
    expect(Object.keys(grads.grads).length).toBe(plain.trainableWeights.length);
    tf.dispose([grads.value, ...Object.values(grads.grads)]);
    plain.dispose();
    full.dispose();
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([xs, ys]);
  });

  it('concatenates along the axis asked for, also given negatively', () => {
    const b = new GraphBuilder();
    const x = b.input([2, 3, 1]);
    const y = b.add('Activation', { activation: 'linear' }, [x], 'same');
    b.add('Concatenate', { axis: -2 }, [x, y], 'cat');
    const { model } = compileGraph(tf, b.build());
    const input = tf.tensor4d([1, 2, 3, 4, 5, 6], [1, 2, 3, 1]);
    const out = model.predict(input) as tf.Tensor;
    expect(out.shape).toEqual([1, 2, 6, 1]);
    expect(Array.from(out.dataSync())).toEqual([1, 2, 3, 1, 2, 3, 4, 5, 6, 4, 5, 6]);
    tf.dispose([input, out]);
    model.dispose();
  });

  it('compiles Reshape with -1 and Flatten of a vector', () => {
    const b = new GraphBuilder();
    const x = b.input([4, 4, 2]);
    const r = b.add('Reshape', { targetShape: [-1, 4] }, [x], 'reshape');
    const f = b.add('Flatten', {}, [r], 'flat');
    b.add('Flatten', {}, [f], 'flat_again');
    const { model } = compileGraph(tf, b.build());
    expect(model.outputs[0]!.shape).toEqual([null, 32]);
    model.dispose();
  });

  it('refuses a dilated depthwise convolution, which tfjs would silently run undilated', () => {
    const b = new GraphBuilder();
    const x = b.input([9, 9, 2]);
    b.add('DepthwiseConv2D', { kernelSize: [3, 3], dilation: [2, 2] }, [x], 'dw');
    expect(() => compileGraph(tf, b.build())).toThrow(CompileError);
    expect(() => compileGraph(tf, b.build())).toThrow(/dw: TensorFlow\.js ignores dilation/);
  });
});

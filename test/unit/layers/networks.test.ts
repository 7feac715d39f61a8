import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluate';

/**
 * Whole published networks chained through the catalog, checked against the docs/conventions.md
 * reference figures (Keras Applications, include_top, 1000 classes). Sequential
 * networks need no graph code, so this pins the per-layer formulas end to end.
 */
class Chain {
  trainable = 0;
  nonTrainable = 0;
  macs = 0;
  constructor(public shape: readonly number[]) {}

  add(kind: string, raw: Record<string, unknown> = {}): this {
    const result = evaluate(kind, raw, [this.shape]);
    this.shape = result.shape;
    this.trainable += result.params.trainable;
    this.nonTrainable += result.params.nonTrainable;
    this.macs += result.macs;
    return this;
  }
}

describe('reference networks', () => {
  it('VGG16 at 224: 138,357,544 params, 15,470,264,320 MACs', () => {
    const net = new Chain([224, 224, 3]);
    for (const [convs, filters] of [
      [2, 64],
      [2, 128],
      [3, 256],
      [3, 512],
      [3, 512],
    ] as const) {
      for (let i = 0; i < convs; i++) net.add('Conv2D', { filters, kernelSize: 3, activation: 'relu' });
      net.add('MaxPool2D');
    }
    net
      .add('Flatten')
      .add('Dense', { units: 4096, activation: 'relu' })
      .add('Dense', { units: 4096, activation: 'relu' });
    net.add('Dense', { units: 1000, activation: 'softmax' });
    expect(net.shape).toEqual([1000]);
    expect(net.trainable + net.nonTrainable).toBe(138_357_544);
    expect(net.nonTrainable).toBe(0);
    expect(net.macs).toBe(15_470_264_320);
  });

  it('MobileNet v1 (alpha 1) at 224: 4,253,864 params (21,888 non-trainable), 568,740,352 MACs', () => {
    const net = new Chain([224, 224, 3]);
    const bnRelu6 = () => net.add('BatchNorm').add('Activation', { activation: 'relu6' });
    net.add('Conv2D', { filters: 32, kernelSize: 3, strides: 2, useBias: false });
    bnRelu6();
    const blocks: [filters: number, stride: number][] = [
      [64, 1],
      [128, 2],
      [128, 1],
      [256, 2],
      [256, 1],
      [512, 2],
      [512, 1],
      [512, 1],
      [512, 1],
      [512, 1],
      [512, 1],
      [1024, 2],
      [1024, 1],
    ];
    for (const [filters, stride] of blocks) {
      if (stride === 2)
        net.add('ZeroPadding2D', {
          padding: [
            [0, 1],
            [0, 1],
          ],
        });
      net.add('DepthwiseConv2D', {
        kernelSize: 3,
        strides: stride,
        padding: stride === 1 ? 'same' : 'valid',
        useBias: false,
      });
      bnRelu6();
      net.add('Conv2D', { filters, kernelSize: 1, useBias: false });
      bnRelu6();
    }
    net.add('GlobalAvgPool2D', { keepDims: true }).add('Dropout', { rate: 0.001 });
    net.add('Conv2D', { filters: 1000, kernelSize: 1 }).add('Reshape', { targetShape: [1000] });
    net.add('Activation', { activation: 'softmax' });
    expect(net.shape).toEqual([1000]);
    expect(net.trainable + net.nonTrainable).toBe(4_253_864);
    expect(net.nonTrainable).toBe(21_888);
    expect(net.macs).toBe(568_740_352);
  });
});

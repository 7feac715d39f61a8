import { describe, expect, it } from 'vitest';
import { GraphBuilder } from '../../../shared/graph/builder';
import { buildInceptionV3 } from '../../../shared/templates/inceptionV3';
import { checkPrinciples } from '../../../shared/transforms';
import { convGraph } from './helpers';

/** 35×35×320 → pool → 17×17×320 → conv to 640: the paper's Figure 9 (left), a representational bottleneck. */
function poolThenExpand() {
  const b = new GraphBuilder();
  const x = b.input([35, 35, 320]);
  const pool = b.add('MaxPool2D', { poolSize: [3, 3], strides: [2, 2] }, [x], 'pool');
  b.add('Conv2D', { filters: 640, kernelSize: [3, 3], activation: 'relu' }, [pool], 'expand');
  return b.build();
}

/** The same reduction done as Inception v3 does it: stride-2 conv and pool side by side. */
function parallelReduction() {
  const b = new GraphBuilder();
  const x = b.input([35, 35, 320]);
  const conv = b.add('Conv2D', { filters: 320, kernelSize: [3, 3], strides: [2, 2], padding: 'valid' }, [x], 'conv');
  const pool = b.add('MaxPool2D', { poolSize: [3, 3], strides: [2, 2] }, [x], 'pool');
  b.add('Concatenate', {}, [conv, pool], 'concat');
  return b.build();
}

describe('design-principle warnings (Inception v3)', () => {
  it('flags pooling before expanding channels as a representational bottleneck, naming principle and fix', () => {
    const [warning, ...rest] = checkPrinciples(poolThenExpand());
    expect(rest).toEqual([]);
    expect(warning).toMatchObject({ nodeId: 'pool', code: 'representational-bottleneck', rule: 'grid-reduction' });
    expect(warning!.message).toMatch(
      /from 35×35×320 \(392,000 values\) to 17×17×320 \(92,480\), keeping 23.6% in one step/,
    );
    expect(warning!.message).toMatch(/principle 1/);
    expect(warning!.message).toMatch(/Fix: .*grid-reduction/);
    expect(checkPrinciples(poolThenExpand(), { bottleneckThreshold: 0.2 })).toEqual([]);
  });

  it('judges parallel branches by what the module produces, so the paper’s grid reduction passes', () => {
    expect(checkPrinciples(parallelReduction())).toEqual([]);
  });

  it('flags a large kernel with what each factorization would save', () => {
    const warnings = checkPrinciples(convGraph({ size: 17, channels: 16, filters: 16, kernel: [7, 7] }));
    expect(warnings.map((w) => [w.code, w.nodeId, w.rule])).toEqual([['large-kernel', 'target', 'asymmetric']]);
    expect(warnings[0]!.message).toMatch(/three stacked 3×3 convolutions for 44.9% fewer multiply-adds \(rule stack\)/);
    expect(warnings[0]!.message).toMatch(/1×7 then 7×1 for 71.4% fewer multiply-adds \(rule asymmetric\)/);
    expect(checkPrinciples(convGraph({ kernel: [3, 3] }))).toEqual([]);
  });

  it('flags channels growing without a grid reduction, but not growth where the grid shrinks', () => {
    const grow = (strides: [number, number]) => {
      const b = new GraphBuilder();
      let x = b.add('Conv2D', { filters: 16, kernelSize: [3, 3] }, [b.input([32, 32, 3])], 'c1');
      x = b.add('Conv2D', { filters: 24, kernelSize: [3, 3], strides }, [x], 'c2');
      b.add('Conv2D', { filters: 48, kernelSize: [3, 3] }, [x], 'c3');
      return b.build();
    };
    const [warning, ...rest] = checkPrinciples(grow([1, 1]));
    expect(rest).toEqual([]);
    expect(warning).toMatchObject({ nodeId: 'c3', code: 'width-without-reduction' });
    expect(warning!.message).toMatch(/grows from 16 to 48 \(3×\) at 32×32 without reducing the grid/);
    expect(checkPrinciples(grow([1, 1]), { widthGrowthThreshold: 3 })).toEqual([]);
    expect(checkPrinciples(grow([2, 2])).filter((w) => w.code === 'width-without-reduction')).toEqual([]);
  });

  it('on Inception v3: its stem bends principle 1, and module A keeps real 5×5s', () => {
    const warnings = checkPrinciples(buildInceptionV3());
    expect(warnings.map((w) => `${w.code}:${w.nodeId}`)).toEqual([
      'representational-bottleneck:max_pooling2d',
      'width-without-reduction:conv2d_4',
      'representational-bottleneck:max_pooling2d_1',
      'large-kernel:conv2d_7',
      'large-kernel:conv2d_14',
      'large-kernel:conv2d_21',
    ]);
    for (const w of warnings) {
      expect(w.severity).toBe('warning');
      expect(w.message).toContain(w.principle);
      expect(w.message).toContain(`Fix: ${w.fix}`);
    }
  });
});

import { GraphBuilder } from '../../../shared/graph/builder';

/** conv → batch norm (with `bn`'s settings) → global pool → dense: the smallest net that trains a BatchNorm. */
export function bnNet(bn: Record<string, unknown>) {
  const b = new GraphBuilder();
  const x = b.input([6, 6, 3]);
  const c = b.add('Conv2D', { filters: 4, kernelSize: [3, 3], useBias: false }, [x], 'conv');
  const n = b.add('BatchNorm', bn, [c], 'bn');
  const g = b.add('GlobalAvgPool2D', {}, [n], 'gap');
  b.add('Dense', { units: 3 }, [g], 'head');
  return b.build();
}
